add_executable(numbers_bench ${CMAKE_CURRENT_LIST_DIR}/numbers_bench.cc)
target_link_libraries(numbers_bench PRIVATE kurdi)
