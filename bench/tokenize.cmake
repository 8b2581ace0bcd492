add_executable(tokenize_bench ${CMAKE_CURRENT_LIST_DIR}/tokenize_bench.cc)
target_link_libraries(tokenize_bench PRIVATE kurdi)
