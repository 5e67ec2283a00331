#!/usr/bin/env bash
# tools/build.sh - configure and build heap2stack into build/ (plugin at
# build/lib/HeapToStack.so), installing LLVM 22 first when it is missing.
# Extra arguments go to the CMake configure step (e.g. -DHEAP2STACK_SANITIZE=ON).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/install-deps.sh"
cmake -S "$root" -B "${H2S_BUILD_DIR:-$root/build}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "${H2S_BUILD_DIR:-$root/build}" -j"$(nproc)"
