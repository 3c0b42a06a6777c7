# Proves that cmake/check_layers.cmake fails on what it must refuse and passes the real tree:
# an include that runs back up a sub-layer of runner/, a source in runner/ itself, and engines/
# including reports/ each fail with their file named; the layers in order pass.
#   cmake -DSOURCE=<source folder> -DWORK=<scratch folder> -P tests/layers/check_layers_test.cmake
cmake_minimum_required(VERSION 3.22)
set(check "${SOURCE}/cmake/check_layers.cmake")

function(expect_check root want_failure want_text)
  execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${root} -DSTAMP=${WORK}/stamp -P ${check}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(want_failure AND status EQUAL 0)
    message(FATAL_ERROR "check_layers passed ${root}, which breaks a layer (${want_text})")
  endif()
  if(NOT want_failure AND NOT status EQUAL 0)
    message(FATAL_ERROR "check_layers refused ${root}, which keeps the layers:\n${err}")
  endif()
  string(REPLACE "\n" "" err "${err}")
  string(REGEX REPLACE " +" " " err "${err}")
  string(FIND "${err}" "${want_text}" at)
  if(want_failure AND at EQUAL -1)
    message(FATAL_ERROR "check_layers did not name \"${want_text}\":\n${err}")
  endif()
endfunction()

function(tree name)  # name, then pairs of path and included header ("" for none)
  file(REMOVE_RECURSE "${WORK}/${name}")
  set(pairs ${ARGN})
  list(LENGTH pairs count)
  math(EXPR last "${count} - 1")
  foreach(at RANGE 0 ${last} 2)
    math(EXPR next "${at} + 1")
    list(GET pairs ${at} path)
    list(GET pairs ${next} header)
    set(text "#pragma once\n")
    if(NOT header STREQUAL "-")
      string(APPEND text "#include \"${header}\"\n")
    endif()
    file(WRITE "${WORK}/${name}/${path}" "${text}")
  endforeach()
endfunction()

file(REMOVE_RECURSE "${WORK}")
tree(down runner/model/case.h - runner/input/text_file.h runner/model/case.h
     runner/gate/gate.h runner/run/plan.h runner/run/plan.h runner/corpus/corpus.h
     runner/corpus/corpus.h runner/match/matcher.h runner/match/matcher.h runner/input/text_file.h
     engines/profile.h runner/gate/gate.h reports/json.h runner/explore/program.h
     runner/explore/program.h runner/gate/gate.h cli/main.cc engines/profile.h)
expect_check("${WORK}/down" FALSE "")
tree(up runner/input/text_file.h runner/gate/gate.h runner/gate/gate.h -)
expect_check("${WORK}/up" TRUE "runner/input/text_file.h (runner/input/) includes runner/gate/gate.h (runner/gate/)")
tree(match_up runner/match/matcher.h runner/corpus/corpus.h runner/corpus/corpus.h -)
expect_check("${WORK}/match_up" TRUE "runner/match/matcher.h (runner/match/) includes runner/corpus/corpus.h")
tree(flat runner/loose.h -)
expect_check("${WORK}/flat" TRUE "runner/loose.h sits in runner/ itself")
tree(sideways engines/profile.h reports/json.h reports/json.h -)
expect_check("${WORK}/sideways" TRUE "engines/profile.h (engines/) includes reports/json.h (reports/)")
expect_check("${SOURCE}" FALSE "")
file(REMOVE_RECURSE "${WORK}")
