if(TARGET kurdi_search)
  add_executable(search_bench ${CMAKE_CURRENT_LIST_DIR}/search_bench.cc)
  target_link_libraries(search_bench PRIVATE kurdi)
  # GCC 12 reports a false -Wrestrict inside std::string operations (GCC bug 105329), as in src/search.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(search_bench PRIVATE -Wno-restrict)
  endif()
endif()
