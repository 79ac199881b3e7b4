# The optional libraries of the readers: pugixml (GraphML) and zlib (deflated NPZ members),
# for equiscope_core and for the fuzzers' copy of the readers (tests/fuzz).
function(equiscope_reader_libraries target)
  if(pugixml_FOUND)
    target_link_libraries(${target} PRIVATE pugixml::pugixml)
    target_compile_definitions(${target} PRIVATE EQUISCOPE_HAVE_PUGIXML)
  endif()
  if(ZLIB_FOUND)
    target_link_libraries(${target} PRIVATE ZLIB::ZLIB)
    target_compile_definitions(${target} PRIVATE EQUISCOPE_HAVE_ZLIB)
  endif()
endfunction()
