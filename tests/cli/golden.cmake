# Runs one CLI golden case: KURDI ARGS (space-separated) < INPUT, compared byte for byte with EXPECTED.
# Used by tests/CMakeLists.txt as `cmake -DKURDI=... -DARGS=... -DINPUT=... -DEXPECTED=... -P golden.cmake`.
separate_arguments(args UNIX_COMMAND "${ARGS}")
execute_process(COMMAND ${KURDI} ${args} INPUT_FILE ${INPUT} OUTPUT_VARIABLE out ERROR_VARIABLE err
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kurdi ${ARGS} exited with ${rc}: ${err}")
endif()
file(READ ${EXPECTED} want)
if(NOT out STREQUAL want)
  message(FATAL_ERROR "kurdi ${ARGS} < ${INPUT}\n--- expected\n${want}--- got\n${out}")
endif()
