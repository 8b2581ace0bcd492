add_executable(spell_bench ${CMAKE_CURRENT_LIST_DIR}/spell_bench.cc)
target_link_libraries(spell_bench PRIVATE kurdi)
