#!/usr/bin/env bash
#===- run.sh - Build real C projects with and without heap2stack ----------===#
#
# Fetches the Debian source packages of a list of C projects, builds each one
# twice with clang-22 -O2 -g -- once plainly ("plain") and once with the
# heap2stack plugin ("h2s") -- runs the project's own test suite against each
# build, and reports per project:
#
#   * tests passed / failed in each build (the unit is the finest one the
#     suite reports: see the per-project notes below and docs/realworld.md),
#   * allocation sites the plugin promoted / kept (its -Rpass=heap2stack and
#     -Rpass-missed=heap2stack remarks, each source file counted once),
#   * the heap calls (malloc, calloc, realloc, aligned allocations, free) the
#     project's own programs make in each test run: both runs preload
#     tools/profile/heap2stack-profile.c, which counts the calls of every
#     process whose executable lies in the build tree (WORK/logs/PROJECT/
#     MODE.shim, one line per process), and make, sh or cmp are left out,
#   * whether the two builds give the same results.
#
# Usage (as root; apt-get source and apt-get build-dep-like installs need it):
#   bash tools/realworld/run.sh [PROJECT...]
#
# With no PROJECT, every project of the list below is run. Projects:
#   zlib bzip2 xz libyaml expat jq pcre2 json-c gawk jimtcl onig sqlite3
#   libtommath jansson cjson cmark libxml2 sed mawk gzip yajl libtasn1
#   patch nettle m4 libpng tar libidn2 diffutils
#
# Environment:
#   WORK        scratch directory (default: /tmp/real/work). Sources are
#               fetched into WORK/src (kept between runs), builds go to
#               WORK/build/PROJECT/{plain,h2s} (recreated every run), logs to
#               WORK/logs/PROJECT/, results to WORK/results.tsv and
#               WORK/results.md.
#   PLUGIN      the plugin (default: build/lib/HeapToStack.so of this repo)
#   CLANG       C compiler (default: clang-22); CLANGXX likewise (clang++-22)
#   JOBS        make/cmake parallelism (default: 2)
#   BUILD_TIMEOUT  seconds one configure+build may take (default: 1500)
#   TEST_TIMEOUT   seconds one test-suite run may take (default: 1200)
#   H2S_EXTRA   extra flags for the plugin build only, e.g.
#               "-mllvm -heap2stack-recursive-budget=4096" (default: none);
#               with LTO=1 each -mllvm option also goes to the linker. Runs
#               with H2S_EXTRA keep their trees, logs and results apart
#               (suffix -extra).
#   INSTALL_DEPS=0  do not apt-get install the build tools the list needs
#   LTO=1       build both with -flto=thin, linked by lld-22; the plugin build
#               loads the plugin into the linker (-Wl,--load-pass-plugin), so
#               the pass sees whole programs and libraries (and the compiles
#               check that it stays out of the pre-link pipeline). Results go
#               to WORK/results-lto.{tsv,md}; build trees and logs to
#               WORK/build-lto, WORK/logs-lto.
#   INSTRUMENT=1  measure block sizes instead (docs/guard-size.md): one build
#               per project, the plain one plus -finstrument-functions-after-
#               inlining, linked with tools/profile/heap2stack-profile.c (built into
#               WORK/bin-inst); the test suite runs with the shim preloaded
#               and H2S_SHIM_OUT=WORK/logs-inst/PROJECT/inst.shim, where every
#               process appends one line (build-time processes go to
#               inst.build.shim), and the profile of allocation call sites
#               to WORK/logs-inst/PROJECT/inst.profile for heap2stack-report
#               --profile (docs/report.md). Then bench/sizes.sh --table sums each
#               project's lines into the size distribution of its blocks
#               freed while their allocating frame was live. Results:
#               WORK/results-inst.{tsv,md} (tests passed and failed, which
#               should match the plain build's; the heap calls of the
#               instrumented processes, and of them the calls of blocks one
#               slot per site could have held: the ceiling) and
#               WORK/sizes-inst.md. The
#               plugin is not used. Processes that ran more than one thread
#               are measured on their first thread only and counted as
#               "threaded". The tests run with LD_LIBRARY_PATH=<build tree>,
#               so that they use the libraries just built. Not with LTO=1.
#
# How the builds are done: CC and CXX point at small wrapper scripts generated
# in WORK/bin. In the plain build they run clang-22 / clang++-22 unchanged
# (plus -Qunused-arguments, so link-only steps do not warn). In the h2s build
# they add
#   -fpass-plugin=PLUGIN -fverify-intermediate-code
#   -Rpass=heap2stack -Rpass-missed=heap2stack
# so every compilation, whatever CFLAGS the project's makefiles end up
# using, runs the pass and verifies the IR after it; the wrapper moves the
# remarks out of stderr into WORK/remarks/PROJECT/ (one file per set of
# source files, so libtool's second, non-PIC compile of a file replaces the
# first), and they are counted after the tests: "promoted" is the number of
# Passed remarks of sites ("moved ..." and "copied ..."; a realloc kept in
# its block's slot is not a site of its own), "kept" the number of "not
# promoted" ones.
# A site inlined into two functions is two sites. Without LTO=1 the h2s
# build also writes the pass's record to WORK/records/PROJECT/ (one YAML
# file per module), which heap2stack-report --profile joins with the
# profile of an INSTRUMENT=1 run to rank the kept sites by the blocks they
# cost (docs/report.md). Both builds get CFLAGS="-O2 -g" (and CXXFLAGS likewise).
#
# Optimization records (-fsave-optimization-record) would give function
# names, but they turn on every pass's remarks, and with those on, clang 22.1's
# loop vectorizer crashes on oniguruma's regexec.c (with or without the
# plugin; see docs/realworld.md), so they are not used.
#
# Exit status: 0 when every project built and tested the same with and
# without the plugin, 1 otherwise.
#
# Time: about 16 minutes for the projects up to libtommath on 2 shared
# cores, 18 with LTO=1 (see docs/realworld.md), 12-14 more for jansson
# to mawk and about 45 more for gzip to diffutils (without LTO=1, two or
# three runs sharing the cores); INSTRUMENT=1 see docs/guard-size.md.
#
#===----------------------------------------------------------------------===#

set -u
set -o pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/real/work}
PLUGIN=${PLUGIN:-$REPO/build/lib/HeapToStack.so}
CLANG=${CLANG:-clang-22}
CLANGXX=${CLANGXX:-clang++-22}
JOBS=${JOBS:-2}
BUILD_TIMEOUT=${BUILD_TIMEOUT:-1500}
TEST_TIMEOUT=${TEST_TIMEOUT:-1200}
H2S_EXTRA=${H2S_EXTRA:-}
LTO=${LTO:-0}
INSTRUMENT=${INSTRUMENT:-0}
SFX=
[[ $LTO == 1 ]] && SFX=-lto
[[ -n $H2S_EXTRA ]] && SFX+=-extra
[[ $INSTRUMENT == 1 ]] && SFX=-inst
INSTALL_DEPS=${INSTALL_DEPS:-1}

ALL_PROJECTS=(zlib bzip2 xz libyaml expat jq pcre2 json-c gawk jimtcl onig sqlite3
              libtommath jansson cjson cmark libxml2 sed mawk gzip yajl libtasn1
              patch nettle m4 libpng tar libidn2 diffutils)

# Debian source package of each project.
declare -A PKG=(
  [zlib]=zlib [bzip2]=bzip2 [xz]=xz-utils [libyaml]=libyaml [expat]=expat
  [jq]=jq [pcre2]=pcre2 [json-c]=json-c [gawk]=gawk [jimtcl]=jimtcl
  [onig]=libonig [sqlite3]=sqlite3 [libtommath]=libtommath
  [jansson]=jansson [cjson]=cjson [cmark]=cmark [libxml2]=libxml2 [sed]=sed
  [mawk]=mawk [gzip]=gzip [yajl]=yajl [libtasn1]=libtasn1-6 [patch]=patch
  [nettle]=nettle [m4]=m4 [libpng]=libpng1.6 [tar]=tar [libidn2]=libidn2
  [diffutils]=diffutils
)

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
die() { echo "ERROR: $*" >&2; exit 2; }

if [[ $INSTRUMENT == 1 ]]; then
  [[ $LTO == 1 ]] && die "INSTRUMENT=1 does not combine with LTO=1"
else
  [[ -f $PLUGIN ]] || die "no plugin at $PLUGIN (build it: cmake --build build)"
  PLUGIN=$(readlink -f "$PLUGIN")
fi
command -v "$CLANG" >/dev/null || die "$CLANG not found"
mkdir -p "$WORK"/{src,build$SFX,logs$SFX,bin$SFX}
WORK=$(readlink -f "$WORK")
SHIM=$WORK/bin$SFX/libh2s_heapshim.so

#===- tools ---------------------------------------------------------------===#

# The build tools the project list needs beyond a C toolchain: autoreconf for
# the packages shipped without configure (jq, libyaml, libonig, jansson) or
# with patched Makefile.am (libxml2), bison/flex for jq, oniguruma for jq's
# regex tests, tcl for sqlite3's amalgamation, python3 for cmark's spec
# tests, perl for sed's test scripts, mawk (the system's) as the reference
# of mawk's extra checks, GMP for nettle's public-key half (hogweed).
install_deps() {
  local need=(autoconf automake libtool bison flex pkg-config cmake make
              libonig-dev tcl zlib1g-dev dpkg-dev python3 perl mawk libgmp-dev)
  [[ $LTO == 1 ]] && need+=(lld-22)
  local missing=() p
  for p in "${need[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -q \
    "${missing[@]}" >"$WORK/logs$SFX/apt-install.log" 2>&1 ||
    die "apt-get install failed, see $WORK/logs$SFX/apt-install.log"
}

# The compiler wrappers: WORK/bin/cc and WORK/bin/c++. H2S_MODE=h2s in the
# environment turns the plugin on; H2S_MODE=plain (or unset) leaves it off;
# H2S_MODE=inst is plain plus -finstrument-functions-after-inlining, with
# the heap shim (which defines the __cyg_profile_func_* hooks) added to
# every command that links.
# In h2s mode the wrapper adds -Rpass=heap2stack -Rpass-missed=heap2stack,
# takes those remarks (and their source-snippet lines) out of the compiler's
# stderr, so that configure checks see what a plain compiler prints, and
# writes them to H2S_REMARKS_DIR/<hash of the command's source files>.txt.
# A source compiled twice (libtool's PIC and non-PIC objects) overwrites its
# own file, so it is counted once.
write_wrappers() {
  local name real
  for name in cc c++; do
    real=$CLANG
    [[ $name == c++ ]] && real=$CLANGXX
    cat >"$WORK/bin$SFX/$name" <<EOF
#!/usr/bin/env bash
# Generated by tools/realworld/run.sh: $real, plus heap2stack when H2S_MODE=h2s.
real=$real
plugin=$PLUGIN
extra=($H2S_EXTRA)
lto=$LTO
shim=$SHIM
EOF
    cat >>"$WORK/bin$SFX/$name" <<'EOF'
common=(-Qunused-arguments)
if [[ ${H2S_MODE:-plain} == inst ]]; then
  common+=(-finstrument-functions-after-inlining)
  links=1
  for a in "$@"; do
    case $a in -c | -S | -E | -M | -MM | -fsyntax-only) links=0 ;; esac
  done
  [[ $links == 1 ]] && common+=("$shim" -Wl,-rpath,"${shim%/*}")
fi
# ThinLTO: bitcode objects, linked by lld, which runs the LTO pipeline.
# --undefined-version: like GNU ld, accept version scripts naming symbols
# the library does not define (zlib's does).
[[ $lto == 1 ]] && common+=(-flto=thin -fuse-ld=lld-22 -Wl,--undefined-version)
if [[ ${H2S_MODE:-plain} != h2s ]]; then
  exec "$real" "$@" "${common[@]}"
fi
sources=() out= asm=0
prev=
for a in "$@"; do
  [[ $prev == -o ]] && out=$a
  prev=$a
  case $a in
    *.s | *.S) asm=1 ;; # configure's assembler probes too
    conftest* | */conftest*) ;; # configure's probes
    *.c | *.cc | *.cpp | *.cxx | *.C) [[ -f $a ]] && sources+=("$(readlink -f "$a")") ;;
  esac
done
h2s=(-fpass-plugin="$plugin" -fverify-intermediate-code
     -Rpass=heap2stack -Rpass-missed=heap2stack "${extra[@]}")
# The record, for heap2stack-report --profile (compile-time sites only).
# The assembler (nettle's .s files) takes no -mllvm option of the plugin:
# with one, nettle's configure probes of .align would all fail.
[[ $lto != 1 && $asm == 0 && -n ${H2S_RECORDS_DIR:-} ]] &&
  h2s+=(-mllvm -heap2stack-record="$H2S_RECORDS_DIR")
if [[ $lto == 1 ]]; then
  # The pass runs in the linker; its remarks come out as
  # "file:line:col: moved ..." / "...: not promoted: ...".
  h2s+=(-Wl,--load-pass-plugin="$plugin"
        -Wl,-mllvm,-pass-remarks=heap2stack
        -Wl,-mllvm,-pass-remarks-missed=heap2stack)
  # lld parses -mllvm options before it loads pass plugins, so the
  # plugin's own options need it loaded as an option library (-load) too.
  [[ ${#extra[@]} -gt 0 ]] && h2s+=(-Wl,-mllvm,-load="$plugin")
  for e in "${extra[@]}"; do
    [[ $e == -mllvm ]] || h2s+=(-Wl,-mllvm,"$e")
  done
fi
err=$(mktemp "${TMPDIR:-/tmp}/h2s-cc.XXXXXX")
if [[ $lto == 1 && " $* " != *" -E "* && $out != - ]]; then
  # lld prints the link-time remarks on stdout.
  "$real" "$@" "${common[@]}" "${h2s[@]}" 2>"$err" >"$err.out"
  rc=$?
  cat "$err.out" >>"$err"
else
  "$real" "$@" "${common[@]}" "${h2s[@]}" 2>"$err"
  rc=$?
fi
awk -v remarks="$err.remarks" '
  /remark: .*\[-Rpass(-missed)?=heap2stack\]$/ { print > remarks; skip = 1; next }
  /^(remark: )?[^ ]*:[0-9]+:[0-9]+: (moved |copied |.[^ ]*. keeps |not promoted: ).*$/ {
    print > remarks; next }
  skip && /^ *[0-9]* \| / { next }
  { skip = 0; print }' "$err" >&2
key=
if [[ ${#sources[@]} -gt 0 ]]; then
  key=$(printf '%s\n' "${sources[@]}" | sort | md5sum | cut -c1-16)
elif [[ $lto == 1 && -s $err.remarks && -n $out && $out != *conftest* ]]; then
  key=link-$(readlink -f "$out" | md5sum | cut -c1-16)
fi
if [[ -n $key && -n ${H2S_REMARKS_DIR:-} ]]; then
  mkdir -p "$H2S_REMARKS_DIR"
  { printf '# %s\n' "${sources[@]:-$out}"; cat "$err.remarks" 2>/dev/null; } \
    >"$H2S_REMARKS_DIR/$key.txt"
fi
rm -f "$err" "$err.remarks" "$err.out"
exit $rc
EOF
    chmod +x "$WORK/bin$SFX/$name"
  done
}

#===- fetching ------------------------------------------------------------===#

# ensure_deb_src PKG: makes sure apt knows the source package, adding a
# deb-src entry for this Debian release when none is configured.
ensure_deb_src() {
  local pkg=$1
  # (grep reads the whole output: with pipefail, grep -q would make a
  # SIGPIPE'd apt-cache fail the test.)
  [[ $(apt-cache showsrc "$pkg" 2>/dev/null | grep -c '^Package:') -gt 0 ]] && return 0
  local codename
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
  if ! grep -rqs '^deb-src\|^Types:.*deb-src' /etc/apt/sources.list \
      /etc/apt/sources.list.d/; then
    log "adding a deb-src entry for $codename"
    cat >/etc/apt/sources.list.d/h2s-realworld-src.sources <<EOF
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $codename $codename-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  fi
  timeout 600 apt-get update -q >"$WORK/logs$SFX/apt-update.log" 2>&1 ||
    log "apt-get update failed (see $WORK/logs$SFX/apt-update.log)"
  [[ $(apt-cache showsrc "$pkg" 2>/dev/null | grep -c '^Package:') -gt 0 ]]
}

# fetch PROJECT: unpacks the project's Debian source (patches applied) into
# WORK/src/PKG/ once; prints the source directory.
fetch() {
  local proj=$1 pkg=${PKG[$1]} dir
  dir=$(find "$WORK/src/$pkg" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | head -n 1)
  if [[ -n $dir ]]; then
    echo "$dir"
    return 0
  fi
  ensure_deb_src "$pkg" || { log "$pkg: no source package known"; return 1; }
  mkdir -p "$WORK/src/$pkg"
  (
    cd "$WORK/src/$pkg" || exit 1
    # The newest version first; a mirror may lack it (security updates
    # often are), so older versions are tried in turn.
    if timeout 600 apt-get source -q "$pkg" >fetch.log 2>&1; then exit 0; fi
    for v in $(apt-cache showsrc "$pkg" | sed -n 's/^Version: //p' | sort -urV); do
      rm -rf -- */
      if timeout 600 apt-get source -q "$pkg=$v" >>fetch.log 2>&1; then exit 0; fi
    done
    exit 1
  ) || { log "$pkg: apt-get source failed (see $WORK/src/$pkg/fetch.log)"; return 1; }
  # No directory (apt-get source unpacked nothing) must fail: run_mode would
  # copy "/." otherwise.
  dir=$(find "$WORK/src/$pkg" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  [[ -n $dir ]] || { log "$pkg: nothing unpacked (see $WORK/src/$pkg/fetch.log)"; return 1; }
  echo "$dir"
}

#===- counting ------------------------------------------------------------===#

# automake_counts LOG...: "passed failed" from automake's test-suite summaries
# (# PASS: / # FAIL: / # ERROR: / # XPASS:), summed over every summary.
automake_counts() {
  cat "$@" 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | awk '
    /^# PASS: /  { p += $3 }
    /^# FAIL: /  { f += $3 }
    /^# ERROR: / { f += $3 }
    /^# XPASS: / { f += $3 }
    END { printf "%d %d\n", p, f }'
}

# sum_counts "P F"...: the sums of several "passed failed" pairs.
sum_counts() {
  printf '%s\n' "$@" | awk '{ p += $1; f += $2 } END { printf "%d %d\n", p, f }'
}

# ctest_counts LOG: "passed failed" from ctest's "N tests failed out of M".
ctest_counts() {
  sed -n 's/.*tests passed, \([0-9]*\) tests\? failed out of \([0-9]*\).*/\2 \1/p' "$1" |
    tail -n 1 | awk '{ printf "%d %d\n", $1 - $2, $2 } END { if (NR == 0) print "0 0" }'
}

# site_counts DIR OUT: "promoted kept" from the remark files the wrapper left
# in DIR; OUT gets every remark, each prefixed with its source set's files.
# A site inlined into two functions gives two remarks and counts twice (it is
# two allocation sites in the binary).
site_counts() {
  cat "$1"/*.txt 2>/dev/null | grep -v '^# ' >"$2"
  # With LTO a library's sites are reported by every link that pulls them
  # in; each distinct remark (location and text) counts once.
  [[ $LTO == 1 ]] && sort -u -o "$2" "$2"
  awk '/: (moved|copied) / { p++ } /: not promoted: / { k++ }
       END { printf "%d %d\n", p, k }' "$2"
}

# heap_calls SHIMFILE: "calls ceiling" summed over the processes of a
# test run (the shim's lines): every heap call, and of them the calls of the
# blocks freed while their allocating frame was live with no other block of
# their site alive in it (local_small, local_large: what one slot per site
# can hold).  The ceiling is known only for instrumented processes, and
# only those are counted when the file has any ("-" without a file).
heap_calls() {
  [[ -f $1 ]] || { echo "- -"; return; }
  awk '{ delete kv
         for (i = 1; i <= NF; i++) { split($i, f, "="); kv[f[1]] = f[2] }
         n = 0; c = 0
         split("malloc calloc realloc memalign free new delete", e, " ")
         for (i in e) {
           n += kv[e[i]]
           c += kv["local_small." e[i]] + kv["local_large." e[i]]
         }
         if (kv["activations"] > 0) { inst_n += n; inst_c += c; inst = 1 }
         total += n }
       END { if (inst) printf "%d %d\n", inst_n, inst_c; else printf "%d -\n", total }' "$1"
}

#===- projects ------------------------------------------------------------===#
# For each project: build_P (in the copied source tree, CC/CFLAGS exported),
# test_P (its output is the test log) and count_P LOG (prints "passed failed").
# The current directory is the build tree in all three.

# zlib: configure + make; `make test` runs example and minigzip, statically,
# shared and with 64-bit offsets; each prints "*** zlib ... test OK ***".
build_zlib() { ./configure && make -j"$JOBS"; }
test_zlib() { make -k test; }
count_zlib() {
  local ok
  ok=$(grep -c 'test OK' "$1")
  echo "$ok $((3 - ok))"
}

# bzip2: the six checks of its Makefile's `test` target (compress the three
# samples, decompress the three references), run one by one, plus a round
# trip (-1 and -9, through -t too) of its sources, the samples, the manual
# and its own binary, plus bzip2recover on the samples and a multi-block file.
build_bzip2() {
  make -j"$JOBS" CC="$CC" CFLAGS="$CFLAGS -D_FILE_OFFSET_BITS=64" \
    AR="${AR:-ar}" RANLIB="${RANLIB:-ranlib}" libbz2.a bzip2 bzip2recover
}
test_bzip2() {
  local i lvl f ref
  for i in 1 2 3; do
    lvl=-$i
    if ./bzip2 "$lvl" <sample$i.ref >sample$i.rb2 && cmp sample$i.bz2 sample$i.rb2; then
      echo "PASS: compress sample$i"; else echo "FAIL: compress sample$i"; fi
    lvl=-d
    [[ $i == 3 ]] && lvl=-ds
    if ./bzip2 "$lvl" <sample$i.bz2 >sample$i.tst && cmp sample$i.tst sample$i.ref; then
      echo "PASS: decompress sample$i"; else echo "FAIL: decompress sample$i"; fi
  done
  # bzip2recover (which holds the one site the plugin promotes here without
  # LTO) splits a file into its blocks; they must decompress to the original.
  cat *.c *.h manual.* >multi.txt
  ./bzip2 -1 -c multi.txt >multi.bz2
  for f in sample1 sample2 sample3 multi; do
    rm -f rec*"$f".bz2
    [[ $f == multi ]] && ref=multi.txt || ref=$f.ref
    if ./bzip2recover "$f.bz2" && cat rec*"$f".bz2 | ./bzip2 -dc | cmp - "$ref"; then
      echo "PASS: bzip2recover $f"; else echo "FAIL: bzip2recover $f"; fi
  done
  for f in *.c *.h *.ref manual.* bzip2; do
    for lvl in -1 -9; do
      if ./bzip2 "$lvl" -c "$f" >rt.bz2 && ./bzip2 -t rt.bz2 &&
        ./bzip2 -dc rt.bz2 | cmp - "$f"; then
        echo "PASS: round trip $lvl $f"; else echo "FAIL: round trip $lvl $f"; fi
    done
  done
}
count_bzip2() { echo "$(grep -c '^PASS:' "$1") $(grep -c '^FAIL:' "$1")"; }

# xz-utils: configure + make; `make check` (automake tests: liblzma unit
# tests, the compress/decompress scripts and the test files).
build_xz() { ./configure --disable-nls --disable-doc && make -j"$JOBS"; }
test_xz() { make -k check; }
count_xz() { automake_counts "$1"; }

# libyaml: autoreconf, configure, make; `make check` runs test-version and
# test-reader. Its suite is small, so the round trip of every file of
# examples/ and regression-inputs/ through run-parser, run-scanner,
# run-loader, run-emitter and run-dumper is counted too (each run must not
# crash or hang; exit status 1, "invalid input", is accepted).
build_libyaml() {
  autoreconf -fi && ./configure && make -j"$JOBS" && make -j"$JOBS" -C tests check TESTS=
}
test_libyaml() {
  make -k check
  local f t rc
  for t in run-parser run-scanner run-loader run-emitter run-dumper; do
    for f in examples/*.yaml regression-inputs/*; do
      [[ -f $f ]] || continue
      timeout 20 ./tests/$t "$f" >/dev/null 2>&1
      rc=$?
      if [[ $rc -le 1 ]]; then echo "PASS: $t $f"; else echo "FAIL: $t $f (status $rc)"; fi
    done
  done
}
count_libyaml() {
  local a p f
  a=$(automake_counts "$1")
  p=$(grep -c '^PASS: run-' "$1")
  f=$(grep -c '^FAIL: run-' "$1")
  sum_counts "$a" "$p $f"
}

# expat: autotools build of expat/ (its CMake files do not build this
# Debian-patched tree); `make check` runs runtests and runtests_cxx (the C++
# copy), which print "Checks: N, Failed: M": those are counted.
build_expat() {
  cd expat && ./buildconf.sh && ./configure --without-docbook && make -j"$JOBS"
}
test_expat() {
  (cd expat && make -k check)
  cat expat/tests/*.log 2>/dev/null
}
count_expat() {
  sed -n 's/.*Checks: \([0-9]*\), Failed: \([0-9]*\).*/\1 \2/p' "$1" |
    awk '{ c += $1; f += $2 } END { printf "%d %d\n", c - f, f }'
}

# jq: autoreconf, configure against the system oniguruma, make; `make check`
# (jq.test, onig.test, base64.test, shtest, utf8 tests) without valgrind
# (Debian 12's valgrind cannot read clang-22's DWARF 5 and fails them). The
# jq test files report "N of M tests passed": those are counted.
build_jq() {
  autoreconf -fi && ./configure --with-oniguruma=yes --disable-docs \
    --disable-maintainer-mode --disable-valgrind && make -j"$JOBS"
}
test_jq() {
  NO_VALGRIND=1 make -k check
  cat tests/*.log 2>/dev/null
}
count_jq() {
  local a inner
  a=$(automake_counts "$1")
  # "N of M tests passed (K malformed)"; a test script that dies adds an
  # automake FAIL.
  inner=$(sed -n 's/^\([0-9]*\) of \([0-9]*\) tests passed.*/\1 \2/p' "$1" |
    awk '{ p += $1; f += $2 - $1 } END { printf "%d %d\n", p, f }')
  sum_counts "$inner" "$a"
}

# pcre2: configure with the JIT, make; `make check` runs RunTest (every test
# file, interpreted and JIT), RunGrepTest and pcre2_jit_test. Counted: the
# "OK" lines of RunTest plus the automake results of the three scripts.
build_pcre2() { ./configure --enable-jit && make -j"$JOBS"; }
test_pcre2() {
  make -k check
  cat RunTest.log RunGrepTest.log pcre2_jit_test.log 2>/dev/null
}
count_pcre2() {
  local a ok
  a=$(automake_counts "$1")
  ok=$(grep -cE '^ +OK' "$1")
  sum_counts "$a" "$ok 0"
}

# json-c: CMake; ctest runs its ~25 test programs against expected output.
build_json-c() {
  cmake -S . -B _build -DCMAKE_BUILD_TYPE=None -DCMAKE_C_FLAGS="$CFLAGS" \
    -DBUILD_TESTING=ON -DDISABLE_WERROR=ON \
    ${AR:+-DCMAKE_AR=$(command -v "$AR") -DCMAKE_RANLIB=$(command -v "$RANLIB")} &&
    cmake --build _build -j"$JOBS"
}
# Without valgrind, which cannot read clang-22's DWARF 5 on Debian 12.
test_json-c() { (cd _build && USE_VALGRIND=0 ctest --timeout 300 --output-on-failure); }
count_json-c() { ctest_counts "$1"; }

# gawk: configure + make (of gawk and its extensions: Debian's source lacks
# the manual's sources, so doc/ does not build); `make -C test check` runs
# several hundred awk programs against expected output. It echoes each
# test's name and ends with "ALL TESTS PASSED" or "N TESTS FAILED".
build_gawk() {
  ./configure --disable-nls && make -j"$JOBS" -C support && make -j"$JOBS" gawk &&
    make -j"$JOBS" -C extension
}
test_gawk() { make -k -C test check; }
count_gawk() {
  local failed total
  failed=$(sed -n 's/^\([0-9]*\) TESTS\? FAILED.*/\1/p' "$1" | tail -n 1)
  failed=${failed:-0}
  # The test names echoed by the test Makefile: plain words alone on a line
  # (make's own messages contain spaces or colons).
  total=$(grep -cE '^[A-Za-z0-9_+.-]+$' "$1")
  echo "$((total - failed)) $failed"
}

# jimtcl: configure (autosetup) + make; `make test` runs tests/*.test, each
# printing "file.test: Total N Passed N Skipped N Failed N".
build_jimtcl() { ./configure && make -j"$JOBS"; }
test_jimtcl() { make -k test; }
count_jimtcl() {
  sed -n 's/.*Total[: ]*\([0-9]*\).*Passed[: ]*\([0-9]*\).*Skipped[: ]*\([0-9]*\).*Failed[: ]*\([0-9]*\).*/\2 \4/p' "$1" |
    awk '{ p += $1; f += $2 } END { printf "%d %d\n", p, f }'
}

# oniguruma (libonig): autoreconf, configure, make; `make check` runs the
# regex test programs (test_utf8, test_syntax, test_options, testc, ...),
# each printing "RESULT   SUCC: N,  FAIL: M,  ERROR: K": those are counted,
# plus the automake results of programs that print none.
build_onig() { autoreconf -fi && ./configure && make -j"$JOBS"; }
test_onig() {
  make -k check
  cat test/*.log 2>/dev/null
}
count_onig() {
  local a inner
  a=$(automake_counts "$1")
  inner=$(sed -n 's/.*SUCC: *\([0-9]*\), *FAIL: *\([0-9]*\), *ERROR: *\([0-9]*\).*/\1 \2 \3/p' "$1" |
    awk '{ p += $1; f += $2 + $3 } END { printf "%d %d\n", p, f }')
  sum_counts "$inner" "$a"
}

# sqlite3: configure + the amalgamation; `make fuzztest` runs fuzzcheck over
# test/fuzzdata*.db (SQL and database fuzz cases, with invariant checks) and
# sessionfuzz. (The Tcl suite, even "veryquick", takes far too long here.)
build_sqlite3() {
  ./configure --disable-tcl --enable-shared=no &&
    make -j"$JOBS" sqlite3.c && make -j"$JOBS" fuzzcheck sessionfuzz
}
test_sqlite3() { make -k fuzztest; }
count_sqlite3() {
  local fz ss
  fz=$(sed -n 's/.*fuzzcheck: \([0-9]*\) errors out of \([0-9]*\) tests.*/\2 \1/p' "$1" |
    awk '{ printf "%d %d\n", $1 - $2, $2 } END { if (NR == 0) print "0 1" }')
  # sessionfuzz prints nothing on success; make reports its failure.
  ss=$(grep -cE 'sessionfuzz.*Error|\*\*\* \[.*fuzztest\]' "$1")
  sum_counts "$fz" "0 $ss"
}

# libtommath: its makefile builds libtommath.a; `make test` links
# demo/test.c, whose unit tests (about 60, with a time-seeded random source)
# end with "Tests OK/NOP/FAIL: a/b/c". Its mp_int temporaries are small
# constant-size calloc blocks (mp_init), which the pass can take when the
# whole life of a temporary is inlined into one function.
build_libtommath() {
  make -j"$JOBS" CC="$CC" CFLAGS="$CFLAGS" AR="${AR:-ar}" RANLIB="${RANLIB:-ranlib}" &&
    make -j"$JOBS" CC="$CC" CFLAGS="$CFLAGS" AR="${AR:-ar}" RANLIB="${RANLIB:-ranlib}" test
}
test_libtommath() { ./test; }
count_libtommath() {
  sed -n 's|^Tests OK/NOP/FAIL: \([0-9]*\)/[0-9]*/\([0-9]*\).*|\1 \2|p' "$1" |
    awk '{ print; n++ } END { if (n == 0) print "0 1" }'
}

# jansson: autoreconf, configure, make (the test programs too); `make check`
# runs test/run-suites, whose suites (valid, invalid, invalid-unicode,
# encoding-flags: json_process on input files against expected output; api:
# the test_*.c programs and check-exports) print "NAME... ok" / "FAILED" per
# test with VERBOSE=1: those are counted, plus the automake results (run-suites
# and the top directory's scripts/clang-format-check).
# With LTO=1 the link is lld's, which has no --default-symver (GNU ld's).
build_jansson() {
  autoreconf -fi && ./configure &&
    { [[ $LTO != 1 ]] || sed -i 's/-Wl,--default-symver//' src/Makefile; } &&
    make -j"$JOBS" && make -j"$JOBS" check TESTS=
}
test_jansson() {
  make -k check AM_TESTS_ENVIRONMENT='VERBOSE=1; export VERBOSE;'
  cat test/run-suites.log 2>/dev/null
}
count_jansson() {
  local a p f
  a=$(automake_counts "$1")
  p=$(grep -c '\.\.\. ok$' "$1")
  f=$(grep -c '\.\.\. FAILED$' "$1")
  # run-suites ends with "N test suites passed" or "M of N test suites
  # failed"; without either it did not run, which counts as a failure.
  grep -qE '^[0-9]+ (of [0-9]+ )?test suites (passed|failed)$' "$1" || f=$((f + 1))
  sum_counts "$a" "$p $f"
}

# cjson: CMake with the tests and cJSON_Utils on; ctest -V runs cJSON_test
# and the Unity programs of tests/ (parse_*, print_*, misc, json_patch_tests
# over json-patch-tests/, ...), each ending with "N Tests M Failures K
# Ignored": those test cases are counted, plus ctest's results (a program
# that crashes prints no Unity summary).
build_cjson() {
  cmake -S . -B _build -DCMAKE_BUILD_TYPE=None -DCMAKE_C_FLAGS="$CFLAGS" \
    -DENABLE_CJSON_TEST=ON -DENABLE_CJSON_UTILS=ON \
    ${AR:+-DCMAKE_AR=$(command -v "$AR") -DCMAKE_RANLIB=$(command -v "$RANLIB")} &&
    cmake --build _build -j"$JOBS"
}
test_cjson() { (cd _build && ctest -V --timeout 300); }
count_cjson() {
  local c u
  c=$(ctest_counts "$1")
  u=$(sed -n 's/^\(.*[^0-9]\)\{0,1\}\([0-9][0-9]*\) Tests \([0-9][0-9]*\) Failures \([0-9][0-9]*\) Ignored.*/\2 \3 \4/p' "$1" |
    awk '{ p += $1 - $2 - $3; f += $2 } END { printf "%d %d\n", p, f }')
  sum_counts "$u" "$c"
}

# cmark: CMake; ctest -V runs api_test ("N tests passed, M failed"), the
# spec, smart-punctuation and regression tests of spec_tests.py against the
# library and the cmark program ("N passed, M failed, K errored, L
# skipped"), entity_tests.py ("N passed, M failed, K errored") and
# pathological_tests.py (one "[PASSED]"/"[FAILED]"/"[ERRORED"/"[TIMEOUT]"
# line per case, 10 s each; its summary line is always 0, as its results are
# collected in child processes). Those are counted, plus ctest's results
# (which alone cover html_normalization and the round-trip test, silent
# when they pass).
build_cmark() {
  cmake -S . -B _build -DCMAKE_BUILD_TYPE=None -DCMAKE_C_FLAGS="$CFLAGS" \
    ${AR:+-DCMAKE_AR=$(command -v "$AR") -DCMAKE_RANLIB=$(command -v "$RANLIB")} &&
    cmake --build _build -j"$JOBS"
}
test_cmark() { (cd _build && ctest -V --timeout 600); }
count_cmark() {
  local c inner
  c=$(ctest_counts "$1")
  inner=$(awk '
    /Test command:/ { patho = /pathological_tests/ }
    patho && /\[PASSED\]/ { p++ }
    patho && /\[(FAILED|ERRORED|TIMEOUT)/ { f++ }
    patho { next }
    match($0, /[0-9]+ tests passed, [0-9]+ failed, [0-9]+ skipped/) {
      split(substr($0, RSTART, RLENGTH), w, " "); p += w[1]; f += w[4]; next }
    match($0, /[0-9]+ passed, [0-9]+ failed, [0-9]+ errored/) {
      split(substr($0, RSTART, RLENGTH), w, " "); p += w[1]; f += w[3] + w[5] }
    END { printf "%d %d\n", p, f }' "$1")
  sum_counts "$inner" "$c"
}

# libxml2: autoreconf (Debian's patches add testcatalog to Makefile.am),
# configure without python, lzma, ICU, HTTP and FTP, make (and the check
# programs). Debian's +dfsg source drops upstream's test/ and result/ data
# (bug #331534), so runtest has only the few cases Debian's patches add;
# the programs of `make check`'s runtests (runtest, testrecurse, testapi,
# testchar, testdict, testcatalog; runxmlconf needs the W3C suite) are run
# one by one (make's chain stops at the first failure), then the
# doc/examples regression tests. Counted: "Total N tests, M errors" of
# runtest and testrecurse, testapi's "Total: F functions, N tests, M
# errors", plus one PASS/FAIL per program (its exit status) and one for
# doc/examples.
build_libxml2() {
  autoreconf -fi && ./configure --without-python --without-lzma --without-icu \
    --without-http --without-ftp && make -j"$JOBS" &&
    make -j"$JOBS" runtest testrecurse testapi testchar testdict testcatalog &&
    make -j"$JOBS" -C doc/examples check TESTS=
}
test_libxml2() {
  local t rc
  for t in runtest testrecurse testapi testchar testdict testcatalog; do
    ./$t
    rc=$?
    if [[ $rc -eq 0 ]]; then echo "PASS: $t"; else echo "FAIL: $t (status $rc)"; fi
  done
  if make -C doc/examples tests; then echo "PASS: doc/examples"; else echo "FAIL: doc/examples"; fi
}
count_libxml2() {
  local inner
  inner=$(sed -n -e 's/^Total \([0-9]*\) tests, no errors.*/\1 0/p' \
    -e 's/^Total \([0-9]*\) tests, \([0-9]*\) errors.*/\1 \2/p' \
    -e 's/^Total: [0-9]* functions, \([0-9]*\) tests, \([0-9]*\) errors.*/\1 \2/p' "$1" |
    awk '{ p += $1 - $2; f += $2 } END { printf "%d %d\n", p, f }')
  sum_counts "$inner" "$(grep -c '^PASS: ' "$1") $(grep -c '^FAIL: ' "$1")"
}

# The helpers recipes share; a recipe runs in a shell of its own, which
# gets its function and these.
RECIPE_HELPERS=(build_gnu_without_nls check_without_valgrind)

# A GNU package's configure --disable-nls, make, and its test programs.
build_gnu_without_nls() {
  ./configure --disable-nls && make -j"$JOBS" && make -j"$JOBS" check TESTS=
}

# `make -k check` with a valgrind that fails first in PATH, so that tests
# that require it skip: Debian 12's cannot read clang-22's DWARF 5.
check_without_valgrind() {
  mkdir -p no-valgrind && printf '#!/bin/sh\nexit 1\n' >no-valgrind/valgrind &&
    chmod +x no-valgrind/valgrind
  PATH=$PWD/no-valgrind:$PATH make -k check
}

# sed: configure --disable-nls, make (and the test programs); `make check`
# runs testsuite/ (shell and perl scripts) and gnulib-tests/; automake tests.
# Without valgrind (a stub that fails comes first in PATH, so the three
# tests that require it skip): Debian 12's cannot read clang-22's DWARF 5.
# panic-tests fails as root (root can write into the read-only directory it
# expects "sed -i" to fail in).
build_sed() { build_gnu_without_nls; }
test_sed() { check_without_valgrind; }
count_sed() {
  local a n
  a=$(automake_counts "$1")
  # testsuite/ and gnulib-tests/ each end with a summary; one that is missing
  # (make stopped before that suite ran) counts as a failure.
  n=$(sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -c '^# TOTAL: ')
  [[ $n -lt 2 ]] || n=2
  sum_counts "$a" "0 $((2 - n))"
}

# mawk: configure, make; `make check` runs test/mawktest, whose sections
# (field splitting, regular expressions, write errors, arrays, nextfile,
# the decl.awk stress test) print "NAME OK" or "NAME had N failures", and
# fpe_test ("results consistent" when it passes). That suite is small, so
# each awk program of test/ and examples/ is also run on a few inputs and
# compared (output and exit status) with the system's /usr/bin/mawk, the
# same upstream version built by Debian (a mismatch or a hang fails).
build_mawk() { ./configure && make -j"$JOBS" mawk; }
test_mawk() {
  make -k check
  local f d rc ref
  for f in test/*.awk examples/*.awk; do
    for d in test/mawktest.dat test/full-awk.dat test/null-rs.dat scan.c; do
      timeout 20 ./mawk -f "$f" "$d" >diff.out 2>&1
      rc=$?
      timeout 20 /usr/bin/mawk -f "$f" "$d" >diff.ref 2>&1
      ref=$?
      if [[ $rc -ne 124 && $rc -eq $ref ]] && cmp -s diff.out diff.ref; then
        echo "PASS: mawk -f $f $d"
      else
        echo "FAIL: mawk -f $f $d (status $rc, reference $ref)"
      fi
    done
  done
}
count_mawk() {
  local p f
  # mawktest's last line, "tested PROG OK" (or "... had N failures"), sums
  # up its sections and is left out; without it (the script stopped) one
  # failure is counted. fpe_test passes when it finds its results
  # consistent.
  p=$(grep -vE '^tested ' "$1" | grep -cE ' OK$')
  f=$(grep -vE '^tested ' "$1" | grep -cE ' had (one|[0-9]+) failures?$')
  grep -qE '^tested .* (OK|had (one|[0-9]+) failures?)$' "$1" || f=$((f + 1))
  if grep -q '^results consistent' "$1"; then p=$((p + 1)); else f=$((f + 1)); fi
  sum_counts "$p $f" "$(grep -c '^PASS: mawk ' "$1") $(grep -c '^FAIL: mawk ' "$1")"
}

# gzip: configure, make (without makeinfo: Debian's patches touch the
# manual); `make check` runs tests/ (automake). That suite is small, so a
# round trip (-1, -9 and --rsyncable, through -t too) of the tree's sources,
# its manual and its own binary is counted too.
build_gzip() { ./configure && make -j"$JOBS" MAKEINFO=true; }
test_gzip() {
  make -k check
  local f lvl
  for f in *.c *.h doc/gzip.texi gzip.doc algorithm.doc gzip; do
    for lvl in -1 -9 --rsyncable; do
      if ./gzip "$lvl" -c "$f" >rt.gz && ./gzip -t rt.gz &&
        ./gzip -dc rt.gz | cmp - "$f"; then
        echo "PASS: round trip $lvl $f"; else echo "FAIL: round trip $lvl $f"; fi
    done
  done
}
count_gzip() {
  sum_counts "$(automake_counts "$1")" \
    "$(grep -c '^PASS: round trip' "$1") $(grep -c '^FAIL: round trip' "$1")"
}

# yajl: CMake; test/parsing/run_tests.sh parses every case of
# test/parsing/cases with read buffers of 1 to 31 bytes against its .gold
# output, printing " test (NAME): SUCCESS" or "FAILURE" per case: those are
# counted, plus test/api's one program, gen-extra-close, which exits with 1
# when yajl_gen refuses a close with nothing open, as it should (its own
# script counts every program as passed).
build_yajl() {
  cmake -S . -B _build -DCMAKE_BUILD_TYPE=None -DCMAKE_C_FLAGS="$CFLAGS" \
    ${AR:+-DCMAKE_AR=$(command -v "$AR") -DCMAKE_RANLIB=$(command -v "$RANLIB")} &&
    cmake --build _build -j"$JOBS"
}
test_yajl() {
  (cd test/parsing && ./run_tests.sh "$OLDPWD/_build/test/parsing/yajl_test")
  _build/test/api/gen-extra-close
  if [[ $? -eq 1 ]]; then echo "PASS: api gen-extra-close"; else echo "FAIL: api gen-extra-close"; fi
}
count_yajl() {
  local f
  f=$(grep -c '^ *test (.*): *\(FAILURE\)\{0,1\}$' "$1")
  # The script's last line; without it (it stopped) one failure is counted.
  grep -qE '^[0-9]+/[0-9]+ tests successful$' "$1" || f=$((f + 1))
  sum_counts "$(grep -c '^ *test (.*): SUCCESS$' "$1") $f" \
    "$(grep -c '^PASS: api ' "$1") $(grep -c '^FAIL: api ' "$1")"
}

# libtasn1: configure without valgrind, make; `make check` runs tests/ (the
# ASN.1 parser, DER coding and decoding programs and scripts); automake tests.
build_libtasn1() {
  ./configure --disable-doc --disable-valgrind-tests && make -j"$JOBS"
}
test_libtasn1() { make -k check; }
count_libtasn1() { automake_counts "$1"; }

# patch: autoreconf (Debian's patches change tests/Makefile.am), configure,
# make; `make check` runs tests/ (shell scripts that apply patches of every
# format and check the results); automake tests.
build_patch() { autoreconf -fi && ./configure && make -j"$JOBS"; }
test_patch() { make -k check; }
count_patch() { automake_counts "$1"; }

# nettle: configure (with GMP, so hogweed's public-key code and its tests are
# built), make; `make check` runs testsuite/ and examples/ through run-tests,
# which prints "PASS: NAME" / "FAIL: NAME" per program and ends with "All N
# tests passed" or "M of N tests failed".
build_nettle() { ./configure --disable-documentation && make -j"$JOBS"; }
test_nettle() { make -k check; }
count_nettle() {
  local f
  f=$(grep -c '^FAIL: ' "$1")
  # One banner per directory; a missing one (make stopped) fails.
  [[ $(grep -cE '^(All [0-9]+ tests passed|[0-9]+ of [0-9]+ tests failed)' "$1") -ge 2 ]] ||
    f=$((f + 1))
  echo "$(grep -c '^PASS: ' "$1") $f"
}

# m4: configure --disable-nls, make (without makeinfo, as gzip); `make
# check` runs checks/ (the manual's examples through check-them, which
# prints "Checking FILE" per example and lists the failed and skipped ones
# at the end) and tests/ (gnulib's tests and m4's own, automake).
build_m4() {
  ./configure --disable-nls && make -j"$JOBS" MAKEINFO=true &&
    make -j"$JOBS" -C tests check TESTS=
}
test_m4() { make -k check; }
count_m4() {
  local inner
  # A failed example is listed once per mismatch (FILE:status, FILE:out, ...).
  # Without the closing summary (check-them stopped) one failure is counted.
  inner=$(awk '
    /^Checking / { n++ }
    list { for (i = 1; i <= NF; i++) { sub(/:.*/, "", $i); bad[list, $i] = 1 }
           list = ""; next }
    /^All checks successful/ { done = 1 }
    /^Failed checks were:/ { list = "f"; done = 1 }
    /^Skipped checks were:/ { list = "s" }
    END { for (k in bad) { split(k, w, SUBSEP); if (w[1] == "f") f++; else s++ }
          printf "%d %d\n", n - f - s, f + !done }' "$1")
  sum_counts "$inner" "$(automake_counts "$1")"
}

# libpng: configure, make; `make check` runs pngtest, pngvalid (transforms,
# gamma, sizes, progressive reading), pngstest, pngunknown, pngimage over
# contrib/testpngs; automake tests.
build_libpng() { ./configure && make -j"$JOBS" && make -j"$JOBS" check TESTS=; }
test_libpng() { make -k check; }
count_libpng() { automake_counts "$1"; }

# tar: configure (FORCE_UNSAFE_CONFIGURE: it refuses root otherwise), make;
# `make check` runs the autotest testsuite (archive formats, incremental and
# sparse archives, exclusion, extraction options; Debian's listed03.at
# patch has it regenerated), two tests at a time, printing "N: TITLE ok",
# "FAILED", "skipped" or "expected failure" per test: those are counted.
build_tar() { FORCE_UNSAFE_CONFIGURE=1 ./configure --disable-nls && make -j"$JOBS"; }
test_tar() { make -k check TESTSUITEFLAGS=-j"$JOBS"; }
count_tar() {
  local f
  f=$(grep -cE '^ *[0-9]+: .*(FAILED \(|UNEXPECTED PASS)' "$1")
  # The testsuite's summary; without it (it did not run) one failure counts.
  grep -q '^## Test results\. ##' "$1" || f=$((f + 1))
  echo "$(grep -cE '^ *[0-9]+: .* ok$' "$1") $f"
}

# libidn2: configure without valgrind, make; `make check` runs tests/
# (punycode, lookup and register over IdnaTest and the UTS #46 vectors,
# to-unicode, locale, strerror and the idn2 program's script); automake tests.
build_libidn2() {
  ./configure --disable-nls --disable-valgrind-tests --disable-gtk-doc && make -j"$JOBS"
}
test_libidn2() { make -k check; }
count_libidn2() { automake_counts "$1"; }

# diffutils: configure --disable-nls, make (and the test programs); `make
# check` runs tests/ (diff, cmp, diff3, sdiff) and gnulib-tests/; automake
# tests. Without valgrind, as sed (strip-trailing-cr then skips).
build_diffutils() { build_gnu_without_nls; }
test_diffutils() { check_without_valgrind; }
# When a test fails, tests/ prints its test-suite.log, whose copy of the
# summary must not count twice: only the "Testsuite summary" blocks count.
count_diffutils() {
  sed -n '/^Testsuite summary for /,/^# ERROR: /p' "$1" | automake_counts
}

#===- driver --------------------------------------------------------------===#

# run_mode PROJECT MODE SRC: copies SRC, builds and tests it; leaves
# WORK/logs/PROJECT/MODE.{build,test}.log and prints
# "build_status test_status passed failed seconds".
run_mode() {
  local proj=$1 mode=$2 src=$3
  local dir=$WORK/build$SFX/$proj/$mode logs=$WORK/logs$SFX/$proj
  local start bstatus tstatus counts
  start=$(date +%s)
  rm -rf "$dir"
  [[ $mode == h2s ]] && rm -rf "$WORK/remarks$SFX/$proj" "$WORK/records$SFX/$proj" &&
    mkdir -p "$WORK/records$SFX/$proj"
  rm -f "$logs/$mode.shim"
  [[ $mode == inst ]] && rm -f "$logs/inst.build.shim" "$logs/inst.profile"
  mkdir -p "$dir" "$logs"
  cp -a "$src/." "$dir/"
  (
    cd "$dir" || exit 1
    export CC=$WORK/bin$SFX/cc CXX=$WORK/bin$SFX/c++ CFLAGS="-O2 -g" CXXFLAGS="-O2 -g"
    # Bitcode archives need LLVM's archiver for their symbol tables.
    [[ $LTO == 1 ]] && export AR=llvm-ar-22 RANLIB=llvm-ranlib-22 NM=llvm-nm-22
    export H2S_MODE=$mode H2S_REMARKS_DIR=$WORK/remarks$SFX/$proj
    export H2S_RECORDS_DIR=$WORK/records$SFX/$proj
    [[ $mode == inst ]] && export H2S_SHIM_OUT=$logs/inst.build.shim
    timeout "$BUILD_TIMEOUT" bash -c "$(declare -f "build_$proj" "${RECIPE_HELPERS[@]}"); JOBS=$JOBS LTO=$LTO; build_$proj"
  ) >"$logs/$mode.build.log" 2>&1
  bstatus=$?
  if [[ $bstatus -ne 0 ]]; then
    echo "$bstatus - 0 0 $(($(date +%s) - start))"
    return
  fi
  (
    cd "$dir" || exit 1
    export CC=$WORK/bin$SFX/cc CXX=$WORK/bin$SFX/c++ CFLAGS="-O2 -g" CXXFLAGS="-O2 -g"
    # Bitcode archives need LLVM's archiver for their symbol tables.
    [[ $LTO == 1 ]] && export AR=llvm-ar-22 RANLIB=llvm-ranlib-22 NM=llvm-nm-22
    export H2S_MODE=$mode H2S_REMARKS_DIR=$WORK/remarks$SFX/$proj
    # The tree's own shared libraries first: bzip2's Makefile links ./bzip2
    # to libbz2.so.1.0 without a run path, which would find the system's.
    export H2S_SHIM_OUT=$logs/$mode.shim LD_PRELOAD=$SHIM
    [[ $mode == inst ]] && export H2S_PROFILE_OUT=$logs/inst.profile \
      LD_LIBRARY_PATH=$dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
    # Without instrumentation the shim cannot tell a program of the project
    # from the shell tools a test script runs; the executable's place can.
    [[ $mode == inst ]] || export H2S_SHIM_ONLY_UNDER=$dir
    timeout "$TEST_TIMEOUT" bash -c "$(declare -f "test_$proj" "${RECIPE_HELPERS[@]}"); JOBS=$JOBS LTO=$LTO; test_$proj" </dev/null
  ) >"$logs/$mode.test.log" 2>&1
  tstatus=$?
  counts=$(cd "$dir" && "count_$proj" "$logs/$mode.test.log")
  echo "0 $tstatus $counts $(($(date +%s) - start))"
}

#===- INSTRUMENT=1: block sizes ---------------------------------------------===#

# measure_sizes PROJECT...: builds the shim, then each project's inst build,
# runs its tests under the shim, and tabulates the sizes with
# bench/sizes.sh --table.
measure_sizes() {
  local proj src version calls ceiling tsv=$WORK/results$SFX.tsv t0 specs=()
  t0=$(date +%s)
  printf 'project\tversion\tbuild\ttests_exit\tpassed\tfailed\tcalls\tceiling_calls\tseconds\n' >"$tsv"
  for proj in "$@"; do
    log "$proj: fetching ${PKG[$proj]}"
    if ! src=$(fetch "$proj"); then
      printf '%s\t-\t-\t-\t-\t-\t-\t-\t-\n' "$proj" >>"$tsv"
      continue
    fi
    version=$(basename "$src")
    log "$proj: instrumented build and tests under the shim ($version)"
    read -r b t p f secs < <(run_mode "$proj" inst "$src")
    log "$proj: inst: build $b, tests exit $t, passed $p, failed $f (${secs}s)"
    read -r calls ceiling < <(heap_calls "$WORK/logs$SFX/$proj/inst.shim")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$proj" "$version" "$b" "$t" "$p" "$f" \
      "$calls" "$ceiling" "$secs" >>"$tsv"
    specs+=("$proj=$WORK/logs$SFX/$proj/inst.shim")
  done
  {
    echo "| project | source | build | passed / failed | heap calls | of them one-slot frame-bounded (ceiling) | time (s) |"
    echo "|---|---|---|---|---|---|---|"
    tail -n +2 "$tsv" | while IFS=$'\t' read -r p v b t pp pf calls ceiling secs; do
      echo "| $p | $v | $b | $pp / $pf | $calls | $ceiling | $secs |"
    done
    echo
    echo "Total time: $(($(date +%s) - t0)) s. Logs: $WORK/logs$SFX/."
  } | tee "$WORK/results$SFX.md"
  echo
  bash "$REPO/bench/sizes.sh" --table --label project "${specs[@]}" | tee "$WORK/sizes$SFX.md"
}

main() {
  local projects=("$@") proj src
  [[ ${#projects[@]} -eq 0 ]] && projects=("${ALL_PROJECTS[@]}")
  for proj in "${projects[@]}"; do
    [[ -n ${PKG[$proj]:-} ]] || die "unknown project '$proj' (known: ${ALL_PROJECTS[*]})"
  done
  [[ $INSTALL_DEPS == 1 ]] && install_deps
  write_wrappers
  "$CLANG" -O2 -Wall -Wextra -fPIC -shared -o "$SHIM" "$REPO/tools/profile/heap2stack-profile.c" ||
    die "cannot build the shim"
  if [[ $INSTRUMENT == 1 ]]; then
    measure_sizes "${projects[@]}"
    return 0
  fi

  local tsv=$WORK/results$SFX.tsv overall=0 t0
  t0=$(date +%s)
  printf 'project\tversion\tplain_passed\tplain_failed\th2s_passed\th2s_failed\tpromoted\tkept\tplain_calls\th2s_calls\tplain_s\th2s_s\tverdict\n' >"$tsv"
  for proj in "${projects[@]}"; do
    log "$proj: fetching ${PKG[$proj]}"
    if ! src=$(fetch "$proj"); then
      printf '%s\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\tFETCH FAILED\n' "$proj" >>"$tsv"
      overall=1
      continue
    fi
    local version
    version=$(basename "$src")
    log "$proj: plain build and tests ($version)"
    read -r pb pt pp pf ps < <(run_mode "$proj" plain "$src")
    log "$proj: plain: build $pb, tests exit $pt, passed $pp, failed $pf (${ps}s)"
    log "$proj: heap2stack build and tests"
    read -r hb ht hp hf hs < <(run_mode "$proj" h2s "$src")
    read -r promoted kept < <(site_counts "$WORK/remarks$SFX/$proj" "$WORK/logs$SFX/$proj/remarks.txt")
    read -r pcalls _ < <(heap_calls "$WORK/logs$SFX/$proj/plain.shim")
    read -r hcalls _ < <(heap_calls "$WORK/logs$SFX/$proj/h2s.shim")
    log "$proj: h2s: build $hb, tests exit $ht, passed $hp, failed $hf (${hs}s); sites promoted $promoted, kept $kept"
    local verdict=same
    if [[ $pb != 0 ]]; then
      verdict="PLAIN BUILD FAILED"
    elif [[ $hb != 0 ]]; then
      verdict="H2S BUILD FAILED"
    elif [[ $pp != "$hp" || $pf != "$hf" || $pt != "$ht" ]]; then
      verdict=DIFFERENT
    fi
    [[ $verdict == same ]] || overall=1
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$proj" "$version" \
      "$pp" "$pf" "$hp" "$hf" "$promoted" "$kept" "$pcalls" "$hcalls" "$ps" "$hs" "$verdict" >>"$tsv"
  done

  # The Markdown table.
  {
    echo "| project | source | passed / failed without | passed / failed with | sites promoted / kept | heap calls without / with | time without / with (s) | result |"
    echo "|---|---|---|---|---|---|---|---|"
    tail -n +2 "$tsv" | while IFS=$'\t' read -r p v pp pf hp hf pr k pc hc ps hs verdict; do
      echo "| $p | $v | $pp / $pf | $hp / $hf | $pr / $k | $pc / $hc | $ps / $hs | $verdict |"
    done
    echo
    echo "Total time: $(($(date +%s) - t0)) s. Logs: $WORK/logs$SFX/."
  } | tee "$WORK/results$SFX.md"
  return "$overall"
}

main "$@"
