# kurdi_stage(NAME SOURCES a.cc b.cc DEPS kurdi_text ... TABLES data/x/y.tsv ... LIBS ...)
#
# Defines the static library kurdi_NAME from SOURCES. TABLES are hand-written TSV files under data/;
# each one is validated and compiled into the library by kurdi_tablegen at build time (editing a row
# rebuilds it), and is reachable at run time as the symbol kurdi::tables::<stage_file_tsv> (see src/text/tables.h).
# A stage links only stages before it in the pipeline (DEPS).
function(kurdi_stage NAME)
  cmake_parse_arguments(S "" "" "SOURCES;DEPS;TABLES;LIBS" ${ARGN})
  set(generated "")
  foreach(table IN LISTS S_TABLES)
    get_filename_component(abs ${CMAKE_SOURCE_DIR}/${table} ABSOLUTE)
    string(REGEX REPLACE "^data/" "" key ${table})
    string(MAKE_C_IDENTIFIER ${key} ident)
    set(out ${CMAKE_BINARY_DIR}/generated/tables/${ident}.cc)
    add_custom_command(
      OUTPUT ${out}
      COMMAND kurdi_tablegen ${abs} ${key} ${out}
      DEPENDS kurdi_tablegen ${abs}
      COMMENT "tablegen ${key}"
      VERBATIM)
    list(APPEND generated ${out})
  endforeach()
  add_library(kurdi_${NAME} STATIC ${S_SOURCES} ${generated})
  target_include_directories(kurdi_${NAME} PUBLIC ${CMAKE_SOURCE_DIR}/include PRIVATE ${CMAKE_SOURCE_DIR}/src)
  if(S_DEPS)
    foreach(dep IN LISTS S_DEPS)
      if(dep MATCHES "^kurdi_" AND NOT TARGET ${dep})
        string(REPLACE "kurdi_" "" dep_stage "${dep}")
        message(FATAL_ERROR "stage ${NAME} needs stage ${dep_stage}: add it to KURDI_ONLY_STAGES")
      endif()
    endforeach()
    target_link_libraries(kurdi_${NAME} PUBLIC ${S_DEPS})
  endif()
  if(S_LIBS)
    target_link_libraries(kurdi_${NAME} PUBLIC ${S_LIBS})
  endif()
endfunction()
