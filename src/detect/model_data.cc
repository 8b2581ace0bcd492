// The language-identification model (data/detect/lid.model), embedded byte for byte at build time.
// KURDI_LID_MODEL is its absolute path (set in src/detect/CMakeLists.txt, which also makes this object
// depend on the file).
#include <cstddef>

__asm__(".section .rodata\n"
        ".balign 16\n"
        ".global kurdi_lid_model_begin\n"
        "kurdi_lid_model_begin:\n"
        ".incbin \"" KURDI_LID_MODEL "\"\n"
        ".global kurdi_lid_model_end\n"
        "kurdi_lid_model_end:\n"
        ".byte 0\n"
        ".previous\n");
