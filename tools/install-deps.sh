#!/usr/bin/env bash
# tools/install-deps.sh - install what heap2stack builds and tests with.
#
# LLVM 22 (llvm-22-dev, clang-22, llvm-22-tools with lit and FileCheck,
# lld-22) and CMake from Debian's packages, only when something is missing, so a machine
# that already has them is not touched.  Needs root (apt-get) on first use.
set -euo pipefail

need=()
[ -x /usr/lib/llvm-22/bin/llvm-config ] || need+=(llvm-22-dev)
[ -x /usr/lib/llvm-22/bin/clang ] || need+=(clang-22)
# The sanitizer runtimes, for the tests of programs built with -fsanitize.
ls /usr/lib/llvm-22/lib/clang/22/lib/*/libclang_rt.asan* >/dev/null 2>&1 || need+=(libclang-rt-22-dev)
[ -x /usr/lib/llvm-22/bin/lit ] && [ -x /usr/lib/llvm-22/bin/FileCheck ] || need+=(llvm-22-tools)
# lld, for the end-to-end tests that link with -flto and run the pass there.
[ -x /usr/lib/llvm-22/bin/ld.lld ] || need+=(lld-22)
command -v cmake >/dev/null || need+=(cmake)
command -v make >/dev/null || need+=(make)
command -v g++ >/dev/null || need+=(g++)
command -v python3 >/dev/null || need+=(python3)

if [ ${#need[@]} -gt 0 ]; then
  echo "heap2stack: installing ${need[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
