#!/usr/bin/env bash
#===- run-demo.sh - Show heap2stack on the log summarizer demo ------------===#
#
# Builds tools/demo/demo.c at -O2 twice, without and with the heap2stack
# plugin (the second build prints the plugin's remarks), runs both and shows
# that the output is identical, how many heap calls each run made (through
# the heapcount LD_PRELOAD library) and how long each run took (best of
# RUNS runs, measured with date +%s%N so no external time(1) is needed).
#
# Usage:
#   tools/demo/run-demo.sh [--clang=PATH] [--plugin=PATH] [--heapcount=PATH]
# or the same through the environment: CLANG, PLUGIN, HEAPCOUNT, RUNS.
# Defaults: clang-22, build/lib/HeapToStack.so and
# build/tools/heapcount/libheapcount.so under the repository root (found from
# this script's location), 3 runs. Exits 1 when a build fails or the two
# outputs differ.
#
#===----------------------------------------------------------------------===#

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CLANG=${CLANG:-clang-22}
PLUGIN=${PLUGIN:-$ROOT/build/lib/HeapToStack.so}
HEAPCOUNT=${HEAPCOUNT:-$ROOT/build/tools/heapcount/libheapcount.so}
RUNS=${RUNS:-3}

for arg in "$@"; do
  case $arg in
    --clang=*) CLANG=${arg#*=} ;;
    --plugin=*) PLUGIN=${arg#*=} ;;
    --heapcount=*) HEAPCOUNT=${arg#*=} ;;
    -h | --help)
      sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "run-demo.sh: unknown argument '$arg' (try --help)" >&2
      exit 2
      ;;
  esac
done

fail() {
  echo "run-demo.sh: $*" >&2
  exit 1
}

[[ -f $PLUGIN ]] || fail "no plugin at $PLUGIN (build the project first)"
[[ -f $HEAPCOUNT ]] || fail "no heapcount library at $HEAPCOUNT"
HEAPCOUNT=$(readlink -f "$HEAPCOUNT")
SOURCE=$ROOT/tools/demo/demo.c

WORK=$(mktemp -d "${TMPDIR:-/tmp}/h2s-demo.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "== building $SOURCE at -O2 without the plugin"
"$CLANG" -O2 "$SOURCE" -o "$WORK/demo-plain" || fail "plain build failed"
echo "== building with $PLUGIN (remarks follow)"
"$CLANG" -O2 -fpass-plugin="$PLUGIN" -Rpass=heap2stack \
  -Rpass-missed=heap2stack "$SOURCE" -o "$WORK/demo-h2s" ||
  fail "plugin build failed"

# heap_calls NAME: runs NAME once under heapcount and prints its counts.
heap_calls() {
  HEAPCOUNT_OUT="$WORK/$1.count" LD_PRELOAD="$HEAPCOUNT" "$WORK/$1" \
    >"$WORK/$1.out"
  tail -n 1 "$WORK/$1.count"
}

# best_time NAME: runs NAME RUNS times and prints the fastest wall time.
best_time() {
  local best=0 start end took i
  for ((i = 0; i < RUNS; ++i)); do
    start=$(date +%s%N)
    "$WORK/$1" >/dev/null
    end=$(date +%s%N)
    took=$(((end - start) / 1000000))
    if ((i == 0 || took < best)); then best=$took; fi
  done
  printf '%d.%03d s' $((best / 1000)) $((best % 1000))
}

echo
echo "== output of the plain build"
"$WORK/demo-plain" | tee "$WORK/plain.out"
"$WORK/demo-h2s" >"$WORK/h2s.out"
if cmp -s "$WORK/plain.out" "$WORK/h2s.out"; then
  echo "== output with heap2stack: identical"
else
  echo "== output with heap2stack DIFFERS:"
  diff "$WORK/plain.out" "$WORK/h2s.out" || true
  exit 1
fi

echo
echo "== heap calls (heapcount)"
printf '  without heap2stack: %s\n' "$(heap_calls demo-plain)"
printf '  with heap2stack:    %s\n' "$(heap_calls demo-h2s)"
echo
echo "== run time (best of $RUNS)"
printf '  without heap2stack: %s\n' "$(best_time demo-plain)"
printf '  with heap2stack:    %s\n' "$(best_time demo-h2s)"
