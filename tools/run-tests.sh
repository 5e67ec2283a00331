#!/usr/bin/env bash
# tools/run-tests.sh - build heap2stack and run the whole lit suite, twice:
# with the plugin as released (build/), then with the plugin built under
# AddressSanitizer and UndefinedBehaviorSanitizer (build-sanitize/).
#
# The suite is the IR tests (test/Transforms), the end-to-end C/C++ tests
# (test/e2e) and the bounded differential fuzzing campaign (test/fuzz).
# Prints lit's summaries and a last line "N passed, N failed"; exits non-zero
# on any failure.  --quick runs only the first pass.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

passed=0 failed=0 status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# run_suite BUILD_DIR [cmake args...]: builds into BUILD_DIR, runs lit, adds
# its counts to the totals.
run_suite() {
  local build=$1
  shift
  H2S_BUILD_DIR=$build bash "$root/tools/build.sh" "$@"
  /usr/lib/llvm-22/bin/lit -sv "$build/test" 2>&1 | tee "$log" || status=1
  local p f
  p=$(sed -n 's/^ *Passed *: *\([0-9]*\).*/\1/p' "$log")
  f=$(sed -n 's/^ *\(Failed\|Unresolved\|Timed Out\|Unexpectedly Passed\) *: *\([0-9]*\).*/\2/p' "$log" |
      awk '{s += $1} END {print s + 0}')
  [ "${p:-0}" -gt 0 ] || status=1
  passed=$((passed + ${p:-0}))
  failed=$((failed + f))
}

run_suite "$root/build"
if [ "${1:-}" != "--quick" ]; then
  echo "== the same suite with the plugin built with -fsanitize=address,undefined"
  run_suite "$root/build-sanitize" -DHEAP2STACK_SANITIZE=ON
fi
echo "${passed} passed, ${failed} failed"
exit "$status"
