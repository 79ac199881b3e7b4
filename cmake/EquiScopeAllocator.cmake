# The memory allocator of our executables. LibTorch frees and reallocates every batched
# intermediate; glibc hands blocks above its mmap threshold back to the kernel, so each
# forward pays for freshly zeroed pages (measured: 11 s of system time in an 11 s check).
# tcmalloc (gperftools; Debian's libtcmalloc-minimal4) keeps them: EQUISCOPE_ALLOCATOR
# picks tcmalloc when it is found (the default), or the system's malloc. Sanitizer builds
# keep the system's: they bring their own.
set(EQUISCOPE_ALLOCATOR "tcmalloc" CACHE STRING "Allocator of the executables: tcmalloc or system")
set_property(CACHE EQUISCOPE_ALLOCATOR PROPERTY STRINGS tcmalloc system)
find_library(EQUISCOPE_TCMALLOC_LIBRARY NAMES tcmalloc_minimal libtcmalloc_minimal.so.4)
set(EQUISCOPE_USE_TCMALLOC OFF)
if(EQUISCOPE_ALLOCATOR STREQUAL "tcmalloc" AND NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize")
  if(EQUISCOPE_TCMALLOC_LIBRARY)
    set(EQUISCOPE_USE_TCMALLOC ON)
  else()
    message(STATUS "tcmalloc not found (libtcmalloc-minimal4): the system's malloc is used")
  endif()
endif()

# Links the allocator into an executable (libraries never choose it). --no-as-needed keeps
# it in the executable's NEEDED list although no symbol is named: its malloc then comes
# first in the symbol lookup of the whole process.
function(equiscope_use_allocator target)
  if(EQUISCOPE_USE_TCMALLOC)
    target_link_libraries(${target} PRIVATE -Wl,--push-state,--no-as-needed
                          ${EQUISCOPE_TCMALLOC_LIBRARY} -Wl,--pop-state)
  endif()
endfunction()
