add_executable(translit_bench ${CMAKE_CURRENT_LIST_DIR}/translit_bench.cc)
target_link_libraries(translit_bench PRIVATE kurdi)
