# regflow_set_warnings(target): the project's warning set, errors when REGFLOW_WERROR is on.
function(regflow_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wswitch-enum
    -Wnon-virtual-dtor)
  if(REGFLOW_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  regflow_enable_sanitizers(${target})
endfunction()

# regflow_enable_sanitizers(target): ASan + UBSan for the test build (REGFLOW_SANITIZE).
function(regflow_enable_sanitizers target)
  if(REGFLOW_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
