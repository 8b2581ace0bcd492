add_executable(detect_bench ${CMAKE_CURRENT_LIST_DIR}/detect_bench.cc)
target_link_libraries(detect_bench PRIVATE kurdi)
