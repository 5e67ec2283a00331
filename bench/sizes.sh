#!/usr/bin/env bash
# bench/sizes.sh -- how large are the heap blocks a guarded stack slot could
# take? The size distribution of the blocks freed while their allocating
# frame was live ("frame-bounded"), per bench program.
#
# Builds every program in bench/programs as bench/run.sh's o2 and inst
# variants (the build and run functions are bench/run.sh's own, sourced from
# its sections 3 and 4, so flags, shim and workload stay the same), runs o2
# for the reference output and inst -- -O2 -finstrument-functions-after-
# inlining, linked with tools/profile/heap2stack-profile.c -- on the callgrind/ceiling
# workload (1/VALGRIND_DIV of the default, bench/run.sh's classify_blocks),
# and prints from the shim's size histograms, per program and in total, the
# cumulative share of frame-bounded blocks (and of the heap calls they
# account for: allocation, reallocs, free) of at most 16, 32, ..., 1024
# bytes, then the same for all program blocks. A realloc'd block counts at
# the largest size it reached. The table goes to stdout and WORK/sizes.md.
#
# Usage: bench/sizes.sh [--quick] [--only "logfmt kalman ..."] [--after-h2s]
#        bench/sizes.sh --table [--label WORD] NAME=SHIMFILE...
#   --quick        bench/run.sh's quick workload (1/50 instead of 1/10)
#   --only LIST    these programs only (names without extension)
#   --after-h2s    load the plugin into the inst build too (H2S_PLUGIN,
#                  default build/lib/HeapToStack.so): what stays on the heap
#                  after today's pass (WORK/raw-after-h2s, WORK/sizes-after-h2s.md)
#   --table        build and run nothing: tabulate shim output files, one
#                  row per NAME (every instrumented process of the file is
#                  summed; the "processes" column counts them, and those
#                  that also ran other threads). tools/realworld/run.sh
#                  uses this.
#   --label WORD   the first column's heading (default "program")
# Environment: LLVM_BIN (default /usr/lib/llvm-22/bin); WORK, the scratch
# directory (default bench/build/sizes, apart from bench/run.sh's data).
#
# Time: about 15 s on 2 shared cores (two builds per program, one
# instrumented run each, serially).
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
LLVM_BIN=${LLVM_BIN:-/usr/lib/llvm-22/bin}
PLUGIN=${H2S_PLUGIN:-$REPO/build/lib/HeapToStack.so}
WORK=${WORK:-$BENCH/build/sizes}

# ---- 1. tabulating --------------------------------------------------------
# tabulate LABEL NAME=FILE...: the Markdown tables from the shim's lines.
tabulate() {
    python3 - "$@" <<'EOF'
import itertools
import sys

BUCKETS = ["le16", "le32", "le64", "le128", "le256", "le512", "le1024", "le4096", "gt4096"]
SHOWN = 7  # cumulative shares up to le1024


def read(path):
    """Sums the lines of the instrumented processes in shim file 'path';
    returns (sums, processes, processes that also ran other threads)."""
    sums, procs, threaded = {}, 0, 0
    try:
        fh = open(path)
    except OSError:
        return sums, 0, 0
    with fh:
        for line in fh:
            kv = {k: int(v) for k, v in (f.split("=", 1) for f in line.split() if "=" in f)}
            if not kv.get("activations"):
                continue  # not an instrumented program (sh, make, cmp...)
            procs += 1
            threaded += kv.get("foreign_thread_calls", 0) > 0
            for k, v in kv.items():
                sums[k] = sums.get(k, 0) + v
    return sums, procs, threaded


def shares(sums, hist):
    """Returns (total, cumulative share at each shown bucket) of histogram
    'hist' (e.g. "hist.local.blocks"), shares None when it is empty."""
    counts = [sums.get(f"{hist}.{b}", 0) for b in BUCKETS]
    total = sum(counts)
    acc = list(itertools.accumulate(counts))[:SHOWN]
    return total, [a / total if total else None for a in acc]


def pct(x):
    return "—" if x is None else f"{100 * x:.1f}"


def cells(per_hist):
    """One cell per shown bucket: the shares of each histogram, '/'-joined."""
    return [" / ".join(pct(s[1][i]) for s in per_hist) for i in range(SHOWN)]


def print_table(title, label, hists, rows_in):
    """Prints one Markdown table of the histograms 'hists' for every
    (name, sums, procs, threaded) of 'rows_in', a pooled and a mean row."""
    local = hists[0] == "hist.local.blocks"
    head = [label, "frame-bounded blocks", "% of program blocks"] if local else [label, "program blocks"]
    head += [f"<= {b[2:]}" for b in BUCKETS[:SHOWN]] + ["processes"]
    pooled, rows, everyone = {}, [], []
    for _, sums, _, _ in rows_in:
        for k, v in sums.items():
            pooled[k] = pooled.get(k, 0) + v
    entries = rows_in + [("**all, pooled**", pooled, sum(r[2] for r in rows_in),
                          sum(r[3] for r in rows_in))]
    for n, (name, sums, procs, threaded) in enumerate(entries):
        per_hist = [shares(sums, h) for h in hists]
        if n < len(rows_in):
            everyone.append(per_hist)
        total = per_hist[0][0]
        row = [name, f"{total:,}"]
        if local:
            program = shares(sums, "hist.program.blocks")[0]
            row.append(pct(total / program if program else None))
        row += cells(per_hist)
        row.append(f"{procs:,}" + (f" ({threaded} threaded)" if threaded else ""))
        rows.append(row)
    used = [p for p in everyone if p[0][0]]  # the unweighted mean of non-empty rows
    mean = [(None, [sum(p[h][1][i] for p in used) / len(used) if used else None
                    for i in range(SHOWN)]) for h in range(len(hists))]
    rows.append([f"**mean of {label}s**", ""] + ([""] if local else []) + cells(mean) + [""])
    print(title + ":\n")
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" for _ in head) + "|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print()


def main(label, specs):
    rows = [(spec.split("=", 1)[0], *read(spec.split("=", 1)[1])) for spec in specs]
    print_table("Frame-bounded blocks (freed while their allocating frame was live): cumulative "
                "% of blocks / % of their heap calls, by size in bytes", label,
                ["hist.local.blocks", "hist.local.calls"], rows)
    print_table("All program blocks: cumulative % of blocks, by size in bytes", label,
                ["hist.program.blocks"], rows)


main(sys.argv[1], sys.argv[2:])
EOF
}

# ---- 2. options -------------------------------------------------------------
MODE=full
ONLY=""
LABEL=program
TABLE=0
AFTER_H2S=0
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) MODE=quick ;;
    --only) ONLY="$2"; shift ;;
    --table) TABLE=1 ;;
    --after-h2s) AFTER_H2S=1 ;;
    --label) LABEL="$2"; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "sizes.sh: unknown option $1" >&2; exit 2 ;;
    *) [ "$TABLE" = 1 ] && break; echo "sizes.sh: NAME=FILE arguments need --table" >&2; exit 2 ;;
    esac
    shift
done
if [ "$TABLE" = 1 ]; then
    tabulate "$LABEL" "$@"
    exit 0
fi
SFX=
[ "$AFTER_H2S" = 1 ] && SFX=-after-h2s
RAW=$WORK/raw$SFX
BIN=$WORK/bin$SFX

# ---- 3. bench/run.sh's builds and runs --------------------------------------
# Its workload divisors (section 1) and its sections 3 (builds) and 4 (runs):
# variant_flags, build_shim, build_variant, status_ok, classify_blocks...
# shellcheck disable=SC2016 # sed patterns, not shell expansions
eval "$(sed -n '/^if \[ "\$MODE" = quick \]; then$/,/^fi$/p' "$BENCH/run.sh")"
# shellcheck source=/dev/null
source <(sed -n '/^# ---- 3\. builds/,/^# ---- 5\. /p' "$BENCH/run.sh")
for f in variant_flags build_shim build_variant status_ok classify_blocks; do
    declare -F "$f" >/dev/null || { echo "sizes.sh: bench/run.sh has no $f any more" >&2; exit 1; }
done
[ -n "${VALGRIND_DIV:-}" ] || { echo "sizes.sh: no VALGRIND_DIV in bench/run.sh" >&2; exit 1; }
# --after-h2s: the inst flags plus the plugin (a snapshot, see snapshot_plugin).
if [ "$AFTER_H2S" = 1 ]; then
    eval "run_sh_$(declare -f variant_flags)"
    variant_flags() {
        if [ "$1" = inst ]; then echo "$(run_sh_variant_flags inst) -fpass-plugin=$PLUGIN"
        else run_sh_variant_flags "$1"; fi
    }
fi

log() { printf '[sizes.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Builds $1 (source $2) as o2 and inst; runs o2 on the small workload for the
# reference output and inst under the shim (classify_blocks).
measure_sizes() {
    local prog=$1 src=$2 v
    for v in o2 inst; do
        build_variant "$prog" "$src" "$v"
    done
    status_ok "$prog" o2 || { log "$prog: the -O2 build failed; skipping"; return 0; }
    H2S_BENCH_DIV=$VALGRIND_DIV "$BIN/$prog.o2" >"$RAW/$prog.o2.small.out" 2>/dev/null ||
        { log "$prog: the -O2 build fails its self-check; skipping"; return 0; }
    classify_blocks "$prog"
    status_ok "$prog" inst || log "$prog: no sizes (inst build: $(cat "$RAW/$prog.inst.status"))"
}

main() {
    local start src name specs=()
    start=$(date +%s)
    [ -x "$LLVM_BIN/clang" ] || { echo "sizes.sh: no clang in $LLVM_BIN (set LLVM_BIN)" >&2; exit 1; }
    rm -rf "$RAW"
    mkdir -p "$RAW" "$BIN"
    if [ "$AFTER_H2S" = 1 ]; then
        snapshot_plugin
        [ -f "$PLUGIN" ] || { echo "sizes.sh: no loadable plugin for --after-h2s" >&2; exit 1; }
    fi
    build_shim
    for src in "$BENCH"/programs/*.c "$BENCH"/programs/*.cpp; do
        name=$(basename "${src%.*}")
        if [ -n "$ONLY" ] && ! grep -qw "$name" <<<"$ONLY"; then
            continue
        fi
        log "$name"
        measure_sizes "$name" "$src"
        status_ok "$name" inst && specs+=("$name=$RAW/$name.inst.shim")
    done
    {
        echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores" \
            "($(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)), $("$CC" --version | head -1);" \
            "workload 1/$VALGRIND_DIV of the default ($MODE); inst flags:" \
            "$(variant_flags inst | sed "s|$WORK/plugin/|build/lib/|")."
        echo
        tabulate "$LABEL" "${specs[@]}"
    } | tee "$WORK/sizes$SFX.md"
    log "done in $(($(date +%s) - start)) s; raw shim lines in $RAW/*.inst.shim"
}

main
