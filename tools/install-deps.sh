#!/usr/bin/env bash
# tools/install-deps.sh - install what heap2stack builds and tests with.
#
# LLVM 22 (llvm-22-dev, clang-22, llvm-22-tools with lit and FileCheck,
# lld-22, libc++-22-dev) and CMake from Debian's packages, only when something is missing, so a machine
# that already has them is not touched.  Needs root (apt-get) on first use.
# `install-deps.sh 19` installs LLVM 19's instead, for the suite's LLVM 19
# run (tools/run-tests.sh).
set -euo pipefail

v=${1:-22}
case $v in 19 | 22) ;; *) echo "install-deps.sh: LLVM 19 or 22, not '$v'" >&2; exit 2 ;; esac
need=()
[ -x /usr/lib/llvm-$v/bin/llvm-config ] || need+=(llvm-$v-dev)
[ -x /usr/lib/llvm-$v/bin/clang ] || need+=(clang-$v)
# The sanitizer runtimes, for the tests of programs built with -fsanitize.
ls /usr/lib/llvm-$v/lib/clang/$v/lib/*/libclang_rt.asan* >/dev/null 2>&1 || need+=(libclang-rt-$v-dev)
# lit: bin/lit in LLVM 22's tools, build/utils/lit/lit.py in LLVM 19's.
[ -x /usr/lib/llvm-$v/bin/FileCheck ] || need+=(llvm-$v-tools)
[ -x /usr/lib/llvm-$v/bin/ld.lld ] || need+=(lld-$v)
# libc++, for the C++ tests' second build with -stdlib=libc++: LLVM 22's
# only, since Debian's libc++-N-dev packages conflict with each other (the
# LLVM 19 run leaves those builds out).
[ "$v" != 22 ] || [ -e /usr/lib/llvm-22/lib/libc++.so ] || need+=(libc++-22-dev libc++abi-22-dev)
command -v cmake >/dev/null || need+=(cmake)
command -v make >/dev/null || need+=(make)
command -v g++ >/dev/null || need+=(g++)
command -v python3 >/dev/null || need+=(python3)
command -v meson >/dev/null || need+=(meson)
command -v ninja >/dev/null || need+=(ninja-build)
command -v autoreconf >/dev/null || need+=(autoconf)
command -v automake >/dev/null || need+=(automake)
command -v libtoolize >/dev/null || need+=(libtool)
command -v ccache >/dev/null || need+=(ccache)

if [ ${#need[@]} -gt 0 ]; then
  echo "heap2stack: installing ${need[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
