# lit configuration for heap2stack.
#
# RUN lines stay plain (`opt -passes=heap2stack -S < %s | FileCheck %s`): this
# file makes `opt` load the plugin and points every tool at LLVM 22.  opt
# runs the IR verifier on its output unless told not to, so every IR test
# verifies the module after the pass.  End-to-end tests use %e2e, which
# builds a C or C++ file with and without the plugin and compares the runs.
import os

import lit.formats

config.name = "heap2stack"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".ll", ".c", ".cpp", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.h2s_obj_root, "test")

tools = config.llvm_tools_dir

# What differs between the LLVM versions the suite runs against (19, 22):
# IR that only newer versions write is in tests that REQUIRE it.
#   capture-components  captures(address), captures(ret: ...) (LLVM 21+)
#   bitstream-record    the pass's record in LLVM's bitstream (LLVM 21+)
#   lto-phase-callbacks extension points that say which LTO phase runs
#                       them, so the pass stays out of pre-link (LLVM 20+)
#   void-coro-end       llvm.coro.end returns void (LLVM 22)
#   realtime-sanitizer  sanitize_realtime, -fsanitize=realtime (LLVM 20+)
#   tli-reallocarray    TargetLibraryInfo knows reallocarray, so clang marks
#                       its declaration an allocator (LLVM 20+)
# and what is installed beside it:
#   libcxx              LLVM's libc++ for this clang (-stdlib=libc++)
config.available_features.add("llvm-%d" % config.llvm_version_major)
if os.path.exists(os.path.join(config.llvm_tools_dir, "..", "lib", "libc++.so")):
    config.available_features.add("libcxx")
for feature, since in [("capture-components", 21), ("bitstream-record", 21),
                       ("lto-phase-callbacks", 20), ("void-coro-end", 22),
                       ("realtime-sanitizer", 20), ("tli-reallocarray", 20)]:
    if config.llvm_version_major >= since:
        config.available_features.add(feature)
config.environment["PATH"] = os.pathsep.join(
    [tools, config.environment.get("PATH", os.environ.get("PATH", ""))])


def tool(name):
    return os.path.join(tools, name)


# With -DHEAP2STACK_SANITIZE=ON the plugin needs the ASan and UBSan runtimes
# preloaded into the tools that load it; a wrapper script per tool does that
# for the tool alone, not for the programs the tests build and run.  LLVM's
# tools free little at exit by design, so leak checking is off.
if config.sanitizer_preload:
    config.environment["ASAN_OPTIONS"] = "detect_leaks=0:abort_on_error=1"
    config.environment["UBSAN_OPTIONS"] = "halt_on_error=1:print_stacktrace=1"
    wrappers = os.path.join(config.h2s_obj_root, "test", "sanitized-tools")
    os.makedirs(wrappers, exist_ok=True)
    for name in ["opt", "clang", "clang++"]:
        path = os.path.join(wrappers, name)
        with open(path, "w") as f:
            f.write('#!/bin/sh\nLD_PRELOAD="{}" exec "{}" "$@"\n'.format(
                config.sanitizer_preload, os.path.join(tools, name)))
        os.chmod(path, 0o755)
    unwrapped_tool = tool

    def tool(name):
        wrapped = os.path.join(wrappers, name)
        return wrapped if os.path.exists(wrapped) else unwrapped_tool(name)


# Whole-word replacements of the tool names used in RUN lines.
def word(name):
    return r"(?<![\w./-])" + name + r"(?![\w.-])"


config.substitutions.append(
    (word("opt"), tool("opt") + " -load-pass-plugin=" + config.plugin))
config.substitutions.append((word("FileCheck"), tool("FileCheck")))
config.substitutions.append((word("not"), tool("not")))
config.substitutions.append(("%clangxx", tool("clang++")))
config.substitutions.append(("%llvminclude", config.llvm_include_dir))
config.substitutions.append(("%clang", tool("clang")))
# clang 19 parses -mllvm options before it loads -fpass-plugin, so that a
# plugin's own options are unknown unless clang also loads it as a clang
# plugin first (-Xclang -load); clang 22 loads pass plugins first.
if config.llvm_version_major < 22:
    config.substitutions.append(
        ("-fpass-plugin=%plugin", "-Xclang -load -Xclang {0} -fpass-plugin={0}".format(
            config.plugin)))
config.substitutions.append(("%plugin", config.plugin))
config.substitutions.append(("%heapcount", config.heapcount))
config.substitutions.append(
    ("%report", os.path.join(config.h2s_obj_root, "bin", "heap2stack-report")))
config.substitutions.append(("%buildroot", config.h2s_obj_root))
# The pass itself, which the plugin file loads from its own directory.
config.substitutions.append(
    ("%passname", "HeapToStack-llvm%d.so" % config.llvm_version_major))
config.substitutions.append(
    ("%h2scfg", os.path.join(config.h2s_obj_root, "share", "heap2stack", "heap2stack.cfg")))
config.substitutions.append(
    ("%profilelib", os.path.join(config.h2s_obj_root, "tools", "profile",
                                 "libheap2stack-profile.so")))
config.substitutions.append(
    ("%e2e",
     "env CLANG={} PLUGIN={} HEAPCOUNT={} bash {}".format(
         tool("clang"), config.plugin, config.heapcount,
         os.path.join(config.h2s_src_root, "test", "e2e", "compare.sh"))))
