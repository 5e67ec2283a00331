//===- Loader.cpp - HeapToStack.so: check the host's LLVM, then load the pass ===//
//
// A plugin works only inside the LLVM it was built for, and a mismatch
// would otherwise surface as the dynamic linker's "undefined symbol:
// _ZN4llvm..." and nothing a user can act on.  So HeapToStack.so, the file
// users name, holds no code that needs LLVM's C++ symbols: it asks the host
// for its version (LLVM-C's LLVMGetVersion), and only when the major
// version is the one it was built for loads the pass itself,
// HeapToStack-llvmN.so, from its own directory, and hands clang or opt that
// plugin's entry point.  Otherwise it prints one line saying which plugin
// to use, and its entry point reports API version 0, which the host then
// refuses.
//
// The pass is loaded when this file is (a constructor), so that its
// -heap2stack-* options exist for hosts that parse -mllvm right after
// loading a library (clang -Xclang -load, lld -mllvm -load).
//
//===----------------------------------------------------------------------===//
// The loader must not need even the ABI-check symbol of LLVM it was built for.
#define LLVM_DISABLE_ABI_BREAKING_CHECKS_ENFORCING 1
#include "llvm-c/Core.h"
#include "llvm/Config/llvm-config.h"
#if LLVM_VERSION_MAJOR >= 22
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif

#include <dlfcn.h>
#include <cstdio>
#include <string>

// The tests build this file for another LLVM to see it refuse a host.
#ifdef LLVM_VERSION_MAJOR_OVERRIDE
#define H2S_BUILT_FOR LLVM_VERSION_MAJOR_OVERRIDE
#else
#define H2S_BUILT_FOR LLVM_VERSION_MAJOR
#endif

namespace {

using GetInfo = llvm::PassPluginLibraryInfo (*)();
GetInfo PassEntry = nullptr;

// This file's directory, with a trailing '/', or "" when unknown.
std::string ownDirectory() {
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&ownDirectory), &Info) || !Info.dli_fname)
    return "";
  std::string Path = Info.dli_fname;
  return Path.substr(0, Path.rfind('/') + 1);
}

__attribute__((constructor)) void loadPass() {
  unsigned Major = 0, Minor = 0, Patch = 0;
  LLVMGetVersion(&Major, &Minor, &Patch);
  if (Major != H2S_BUILT_FOR) {
    std::fprintf(stderr,
                 "heap2stack: this HeapToStack.so is for LLVM %d, but it was loaded "
                 "into LLVM %u.%u: use the plugin built for LLVM %u (cmake "
                 "-DLLVM_DIR=/usr/lib/llvm-%u/lib/cmake/llvm)\n",
                 H2S_BUILT_FOR, Major, Minor, Major, Major);
    return;
  }
  std::string Pass = ownDirectory() + "HeapToStack-llvm" +
                     std::to_string(H2S_BUILT_FOR) + ".so";
  void *Handle = dlopen(Pass.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (Handle)
    PassEntry = reinterpret_cast<GetInfo>(dlsym(Handle, "llvmGetPassPluginInfo"));
  if (!PassEntry)
    std::fprintf(stderr, "heap2stack: cannot load the pass, %s: %s\n", Pass.c_str(),
                 dlerror());
}

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK llvm::PassPluginLibraryInfo llvmGetPassPluginInfo() {
  if (!PassEntry)
    return {0, "HeapToStack", "0.1", nullptr};
  return PassEntry();
}
