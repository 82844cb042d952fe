# One static library per layer of src/ (see the README's layer map). A layer compiles against a
# view of src/ that holds only its own folder and the folders of the layers it may include
# (symlinks under build/layer-includes/<layer>/), so an include that reaches up fails to build,
# and it links only those layers.
#
#   agenthq_layer(<layer> [MAY_INCLUDE <lower layer>...] [SOURCES <extra source>...])
#
# Statements in src/<layer>/**/sql/*.sql become headers of named constants (cmake/embed_sql.cmake),
# visible to that layer only.
#
# MAY_INCLUDE lists every lower layer the layer's files may include, the indirect ones too: a
# header of a lower layer includes its own lower layers through the same view.
function(agenthq_layer layer)
  cmake_parse_arguments(L "" "" "MAY_INCLUDE;SOURCES" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/${layer}/*.cpp)
  list(FILTER sources EXCLUDE REGEX ".*_test\\.cpp$")
  add_library(agenthq_${layer} STATIC ${sources} ${L_SOURCES})

  set(view ${CMAKE_BINARY_DIR}/layer-includes/${layer})
  file(REMOVE_RECURSE ${view})
  file(MAKE_DIRECTORY ${view})
  foreach(visible ${layer} ${L_MAY_INCLUDE})
    if(NOT IS_DIRECTORY ${CMAKE_SOURCE_DIR}/src/${visible})
      message(FATAL_ERROR "layer ${layer}: no src/${visible}")
    endif()
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/${visible} ${view}/${visible} SYMBOLIC)
  endforeach()
  target_include_directories(agenthq_${layer} PRIVATE ${view})

  file(GLOB_RECURSE statements CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/${layer}/*.sql)
  set(generated_root ${CMAKE_BINARY_DIR}/sql-includes/${layer})
  foreach(statement ${statements})
    file(RELATIVE_PATH relative ${CMAKE_SOURCE_DIR}/src ${statement})
    set(header ${generated_root}/${relative}.hpp)
    add_custom_command(
      OUTPUT ${header}
      COMMAND ${CMAKE_COMMAND} -DSQL_FILE=${statement} -DSOURCE_ROOT=${CMAKE_SOURCE_DIR}/src -DOUTPUT=${header}
              -P ${CMAKE_SOURCE_DIR}/cmake/embed_sql.cmake
      DEPENDS ${statement} ${CMAKE_SOURCE_DIR}/cmake/embed_sql.cmake
      COMMENT "Embedding src/${relative}"
      VERBATIM)
    target_sources(agenthq_${layer} PRIVATE ${header})
  endforeach()
  if(statements)
    target_include_directories(agenthq_${layer} PRIVATE ${generated_root})
  endif()

  list(TRANSFORM L_MAY_INCLUDE PREPEND agenthq_ OUTPUT_VARIABLE lower)
  target_link_libraries(agenthq_${layer} PUBLIC agenthq_build ${lower})
  # Asio/Beast headers dominate compile time: every layer reuses util's precompiled header.
  if(NOT layer STREQUAL "util")
    target_precompile_headers(agenthq_${layer} REUSE_FROM agenthq_util)
  endif()
endfunction()
