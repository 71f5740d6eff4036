# Warning set and sanitizers, applied through an interface target rather than global flags.
add_library(corpusflow_options INTERFACE)
target_compile_options(corpusflow_options INTERFACE -Wall -Wextra -Werror)
if(CORPUSFLOW_SANITIZE)
  target_compile_options(corpusflow_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(corpusflow_options INTERFACE -fsanitize=address,undefined)
endif()

# corpusflow_library(NAME DEPS...): one library per folder, made of the folder's *.cpp files.
function(corpusflow_library name)
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp")
  if(sources)
    add_library(${name} STATIC ${sources})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC corpusflow_options ${ARGN})
  else()
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} INTERFACE corpusflow_options ${ARGN})
  endif()
endfunction()

# corpusflow_forbid_links(TARGET FORBIDDEN...): configuring fails when TARGET links one of FORBIDDEN directly.
# Checked for every library, so a forbidden dependency cannot come in through another one either.
function(corpusflow_forbid_links target)
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "INTERFACE_LIBRARY")
    get_target_property(libraries ${target} INTERFACE_LINK_LIBRARIES)
  else()
    get_target_property(libraries ${target} LINK_LIBRARIES)
  endif()
  foreach(library IN LISTS libraries)
    if(library IN_LIST ARGN)
      message(FATAL_ERROR "${target} must not link ${library} (layering: docs/architecture.md)")
    endif()
  endforeach()
endfunction()
