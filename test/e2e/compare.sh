#!/usr/bin/env bash
#===- compare.sh - Run a program built with and without heap2stack --------===#
#
# Builds one C or C++ source twice, once plainly and once with the heap2stack
# plugin, runs both under the heapcount LD_PRELOAD library and checks that the
# plugin changed nothing a user can see: same stdout, same exit status. Then
# it reports how many heap blocks each run asked for, which is what the
# end-to-end lit tests check with FileCheck.
#
# Usage:
#   CLANG=clang-22 PLUGIN=build/lib/HeapToStack.so \
#   HEAPCOUNT=build/tools/heapcount/libheapcount.so \
#     test/e2e/compare.sh SOURCE [extra clang flags...]
#
# Environment:
#   CLANG      the clang driver (default: clang-22)
#   PLUGIN     the pass plugin; when empty both builds are plain, which is
#              handy for checking a test before the plugin exists
#   HEAPCOUNT  libheapcount.so (required)
#   OPT_LEVEL  optimisation flag for both builds (default: -O2)
#   PLUGIN_OPTIONS  extra flags for the plugin build only, split on spaces
#              (e.g. "-mllvm -heap2stack-room"); the plain build would reject
#              the plugin's -mllvm options.  With LTO they go to the link:
#              write them as linker flags ("-Wl,-mllvm,-heap2stack-room")
#   LTO        "thin" or "full": both builds compile with -flto=thin or
#              -flto and link with lld, and the plugin build loads the pass
#              into lld (-Wl,--load-pass-plugin), where it runs once over
#              the whole program; extra flags may then name more sources
#   RUN_TIMEOUT  seconds each run may take before it is killed (default: 60)
#   RUN_ENV    VAR=value words, split on spaces, set for the two runs only
#              (not for the compiler), e.g. a sanitizer's options
#   COMPARE_STDERR  when 1, the runs' stderr must be the same too, once
#              every 0x number (an address) reads ADDR, every dump of the
#              bytes around one BYTES, and process ids, build ids and the
#              program's path are masked: for sanitizer diagnostics
#
# Output on success (exit status 0):
#   output: same, exit status: same (N)
#   diagnostics: same, N lines          (with COMPARE_STDERR=1)
#   heap allocations: A without the plugin, B with it
#   heap reallocs: A without the plugin, B with it   (realloc(NULL, n) too)
# Anything else (a failed build, differing output or status, a missing count)
# prints a line starting with MISMATCH or ERROR and exits 1.
#
#===----------------------------------------------------------------------===#

set -u

CLANG=${CLANG:-clang-22}
PLUGIN=${PLUGIN:-}
HEAPCOUNT=${HEAPCOUNT:-}
OPT_LEVEL=${OPT_LEVEL:--O2}
RUN_TIMEOUT=${RUN_TIMEOUT:-60}

# Prints its arguments as an ERROR line on stderr and exits 1.
die() {
  echo "ERROR: $*" >&2
  exit 1
}

[[ $# -ge 1 ]] || die "usage: compare.sh SOURCE [extra clang flags or sources...]"
SOURCE=$1
shift
[[ -f $SOURCE ]] || die "no such source: $SOURCE"
[[ -n $HEAPCOUNT && -f $HEAPCOUNT ]] ||
  die "HEAPCOUNT must name libheapcount.so (got '${HEAPCOUNT}')"
[[ -z $PLUGIN || -f $PLUGIN ]] || die "no such plugin: $PLUGIN"
# LD_PRELOAD wants an absolute path or it searches the library path.
HEAPCOUNT=$(readlink -f "$HEAPCOUNT")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/h2s-e2e.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$WORK"' EXIT

# C++ is compiled by the C driver told the language, so that CLANG can stay a
# single setting; the C++ runtime and libm are then linked by hand.
case $SOURCE in
  *.cpp | *.cc | *.cxx | *.C)
    LANG_FLAGS=(-x c++ -std=c++17 "$SOURCE" -x none)
    LINK_FLAGS=(-lstdc++ -lm)
    ;;
  *)
    LANG_FLAGS=("$SOURCE")
    LINK_FLAGS=(-lm)
    ;;
esac

# build NAME [plugin flags...]: compiles SOURCE into $WORK/NAME.
build() {
  local name=$1
  shift
  if ! "$CLANG" "$OPT_LEVEL" "$@" "${LANG_FLAGS[@]}" "${EXTRA_FLAGS[@]}" \
      "${LINK_FLAGS[@]}" -o "$WORK/$name" 2>"$WORK/$name.build.log"; then
    echo "ERROR: the build $name the plugin failed:"
    cat "$WORK/$name.build.log"
    exit 1
  fi
}

# run NAME: runs $WORK/NAME under heapcount; leaves NAME.out, NAME.err,
# NAME.count, and the exit status in NAME.status.
run() {
  local name=$1 status
  rm -f "$WORK/$name.count"
  # The preload is set by env inside timeout so that only the program, not
  # timeout itself, is counted.
  # shellcheck disable=SC2086 # RUN_ENV is meant to split
  timeout "$RUN_TIMEOUT" env ${RUN_ENV:-} HEAPCOUNT_OUT="$WORK/$name.count" \
    LD_PRELOAD="$HEAPCOUNT" "$WORK/$name" >"$WORK/$name.out" \
    2>"$WORK/$name.err" </dev/null
  status=$?
  echo "$status" >"$WORK/$name.status"
}

# count_of NAME FIELD: prints the FIELD= number (allocs, reallocs)
# heapcount wrote for NAME, or "unknown" when the run left none (it crashed
# or ended through _exit).
count_of() {
  local line
  line=$(tail -n 1 "$WORK/$1.count" 2>/dev/null) || line=
  if [[ $line =~ (^| )$2=([0-9]+) ]]; then
    echo "${BASH_REMATCH[2]}"
  else
    echo unknown
  fi
}

EXTRA_FLAGS=("$@")
PLUGIN_FLAGS=()
read -r -a PLUGIN_OPTIONS <<<"${PLUGIN_OPTIONS:-}"
case ${LTO:-} in
  "")
    # -fverify-intermediate-code: clang runs the IR verifier after the
    # pipeline, so a malformed rewrite fails the build instead of compiling
    # by luck.
    [[ -n $PLUGIN ]] && PLUGIN_FLAGS=("-fpass-plugin=$PLUGIN" -fverify-intermediate-code)
    # clang 19 parses -mllvm before it loads pass plugins: load it first.
    [[ -n $PLUGIN && $("$CLANG" -dumpversion) == 19.* ]] &&
      PLUGIN_FLAGS=(-Xclang -load -Xclang "$PLUGIN" "${PLUGIN_FLAGS[@]}")
    ;;
  thin | full)
    # clang does not pass -fpass-plugin on to the linker; the LTO backend
    # verifies the module after its pipeline.
    [[ $LTO == thin ]] && EXTRA_FLAGS+=(-flto=thin) || EXTRA_FLAGS+=(-flto)
    EXTRA_FLAGS+=(-fuse-ld=lld)
    [[ -n $PLUGIN ]] && PLUGIN_FLAGS=("-Wl,--load-pass-plugin=$PLUGIN")
    ;;
  *) die "LTO must be thin or full (got '$LTO')" ;;
esac
[[ -n $PLUGIN ]] && PLUGIN_FLAGS+=("${PLUGIN_OPTIONS[@]}")

build without
build with "${PLUGIN_FLAGS[@]}"
run without
run with

failed=0
status_without=$(<"$WORK/without.status")
status_with=$(<"$WORK/with.status")
if ! cmp -s "$WORK/without.out" "$WORK/with.out"; then
  echo "MISMATCH: output differs (< without the plugin, > with it):"
  diff "$WORK/without.out" "$WORK/with.out" | head -n 40
  failed=1
fi
if [[ $status_without != "$status_with" ]]; then
  echo "MISMATCH: exit status $status_without without the plugin," \
    "$status_with with it"
  failed=1
fi
# diagnostics NAME: NAME's stderr with the addresses masked, and the dumps
# of the bytes around one (lines of hexadecimal bytes only) too: a heap
# chunk's header is not a stack frame's.  Process ids (==PID==), build ids
# and the program's own path, which differ between any two builds, too.
diagnostics() {
  sed -e 's/0x[0-9a-fA-F]*/ADDR/g' -e '/^[ 0-9a-f]*$/s/.*/BYTES/' \
    -e 's/==[0-9]*==/==PID==/g' -e 's/BuildId: [0-9a-f]*/BuildId: ID/g' \
    -e "s|$WORK/$1|PROGRAM|g" "$WORK/$1.err" >"$WORK/$1.diag"
}
if [[ ${COMPARE_STDERR:-0} == 1 ]]; then
  diagnostics without
  diagnostics with
  if ! cmp -s "$WORK/without.diag" "$WORK/with.diag"; then
    echo "MISMATCH: diagnostics differ (< without the plugin, > with it):"
    diff "$WORK/without.diag" "$WORK/with.diag" | head -n 40
    failed=1
  fi
fi
if [[ $failed == 0 ]]; then
  echo "output: same, exit status: same ($status_without)"
  [[ ${COMPARE_STDERR:-0} == 1 ]] &&
    echo "diagnostics: same, $(wc -l <"$WORK/with.diag") lines"
else
  for name in without with; do
    if [[ -s $WORK/$name.err ]]; then
      echo "stderr of the run $name the plugin:"
      head -n 20 "$WORK/$name.err"
    fi
  done
fi

allocs_without=$(count_of without allocs)
allocs_with=$(count_of with allocs)
echo "heap allocations: $allocs_without without the plugin, $allocs_with with it"
echo "heap reallocs: $(count_of without reallocs) without the plugin, $(count_of with reallocs) with it"
if [[ $allocs_without == unknown || $allocs_with == unknown ]]; then
  echo "MISMATCH: a run wrote no heap count (did it crash or call _exit?)"
  failed=1
fi
exit "$failed"
