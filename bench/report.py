#!/usr/bin/env python3
"""report.py -- turns the raw data of bench/run.sh into the results tables,
the plots and docs/performance.md.

Usage: report.py --raw bench/build/raw --results bench/results --docs docs

Reads, per program and build (o2, h2s, attr, inst): the status file, the
shim's line (heap calls, peak stack; block classes for inst), the callgrind
profile (total Ir; the inclusive Ir and call count of every call edge from
program code into the allocator), the hyperfine JSON, and the build log
(heap2stack remarks). Then the -ftime-report output of the compile-time
runs. Every ratio is against the o2 build of the same run. Standard library
only; the plots are drawn by gnuplot.
"""
import argparse
import csv
import json
import math
import os
import re
import subprocess
import sys

VARIANTS = ["o2", "h2s", "attr"]
LABEL = {"o2": "-O2", "h2s": "heap2stack", "attr": "Attributor"}
GROUPS = ["malloc", "calloc", "realloc", "memalign", "free"]
SHIM_GROUP = {"malloc": "malloc", "new": "malloc", "calloc": "calloc", "realloc": "realloc",
              "memalign": "memalign", "free": "free", "delete": "free"}
CLASSES = ["nonlocal", "library", "local_small", "local_large", "local_shared"]
# The shim's classes of blocks freed while their allocating frame was live,
# and of those the ones one stack slot per site and frame could hold.
FREED_IN_FRAME = ["local_small", "local_large", "local_shared"]
ONE_SLOT = ["local_small", "local_large"]
# Function passes shown next to heap2stack in the scaling table, as a yardstick
# for what "flat" looks like on this machine.
REFERENCE_PASSES = ["InstCombinePass", "SROAPass", "EarlyCSEPass"]
PASS_RE = re.compile(r"heap.?2.?stack|heap.?to.?stack|\bh2s", re.I)

# ---- reading raw data ---------------------------------------------------------


def read_text(path, default=None):
    try:
        with open(path) as fh:
            return fh.read().strip()
    except OSError:
        return default


def read_kv_line(path):
    """Parses a line of key=value pairs (the shim's report) into ints."""
    text = read_text(path)
    if not text:
        return None
    line = text.splitlines()[-1]
    return {k: int(v) for k, v in (f.split("=", 1) for f in line.split() if "=" in f)}


def read_machine(raw):
    out = {}
    for line in (read_text(os.path.join(raw, "machine.txt"), "") or "").splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            out[k] = v
    return out


def allocator_group(name):
    """Returns the GROUPS entry of allocator function 'name', or None."""
    base = name.split("'")[0]
    if base.startswith(("_Znw", "_Zna")):
        return "malloc"
    if base.startswith(("_Zdl", "_Zda")):
        return "free"
    table = {"malloc": "malloc", "__libc_malloc": "malloc",
             "calloc": "calloc", "__libc_calloc": "calloc",
             "realloc": "realloc", "__libc_realloc": "realloc",
             "reallocarray": "realloc", "__libc_reallocarray": "realloc",
             "aligned_alloc": "memalign", "memalign": "memalign", "__libc_memalign": "memalign",
             "posix_memalign": "memalign", "__posix_memalign": "memalign",
             "valloc": "memalign", "pvalloc": "memalign",
             "free": "free", "__libc_free": "free", "cfree": "free"}
    return table.get(base)


def parse_callgrind(path):
    """Returns (total Ir, {group: [calls, inclusive Ir]}) for the call edges
    from functions outside the allocator into it."""
    names = {}
    total = None
    edges = {g: [0, 0] for g in GROUPS}
    npos = 1
    cur_fn = call_fn = None
    pending = None

    def resolve(spec):
        m = re.match(r"\((\d+)\)(?: (.*))?", spec)
        if not m:
            return spec
        if m.group(2) is not None:
            names[m.group(1)] = m.group(2)
        return names.get(m.group(1), "?")

    with open(path, errors="replace") as fh:
        for line in fh:
            if pending is not None:
                fields = line.split()
                if fields and (fields[0][0].isdigit() or fields[0][0] in "+-*"):
                    cost = int(fields[npos]) if len(fields) > npos else 0
                    group, count = pending
                    edges[group][0] += count
                    edges[group][1] += cost
                    pending = None
                    continue
                pending = None
            if line.startswith("fn="):
                cur_fn = resolve(line[3:].strip())
            elif line.startswith("cfn="):
                call_fn = resolve(line[4:].strip())
            elif line.startswith("calls="):
                group = allocator_group(call_fn or "")
                if group and not allocator_group(cur_fn or ""):
                    pending = (group, int(line[6:].split()[0]))
            elif line.startswith("positions:"):
                npos = len(line.split()) - 1
            elif line.startswith(("summary:", "totals:")):
                total = int(line.split()[1])
    return total, edges


def parse_hyperfine(raw, prog):
    """Returns {variant: (median seconds, standard deviation)} over all the
    hyperfine rounds of 'prog'."""
    times = {}
    for f in os.listdir(raw):
        if re.fullmatch(re.escape(prog) + r"\.hyperfine\.\d+\.json", f):
            for r in json.loads(read_text(os.path.join(raw, f)))["results"]:
                times.setdefault(r["command"], []).extend(r["times"])
    out = {}
    for v, ts in times.items():
        ts.sort()
        n = len(ts)
        median = ts[n // 2] if n % 2 else (ts[n // 2 - 1] + ts[n // 2]) / 2
        mean = sum(ts) / n
        sd = math.sqrt(sum((t - mean) ** 2 for t in ts) / (n - 1)) if n > 1 else None
        out[v] = (median, sd)
    return out


def count_remarks(path):
    text = read_text(path, "") or ""
    promoted = len(re.findall(r"remark: .*\[-Rpass=heap2stack\]", text))
    kept = len(re.findall(r"remark: .*\[-Rpass-missed=heap2stack\]", text))
    return promoted, kept


def program_header(src_dir, prog):
    """Returns the first sentence of the program's header comment."""
    for ext in (".c", ".cpp"):
        text = read_text(os.path.join(src_dir, prog + ext))
        if text:
            m = re.search(r"/\*\s*\n\s*\*\s*\S+ -- (.*?)\.\s*\n\s*\*\s*\n", text, re.S)
            if m:
                return re.sub(r"\s*\n\s*\*\s*", " ", m.group(1)).strip()
    return ""

# ---- per-program numbers -------------------------------------------------------


def heap_calls(shim):
    return sum(shim.get(k, 0) for k in SHIM_GROUP) if shim else None


def ceiling(edges, inst):
    """Apportions the allocator's Ir by call counts: returns (Ir of blocks
    freed while their frame was live, of those that one slot per site and
    frame could hold, of those of them <= 1 KiB, worst mismatch between the
    shim's and callgrind's call counts of a group, as (calls, fraction))."""
    if not inst:
        return None, None, None, None
    local = slot = small = 0.0
    mismatch = (0, 0.0)
    for g in GROUPS:
        per_class = {c: sum(inst.get(f"{c}.{e}", 0) for e, gg in SHIM_GROUP.items() if gg == g)
                     for c in CLASSES}
        total = sum(per_class.values())
        calls, ir = edges[g]
        if total == calls == 0:
            continue
        mismatch = max(mismatch, (abs(total - calls), abs(total - calls) / max(total, calls)))
        if total == 0:
            continue
        local += ir * sum(per_class[c] for c in FREED_IN_FRAME) / total
        slot += ir * sum(per_class[c] for c in ONE_SLOT) / total
        small += ir * per_class["local_small"] / total
    return local, slot, small, mismatch


def ratio(a, b):
    return a / b if a is not None and b else None


def collect_program(raw, src_dir, prog):
    """Returns a dict of everything measured for 'prog'."""
    p = {"program": prog, "about": program_header(src_dir, prog)}
    times = parse_hyperfine(raw, prog)
    for v in VARIANTS + ["inst"]:
        d = {"status": read_text(os.path.join(raw, f"{prog}.{v}.status"), "missing")}
        ok = d["status"] == "ok"
        shim = read_kv_line(os.path.join(raw, f"{prog}.{v}.shim")) if ok else None
        d["heap_calls"] = heap_calls(shim)
        d["stack_peak"] = shim.get("stack_peak") if shim else None
        d["stack_saturated"] = shim.get("stack_saturated") if shim else None
        cg = os.path.join(raw, f"{prog}.{v}.callgrind")
        d["ir"], d["edges"] = parse_callgrind(cg) if ok and os.path.exists(cg) else (None, None)
        d["time"], d["time_sd"] = times.get(v, (None, None)) if ok else (None, None)
        d["remarks"] = count_remarks(os.path.join(raw, f"{prog}.{v}.build.log")) if v == "h2s" else None
        d["output"] = (read_text(os.path.join(raw, f"{prog}.{v}.out"), "")
                       or read_text(os.path.join(raw, f"{prog}.{v}.err"), ""))
        d["small_output"] = read_text(os.path.join(raw, f"{prog}.{v}.small.out"), "")
        p[v] = d
    base = p["o2"]
    inst = read_kv_line(os.path.join(raw, f"{prog}.inst.shim")) if p["inst"]["status"] == "ok" else None
    p["inst_shim"] = inst
    gaps = os.path.join(raw, f"{prog}.gaps.json")
    p["gaps"] = json.loads(read_text(gaps, "null")) if os.path.exists(gaps) else None
    if base["edges"]:
        base["alloc_ir"] = sum(ir for _, ir in base["edges"].values())
        (p["ceiling_ir"], p["ceiling_slot_ir"], p["ceiling_small_ir"],
         p["call_mismatch"]) = ceiling(base["edges"], inst)
    else:
        base["alloc_ir"] = p["ceiling_ir"] = p["ceiling_slot_ir"] = None
        p["ceiling_small_ir"] = p["call_mismatch"] = None
    for v in VARIANTS:
        d = p[v]
        d["ir_ratio"] = ratio(d["ir"], base["ir"])
        d["time_ratio"] = ratio(d["time"], base["time"])
        d["heap_ratio"] = ratio(d["heap_calls"], base["heap_calls"])
        d["stack_ratio"] = ratio(d["stack_peak"], base["stack_peak"])
    return p

# ---- formatting -----------------------------------------------------------------


def fmt_ratio(x):
    return "—" if x is None else f"{x:.3f}"


def fmt_pct(x):
    return "—" if x is None else f"{100 * x:.1f}%"


def fmt_int(x):
    return "—" if x is None else f"{x:,}"


def fmt_time(x):
    return "—" if x is None else f"{1000 * x:.0f} ms"


def geomean(xs):
    xs = [x for x in xs if x]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def variant_cell(d, value):
    """The table cell for a build: the value, or why there is none."""
    if d["status"] == "ok":
        return value
    return {"no-plugin": "no plugin", "missing": "—"}.get(d["status"], f"**{d['status']}**")


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def runtime_table(progs):
    header = ["program", "-O2 Ir", "h2s Ir ratio", "attr Ir ratio", "-O2 time",
              "h2s time ratio", "attr time ratio"]
    rows = []
    for p in progs:
        b = p["o2"]
        rows.append([p["program"], fmt_int(b["ir"]),
                     variant_cell(p["h2s"], fmt_ratio(p["h2s"]["ir_ratio"])),
                     variant_cell(p["attr"], fmt_ratio(p["attr"]["ir_ratio"])),
                     fmt_time(b["time"]) + ("" if b["time_sd"] is None else f" ± {1000 * b['time_sd']:.0f}"),
                     variant_cell(p["h2s"], fmt_ratio(p["h2s"]["time_ratio"])),
                     variant_cell(p["attr"], fmt_ratio(p["attr"]["time_ratio"]))])
    rows.append(["**geomean**", "", fmt_ratio(geomean(p["h2s"]["ir_ratio"] for p in progs)),
                 fmt_ratio(geomean(p["attr"]["ir_ratio"] for p in progs)), "",
                 fmt_ratio(geomean(p["h2s"]["time_ratio"] for p in progs)),
                 fmt_ratio(geomean(p["attr"]["time_ratio"] for p in progs))])
    return table(header, rows)


def heap_stack_table(progs):
    header = ["program", "-O2 heap calls", "h2s heap calls ratio", "attr heap calls ratio",
              "-O2 peak stack", "h2s stack ratio", "attr stack ratio", "h2s sites promoted / kept"]
    rows = []
    for p in progs:
        b, h, a = p["o2"], p["h2s"], p["attr"]
        rem = h["remarks"]
        rows.append([p["program"], fmt_int(b["heap_calls"]),
                     variant_cell(h, fmt_ratio(h["heap_ratio"])),
                     variant_cell(a, fmt_ratio(a["heap_ratio"])),
                     "—" if b["stack_peak"] is None else f"{b['stack_peak']:,} B",
                     variant_cell(h, fmt_ratio(h["stack_ratio"])),
                     variant_cell(a, fmt_ratio(a["stack_ratio"])),
                     variant_cell(h, f"{rem[0]} / {rem[1]}" if rem else "—")])
    return table(header, rows)


def read_baseline(path):
    """The h2s rows of an earlier run's runtime.csv, by program: what the
    ceiling table compares with ("h2s saved, baseline")."""
    if not path or not os.path.exists(path):
        return {}
    with open(path, newline="") as fh:
        return {r["program"]: r for r in csv.DictReader(fh) if r["variant"] == "h2s"}


def baseline_saved(baseline, prog):
    row = baseline.get(prog)
    if not row or not row.get("instructions_ratio"):
        return "—"
    return fmt_pct(1 - float(row["instructions_ratio"]))


def ceiling_table(progs, baseline=None):
    baseline = baseline or {}
    header = ["program", "allocator share of -O2 Ir", "freed in frame",
              "ceiling: one slot per site", "ceiling, blocks <= 1 KiB", "h2s saved", "attr saved",
              "local blocks freed by own frame",
              "allocator calls, inst vs -O2"]
    if baseline:
        header.insert(6, "h2s saved, baseline")
    rows = []
    for p in progs:
        b = p["o2"]
        inst = p["inst_shim"] or {}
        local_blocks = sum(inst.get(f"blocks.{c}", 0) for c in FREED_IN_FRAME)
        same = inst.get("blocks_same_frame")
        rows.append([p["program"], fmt_pct(ratio(b["alloc_ir"], b["ir"])),
                     fmt_pct(ratio(p["ceiling_ir"], b["ir"])),
                     fmt_pct(ratio(p["ceiling_slot_ir"], b["ir"])),
                     fmt_pct(ratio(p["ceiling_small_ir"], b["ir"])),
                     variant_cell(p["h2s"], fmt_pct(None if p["h2s"]["ir_ratio"] is None
                                                    else 1 - p["h2s"]["ir_ratio"])),
                     variant_cell(p["attr"], fmt_pct(None if p["attr"]["ir_ratio"] is None
                                                     else 1 - p["attr"]["ir_ratio"])),
                     "—" if same is None or not local_blocks else f"{same / local_blocks:.0%}",
                     "—" if p["call_mismatch"] is None else
                     ("equal" if p["call_mismatch"][0] == 0 else
                      f"differ by {p['call_mismatch'][0]:,} ({100 * p['call_mismatch'][1]:.3f}%)")])
        if baseline:
            rows[-1].insert(6, baseline_saved(baseline, p["program"]))
    return table(header, rows)


def kept_sites_table(progs, top=3):
    """The kept sites that hold most of each program's one-slot blocks, from
    heap2stack-report --profile (rank_kept_sites in run.sh), and the share
    of those blocks at the sites the plugin promoted."""
    header = ["program", "one-slot blocks at promoted sites", "kept site", "its one-slot blocks",
              "why it stays on the heap"]
    rows = []
    for p in progs:
        g = p["gaps"]
        if not g or not g.get("one_slot"):
            continue
        total = g["one_slot"]
        moved = sum(s["one_slot"] for s in g["sites"] if s["decision"] == "moved")
        kept = [s for s in g["sites"] if s["decision"] != "moved" and s["one_slot"] > 0][:top]
        for i, s in enumerate(kept or [None]):
            first = [p["program"], fmt_pct(moved / total)] if i == 0 else ["", ""]
            if s is None:
                rows.append(first + ["—", "—", "—"])
                continue
            where = (f"`{os.path.basename(s['file'] or '?')}:{s['line']}:{s['column']}` "
                     f"in `{s['function']}`")
            why = s["text"] if s["decision"] == "kept" else "not seen by heap2stack"
            rows.append(first + [where, fmt_pct(s["one_slot"] / total),
                                 (why or "").replace("|", "\\|")])
    return table(header, rows) if rows else None


def failures(progs):
    """Returns lines describing builds whose output or exit status was wrong."""
    out = []
    for p in progs:
        for v in VARIANTS + ["inst"]:
            s = p[v]["status"]
            if s not in ("ok", "no-plugin", "missing"):
                out.append((p["program"], v, s, p[v]["output"] or p[v]["small_output"]))
    return out

# ---- CSV ---------------------------------------------------------------------------


def write_runtime_csv(path, progs, machine):
    fields = ["program", "variant", "status", "instructions", "instructions_ratio",
              "time_median_s", "time_stddev_s", "time_ratio", "heap_calls", "heap_calls_ratio",
              "stack_peak_bytes", "stack_ratio", "allocator_ir", "ceiling_ir",
              "ceiling_small_ir", "ceiling_share", "ceiling_small_share", "ceiling_slot_ir",
              "ceiling_slot_share",
              "h2s_promoted", "h2s_kept", "valgrind_div", "native_div", "date"]
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(fields)
        for p in progs:
            for v in VARIANTS:
                d = p[v]
                base = v == "o2"
                rem = d["remarks"] or (None, None)
                w.writerow([p["program"], v, d["status"], d["ir"], r6(d["ir_ratio"]), r6(d["time"]),
                            r6(d["time_sd"]), r6(d["time_ratio"]), d["heap_calls"], r6(d["heap_ratio"]),
                            d["stack_peak"], r6(d["stack_ratio"]),
                            d.get("alloc_ir") if base else "",
                            r0(p["ceiling_ir"]) if base else "",
                            r0(p["ceiling_small_ir"]) if base else "",
                            r6(ratio(p["ceiling_ir"], d["ir"])) if base else "",
                            r6(ratio(p["ceiling_small_ir"], d["ir"])) if base else "",
                            r0(p["ceiling_slot_ir"]) if base else "",
                            r6(ratio(p["ceiling_slot_ir"], d["ir"])) if base else "",
                            rem[0], rem[1], machine.get("valgrind_div"), machine.get("native_div"),
                            machine.get("date")])


def r6(x):
    return "" if x is None else f"{x:.6f}"


def r0(x):
    return "" if x is None else f"{x:.0f}"

# ---- compile time ----------------------------------------------------------------


def parse_time_report(path):
    """Returns ({pass name: CPU seconds} from the pass execution report,
    clang's total CPU seconds from its own time report, or None)."""
    text = read_text(path, "") or ""
    passes, total = {}, None
    section = None
    row = re.compile(r"\s*([\d.]+) \(\s*[\d.]+%\)\s+([\d.]+) \(\s*[\d.]+%\)\s+([\d.]+) \(\s*[\d.]+%\)"
                     r"\s+([\d.]+) \(\s*[\d.]+%\)\s+(.*)$")
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("===") or "---" in stripped:
            continue
        m = row.match(line)
        if not m:
            if "Total Execution Time" not in stripped:
                section = stripped
            continue
        name, cpu = m.group(5).strip(), float(m.group(3))
        if section == "Pass execution timing report" and name != "Total":
            passes[name] = passes.get(name, 0.0) + cpu
        elif section == "Clang time report" and name == "Total":
            total = cpu
    return passes, total


def load_compile_runs(d, name):
    """Returns the fastest of the runs of compile 'name' in directory 'd':
    {"runs", "failed", "total" (CPU s), "wall" (s), "passes" {name: CPU s}},
    each figure the minimum over the runs; None when there is no run."""
    runs = sorted(f for f in os.listdir(d) if re.fullmatch(re.escape(name) + r"\.r\d+\.wall", f))
    if not runs:
        return None
    out = {"runs": len(runs), "failed": False, "total": None, "wall": None, "passes": {}}
    for f in runs:
        wall = read_text(os.path.join(d, f))
        if wall == "failed":
            out["failed"] = True
            continue
        passes, total = parse_time_report(os.path.join(d, f[:-len(".wall")] + ".timereport"))
        out["wall"] = min(x for x in (out["wall"], float(wall)) if x is not None)
        total = total if total is not None else float(wall)
        out["total"] = min(x for x in (out["total"], total) if x is not None)
        for k, v in passes.items():
            out["passes"][k] = min(v, out["passes"].get(k, v))
    return None if out["total"] is None else out


def pass_time(passes, regex):
    """Returns (CPU seconds of the passes whose name matches 'regex', names)."""
    hits = {k: v for k, v in passes.items() if regex.search(k)}
    return (sum(hits.values()), sorted(hits)) if hits else (None, [])


def collect_compile(raw):
    d = os.path.join(raw, "compile")
    if not os.path.isdir(d) or not os.path.exists(os.path.join(d, "tu.sites")):
        return None
    out = {"lines": int(read_text(os.path.join(d, "tu.lines"), "0")),
           "sites": int(read_text(os.path.join(d, "tu.sites"), "0"))}
    for v in VARIANTS:
        out[v] = load_compile_runs(d, f"tu.{v}")
    scaling = []
    for f in os.listdir(d):
        m = re.fullmatch(r"scale-(\d+)\.lines", f)
        if not m:
            continue
        sites = int(m.group(1))
        run = load_compile_runs(d, f"scale-{sites}.h2s")
        if run:
            run["sites"] = sites
            run["lines"] = int(read_text(os.path.join(d, f), "0"))
            run["pass"], run["pass_names"] = pass_time(run["passes"], PASS_RE)
            ir = read_text(os.path.join(d, f"scale-{sites}.ir"))
            run["ir"] = int(ir) if ir and ir.strip().isdigit() else None
            scaling.append(run)
    out["scaling"] = sorted(scaling, key=lambda s: s["sites"])
    return out


def tu_row(label, run, base, regex, pass_label):
    """One row of the large-TU table."""
    if not run:
        return [label, "not measured", "—", "—", "—"]
    t, names = pass_time(run["passes"], regex)
    return [label, f"{run['total']:.2f} s ({run['wall']:.2f} s wall)",
            fmt_ratio(ratio(run["total"], base["total"])) if base else "—",
            "—" if t is None else f"{1000 * t:.1f} ms ({pass_label or ', '.join(names)})",
            "—" if t is None else f"{100 * t / run['total']:.2f}%"]


def compile_tables(c):
    """Returns markdown for the large-TU comparison, its pass breakdown and
    the scaling run."""
    parts = []
    o2, h2s = c["o2"], c["h2s"]
    parts.append(table(["build", "clang total CPU", "ratio to -O2", "pass CPU time", "pass share of clang"], [
        tu_row("-O2", o2, o2, re.compile("$^"), None),
        tu_row("-O2 + heap2stack", h2s, o2, PASS_RE, None),
        tu_row("-O2 + Attributor", c["attr"], o2, re.compile(r"^AttributorPass$"), "AttributorPass")]))
    if h2s and h2s["passes"]:
        t, names = pass_time(h2s["passes"], PASS_RE)
        top = sorted(h2s["passes"].items(), key=lambda kv: -kv[1])[:8]
        total = sum(h2s["passes"].values())
        rows = [[k, f"{1000 * v:.0f} ms", f"{100 * v / total:.1f}%"] for k, v in top]
        if t is not None and not any(PASS_RE.search(k) for k, _ in top):
            rows.append([", ".join(names), f"{1000 * t:.1f} ms", f"{100 * t / total:.2f}%"])
        parts.append(table(["pass (heap2stack build)", "CPU", "share of pass execution"], rows))
    if c["scaling"]:
        rows = []
        for s in c["scaling"]:
            per = None if s["pass"] is None else 1e6 * s["pass"] / s["sites"]
            refs = [s["passes"].get(k) for k in REFERENCE_PASSES]
            rows.append([f"{s['sites']:,}", f"{s['lines']:,}", str(s["runs"]),
                         "—" if s.get("ir") is None else f"{s['ir'] / s['sites']:,.0f}",
                         "—" if s["pass"] is None else f"{1000 * s['pass']:.1f} ms",
                         "—" if per is None else f"{per:.2f} µs"]
                        + ["—" if r is None else f"{1e6 * r / s['sites']:.1f} µs" for r in refs]
                        + [f"{s['total']:.1f} s", f"{1e3 * s['total'] / s['sites']:.2f} ms"])
        parts.append(table(["allocation sites", "lines", "runs",
                            "heap2stack instructions per site (callgrind)",
                            "heap2stack CPU", "heap2stack per site"]
                           + [f"{k.replace('Pass', '')} per site" for k in REFERENCE_PASSES]
                           + ["clang -O2 total CPU", "clang per site"], rows))
    return parts


# ---- plots -----------------------------------------------------------------------


def gnuplot(script):
    try:
        subprocess.run(["gnuplot"], input=script, text=True, check=True, capture_output=True)
        return True
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"report.py: gnuplot failed: {getattr(e, 'stderr', e)}", file=sys.stderr)
        return False


def plot_runtime(path, progs, tmp):
    """Bars per program: instructions saved by each pass and by a perfect
    pass (the ceiling), in percent of -O2; failed builds are labelled."""
    data = os.path.join(tmp, "runtime.dat")

    def saved(x):
        return "?" if x is None else f"{100 * (1 - x):.3f}"

    with open(data, "w") as fh:
        for i, p in enumerate(progs):
            b = p["o2"]
            best = (None if p["ceiling_slot_ir"] is None or not b["ir"]
                    else 1 - p["ceiling_slot_ir"] / b["ir"])
            notes = ["-" if p[v]["status"] == "ok" else
                     ("no plugin" if p[v]["status"] == "no-plugin" else "miscompiled")
                     for v in ("h2s", "attr")]
            fh.write(f'{i} {p["program"]} {saved(p["h2s"]["ir_ratio"])} {saved(p["attr"]["ir_ratio"])} '
                     f'{saved(best)} "{notes[0]}" "{notes[1]}"\n')
    return gnuplot(f"""
set terminal pngcairo size 1000,520 font "DejaVu Sans,11"
set output "{path}"
set title "Instructions saved against clang -O2 (callgrind; higher is better)"
set datafile missing "?"
set style fill solid 0.85 border -1
set boxwidth 0.26
set grid ytics
set key outside bottom center horizontal
set xrange [-0.6:{len(progs) - 0.4}]
set xtics rotate by -25
set ylabel "% of -O2 instructions"
set yrange [*:*]
set offsets 0, 0, 1, 0
plot "{data}" using 1:(0):xtic(2) with points pt -1 notitle, \\
     "" using ($1-0.27):3 with boxes title "heap2stack" lc rgb "#1f77b4", \\
     "" using 1:4 with boxes title "Attributor" lc rgb "#ff7f0e", \\
     "" using ($1+0.27):5 with boxes title "perfect pass (ceiling)" lc rgb "#2ca02c", \\
     "" using ($1-0.27):(0.3):(stringcolumn(6) eq "-" ? "" : stringcolumn(6)) with labels rotate left font ",9" notitle, \\
     "" using 1:(0.3):(stringcolumn(7) eq "-" ? "" : stringcolumn(7)) with labels rotate left font ",9" notitle, \\
     0 notitle lc rgb "black"
""")


def scaling_growth(c):
    """Returns {series: [per-site time relative to the smallest module]} for
    heap2stack, the reference passes and the whole compile."""
    rows = [s for s in c["scaling"] if s["pass"] is not None]
    if not rows:
        return {}
    series = {"heap2stack": [s["pass"] / s["sites"] for s in rows],
              "clang -O2 total": [s["total"] / s["sites"] for s in rows]}
    for k in REFERENCE_PASSES:
        if all(k in s["passes"] for s in rows):
            series[k.replace("Pass", "")] = [s["passes"][k] / s["sites"] for s in rows]
    return {k: [x / v[0] for x in v] for k, v in series.items() if v[0]}


def plot_compile(path, c, tmp):
    """Per-site compile time of each series relative to the smallest module:
    a flat line is linear scaling."""
    rows = [s for s in c["scaling"] if s["pass"] is not None]
    growth = scaling_growth(c)
    if not rows or not growth:
        return False
    names = list(growth)
    data = os.path.join(tmp, "scaling.dat")
    with open(data, "w") as fh:
        for i, s in enumerate(rows):
            fh.write(f"{s['sites']} " + " ".join(f"{growth[n][i]:.4f}" for n in names) + "\n")
    styles = ['lw 3 pt 7 lc rgb "#1f77b4"', 'lw 2 pt 5 dt 2 lc rgb "black"',
              'lw 1 pt 9 lc rgb "#ff7f0e"', 'lw 1 pt 11 lc rgb "#2ca02c"', 'lw 1 pt 13 lc rgb "#9467bd"']
    plots = ", ".join(f'"{data}" using 1:{i + 2} with linespoints {styles[i % len(styles)]} title "{n}"'
                      for i, n in enumerate(names))
    return gnuplot(f"""
set terminal pngcairo size 900,480 font "DejaVu Sans,11"
set output "{path}"
set title "Compile time per allocation site, relative to the {rows[0]['sites']:,}-site module (flat = linear)"
set logscale x
set xrange [{0.7 * rows[0]['sites']}:{1.4 * rows[-1]['sites']}]
set xlabel "allocation sites in the generated module (clang -O2, CPU time)"
set ylabel "time per site / time per site at {rows[0]['sites']:,}"
set yrange [0:*]
set grid
set key bottom right
plot {plots}, 1 notitle lc rgb "gray"
""")


# ---- the document ------------------------------------------------------------------


def headline(progs, comp):
    """Returns the summary bullet points."""
    out = []
    h = [p for p in progs if p["h2s"]["status"] == "ok"]
    if h:
        out.append(f"heap2stack: instructions x{fmt_ratio(geomean(p['h2s']['ir_ratio'] for p in h))}, "
                   f"wall time x{fmt_ratio(geomean(p['h2s']['time_ratio'] for p in h))}, "
                   f"heap calls x{fmt_ratio(geomean(p['h2s']['heap_ratio'] for p in h))} of -O2 "
                   f"(geometric means over {len(h)} programs).")
    elif any(p["h2s"]["status"] == "no-plugin" for p in progs):
        out.append("heap2stack: **not measured** -- the plugin was not built when this report was made.")
    broken = [p["program"] for p in progs if p["h2s"]["status"] not in ("ok", "no-plugin", "missing")]
    if broken:
        out.append(f"heap2stack: **{len(broken)} build(s) failed or gave a wrong result** "
                   f"({', '.join(broken)}).")
    a = [p for p in progs if p["attr"]["status"] == "ok"]
    bad = [p["program"] for p in progs if p["attr"]["status"] not in ("ok", "missing")]
    if a:
        out.append(f"Attributor: instructions x{fmt_ratio(geomean(p['attr']['ir_ratio'] for p in a))} "
                   f"of -O2 over the {len(a)} programs it compiles correctly"
                   + (f"; it **miscompiles {len(bad)}** ({', '.join(bad)})." if bad else "."))
    shares = [ratio(p["ceiling_slot_ir"], p["o2"]["ir"]) for p in progs]
    shares = [s for s in shares if s is not None]
    if shares:
        span = (f"{100 * min(shares):.1f}%" if len(shares) == 1 else
                f"{100 * min(shares):.1f}% to {100 * max(shares):.1f}% (geometric mean "
                f"{100 * geomean(shares):.1f}%)")
        out.append(f"Ceiling: a perfect pass could save {span} of the instructions -- the allocator "
                   "work for blocks freed while their allocating frame was live, when no other "
                   "block of the same site was alive in that frame meanwhile (what one stack slot "
                   "per site can hold).")
    if comp and comp["h2s"]:
        t, _ = pass_time(comp["h2s"]["passes"], PASS_RE)
        if t is not None:
            item = (f"Compile time: heap2stack takes {100 * t / comp['h2s']['total']:.2f}% of clang -O2's "
                    f"CPU time on a {comp['lines']:,}-line generated file with {comp['sites']:,} "
                    "allocation sites")
            per = [1e6 * s["pass"] / s["sites"] for s in comp["scaling"] if s["pass"] is not None]
            if per:
                item += (f"; from {comp['scaling'][0]['sites']:,} to {comp['scaling'][-1]['sites']:,} "
                         f"sites it costs {min(per):.1f}-{max(per):.1f} µs of CPU per site")
            counted = [s for s in comp["scaling"] if s.get("ir")]
            if counted:
                ipers = [s["ir"] / s["sites"] for s in counted]
                item += (f", and the instructions it executes per site (callgrind, which a loaded "
                         f"machine does not disturb) stay within {min(ipers):,.0f}-{max(ipers):,.0f} "
                         f"from {counted[0]['sites']:,} to {counted[-1]['sites']:,} sites: the work per site is "
                         "flat, and the growth in CPU time per site comes from running on larger "
                         "modules (memory and caches), not from more work")
            out.append(item + ".")
    return out


def collect_room_cost(raw):
    """Instructions per level of bench/micro/roomcost.c, by build and regime:
    {(build, regime): Ir per level, "levels": calls per chain}, or {} when it
    was not measured."""
    d = os.path.join(raw, "room")
    reps, levels = read_text(os.path.join(d, "reps")), read_text(os.path.join(d, "levels"))
    if not reps or not levels:
        return {}
    reps, levels = int(reps), int(levels)
    cost = {"levels": levels}
    for v in ("o2", "h2s"):
        for regime in ("shallow", "deep"):
            once = read_text(os.path.join(d, f"{v}.{regime}.{reps}.ir"))
            twice = read_text(os.path.join(d, f"{v}.{regime}.{2 * reps}.ir"))
            if once and twice:
                cost[(v, regime)] = (int(twice) - int(once)) / (reps * levels)
    return cost


def room_cost_section(cost):
    """The docs' room-guard section, from collect_room_cost()."""
    if len(cost) < 5:
        return ["Not measured in this run (no plugin)."]
    rows = []
    for regime, what in (("shallow", "room: the block is on the stack"),
                         ("deep", "no room: the plain body, malloc and free")):
        o2, h2s = cost[("o2", regime)], cost[("h2s", regime)]
        rows.append([what, f"{o2:.1f}", f"{h2s:.1f}", f"{h2s - o2:+.1f}"])
    return [
        f"`bench/micro/roomcost.c` recurses {cost['levels'] - 1} levels, each holding a `malloc(32)` note across the "
        "recursive call, so with the plugin every call goes through the dispatcher of a split "
        "function (docs/design.md, \"Room guards\"). It runs the recursion from `main`, within the "
        "first 5% of the stack, and again below 1 MiB of filler frames, where the test finds no "
        "room. Instructions per level are callgrind's total for 2R runs of the recursion minus that "
        f"for R, divided by the R x {cost['levels']} extra calls, so start-up and the one-time stack-bounds query "
        "cancel out.",
        "",
        table(["where the level runs", "-O2 Ir per level", "h2s Ir per level", "h2s - (-O2)"], rows),
        "",
        f"Without room the level pays the test on top of the plain body: "
        f"{cost[('h2s', 'deep')] - cost[('o2', 'deep')]:.1f} instructions. With room it saves the "
        f"allocator's work: {cost[('o2', 'shallow')] - cost[('h2s', 'shallow')]:.1f} instructions "
        "net of the test.",
    ]


def write_doc(path, progs, comp, machine, fails, have_plots, baseline, room_cost):
    lines = []
    w = lines.append
    w("# heap2stack performance")
    w("")
    w("<!-- Generated by bench/run.sh (bench/report.py); edit those, not this file. -->")
    w("")
    w(f"Measured {machine.get('date', '?')} on {machine.get('cpu', '?')} "
      f"({machine.get('cpus', '?')} cores, shared with other work; load average "
      f"{machine.get('load_start', '?')} at the start, {machine.get('load_end', '?')} at the end), "
      f"Linux {machine.get('kernel', '?')}, glibc {machine.get('glibc', '?')}, {machine.get('clang', '?')}, "
      f"{machine.get('valgrind', '?')}, {machine.get('hyperfine', '?')}. "
      f"Mode: `{machine.get('mode', '?')}`; the harness took {machine.get('harness_seconds', '?')} s. "
      "Every ratio below is against the -O2 build measured in the same run.")
    if machine.get("plugin_present") == "yes":
        w("")
        w(f"Plugin: `build/lib/HeapToStack.so` as built at {machine.get('plugin_mtime', '?')} "
          f"(sha256 `{machine.get('plugin_sha256', '?')[:16]}`), repository commit "
          f"`{machine.get('repo_commit', '?')}` (uncommitted changes not shown).")
    w("")
    w("## Summary")
    w("")
    for item in headline(progs, comp):
        w(f"- {item}")
    if fails:
        w(f"- **{len(fails)} build(s) printed a wrong result or failed their self-check** "
          "(see [Correctness](#correctness)).")
    w("")
    w("## Running it")
    w("")
    w("```sh")
    w("bench/run.sh            # full run, ~15 minutes on 2 cores")
    w("bench/run.sh --quick    # smaller workloads, 3 timing runs, small generated files")
    w("bench/run.sh --only \"logfmt kalman\" --no-compile-time")
    w("```")
    w("")
    w("The harness installs valgrind, hyperfine, gnuplot and python3 with apt-get when they are "
      "missing and needs clang-22 in `/usr/lib/llvm-22/bin` (or `LLVM_BIN`). The plugin is taken from "
      "`build/lib/HeapToStack.so` (or `H2S_PLUGIN`); without it the heap2stack columns say so. It "
      "writes `bench/results/runtime.{csv,md}`, `bench/results/compile.md`, "
      "`bench/results/scaling.csv`, this file and its plots. Scratch and raw data (callgrind "
      "profiles, shim reports, build logs with the remarks) stay in `bench/build/`.")
    w("")
    w("Builds (C++ uses clang++ with the same flags; all link `-lm`):")
    w("")
    for v in ["o2", "h2s", "attr", "inst"]:
        w(f"- `{v}`: `{machine.get('flags_' + v, '?').replace(machine.get('plugin', '@@'), 'build/lib/HeapToStack.so')}`"
          + (" -- only for the ceiling, linked with the shim" if v == "inst" else ""))
    w("")
    w("## Programs")
    w("")
    w("Each program checks its own result (exit 1 when wrong) and prints one checksum line; every build "
      "must print the same line. The workload is the program's default size for wall time, heap calls "
      f"and stack, and 1/{machine.get('valgrind_div', '?')} of it for callgrind and the ceiling"
      + (f" (1/{machine.get('native_div')} of it for wall time in quick mode)"
         if machine.get("native_div") not in (None, "1") else "") + ".")
    w("")
    w(table(["program", "what it models"], [[f"`{p['program']}`", p["about"]] for p in progs]))
    w("")
    w("## Instructions and wall time")
    w("")
    w("Instructions are callgrind's total Ir for the whole process. Time is the median of "
      f"{machine.get('hyperfine_runs', '?')} hyperfine rounds (one run of each build per round, the "
      f"order alternating, after {machine.get('hyperfine_warmup', '?')} warm-up run(s)); ± is the "
      "standard deviation of the -O2 runs, a gauge of the noise on this shared machine. Cells in "
      "bold name a build that failed (see Correctness) and has no numbers.")
    w("")
    w(runtime_table(progs))
    w("")
    if have_plots.get("runtime"):
        w("![Instructions saved against -O2, per program](performance-runtime.png)")
        w("")
    w("## Heap calls and stack")
    w("")
    w("Heap calls are every call of malloc, calloc, realloc, the aligned allocators and free "
      "(C++ new and delete reach them). Peak stack is the deepest stack byte written, relative to the "
      "stack pointer before main. Sites promoted / kept count the `-Rpass=heap2stack` and "
      "`-Rpass-missed=heap2stack` remarks of the build.")
    w("")
    w(heap_stack_table(progs))
    w("")
    w("## Ceiling: what a perfect pass could save")
    w("")
    w("Share of the -O2 build's instructions spent inside the allocator (all of it; then only for "
      "blocks freed while the function that allocated them was still running; then, the ceiling, "
      "only those of them that one stack slot per site and frame could hold -- no other block of "
      "the same site alive in that frame at the same time, which leaves out lists built in a loop; "
      "then only those of at most 1 KiB that were never reallocated), next to what each pass "
      "actually saved. A pass can save "
      "more than the ceiling when the stack slot lets later passes optimise the code around it, and "
      "less when its analysis is conservative or it runs before inlining exposes the free.")
    if baseline:
        date = next(iter(baseline.values())).get("date", "?")
        w("")
        w(f"\"h2s saved, baseline\" is what the plugin saved in the run of {date} kept in "
          "`bench/results/baseline.csv` (before run-time sizes, strdup and realloc were promoted), "
          "measured the same way.")
    w("")
    w(ceiling_table(progs, baseline))
    w("")
    kept = kept_sites_table(progs)
    if kept:
        w("Where the rest of the ceiling is: the instrumented run's profile (built with `-g`), "
          "joined by `heap2stack-report --profile` with the remarks of a `-g` build with the plugin. "
          "Per program, the share of the blocks one slot per site could hold that were allocated "
          "at the sites the plugin promoted, and the kept sites that hold most of the rest, with "
          "their remarks (see [report.md](report.md)). The profile is of the build without the "
          "plugin: a site promoted with a guarded slot still sends its blocks larger than the "
          "slot to the heap.")
        w("")
        w(kept)
        w("")
    w("## Correctness")
    w("")
    if fails:
        w("These builds failed to compile, or exited with an error or printed a different checksum "
          "from -O2 -- the last two a miscompile unless the program has undefined behaviour (all "
          "programs run clean under `-fsanitize=address,undefined` and agree between clang -O2/-O3 "
          "and gcc -O2):")
        w("")
        rows = [[f"`{prog}`", f"`{v}`", f"`{machine.get('flags_' + v, '?')}`", status,
                 f"`{out.splitlines()[0] if out else ''}`"] for prog, v, status, out in fails]
        w(table(["program", "build", "flags", "result", "output"], rows))
        w("")
        if any(v == "attr" for _, v, _, _ in fails):
            w("The Attributor failures come from its `!invariant.load` deduction "
              "(`AAInvariantLoadPointer`), not from its heap-to-stack: they remain with "
              "`-mllvm -enable-heap-to-stack-conversion=false`. A function that only reads a pointer "
              "argument gets its loads marked invariant although the caller writes the block between "
              "calls; after inlining the loads are hoisted above the writes. "
              "`bench/repro/attributor-invariant-load.c` reproduces it in 30 lines; upstream this is "
              "llvm/llvm-project#147706 (open).")
            w("")
    else:
        w("Every build of every program printed the same checksum as -O2 and passed its self-check, "
          "at both workload sizes.")
        w("")
    w("## Compile time")
    w("")
    if comp:
        w(f"A generated translation unit (`bench/gen_alloc_tu.py`: {comp['sites']:,} allocation "
          f"sites, {comp['lines']:,} lines, eight sites per function, a mix of promotable and refused "
          "sites) compiled with `clang -O2 -c -ftime-report`, without `-Rpass`. Times are CPU "
          "(user+system), which other jobs on the shared machine disturb less than wall time, and "
          f"the fastest of {machine.get('tu_reps', '?')} interleaved run(s) per build. The pass time is "
          "its line in the pass execution report (analyses it requests, such as the dominator tree, "
          "are reported on their own); the total is clang's own time report.")
        w("")
        tables = compile_tables(comp)
        w(tables[0])
        w("")
        if len(tables) > 1:
            w(tables[1])
            w("")
        if len(tables) > 2:
            growth = scaling_growth(comp)
            sentence = ""
            if growth and len(comp["scaling"]) > 1:
                first, last = comp["scaling"][0]["sites"], comp["scaling"][-1]["sites"]
                sentence = (f" From {first:,} to {last:,} sites the time per site changes by "
                            + ", ".join(f"{100 * (v[-1] - 1):+.0f}% ({k})" for k, v in growth.items())
                            + ": the reference passes show how much of a change the machine and the "
                            "module's size cause by themselves.")
            w("Scaling: generated modules of increasing size, same mix and function size. Flat "
              "time per site means the pass is linear in the number of sites." + sentence)
            w("")
            w(tables[2])
            w("")
        if have_plots.get("compile"):
            w("![Compile time per site, relative to the smallest module](performance-compile.png)")
            w("")
    else:
        w("Not measured in this run (`--no-compile-time`).")
        w("")
    w("## Room guards: the cost of the test")
    w("")
    for line in room_cost_section(room_cost):
        w(line)
    w("")
    w(METHOD)
    with open(path, "w") as fh:
        fh.write("\n".join(lines))


METHOD = """## Method and its approximations

- **Instructions.** `valgrind --tool=callgrind` counts every instruction of the process (dynamic
  loader and libc included) on the smaller workload. Deterministic, so one run per build.
- **Wall time.** `hyperfine -N` runs each build on the default workload; we report the median. The
  machine has 2 cores shared with other jobs, so differences under ~3% are noise; the instruction
  counts are the figure to trust.
- **Heap calls and peak stack** come from `tools/profile/heap2stack-profile.c`, preloaded with `LD_PRELOAD`.
  It interposes malloc, calloc, realloc, reallocarray, free, aligned_alloc, memalign,
  posix_memalign and valloc, forwards to glibc's `__libc_*` entry points and counts. For the stack,
  a constructor paints 1 MiB below its stack pointer with a pattern and the destructor finds the
  deepest word overwritten: bytes actually written, so stack a frame reserves but never touches
  below all its callees is not counted (massif's `--stacks=yes` would count reserved stack but only
  samples it at snapshots and costs ~100x). The shim's own frame sits on top of every malloc call
  in all builds alike.
- **Allocator instructions.** From the callgrind profile of the -O2 build: the inclusive Ir of every
  call edge from a function outside the allocator into malloc, calloc, realloc, the aligned
  allocators, free, or C++ operator new/delete (whose inclusive cost contains the malloc/free they
  call), grouped as malloc (with new), calloc, realloc, aligned, free (with delete).
- **Ceiling.** A fourth build (`-O2 -finstrument-functions-after-inlining`, linked with the shim)
  calls the shim on entry to and exit from every function left after inlining -- the frames of the
  real -O2 code -- and the shim keeps them as a shadow stack of activation ids. Each block records
  the activation on top when it was allocated; when it is freed, it is *local* if that activation
  is still on the shadow stack (freed by the function itself or by one of its callees), otherwise
  *non-local*; blocks never freed are non-local. Blocks allocated by library code other than
  strdup/strndup and operator new (stdio buffers, qsort scratch) are excluded: no pass over the
  program could touch them. Every heap call is tallied under its block's final class, and each
  allocator group's Ir is apportioned by call counts: freed in frame = sum over groups of
  Ir(group) x local calls / all calls. A local block counts towards the ceiling only when no other
  block of its call site (the return address of the program's allocator call; for strdup and
  operator new the innermost program frame) was alive in the same activation while it was: one
  stack slot per site and frame holds one block at a time. Approximations: every call in a group is assumed to cost the group's
  average (small, short-lived blocks hit glibc's tcache and are cheaper than average, so the
  ceiling is, if anything, high); it counts allocator instructions only, not the cache misses or
  the work a stack slot lets other passes remove; it includes blocks of any size and sizes known
  only at run time, hence the second, <= 1 KiB column; and it is a property of the -O2 binary's
  frames, so a pass that runs before inlining sees smaller functions than this. The report checks
  that the instrumented build makes the same number of allocator calls as the -O2 build under
  callgrind.
- **Compile time.** `clang -O2 -ftime-report` on generated files; pass times are CPU time
  (user+system) from the pass execution report, summed over all the pass's runs (one per function),
  minimum over repeated compiles. The generated code is simpler than real code (straight-line
  sites, eight per function), so the pass's share on real translation units, where the rest of the
  pipeline has more to do, is likely smaller.
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--docs", required=True)
    ap.add_argument("--baseline", help="an earlier run's runtime.csv, to compare h2s with")
    args = ap.parse_args()
    baseline = read_baseline(args.baseline)
    src_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs")
    machine = read_machine(args.raw)
    progs = sorted(f[:-len(".o2.status")] for f in os.listdir(args.raw) if f.endswith(".o2.status"))
    progs = [collect_program(args.raw, src_dir, p) for p in progs]
    comp = collect_compile(args.raw)
    fails = failures(progs)
    os.makedirs(args.results, exist_ok=True)
    os.makedirs(args.docs, exist_ok=True)

    write_runtime_csv(os.path.join(args.results, "runtime.csv"), progs, machine)
    with open(os.path.join(args.results, "runtime.md"), "w") as fh:
        fh.write("\n\n".join([f"Measured {machine.get('date')} ({machine.get('mode')} mode).",
                              runtime_table(progs), heap_stack_table(progs),
                              ceiling_table(progs, baseline)]) + "\n")
    if comp:
        with open(os.path.join(args.results, "compile.md"), "w") as fh:
            fh.write("\n\n".join(compile_tables(comp)) + "\n")
        with open(os.path.join(args.results, "scaling.csv"), "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["sites", "lines", "runs", "h2s_pass_cpu_s", "h2s_us_per_site",
                        "clang_total_cpu_s", "clang_wall_s"])
            for s in comp["scaling"]:
                w.writerow([s["sites"], s["lines"], s["runs"], s["pass"],
                            "" if s["pass"] is None else f"{1e6 * s['pass'] / s['sites']:.4f}",
                            s["total"], s["wall"]])
    have_plots = {"runtime": plot_runtime(os.path.join(args.docs, "performance-runtime.png"), progs, args.raw)}
    if comp:
        have_plots["compile"] = plot_compile(os.path.join(args.docs, "performance-compile.png"), comp, args.raw)
    write_doc(os.path.join(args.docs, "performance.md"), progs, comp, machine, fails, have_plots,
              baseline, collect_room_cost(args.raw))
    for prog, v, status, _ in fails:
        print(f"report.py: {prog} {v}: {status}", file=sys.stderr)
    mismatches = [(p["program"], p["call_mismatch"][1]) for p in progs
                  if p["call_mismatch"] and p["call_mismatch"][1] > 0.01]
    for prog, m in mismatches:
        print(f"report.py: {prog}: instrumented build's allocator calls differ from -O2's by "
              f"{100 * m:.1f}%", file=sys.stderr)


if __name__ == "__main__":
    main()
