if(TARGET kurdi_search)
  add_executable(search_bench ${CMAKE_CURRENT_LIST_DIR}/search_bench.cc)
  target_link_libraries(search_bench PRIVATE kurdi)
endif()
