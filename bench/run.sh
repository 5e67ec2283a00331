#!/usr/bin/env bash
# bench/run.sh -- the heap2stack performance harness.
#
# Builds every program in bench/programs three ways and measures them:
#   o2    clang-22 -O2
#   h2s   -O2 -fpass-plugin=build/lib/HeapToStack.so (remarks: -Rpass=heap2stack)
#   attr  -O2 -mllvm -attributor-enable=module (LLVM's Attributor, which has
#         its own heap-to-stack)
# plus a fourth, unmeasured build, inst (-O2 -finstrument-functions-after-
# inlining, linked with the shim), that tells which heap blocks were freed
# while their allocating frame was live: the ceiling.
#
# Per program and build it records: the program's output (all builds must
# print the same checksum and exit 0 -- anything else is reported as a
# miscompile), instructions (valgrind --tool=callgrind, total Ir, on a
# smaller workload), wall time (hyperfine, median of interleaved rounds),
# heap calls and peak stack (tools/profile/heap2stack-profile.c via LD_PRELOAD), and
# the allocator's inclusive instructions (callgrind call edges into
# malloc/free & co.). Then compile time: the pass's share of clang -O2 -ftime-report on a
# generated translation unit of >= 50k lines, and a scaling run over
# generated modules with 1k..100k allocation sites (bench/gen_alloc_tu.py).
# Last, what a room guard costs per call (bench/micro/roomcost.c, callgrind).
#
# bench/report.py turns the raw data into bench/results/runtime.{csv,md},
# compile.md and scaling.csv, docs/performance.md and the
# docs/performance-*.png plots. The method is described in
# docs/performance.md.
#
# Usage: bench/run.sh [--quick] [--only "logfmt kalman ..."] [--no-compile-time]
#   --quick            smaller workloads, 3 timing runs, small generated TUs
#                      (a few minutes); the full run takes ~15 minutes on 2 cores
#   --only LIST        measure only these programs (names without extension)
#   --no-compile-time  skip the compile-time part
# Environment:
#   LLVM_BIN    directory of clang/clang++ (default /usr/lib/llvm-22/bin)
#   H2S_PLUGIN  the pass plugin (default <repo>/build/lib/HeapToStack.so);
#               when it does not exist the h2s columns are reported as missing
#   H2S_REPORT  heap2stack-report (default <repo>/build/bin/heap2stack-report),
#               which joins the instrumented run's profile with the remarks
#               of the plugin build: the kept sites that hold the rest of the
#               ceiling; without it that table is left out
#
# Needs clang-22; installs valgrind, hyperfine, gnuplot and python3 with
# apt-get when they are missing (as root). Scratch goes to bench/build/.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
LLVM_BIN=${LLVM_BIN:-/usr/lib/llvm-22/bin}
PLUGIN=${H2S_PLUGIN:-$REPO/build/lib/HeapToStack.so}
REPORT=${H2S_REPORT:-$REPO/build/bin/heap2stack-report}
WORK=$BENCH/build
RAW=$WORK/raw
BIN=$WORK/bin

# ---- 1. options -------------------------------------------------------------
MODE=full
ONLY=""
COMPILE_TIME=1
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) MODE=quick ;;
    --only) ONLY="$2"; shift ;;
    --no-compile-time) COMPILE_TIME=0 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

# Workload divisors (bench/programs/bench.h: N = default / H2S_BENCH_DIV),
# timing runs and generated-TU sizes for each mode.
if [ "$MODE" = quick ]; then
    NATIVE_DIV=4; VALGRIND_DIV=50; WARMUP=0; RUNS=3
    TU_SITES=2000; TU_REPS=1; SCALING_SITES="1000 3000 10000"; SCALING_REPS=1
else
    NATIVE_DIV=1; VALGRIND_DIV=10; WARMUP=1; RUNS=9
    TU_SITES=10000; TU_REPS=2; SCALING_SITES="1000 3000 10000 30000 100000"; SCALING_REPS=3
fi

log() { printf '[run.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- 2. tools ---------------------------------------------------------------
# Installs the Debian packages for the commands that are missing.
ensure_tools() {
    local missing=()
    command -v valgrind >/dev/null || missing+=(valgrind)
    command -v hyperfine >/dev/null || missing+=(hyperfine)
    command -v gnuplot >/dev/null || missing+=(gnuplot-nox)
    command -v python3 >/dev/null || missing+=(python3)
    command -v lscpu >/dev/null || missing+=(util-linux)
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing ${missing[*]}"
        if [ "$(id -u)" != 0 ]; then
            echo "run.sh: need ${missing[*]}; run as root or install them" >&2
            exit 1
        fi
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    if [ ! -x "$LLVM_BIN/clang" ]; then
        echo "run.sh: no clang in $LLVM_BIN (set LLVM_BIN)" >&2
        exit 1
    fi
}

# ---- 3. builds --------------------------------------------------------------
CC=$LLVM_BIN/clang
CXX=$LLVM_BIN/clang++
SHIM=$WORK/libh2s_heapshim.so

# Prints the compiler flags of build variant $1.
variant_flags() {
    case "$1" in
    o2) echo "-O2" ;;
    h2s) echo "-O2 -fpass-plugin=$PLUGIN -Rpass=heap2stack -Rpass-missed=heap2stack" ;;
    attr) echo "-O2 -mllvm -attributor-enable=module" ;;
    inst) echo "-O2 -g -finstrument-functions-after-inlining" ;;
    esac
}

# Copies the plugin to $WORK/plugin so that one run uses one plugin even if
# it is rebuilt meanwhile; retries while the file is being written. Leaves
# PLUGIN pointing at the copy, or at a missing file when there is none.
snapshot_plugin() {
    local src=$PLUGIN try
    PLUGIN=$WORK/plugin/HeapToStack.so
    rm -rf "$WORK/plugin"
    [ -f "$src" ] || return 0
    mkdir -p "$WORK/plugin"
    for try in 1 2 3 4 5 6; do
        # HeapToStack.so loads the pass, HeapToStack-llvmN.so, from its directory.
        cp "$src" "$PLUGIN" && cp "$(dirname "$src")"/HeapToStack-llvm*.so "$WORK/plugin/"
        [ -x "$REPORT" ] && cp "$REPORT" "$WORK/plugin/heap2stack-report"
        if echo 'int main(void){return 0;}' |
            "$CC" -O2 -fpass-plugin="$PLUGIN" -x c - -c -o /dev/null 2>/dev/null; then
            echo "plugin_sha256=$(cat "$WORK"/plugin/*.so | sha256sum | cut -d' ' -f1)" >>"$RAW/machine.txt"
            # The loader rarely changes; the pass (HeapToStack-llvmN.so) is what was built.
            echo "plugin_mtime=$(date -u -r "$(ls -t "$(dirname "$src")"/HeapToStack*.so | head -n 1)" +%Y-%m-%dT%H:%MZ)" >>"$RAW/machine.txt"
            return 0
        fi
        log "the plugin at $src does not load (being rebuilt?); retry $try of 6 in 10 s"
        sleep 10
    done
    log "the plugin at $src does not load; measuring without it"
    rm -f "$PLUGIN"
}

build_shim() {
    "$CC" -O2 -Wall -Wextra -fPIC -shared -o "$SHIM" "$BENCH/../tools/profile/heap2stack-profile.c"
}

# Builds program $1 (source $2) as variant $3; writes the compiler's
# diagnostics (remarks) to $RAW/$1.$3.build.log and "ok" or "build-failed"
# to $RAW/$1.$3.status.
build_variant() {
    local prog=$1 src=$2 v=$3 compiler=$CC extra=(-lm)
    case "$src" in *.cpp) compiler=$CXX ;; esac
    [ "$v" = inst ] && extra+=("$SHIM" "-Wl,-rpath,$WORK")
    if [ "$v" = h2s ] && [ ! -f "$PLUGIN" ]; then
        echo "no-plugin" >"$RAW/$prog.$v.status"
        return
    fi
    # shellcheck disable=SC2046 # the flags are meant to split
    if "$compiler" $(variant_flags "$v") -Wall -I"$BENCH/programs" -o "$BIN/$prog.$v" \
        "$src" "${extra[@]}" >"$RAW/$prog.$v.build.log" 2>&1; then
        echo ok >"$RAW/$prog.$v.status"
    else
        echo build-failed >"$RAW/$prog.$v.status"
        log "$prog: $v build failed (see $RAW/$prog.$v.build.log)"
    fi
}

# ---- 4. runs ----------------------------------------------------------------
MEASURED="o2 h2s attr"

status_ok() { [ "$(cat "$RAW/$1.$2.status")" = ok ]; }

# Marks $1.$2 as failed with reason $3 unless it already failed.
fail_variant() {
    status_ok "$1" "$2" && echo "$3" >"$RAW/$1.$2.status"
    log "$1: $2 $3 -- reported as a miscompile"
}

# Runs every built variant of $1 once at the native size under the shim:
# output, exit status, heap calls, peak stack. A variant whose output
# differs from o2's, or that exits non-zero, is marked failed.
check_and_count() {
    local prog=$1 v rc
    for v in $MEASURED; do
        status_ok "$prog" "$v" || continue
        rm -f "$RAW/$prog.$v.shim"
        rc=0
        H2S_BENCH_DIV=$NATIVE_DIV H2S_SHIM_OUT="$RAW/$prog.$v.shim" LD_PRELOAD="$SHIM" \
            "$BIN/$prog.$v" >"$RAW/$prog.$v.out" 2>"$RAW/$prog.$v.err" || rc=$?
        if [ "$rc" != 0 ]; then
            fail_variant "$prog" "$v" "exit-$rc"
        elif [ "$v" != o2 ] && ! cmp -s "$RAW/$prog.o2.out" "$RAW/$prog.$v.out"; then
            fail_variant "$prog" "$v" "output-differs"
        fi
    done
}

# Times the passing variants of $1 with hyperfine: $RUNS rounds of one run
# per variant, alternating the order, so that a change in the machine's load
# hits all variants alike; the report takes the median over the rounds.
time_variants() {
    local prog=$1 v r order args
    for r in $(seq 1 "$RUNS"); do
        order=$MEASURED
        [ $((r % 2)) = 0 ] && order=$(echo "$MEASURED" | tr ' ' '\n' | tac | tr '\n' ' ')
        args=()
        for v in $order; do
            status_ok "$prog" "$v" && args+=(-n "$v" "$BIN/$prog.$v")
        done
        H2S_BENCH_DIV=$NATIVE_DIV hyperfine -N --style basic --runs 1 \
            --warmup "$([ "$r" = 1 ] && echo "$WARMUP" || echo 0)" \
            --export-json "$RAW/$prog.hyperfine.$r.json" "${args[@]}" \
            >>"$RAW/$prog.hyperfine.log" 2>&1 ||
            log "$prog: hyperfine failed (see $RAW/$prog.hyperfine.log)"
    done
}

# Counts the instructions of the passing variants of $1 with callgrind on the
# smaller workload, comparing their output too.
count_instructions() {
    local prog=$1 v rc
    for v in $MEASURED; do
        status_ok "$prog" "$v" || continue
        rc=0
        H2S_BENCH_DIV=$VALGRIND_DIV valgrind --tool=callgrind --demangle=no \
            --callgrind-out-file="$RAW/$prog.$v.callgrind" "$BIN/$prog.$v" \
            >"$RAW/$prog.$v.small.out" 2>"$RAW/$prog.$v.callgrind.log" || rc=$?
        if [ "$rc" != 0 ]; then
            fail_variant "$prog" "$v" "exit-$rc-under-callgrind"
        elif [ "$v" != o2 ] && ! cmp -s "$RAW/$prog.o2.small.out" "$RAW/$prog.$v.small.out"; then
            fail_variant "$prog" "$v" "output-differs-under-callgrind"
        fi
    done
}

# Runs the instrumented build of $1 on the callgrind workload: the shim
# classifies every block (local to its allocating frame or not) and writes
# the profile of its allocation call sites.
classify_blocks() {
    local prog=$1
    status_ok "$prog" inst || return 0
    rm -f "$RAW/$prog.inst.shim" "$RAW/$prog.inst.profile"
    if ! H2S_BENCH_DIV=$VALGRIND_DIV H2S_SHIM_OUT="$RAW/$prog.inst.shim" \
        H2S_PROFILE_OUT="$RAW/$prog.inst.profile" "$BIN/$prog.inst" \
        >"$RAW/$prog.inst.small.out" 2>"$RAW/$prog.inst.err" ||
        ! cmp -s "$RAW/$prog.o2.small.out" "$RAW/$prog.inst.small.out"; then
        echo output-differs >"$RAW/$prog.inst.status"
        log "$prog: the instrumented build disagrees with o2; no ceiling"
    fi
}

# Ranks the kept sites of $1 (source $2) by the blocks of the instrumented
# run a stack slot could have held: the plugin's record of a -g compile,
# joined with the profile by heap2stack-report, in $RAW/$1.gaps.json.
rank_kept_sites() {
    local prog=$1 src=$2 compiler=$CC report=$WORK/plugin/heap2stack-report
    case "$src" in *.cpp) compiler=$CXX ;; esac
    [ -f "$PLUGIN" ] && [ -x "$report" ] && [ -f "$RAW/$prog.inst.profile" ] || return 0
    rm -rf "$RAW/$prog.record"
    mkdir -p "$RAW/$prog.record"
    if ! "$compiler" -O2 -g -fpass-plugin="$PLUGIN" -mllvm -heap2stack-record="$RAW/$prog.record" \
        -I"$BENCH/programs" -c "$src" -o /dev/null 2>"$RAW/$prog.record.log" ||
        ! "$report" --json --profile "$RAW/$prog.inst.profile" "$RAW/$prog.record" \
            >"$RAW/$prog.gaps.json" 2>>"$RAW/$prog.record.log"; then
        rm -f "$RAW/$prog.gaps.json"
        log "$prog: no ranking of kept sites (see $RAW/$prog.record.log)"
    fi
}

measure_program() {
    local src=$1 prog v
    prog=$(basename "${src%.*}")
    log "$prog: building"
    for v in $MEASURED inst; do
        build_variant "$prog" "$src" "$v"
    done
    if ! status_ok "$prog" o2; then
        log "$prog: the -O2 build failed; skipping"
        return
    fi
    log "$prog: checking outputs, counting heap calls"
    check_and_count "$prog"
    if ! status_ok "$prog" o2; then
        log "$prog: the -O2 build fails its own check; skipping"
        return
    fi
    log "$prog: callgrind"
    count_instructions "$prog"
    log "$prog: classifying blocks"
    classify_blocks "$prog"
    rank_kept_sites "$prog" "$src"
    log "$prog: hyperfine"
    time_variants "$prog"
}

# ---- 5. compile time --------------------------------------------------------
# Compiles generated TU $1 with flags $2 and -ftime-report into
# $RAW/compile/$3.r$4.{timereport,wall} (run number $4). The report takes the
# fastest of the runs, the one least disturbed by other work on the machine.
compile_timed() {
    local src=$1 flags=$2 name=$3 k=$4 t0 t1
    t0=$(date +%s.%N)
    # shellcheck disable=SC2086 # the flags are meant to split
    if "$CC" $flags -ftime-report -c "$src" -o "$WORK/gen/$name.o" \
        >"$RAW/compile/$name.log" 2>"$RAW/compile/$name.r$k.timereport"; then
        t1=$(date +%s.%N)
        echo "$t0 $t1" | awk '{printf "%.3f\n", $2 - $1}' >"$RAW/compile/$name.r$k.wall"
    else
        echo failed >"$RAW/compile/$name.r$k.wall"
        log "compile of $name failed (see $RAW/compile/$name.r$k.timereport)"
    fi
    rm -f "$WORK/gen/$name.o"
}

# pass_instructions SRC NAME: the instructions heap2stack itself executes on
# SRC, counted by callgrind (stable on a loaded machine, unlike CPU time).
# The IR is what the pass sees in clang's -O2 pipeline (emitted with the
# pass switched off there), and opt runs the pass alone on it, cleanup
# included.
pass_instructions() {
    local src=$1 name=$2 ll=$WORK/gen/$2.ll
    "$CC" -O2 -fpass-plugin="$PLUGIN" -mllvm -heap2stack-ep=off -S -emit-llvm \
        "$src" -o "$ll" || return 0
    valgrind --tool=callgrind --callgrind-out-file="$WORK/gen/$name.cg" \
        --toggle-collect='heap2stack::HeapToStackPass::run*' \
        "$LLVM_BIN/opt" -load-pass-plugin="$PLUGIN" -passes=heap2stack \
        -disable-output "$ll" >/dev/null 2>&1 || return 0
    sed -n 's/^summary: *//p' "$WORK/gen/$name.cg" >"$RAW/compile/$name.ir"
    rm -f "$ll" "$WORK/gen/$name.cg"
}

measure_compile_time() {
    mkdir -p "$WORK/gen" "$RAW/compile"
    local sites name tu=$WORK/gen/tu-$TU_SITES.c v k reps
    log "compile time: generated TU with $TU_SITES sites, $TU_REPS run(s) per build"
    python3 "$BENCH/gen_alloc_tu.py" "$TU_SITES" "$tu"
    wc -l <"$tu" >"$RAW/compile/tu.lines"
    echo "$TU_SITES" >"$RAW/compile/tu.sites"
    for k in $(seq 1 "$TU_REPS"); do
        for v in o2 h2s attr; do
            [ "$v" = h2s ] && [ ! -f "$PLUGIN" ] && continue
            # Without -Rpass: printing remarks is not the pass's cost.
            compile_timed "$tu" "$(variant_flags "$v" | sed 's/ -Rpass[^ ]*//g')" "tu.$v" "$k"
        done
    done
    if [ ! -f "$PLUGIN" ]; then
        log "compile time: no plugin at $PLUGIN; skipping the scaling run"
        return
    fi
    for sites in $SCALING_SITES; do
        name=scale-$sites
        reps=1
        [ "$sites" -le 30000 ] && reps=$((SCALING_REPS - 1))
        [ "$sites" -le 10000 ] && reps=$SCALING_REPS
        [ "$reps" -ge 1 ] || reps=1
        log "compile time: scaling, $sites sites, $reps run(s)"
        python3 "$BENCH/gen_alloc_tu.py" "$sites" "$WORK/gen/$name.c"
        wc -l <"$WORK/gen/$name.c" >"$RAW/compile/$name.lines"
        for k in $(seq 1 "$reps"); do
            compile_timed "$WORK/gen/$name.c" "-O2 -fpass-plugin=$PLUGIN" "$name.h2s" "$k"
        done
        # Callgrind runs ~50x slower; 30k sites take a few minutes.
        [ "$sites" -le 30000 ] && pass_instructions "$WORK/gen/$name.c" "$name"
        rm -f "$WORK/gen/$name.c"
    done
}

# ---- 6. machine -------------------------------------------------------------
describe_machine() {
    {
        echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
        echo "mode=$MODE"
        echo "cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
        echo "cpus=$(nproc)"
        echo "kernel=$(uname -r)"
        echo "glibc=$(ldd --version | head -1 | sed 's/.* //')"
        echo "clang=$("$CC" --version | head -1)"
        echo "valgrind=$(valgrind --version)"
        echo "hyperfine=$(hyperfine --version)"
        echo "plugin=$PLUGIN"
        echo "repo_commit=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo none)"
        echo "native_div=$NATIVE_DIV"
        echo "valgrind_div=$VALGRIND_DIV"
        echo "hyperfine_runs=$RUNS"
        echo "hyperfine_warmup=$WARMUP"
        echo "tu_sites=$TU_SITES"
        echo "tu_reps=$TU_REPS"
        echo "scaling_sites=$SCALING_SITES"
        for v in o2 h2s attr inst; do echo "flags_$v=$(variant_flags "$v")"; done
    } >"$RAW/machine.txt"
}

# ---- 6b. room guards --------------------------------------------------------
# Instructions per level of bench/micro/roomcost.c's recursion, built -O2 and
# with the plugin, where the room test finds room ("shallow") and where it
# does not ("deep"): the difference between 2R and R repetitions of the
# chain, divided by the R * (CHAIN + 1) extra calls.  Writes
# $RAW/room/<build>.<regime>.<reps>.ir and $RAW/room/levels.
ROOM_REPS=1000
measure_room_cost() {
    local src=$BENCH/micro/roomcost.c v regime reps
    mkdir -p "$RAW/room"
    [ -f "$PLUGIN" ] || return 0
    "$CC" -O2 -o "$BIN/roomcost.o2" "$src"
    "$CC" -O2 -fpass-plugin="$PLUGIN" -o "$BIN/roomcost.h2s" "$src"
    echo $(($(sed -n 's/.*CHAIN = \([0-9]*\).*/\1/p' "$src") + 1)) >"$RAW/room/levels"
    for v in o2 h2s; do
        for regime in shallow deep; do
            for reps in $ROOM_REPS $((2 * ROOM_REPS)); do
                valgrind --tool=callgrind --callgrind-out-file="$RAW/room/$v.$regime.$reps.cg" \
                    "$BIN/roomcost.$v" "$regime" "$reps" >/dev/null 2>&1
                sed -n 's/^summary: //p' "$RAW/room/$v.$regime.$reps.cg" >"$RAW/room/$v.$regime.$reps.ir"
            done
        done
    done
    echo "$ROOM_REPS" >"$RAW/room/reps"
}

# ---- 7. main ----------------------------------------------------------------
main() {
    local start src name
    start=$(date +%s)
    ensure_tools
    rm -rf "$RAW"
    mkdir -p "$RAW" "$BIN"
    describe_machine
    echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RAW/machine.txt"
    snapshot_plugin
    echo "plugin_present=$([ -f "$PLUGIN" ] && echo yes || echo no)" >>"$RAW/machine.txt"
    build_shim
    [ -f "$PLUGIN" ] || log "no plugin at $PLUGIN: measuring o2 and attr only"
    for src in "$BENCH"/programs/*.c "$BENCH"/programs/*.cpp; do
        name=$(basename "${src%.*}")
        if [ -n "$ONLY" ] && ! grep -qw "$name" <<<"$ONLY"; then
            continue
        fi
        measure_program "$src"
    done
    [ "$COMPILE_TIME" = 1 ] && measure_compile_time
    log "room guards: roomcost"
    measure_room_cost
    echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RAW/machine.txt"
    echo "harness_seconds=$(($(date +%s) - start))" >>"$RAW/machine.txt"
    log "writing the report"
    python3 "$BENCH/report.py" --raw "$RAW" --results "$BENCH/results" --docs "$REPO/docs" \
      --baseline "$BENCH/results/baseline.csv"
    log "done in $(($(date +%s) - start)) s: see docs/performance.md"
}

main
