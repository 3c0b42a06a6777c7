# Fails when a source includes a header of a layer above its own (docs/architecture.md, "Layers").
# A file belongs to the first of these folders that holds it, and may include headers of the
# folders its layer lists: its own and those below. engines/ and reports/ stand side by side,
# so neither includes the other.
#   cmake -DROOT=<source folder> -DSTAMP=<file to touch when clean> -P cmake/check_layers.cmake
cmake_minimum_required(VERSION 3.22)
# runner/ holds no sources of its own, only its sub-layers, in the order of the data path: the
# user's input read, the expectation notation matched, the corpus loaded, the run scheduled and
# judged, the gate and reports read back, and explore on top of it all.
set(runner_layers runner/model runner/input runner/match runner/corpus runner/run runner/gate
                  runner/explore)
set(layers ${runner_layers} engines reports cli)
set(below "")
foreach(layer ${runner_layers})
  list(APPEND below ${layer})
  set(below_${layer} ${below})
endforeach()
set(below_engines ${runner_layers} engines)
set(below_reports ${runner_layers} reports)
set(below_cli ${runner_layers} engines reports cli)

function(layer_of path out)
  set(found "")
  foreach(layer ${layers})
    string(FIND "${path}" "${layer}/" at)
    if(at EQUAL 0)
      set(found ${layer})
      break()
    endif()
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE sources RELATIVE "${ROOT}" "${ROOT}/runner/*.h" "${ROOT}/runner/*.cc"
     "${ROOT}/engines/*.h" "${ROOT}/engines/*.cc" "${ROOT}/reports/*.h" "${ROOT}/reports/*.cc"
     "${ROOT}/cli/*.h" "${ROOT}/cli/*.cc")
set(broken "")
foreach(source ${sources})
  layer_of("${source}" own)
  if(NOT own)
    string(APPEND broken "  ${source} sits in runner/ itself, not in one of its sub-layers\n")
    continue()
  endif()
  file(STRINGS "${ROOT}/${source}" includes REGEX "^#include \"[^\"]+\"")
  foreach(line ${includes})
    string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" header "${line}")
    layer_of("${header}" theirs)
    if(theirs AND NOT theirs IN_LIST below_${own})
      string(APPEND broken "  ${source} (${own}/) includes ${header} (${theirs}/)\n")
    endif()
  endforeach()
endforeach()
if(broken)
  message(FATAL_ERROR "An include runs back up the layers (runner/model/ <- input/ <- match/ <- "
                      "corpus/ <- run/ <- gate/ <- explore/ <- engines/ and reports/ <- cli/):\n${broken}")
endif()
file(TOUCH "${STAMP}")
