# Builds Duktape from the source that Debian's duktape-dev ships, with options the packaged library
# lacks: an interrupt counter and an execution-timeout check, so that a runaway case can be
# stopped; fast integers; and no non-standard `fileName` property on functions (the spec's
# functions have none, and every function pays for it). The edited duk_config.h is generated into
# the build tree.
set(DUKTAPE_SOURCE_DIR "/usr/share/duktape" CACHE PATH "Folder holding duktape.c, duktape.h, duk_config.h")
if(NOT EXISTS "${DUKTAPE_SOURCE_DIR}/duktape.c")
  message(FATAL_ERROR "duktape.c not found in ${DUKTAPE_SOURCE_DIR}: install the Debian package duktape-dev")
endif()

set(duktape_dir "${CMAKE_BINARY_DIR}/duktape")
file(READ "${DUKTAPE_SOURCE_DIR}/duk_config.h" duk_config)
function(duktape_option line replacement)
  string(FIND "${duk_config}" "${line}\n" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "duk_config.h has no '${line}' line to change")
  endif()
  string(REPLACE "${line}\n" "${replacement}\n" duk_config "${duk_config}")
  set(duk_config "${duk_config}" PARENT_SCOPE)
endfunction()
duktape_option("#undef DUK_USE_INTERRUPT_COUNTER" "#define DUK_USE_INTERRUPT_COUNTER")
duktape_option("#undef DUK_USE_FASTINT" "#define DUK_USE_FASTINT")
duktape_option("#define DUK_USE_FUNC_FILENAME_PROPERTY" "#undef DUK_USE_FUNC_FILENAME_PROPERTY")
duktape_option("#undef DUK_USE_EXEC_TIMEOUT_CHECK"
  "#if defined(__cplusplus)\nextern \"C\"\n#endif\nint settle_duktape_exec_timeout_check(void* heap_udata);\n#define DUK_USE_EXEC_TIMEOUT_CHECK(udata) settle_duktape_exec_timeout_check(udata)")
file(WRITE "${duktape_dir}/duk_config.h.tmp" "${duk_config}")
file(COPY_FILE "${duktape_dir}/duk_config.h.tmp" "${duktape_dir}/duk_config.h" ONLY_IF_DIFFERENT)
file(COPY_FILE "${DUKTAPE_SOURCE_DIR}/duktape.h" "${duktape_dir}/duktape.h" ONLY_IF_DIFFERENT)
file(COPY_FILE "${DUKTAPE_SOURCE_DIR}/duktape.c" "${duktape_dir}/duktape.c" ONLY_IF_DIFFERENT)

add_library(duktape STATIC "${duktape_dir}/duktape.c")
target_include_directories(duktape SYSTEM PUBLIC "${duktape_dir}")
set_target_properties(duktape PROPERTIES C_STANDARD 99 POSITION_INDEPENDENT_CODE ON)
# -fexceptions: the fatal-error handler throws a C++ exception through Duktape's frames.
target_compile_options(duktape PRIVATE -w -O2 -fexceptions)
target_link_libraries(duktape PUBLIC m)
