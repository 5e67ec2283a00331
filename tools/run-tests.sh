#!/usr/bin/env bash
# tools/run-tests.sh - build heap2stack and run the whole lit suite three
# times: against LLVM 22 with the plugin as released (build/), then with the
# plugin built under AddressSanitizer and UndefinedBehaviorSanitizer
# (build-sanitize/), then against LLVM 19 (build-19/, installing LLVM 19's
# packages first; not sanitized, to keep CI short).
#
# The suite is the IR tests (test/Transforms), the end-to-end C/C++ tests
# (test/e2e) and the bounded differential fuzzing campaign (test/fuzz).
# Prints lit's summaries and a last line "N passed, N failed"; exits non-zero
# on any failure.  --quick runs only the first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

passed=0 failed=0 status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# run_suite BUILD_DIR LIT [cmake args...]: builds into BUILD_DIR, runs the
# suite with LIT, adds its counts to the totals.
run_suite() {
  local build=$1 lit=$2
  shift 2
  H2S_BUILD_DIR=$build bash "$root/tools/build.sh" "$@"
  $lit -sv "$build/test" 2>&1 | tee "$log" || status=1
  local p f
  p=$(sed -n 's/^ *Passed *: *\([0-9]*\).*/\1/p' "$log")
  f=$(sed -n 's/^ *\(Failed\|Unresolved\|Timed Out\|Unexpectedly Passed\) *: *\([0-9]*\).*/\2/p' "$log" |
      awk '{s += $1} END {print s + 0}')
  [ "${p:-0}" -gt 0 ] || status=1
  passed=$((passed + ${p:-0}))
  failed=$((failed + f))
}

lit22=/usr/lib/llvm-22/bin/lit
run_suite "$root/build" "$lit22"
if [ "${1:-}" != "--quick" ]; then
  echo "== the same suite with the plugin built with -fsanitize=address,undefined"
  run_suite "$root/build-sanitize" "$lit22" -DHEAP2STACK_SANITIZE=ON
  echo "== the same suite against LLVM 19 (its clang, opt, FileCheck and lit)"
  bash "$root/tools/install-deps.sh" 19
  run_suite "$root/build-19" "python3 /usr/lib/llvm-19/build/utils/lit/lit.py" \
    -DLLVM_DIR=/usr/lib/llvm-19/lib/cmake/llvm
fi
echo "${passed} passed, ${failed} failed"
exit "$status"
