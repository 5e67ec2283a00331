#!/usr/bin/env bash
# tools/run-tests.sh - build heap2stack and run the whole lit suite.
#
# IR tests (test/Transforms), end-to-end C/C++ tests (test/e2e) and the
# bounded differential fuzzing campaign (test/fuzz).  Prints lit's summary
# and a last line "N passed, N failed"; exits non-zero on any failure.
# Extra arguments go to the CMake configure step.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${H2S_BUILD_DIR:-$root/build}
H2S_BUILD_DIR=$build bash "$root/tools/build.sh" "$@"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
/usr/lib/llvm-22/bin/lit -sv "$build/test" 2>&1 | tee "$log" || status=$?
passed=$(sed -n 's/^ *Passed *: *\([0-9]*\).*/\1/p' "$log")
failed=$(sed -n 's/^ *\(Failed\|Unresolved\|Timed Out\|Unexpectedly Passed\) *: *\([0-9]*\).*/\2/p' "$log" |
         awk '{s += $1} END {print s + 0}')
echo "${passed:-0} passed, ${failed} failed"
[ "${passed:-0}" -gt 0 ] || status=1
exit "$status"
