# cmake -P script: writes OUTPUT from TEMPLATE with VERSION and the git commit of SOURCE_DIR (short hash, -dirty
# when tracked files have uncommitted changes; unknown without git or outside a checkout of SOURCE_DIR).
# configure_file leaves OUTPUT untouched when its text is unchanged, so an unchanged commit rebuilds nothing.
set(CORPUSFLOW_VERSION "${VERSION}")
set(CORPUSFLOW_COMMIT unknown)
find_program(GIT_EXECUTABLE git)
if(GIT_EXECUTABLE)
  execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${SOURCE_DIR}" rev-parse --show-toplevel
                  RESULT_VARIABLE failed OUTPUT_VARIABLE top OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT failed)
    file(REAL_PATH "${top}" top)
    file(REAL_PATH "${SOURCE_DIR}" source)
  endif()
  # A source tree unpacked inside some other repository is not that repository's commit.
  if(NOT failed AND top STREQUAL source)
    execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${SOURCE_DIR}" describe --always --dirty --exclude=*
                    RESULT_VARIABLE failed OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(NOT failed AND commit)
      set(CORPUSFLOW_COMMIT "${commit}")
    endif()
  endif()
endif()
configure_file("${TEMPLATE}" "${OUTPUT}" @ONLY)
