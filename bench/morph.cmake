add_executable(morph_bench ${CMAKE_CURRENT_LIST_DIR}/morph_bench.cc)
target_link_libraries(morph_bench PRIVATE kurdi)
