// Compatibility shim for TorchSharp's libLibTorchSharp.so on systems whose
// libstdc++ predates GCC 13 (no GLIBCXX_3.4.32), e.g. Debian 12.
//
// GCC 13's <iostream> no longer gives every translation unit its own
// static std::ios_base::Init object. Instead it emits a reference to
// std::ios_base_library_init() (versioned GLIBCXX_3.4.32), which merely forces
// a dependency on a libstdc++ that initialises the standard streams itself.
// patch-libtorchsharp.sh strips the symbol version from that reference and
// makes libLibTorchSharp.so depend on this library, which provides the
// symbol. Including <iostream> here (built with GCC <= 12) adds the classic
// static ios_base::Init object, so std::cout & co. are constructed before
// libLibTorchSharp.so's own initialisers run (we are one of its DT_NEEDED).
#include <iostream>

namespace std
{
    __attribute__((visibility("default"))) void ios_base_library_init();

    void ios_base_library_init()
    {
    }
}
