#!/usr/bin/env bash
# tools/measure-ep.sh - how many sites heap2stack promotes at each of the
# extension points it can join clang's pipeline at (-mllvm -heap2stack-ep=).
#
# Usage: tools/measure-ep.sh [-O2] FILE.c|FILE.cpp ...
# Prints, per extension point, the Passed and Missed remarks over all files.
# docs/design.md records the measurement that chose the default.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
plugin=${PLUGIN:-$root/build/lib/HeapToStack.so}
clang=${CLANG:-clang-22}
level=-O2
case ${1:-} in -O*) level=$1; shift ;; esac

for ep in before-inlining optimizer-early optimizer-last; do
  passed=0 missed=0
  for f in "$@"; do
    lang=c; case $f in *.cpp|*.cc) lang=c++ ;; esac
    out=$("$clang" -x "$lang" "$level" -c "$f" -o /dev/null -fpass-plugin="$plugin" \
          -mllvm -heap2stack-ep="$ep" -Rpass=heap2stack -Rpass-missed=heap2stack 2>&1 || true)
    passed=$((passed + $(grep -c 'remark: moved' <<<"$out" || true)))
    missed=$((missed + $(grep -c 'remark: not promoted' <<<"$out" || true)))
  done
  echo "$ep: $passed promoted, $missed kept on the heap ($level, $# files)"
done
