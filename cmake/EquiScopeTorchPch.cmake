# LibTorch's <torch/torch.h> costs about 13 s of every file that includes it (-O3, one
# core). The files that include it, directly or through one of our headers, compile against
# one precompiled copy instead (target equiscope_torch_pch; README "Build time"); the
# others skip it, since it would add seconds to them and bring its names into theirs. GCC
# takes a precompiled header only with the code-generation flags it was made with, so every
# file that uses it is compiled with -fPIC, as Qt's targets are anyway.
option(EQUISCOPE_TORCH_PCH "Precompile LibTorch's header for the files that include it" ON)

# The regex of an #include line that brings torch in: <torch/...> or one of our headers
# that includes it, directly or not (found once per configure, to a fixed point).
function(_equiscope_torch_include_regex out)
  file(GLOB_RECURSE headers ${CMAKE_SOURCE_DIR}/core/*.h ${CMAKE_SOURCE_DIR}/plugins/*.h
       ${CMAKE_SOURCE_DIR}/views/*.h ${CMAKE_SOURCE_DIR}/app/*.h ${CMAKE_SOURCE_DIR}/tests/*.h
       ${CMAKE_SOURCE_DIR}/bench/*.h)
  set(names "")
  set(regex "^#include <torch/")
  set(changed TRUE)
  while(changed)
    set(changed FALSE)
    foreach(header IN LISTS headers)
      file(STRINGS ${header} hits REGEX "${regex}")
      if(hits)
        list(REMOVE_ITEM headers ${header})
        get_filename_component(name ${header} NAME_WE)
        list(APPEND names ${name})
        list(JOIN names "|" alternatives)
        set(regex "^#include (<torch/|\"([^\"]*/)?(${alternatives})\\.h\")")
        set(changed TRUE)
      endif()
    endforeach()
  endwhile()
  set(${out} "${regex}" PARENT_SCOPE)
endfunction()

# Makes the precompiled header's target, once LibTorch is found (not in the fuzz build).
function(equiscope_enable_torch_pch)
  if(NOT EQUISCOPE_TORCH_PCH)
    return()
  endif()
  _equiscope_torch_include_regex(regex)
  set_property(GLOBAL PROPERTY EQUISCOPE_TORCH_INCLUDE_REGEX "${regex}")
  # In a folder of its own: macros that later folders define for all their targets
  # (QT_NO_KEYWORDS) would make the header unusable for the targets without them.
  add_subdirectory(${CMAKE_SOURCE_DIR}/cmake/torch_pch ${CMAKE_BINARY_DIR}/torch_pch)
endfunction()

# Run at the end of the configure, when `target` has all its sources.
function(_equiscope_apply_torch_pch target)
  if(NOT TARGET equiscope_torch_pch)
    return()
  endif()
  get_property(regex GLOBAL PROPERTY EQUISCOPE_TORCH_INCLUDE_REGEX)
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  get_target_property(binary_dir ${target} BINARY_DIR)
  set(uses FALSE)
  set(skipped ${binary_dir}/${target}_autogen/mocs_compilation.cpp)
  foreach(source IN LISTS sources)
    get_filename_component(path ${source} ABSOLUTE BASE_DIR ${source_dir})
    set(hits "")
    if(path MATCHES "\\.cpp$" AND EXISTS ${path})
      file(STRINGS ${path} hits REGEX "${regex}")
    endif()
    if(hits)
      set(uses TRUE)
    else()
      list(APPEND skipped ${path})
    endif()
  endforeach()
  if(NOT uses)
    return()
  endif()
  set_source_files_properties(${skipped} TARGET_DIRECTORY ${target}
                              PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
  target_precompile_headers(${target} REUSE_FROM equiscope_torch_pch)
  target_compile_options(${target} PRIVATE -fPIC)
endfunction()

function(equiscope_torch_pch target)
  # DEFER evaluates its arguments when it runs: the target's name goes in as text now.
  cmake_language(EVAL CODE "cmake_language(DEFER DIRECTORY [[${CMAKE_SOURCE_DIR}]] CALL _equiscope_apply_torch_pch [[${target}]])")
endfunction()
