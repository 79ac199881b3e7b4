# Warnings for the project's own targets (third-party headers come in as SYSTEM).
function(equiscope_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
endfunction()
