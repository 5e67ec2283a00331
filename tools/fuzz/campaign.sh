#!/usr/bin/env bash
#===- tools/fuzz/campaign.sh - Differential fuzzing of heap2stack ----------===#
#
# For each seed, gen.py writes a C program free of undefined behaviour; the
# program is built at -O1, -O2 and -O3, each once plainly and once with
# heap2stack (-fpass-plugin, -fverify-intermediate-code so that clang runs
# the IR verifier), and all six binaries are run.  The seed modulo 6 picks
# a variant: 1 builds both with -D_FORTIFY_SOURCE=2 (glibc's checking
# wrappers, __snprintf_chk and the like), 2 with -fstack-protector, 3 with
# -fno-builtin-free; 4 and 5 move the pass to another extension point
# (-mllvm -heap2stack-ep=before-inlining, optimizer-last); 0 is plain.  A plugin build must print
# exactly what the plain build at the same level prints and exit with the
# same status; a plugin build that fails to compile counts as a mismatch too.
# Every tenth seed is also built with ThinLTO, where the pass runs in lld.
# Every mismatch keeps its program under the failure directory (with the
# commands and both outputs) and makes the campaign exit 1.  See
# docs/fuzzing.md for what the programs cover and how to reduce a mismatch.
#
# The long campaign (about an hour on two cores):
#   tools/fuzz/campaign.sh --seeds 1-2000
# The bounded one in the lit suite is test/fuzz/campaign-bounded.test.
#
# Usage:
#   tools/fuzz/campaign.sh [--seeds LIST] [--time-limit SECONDS] [--jobs N]
#                          [--failures DIR] [--asan-every N] [--ubsan-every N]
#                          [--lto-every N]
#                          [--check-ub]
#                          [--without FEATURES]
#   --seeds LIST       seeds to run: "1-2000", "7", "1-50,90,200-210"
#                      (default 1-100)
#   --time-limit S     start no new seed after S seconds (default: none)
#   --jobs N           seeds checked at once, at most 2 (default 2)
#   --failures DIR     where mismatching programs are kept
#                      (default ./fuzz-failures)
#   --asan-every N     also build every Nth seed at -O1 with
#                      -fsanitize=address and the plugin, and compare it
#                      with the plain -O1 run (default 10; 0 turns it off)
#   --ubsan-every N    also build every Nth seed (counting from 3) at -O2
#                      with -fsanitize=undefined -fno-sanitize-recover=all
#                      and the plugin, and compare it with the plain -O2 run:
#                      the checks cast every pointer they test to an
#                      integer, which the escape analysis and the summaries
#                      must see through without missing an escape
#                      (default 10; 0 turns it off)
#   --lto-every N      also build every Nth seed (counting from 5) at -O2
#                      with -flto=thin and lld-22, plainly and with the
#                      pass loaded into the linker, and compare the two
#                      (default 10; 0 turns it off)
#   --check-ub         first check each program itself: its plain build
#                      under -fsanitize=address,undefined and under
#                      -fsanitize=memory must run clean (a report there is
#                      a generator bug, counted as an error)
#   --without F,...    passed to gen.py: leave out features (gen.py --help)
#
# Environment:
#   CLANG        the clang driver (default clang-22)
#   PLUGIN       the pass plugin (default build/lib/HeapToStack.so)
#   PYTHON       python3
#   RUN_TIMEOUT  seconds each run may take (default 10)
#
# Output: one line per mismatch or error as it is found, then the summary
#   N programs, M builds compared, K mismatches
#   promoted: P sites moved to the stack at -O2, Q kept on the heap
# and, when some program could not be checked, "E errors".  Exit status 0
# only when there was no mismatch and no error.
#
#===----------------------------------------------------------------------===#

set -u

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CLANG=${CLANG:-clang-22}
PLUGIN=${PLUGIN:-$root/build/lib/HeapToStack.so}
PYTHON=${PYTHON:-python3}
RUN_TIMEOUT=${RUN_TIMEOUT:-10}
GEN=$root/tools/fuzz/gen.py

seeds=1-100
time_limit=0
jobs_max=2
failures=$PWD/fuzz-failures
asan_every=10
ubsan_every=10
lto_every=10
check_ub=0
without=

die() {
  echo "campaign.sh: $*" >&2
  exit 2
}

# parse_args ARGS...: sets the options above from the command line.
parse_args() {
  while [[ $# -gt 0 ]]; do
    case $1 in
      --seeds) seeds=${2:?}; shift 2 ;;
      --time-limit) time_limit=${2:?}; shift 2 ;;
      --jobs) jobs_max=${2:?}; shift 2 ;;
      --failures) failures=${2:?}; shift 2 ;;
      --asan-every) asan_every=${2:?}; shift 2 ;;
      --ubsan-every) ubsan_every=${2:?}; shift 2 ;;
      --lto-every) lto_every=${2:?}; shift 2 ;;
      --check-ub) check_ub=1; shift ;;
      --without) without=${2:?}; shift 2 ;;
      -h | --help) sed -n '2,/^#===/p' "$0" | sed -e '1d' -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
      *) die "unknown argument '$1' (try --help)" ;;
    esac
  done
  [[ $jobs_max =~ ^[12]$ ]] || die "--jobs must be 1 or 2 (the machine has two shared cores)"
  [[ -f $PLUGIN ]] || die "no plugin at '$PLUGIN' (build it, or set PLUGIN)"
  command -v "$CLANG" >/dev/null || die "no clang '$CLANG' (set CLANG)"
  expand_seeds "$seeds" >/dev/null
}

# expand_seeds LIST: prints one seed per line.
expand_seeds() {
  local part
  for part in ${1//,/ }; do
    if [[ $part =~ ^([0-9]+)-([0-9]+)$ ]]; then
      seq "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
    elif [[ $part =~ ^[0-9]+$ ]]; then
      echo "$part"
    else
      die "bad seed list '$1'"
    fi
  done
}

# setup: the work directory, the plugin copy and the flags of every build.
setup() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/h2s-fuzz.XXXXXX") || die "mktemp failed"
  trap 'rm -rf "$WORK"' EXIT
  # The whole campaign uses one copy of the plugin, so that a rebuild while it
  # runs cannot mix two versions (or catch a half-written file).
  # HeapToStack.so loads the pass, HeapToStack-llvmN.so, from its directory.
  cp "$PLUGIN" "$WORK/HeapToStack.so" &&
    cp "$(dirname "$PLUGIN")"/HeapToStack-llvm*.so "$WORK/" || die "cannot copy the plugin"
  PLUGIN_SOURCE=$(readlink -f "$PLUGIN")
  PLUGIN=$WORK/HeapToStack.so

  CFLAGS=(-std=gnu11 -pthread -w)
  PLUGIN_FLAGS=("-fpass-plugin=$PLUGIN" -fverify-intermediate-code)
  # clang 19 parses -mllvm before it loads pass plugins: load it first.
  [[ $("$CLANG" -dumpversion) == 19.* ]] &&
    PLUGIN_FLAGS=(-Xclang -load -Xclang "$PLUGIN" "${PLUGIN_FLAGS[@]}")
  GEN_FLAGS=()
  [[ -n $without ]] && GEN_FLAGS=(--without "$without")
}

# keep DIR SEED WHY: copies the seed's program, outputs and notes to the
# failure directory; prints where.  The README says how the program was
# built, then one line per mismatch.
keep() {
  local dir=$1 seed=$2 why=$3 dest="$failures/seed-$2"
  mkdir -p "$dest"
  cp "$dir/prog.c" "$dest/"
  cp "$dir"/*.out "$dir"/*.err "$dir"/*.status "$dir"/*.log "$dest/" 2>/dev/null
  [[ -f $dest/README ]] || {
    echo "generated by: $PYTHON tools/fuzz/gen.py $seed ${GEN_FLAGS[*]}"
    echo "plain build:  $CLANG -O<n> ${CFLAGS[*]} ${SEED_FLAGS[*]} prog.c"
    echo "plugin build: $CLANG -O<n> ${CFLAGS[*]} ${SEED_FLAGS[*]} -fpass-plugin=$PLUGIN_SOURCE -fverify-intermediate-code ${SEED_PLUGIN_FLAGS[*]} prog.c"
    echo "plugin:       $PLUGIN_SOURCE, sha1 $(sha1sum <"$PLUGIN" | cut -c1-12)"
    echo "reduce with:  ${SEED_PLUGIN_FLAGS[*]:+PLUGIN_EXTRA='${SEED_PLUGIN_FLAGS[*]}' }tools/fuzz/reduce.sh $dest/prog.c -O<n>${SEED_FLAGS[*]:+ -- ${SEED_FLAGS[*]}}"
    echo "(<n>: the level of a mismatch below; *.out, *.err and *.status are the runs)"
    echo
  } >"$dest/README"
  echo "seed $seed $why" >>"$dest/README"
  echo "  kept in $dest"
}

# build DIR NAME LEVEL [flags...]: compiles DIR/prog.c into DIR/NAME.
build() {
  local dir=$1 name=$2 level=$3
  shift 3
  timeout 600 "$CLANG" "$level" "${CFLAGS[@]}" "${SEED_FLAGS[@]}" "$@" "$dir/prog.c" \
    -o "$dir/$name" >"$dir/$name.log" 2>&1
}

# run DIR NAME [env...]: runs DIR/NAME; leaves NAME.out and NAME.status.
run() {
  local dir=$1 name=$2
  shift 2
  # The subshell's own stderr is dropped: it would report crashes.
  (cd "$dir" && timeout -k 2 "$RUN_TIMEOUT" env "$@" "./$name" \
    >"$name.out" 2>"$name.err" </dev/null) 2>/dev/null
  echo $? >"$dir/$name.status"
}

# same DIR A B: true when runs A and B printed and returned the same.
same() {
  cmp -s "$1/$2.out" "$1/$3.out" && cmp -s "$1/$2.status" "$1/$3.status"
}

# describe DIR A B: one line on how runs A and B differ.
describe() {
  local sa sb
  sa=$(<"$1/$2.status") sb=$(<"$1/$3.status")
  if [[ $sa != "$sb" ]]; then
    echo "exit status $sa without the plugin, $sb with it"
  else
    echo "output differs (exit status $sa both)"
  fi
}

# compare DIR PLAIN H2S LABEL [NOTE]: counts one more comparison (in
# check_seed's 'compared'); when runs PLAIN and H2S differ, reports the
# mismatch at LABEL (NOTE added to the printed line only), keeps the seed and
# counts it in 'mismatches'.
compare() {
  local why
  compared=$((compared + 1))
  same "$1" "$2" "$3" && return
  why="$4: $(describe "$1" "$2" "$3")"
  echo "MISMATCH seed $seed $why${5:-}"
  keep "$1" "$seed" "$why"
  mismatches=$((mismatches + 1))
}

# sanitized_run_clean DIR NAME FLAGS...: builds the plain program with the
# sanitizer FLAGS and checks it runs as the plain -O1 build does, silently.
sanitized_run_clean() {
  local dir=$1 name=$2
  shift 2
  build "$dir" "$name" -O1 "$@" || return 1
  run "$dir" "$name" ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1
  same "$dir" plain-O1 "$name" && ! [[ -s $dir/$name.err ]]
}

# sanitized_plugin_build DIR NAME LEVEL "FLAGS" REPORT: builds the program
# with the sanitizer FLAGS at LEVEL and the plugin, and compares its run
# with the plain build at LEVEL; REPORT is the sanitizer's first line of a
# report, quoted in the mismatch.
sanitized_plugin_build() {
  local dir=$1 name=$2 level=$3 flags=$4 report=$5
  # shellcheck disable=SC2086 # the flags are meant to split
  if build "$dir" "$name" "$level" $flags "${PLUGIN_FLAGS[@]}" "${SEED_PLUGIN_FLAGS[@]}"; then
    run "$dir" "$name" ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=0
    compare "$dir" "plain$level" "$name" "$level $flags" ": $(grep -m1 "$report" "$dir/$name.err")"
  else
    echo "MISMATCH seed $seed: the $flags plugin build failed"
    keep "$dir" "$seed" "the $flags plugin build failed"
    mismatches=$((mismatches + 1))
  fi
}

# check_seed SEED: writes "compared mismatches errors moved kept" to
# $WORK/SEED.result and reports problems on stdout.
check_seed() {
  local seed=$1 dir="$WORK/s$1" compared=0 mismatches=0 errors=0 level
  local moved=0 kept=0 why
  SEED_FLAGS=() SEED_PLUGIN_FLAGS=()
  case $((seed % 6)) in
    1) SEED_FLAGS=(-D_FORTIFY_SOURCE=2) ;;
    2) SEED_FLAGS=(-fstack-protector) ;;
    3) SEED_FLAGS=(-fno-builtin-free) ;;
    4) SEED_PLUGIN_FLAGS=(-mllvm -heap2stack-ep=before-inlining) ;;
    5) SEED_PLUGIN_FLAGS=(-mllvm -heap2stack-ep=optimizer-last) ;;
  esac
  mkdir -p "$dir"
  if ! "$PYTHON" "$GEN" "$seed" "${GEN_FLAGS[@]}" -o "$dir/prog.c" 2>"$dir/gen.log"; then
    echo "ERROR seed $seed: gen.py failed: $(head -c 300 "$dir/gen.log")"
    echo "0 0 1 0 0" >"$WORK/$seed.result"
    return
  fi
  for level in -O1 -O2 -O3; do
    if ! build "$dir" "plain$level" "$level"; then
      echo "ERROR seed $seed $level: the plain build failed (generator bug)"
      keep "$dir" "$seed" "plain build failed at $level" >/dev/null
      errors=1
      break
    fi
    run "$dir" "plain$level"
    if [[ $(<"$dir/plain$level.status") -ge 124 ]]; then
      echo "ERROR seed $seed $level: the plain build crashed or timed out (generator bug)"
      keep "$dir" "$seed" "plain build crashed or timed out at $level" >/dev/null
      errors=1
      break
    fi
    if ! build "$dir" "h2s$level" "$level" "${PLUGIN_FLAGS[@]}" "${SEED_PLUGIN_FLAGS[@]}" -Rpass=heap2stack \
        -Rpass-missed=heap2stack; then
      why="the plugin build failed at $level: $(grep -m1 -E 'error|Assertion|LLVM ERROR' "$dir/h2s$level.log")"
      echo "MISMATCH seed $seed $level: $why"
      keep "$dir" "$seed" "$why"
      mismatches=$((mismatches + 1))
      continue
    fi
    if [[ $level == -O2 ]]; then
      moved=$(grep -c 'remark: moved' "$dir/h2s$level.log")
      kept=$(grep -c 'remark: not promoted' "$dir/h2s$level.log")
    fi
    run "$dir" "h2s$level"
    compare "$dir" "plain$level" "h2s$level" "$level"
  done
  if [[ $errors == 0 && $check_ub == 1 ]]; then
    if ! sanitized_run_clean "$dir" ubsan -fsanitize=address,undefined \
          -fno-sanitize-recover=all ||
       ! sanitized_run_clean "$dir" msan -fsanitize=memory; then
      echo "ERROR seed $seed: the program itself trips a sanitizer (generator bug)"
      keep "$dir" "$seed" "plain build trips a sanitizer" >/dev/null
      errors=1
    fi
  fi
  if [[ $errors == 0 && $lto_every -gt 0 && $((seed % lto_every)) == $((5 % lto_every)) ]]; then
    # The pass runs at link time: clang does not hand -fpass-plugin to lld.
    if build "$dir" plain-lto -O2 -flto=thin -fuse-ld=lld &&
       build "$dir" h2s-lto -O2 -flto=thin -fuse-ld=lld "-Wl,--load-pass-plugin=$PLUGIN"; then
      run "$dir" plain-lto
      run "$dir" h2s-lto
      compare "$dir" plain-lto h2s-lto "-O2 -flto=thin"
    else
      echo "MISMATCH seed $seed: a -flto=thin build failed"
      keep "$dir" "$seed" "a -flto=thin build failed"
      mismatches=$((mismatches + 1))
    fi
  fi
  if [[ $errors == 0 && $asan_every -gt 0 && $((seed % asan_every)) == 0 ]]; then
    sanitized_plugin_build "$dir" h2s-asan -O1 -fsanitize=address 'ERROR: AddressSanitizer'
  fi
  if [[ $errors == 0 && $ubsan_every -gt 0 && $((seed % ubsan_every)) == $((3 % ubsan_every)) ]]; then
    sanitized_plugin_build "$dir" h2s-ubsan -O2 "-fsanitize=undefined -fno-sanitize-recover=all" \
      'runtime error'
  fi
  echo "$compared $mismatches $errors $moved $kept" >"$WORK/$seed.result"
  rm -rf "$dir"
}

# main ARGS...: runs the campaign and prints the summary.
main() {
  parse_args "$@"
  setup
  local start=$SECONDS programs=0 seed compared mismatches errors moved kept
  while read -r seed; do
    if [[ $time_limit -gt 0 && $((SECONDS - start)) -ge $time_limit ]]; then
      echo "time limit of ${time_limit}s reached; seeds from $seed on not run"
      break
    fi
    while [[ $(jobs -rp | wc -l) -ge $jobs_max ]]; do
      wait -n
    done
    check_seed "$seed" &
    programs=$((programs + 1))
  done < <(expand_seeds "$seeds")
  wait

  read -r compared mismatches errors moved kept < <(
    cat "$WORK"/*.result 2>/dev/null |
      awk '{c += $1; m += $2; e += $3; p += $4; k += $5}
           END {print c + 0, m + 0, e + 0, p + 0, k + 0}')
  echo "$programs programs, $compared builds compared, $mismatches mismatches"
  echo "promoted: $moved sites moved to the stack at -O2, $kept kept on the heap"
  [[ $errors -gt 0 ]] && echo "$errors errors (programs that could not be checked)"
  echo "time: $((SECONDS - start))s"
  [[ $mismatches == 0 && $errors == 0 ]]
}

# Everything up to here is read before anything runs (bash reads a whole
# line before it runs any of it), so editing this file while a campaign runs
# cannot change what that campaign does.
main "$@"; exit
