add_executable(normalize_bench ${CMAKE_CURRENT_LIST_DIR}/normalize_bench.cc)
target_link_libraries(normalize_bench PRIVATE kurdi)
