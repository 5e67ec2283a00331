#!/usr/bin/env bash
#===- tools/fuzz/reduce.sh - Shrink a fuzzing mismatch ---------------------===#
#
# Takes a program that campaign.sh kept (its plain and heap2stack builds at
# one optimisation level print or return different things) and shrinks it
# while the mismatch stays:
#   - with creduce (Debian package creduce: apt-get install creduce), the C
#     source is reduced.  A candidate is interesting when it compiles
#     without warnings that signal undefined behaviour, its plain build runs
#     clean under -fsanitize=address,undefined and under -fsanitize=memory
#     (so the reduction cannot trade the miscompile for a bug of its own),
#     and its plain and plugin builds still differ.  When the plugin build
#     crashed or timed out, the reduced one must end the same way, so the
#     reduction does not wander off to another symptom.
#   - otherwise, or with --ir, llvm-reduce shrinks the IR clang produces
#     before optimising (-Xclang -disable-llvm-passes); the test builds that
#     IR with and without the plugin and compares the runs.  There is no
#     sanitizer check on IR, so read the result as a pointer to the cause
#     and write the regression test in C by hand.
# The result goes next to the input as NAME.reduced.c (or .reduced.ll);
# save it (tidied, with a comment on the cause) as
# test/fuzz/regressions/<what-it-shows>.c with the lines
#   // RUN: %e2e %s | FileCheck %s
#   // CHECK: output: same, exit status: same
# (the %e2e build uses -O2; give the level as extra flags when it differs:
# `// RUN: %e2e %s -O1 | FileCheck %s`).
#
# Usage: tools/fuzz/reduce.sh PROGRAM.c LEVEL [--ir] [--test-only]
#                              [-- CLANG FLAGS...]
#   LEVEL        -O1, -O2 or -O3: the level the mismatch was seen at
#   --ir         use llvm-reduce even when creduce is installed
#   --test-only  only run the interestingness test on PROGRAM.c and say
#                whether it holds (exit status 0 when it does)
#   -- FLAGS     more flags for both builds, as campaign.sh's README for
#                the seed says (-D_FORTIFY_SOURCE=2, -fstack-protector, ...)
# Environment: CLANG (default clang-22), PLUGIN (default
#   build/lib/HeapToStack.so), PLUGIN_EXTRA (flags for the plugin build
#   only, e.g. '-mllvm -heap2stack-ep=before-inlining'), LLVM_REDUCE
#   (default llvm-reduce-22), RUN_TIMEOUT (seconds per run, default 10),
#   JOBS (creduce, default 2).
#
#===----------------------------------------------------------------------===#

set -u

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CLANG=${CLANG:-clang-22}
PLUGIN=${PLUGIN:-$root/build/lib/HeapToStack.so}
PLUGIN_EXTRA=${PLUGIN_EXTRA:-}
LLVM_REDUCE=${LLVM_REDUCE:-llvm-reduce-22}
RUN_TIMEOUT=${RUN_TIMEOUT:-10}
JOBS=${JOBS:-2}

die() {
  echo "reduce.sh: $*" >&2
  exit 2
}

# parse_args ARGS...: sets src, level, use_ir, test_only and extra.
parse_args() {
  [[ $# -ge 2 ]] || die "usage: reduce.sh PROGRAM.c LEVEL [--ir] [--test-only] [-- FLAGS...]"
  src=$(readlink -f "$1")
  level=$2
  shift 2
  use_ir=0
  test_only=0
  extra=()
  while [[ $# -gt 0 ]]; do
    case $1 in
      --ir) use_ir=1 ;;
      --test-only) test_only=1 ;;
      --) shift; extra=("$@"); break ;;
      *) die "unknown argument '$1'" ;;
    esac
    shift
  done
  [[ -f $src ]] || die "no such file: $src"
  [[ $level =~ ^-O[123]$ ]] || die "LEVEL must be -O1, -O2 or -O3"
  [[ -f $PLUGIN ]] || die "no plugin at '$PLUGIN'"
  PLUGIN=$(readlink -f "$PLUGIN")
  command -v creduce >/dev/null || use_ir=1
}

# write_test FILE: the interestingness test, written out so that creduce and
# llvm-reduce can run it in their own directories.  Its first argument is
# the file to test (C or IR); it exits 0 when the mismatch is still there.
write_test() {
  cat >"$1" <<EOF
#!/usr/bin/env bash
set -u
CLANG='$CLANG' PLUGIN='$PLUGIN' LEVEL='$level' T='$RUN_TIMEOUT'
file=\${1:-$(basename "$src")}
want_status=\${WANT_STATUS:-}
CFLAGS=(-std=gnu11 -pthread ${extra[*]})
PLUGIN_EXTRA=($PLUGIN_EXTRA)
# Warnings that mean the candidate has undefined behaviour of its own.
WERROR=(-Werror=uninitialized -Werror=sometimes-uninitialized
        -Werror=return-type -Werror=implicit-function-declaration
        -Werror=implicit-int -Werror=int-conversion
        -Werror=incompatible-pointer-types -Werror=array-bounds
        -Werror=format -Werror=format-insufficient-args
        -Werror=null-dereference -Werror=division-by-zero -Werror=main-return-type
        -Werror=shift-count-overflow -Werror=integer-overflow)
run() { # run BINARY [PREFIX...]: prints the status, output in BINARY.out
  local bin=\$1
  shift
  (timeout -k 2 "\$T" env ASAN_OPTIONS=detect_leaks=0 "\$@" "./\$bin" >"\$bin.out" 2>"\$bin.err" </dev/null) 2>/dev/null
  echo \$?
}
# Without address space randomisation, when setarch can turn it off.
NORAND=()
setarch -R true 2>/dev/null && NORAND=(setarch -R)
case \$file in
  *.c) "\$CLANG" \$LEVEL "\${CFLAGS[@]}" "\${WERROR[@]}" "\$file" -o plain 2>/dev/null || exit 1 ;;
  *) "\$CLANG" \$LEVEL "\${CFLAGS[@]}" -w "\$file" -o plain 2>/dev/null || exit 1 ;;
esac
"\$CLANG" \$LEVEL "\${CFLAGS[@]}" -w -fpass-plugin="\$PLUGIN" -fverify-intermediate-code \\
  "\${PLUGIN_EXTRA[@]}" "\$file" -o h2s >h2s.log 2>&1
built=\$?
s_plain=\$(run plain)
[[ \$s_plain -lt 124 ]] || exit 1      # the plain build must run to its end
# differs [PREFIX...]: one run of the plugin build shows the mismatch (the
# symptom).
differs() {
  local s_h2s
  s_h2s=\$(run h2s "\$@")
  if [[ -n \$want_status ]]; then
    [[ \$s_h2s == "\$want_status" ]]
  else
    [[ \$s_plain != "\$s_h2s" ]] || ! cmp -s plain.out h2s.out
  fi
}
if [[ \$built != 0 ]]; then
  [[ \$want_status == build-failure ]] || exit 1
else
  # A miscompile that reads a dead frame shows only when the garbage there
  # differs: one run with a fixed layout, three with random ones.
  differs "\${NORAND[@]}" || differs || differs || differs || exit 1
fi
[[ \$file == *.c ]] || exit 0
# The candidate must be free of undefined behaviour.
"\$CLANG" -O1 -g "\${CFLAGS[@]}" -w -fsanitize=address,undefined -fno-sanitize-recover=all \\
  "\$file" -o ub 2>/dev/null || exit 1
[[ \$(run ub) == "\$s_plain" ]] && cmp -s ub.out plain.out && ! [[ -s ub.err ]] || exit 1
"\$CLANG" -O1 -g "\${CFLAGS[@]}" -w -fsanitize=memory "\$file" -o msan 2>/dev/null || exit 1
[[ \$(run msan) == "\$s_plain" ]] && cmp -s msan.out plain.out && ! [[ -s msan.err ]] || exit 1
exit 0
EOF
  chmod +x "$1"
}

# symptom: prints what the plugin build of the input does that the reduced
# one must keep doing: "build-failure", the status of a crash or timeout,
# or nothing (any difference will do).
symptom() {
  local plugin_extra=($PLUGIN_EXTRA)
  (
    cd "$WORK" && cp "$src" prog.c || exit 0
    "$CLANG" "$level" -std=gnu11 -pthread "${extra[@]}" -w prog.c -o plain0 \
      2>/dev/null || exit 0
    if ! "$CLANG" "$level" -std=gnu11 -pthread "${extra[@]}" -w -fpass-plugin="$PLUGIN" \
        -fverify-intermediate-code "${plugin_extra[@]}" prog.c -o h2s0 >/dev/null 2>&1; then
      echo build-failure
      exit 0
    fi
    (timeout -k 2 "$RUN_TIMEOUT" ./h2s0 >/dev/null 2>&1) 2>/dev/null
    status=$?
    [[ $status -ge 124 ]] && echo "$status"
    exit 0
  ) 2>/dev/null # the shell's own report of the crash
}

reduce_c() {
  local out=${src%.c}.reduced.c name
  name=$(basename "$src")
  cp "$src" "$WORK/$name"
  (cd "$WORK" && ./interesting.sh "$name") ||
    die "the input is not interesting: no mismatch at $level, or it is not clean"
  # creduce calls the test without arguments, in a copy of the directory.
  printf '#!/usr/bin/env bash\nexec %q %q\n' "$WORK/interesting.sh" "$name" >"$WORK/test.sh"
  chmod +x "$WORK/test.sh"
  (cd "$WORK" && creduce --n "$JOBS" ./test.sh "$name") || die "creduce failed"
  cp "$WORK/$name" "$out"
  echo "reduced: $out ($(wc -l <"$out") lines)"
}

# emit_ir: the IR of the input before optimisation, in $WORK/prog.ll.
emit_ir() {
  "$CLANG" "$level" -std=gnu11 -pthread "${extra[@]}" -w -Xclang -disable-llvm-passes -S \
    -emit-llvm "$src" -o "$WORK/prog.ll" || die "could not emit IR"
}

reduce_ir() {
  local out=${src%.c}.reduced.ll
  emit_ir
  (cd "$WORK" && ./interesting.sh prog.ll) ||
    die "the IR is not interesting: no mismatch at $level"
  (cd "$WORK" && "$LLVM_REDUCE" --test="$WORK/interesting.sh" prog.ll \
    -o reduced.ll) || die "llvm-reduce failed"
  cp "$WORK/reduced.ll" "$out"
  echo "reduced: $out ($(wc -l <"$out") lines)"
}

main() {
  parse_args "$@"
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/h2s-reduce.XXXXXX") || die "mktemp failed"
  trap 'rm -rf "$WORK"' EXIT
  write_test "$WORK/interesting.sh"
  WANT_STATUS=$(symptom)
  export WANT_STATUS
  [[ -n $WANT_STATUS ]] && echo "keeping the symptom: the plugin build ends with '$WANT_STATUS'"
  if [[ $test_only == 1 ]]; then
    local status
    if [[ $use_ir == 1 ]]; then
      emit_ir && (cd "$WORK" && ./interesting.sh prog.ll)
    else
      (cd "$WORK" && cp "$src" prog.c && ./interesting.sh prog.c)
    fi
    status=$?
    if [[ $status == 0 ]]; then
      echo "interesting: the mismatch is there"
    else
      echo "not interesting: no mismatch, or the program is not clean"
    fi
    return "$status"
  fi
  if [[ $use_ir == 0 ]]; then
    reduce_c
  else
    reduce_ir
  fi
}

# Everything up to here is read before anything runs (bash reads a whole
# line before it runs any of it), so editing this file while a reduction
# runs cannot change what that reduction does.
main "$@"; exit
