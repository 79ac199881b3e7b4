# Compile settings of the project's own targets: warnings on (third-party headers come in
# as SYSTEM) and LibTorch's precompiled header for the files that include it.
# (-Wpedantic also changes what GCC predefines, so the precompiled header gets it too.)
set(EQUISCOPE_WARNING_FLAGS -Wall -Wextra -Wpedantic -Wno-unused-parameter)
include(EquiScopeTorchPch)
function(equiscope_compile_settings target)
  target_compile_options(${target} PRIVATE ${EQUISCOPE_WARNING_FLAGS})
  equiscope_torch_pch(${target})
endfunction()
