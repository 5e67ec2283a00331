#!/usr/bin/env bash
#===- codesize.sh - What the plugin does to the code of real sources ------===#
#
# Compiles, one by one, the C sources of the projects that
# tools/realworld/run.sh built, at -O2 with each plugin given, and prints
# per plugin the sources compiled, the sites promoted (-Rpass=heap2stack
# remarks), the calls inlined by the pass (-stats) and the .text bytes of
# all the objects. A source counts when it compiles alone, without the
# project's build system, with plain clang and with every plugin: its
# include path is its own directory, the tree's top and its include/, lib/
# and src/, and every directory of the tree holding config.h (with
# -DHAVE_CONFIG_H when there is one).
#
# Usage: bash tools/realworld/codesize.sh PLUGIN... [-- PROJECT...]
#   e.g. bash tools/realworld/codesize.sh /tmp/a/HeapToStack.so /tmp/b/HeapToStack.so
# Environment: WORK (default /tmp/real/work; run.sh must have built
# WORK/build/PROJECT/plain), CLANG (default clang-22), JOBS (default 2).
# Output: a table on stdout and in WORK/codesize.md; objects and logs in
# WORK/codesize/.
#
#===----------------------------------------------------------------------===#
set -euo pipefail

WORK=${WORK:-/tmp/real/work}
CLANG=${CLANG:-clang-22}
JOBS=${JOBS:-2}
OUT=$WORK/codesize

plugins=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do
  plugins+=("$1")
  shift
done
[ $# -gt 0 ] && shift
[ ${#plugins[@]} -gt 0 ] || { echo "usage: codesize.sh PLUGIN... [-- PROJECT...]" >&2; exit 2; }
for p in "${plugins[@]}"; do
  [ -f "$p" ] || { echo "codesize.sh: no plugin at $p" >&2; exit 2; }
done
projects=("$@")
[ ${#projects[@]} -gt 0 ] || mapfile -t projects < <(ls "$WORK/build")

# The flags that let a source of tree $1 compile alone.
include_flags() {
  local tree=$1 d
  printf -- '-I%s\n' "$tree" "$tree/include" "$tree/lib" "$tree/src"
  find "$tree" -name config.h -printf '%h\n' | sort -u | while read -r d; do
    printf -- '-I%s\n-DHAVE_CONFIG_H\n' "$d"
  done | sort -u
}

# Compiles source $2 of project $1 plainly and with every plugin; prints
# one tab-separated line per build: "project source variant sites inlined
# text", or nothing when some build fails.
compile_one() {
  local project=$1 src=$2 tree=$WORK/build/$1/plain flags obj i=0 lines=()
  mapfile -t flags < <(include_flags "$tree")
  flags+=(-I"$(dirname "$src")" -O2 -w -c)
  obj=$OUT/$project/$(echo "${src#"$tree"/}" | tr / _)
  mkdir -p "$OUT/$project"
  "$CLANG" "${flags[@]}" "$src" -o "$obj.plain.o" 2>/dev/null || return 0
  lines+=("$project"$'\t'"$src"$'\t'"plain"$'\t'0$'\t'0$'\t'"$(text_bytes "$obj.plain.o")")
  for p in "${plugins[@]}"; do
    i=$((i + 1))
    "$CLANG" "${flags[@]}" -fpass-plugin="$p" -Rpass=heap2stack -mllvm -stats \
      "$src" -o "$obj.$i.o" 2>"$obj.$i.log" || return 0
    lines+=("$project"$'\t'"$src"$'\t'"$i"$'\t'"$(grep -c 'remark: \(moved\|copied\)' "$obj.$i.log" || true)"$'\t'"$(
      awk '/heap2stack - Number of calls of .* inlined/ {n += $1} END {print n + 0}' "$obj.$i.log")"$'\t'"$(
      text_bytes "$obj.$i.o")")
  done
  printf '%s\n' "${lines[@]}"
}

text_bytes() {
  size -A "$1" | awk '$1 ~ /^\.text/ {n += $2} END {print n + 0}'
}

export -f compile_one include_flags text_bytes
export WORK CLANG OUT
# One plugin per line, so that paths with spaces pass through.
PLUGINS_LIST=$(printf '%s\n' "${plugins[@]}")
export PLUGINS_LIST

rm -rf "$OUT"
mkdir -p "$OUT"
for project in "${projects[@]}"; do
  [ -d "$WORK/build/$project/plain" ] || { echo "codesize.sh: $project was not built" >&2; continue; }
  find "$WORK/build/$project/plain" -name '*.c' -printf "$project\n%p\n"
done | xargs -d '\n' -n 2 -P "$JOBS" bash -c 'mapfile -t plugins <<<"$PLUGINS_LIST"; compile_one "$0" "$1"' \
  >"$OUT/lines.txt"

{
  echo "| build | sources | sites promoted | calls inlined | .text bytes |"
  echo "|---|---|---|---|---|"
  H2S_NAMES=$(printf 'plain\n%s' "$PLUGINS_LIST") awk -F '\t' '
    { per[$1 "\t" $2] = per[$1 "\t" $2] + 1; rows[NR] = $0 }
    END {
      want = split(ENVIRON["H2S_NAMES"], name, "\n")
      for (r = 1; r <= NR; ++r) {
        split(rows[r], f, "\t")
        if (per[f[1] "\t" f[2]] != want) continue
        files[f[3]]++; sites[f[3]] += f[4]; inl[f[3]] += f[5]; text[f[3]] += f[6]
      }
      printf "| plain | %d | - | - | %d |\n", files["plain"], text["plain"]
      for (i = 2; i <= want; ++i)
        printf "| %s | %d | %d | %d | %d |\n", name[i], files[i - 1], sites[i - 1], inl[i - 1], text[i - 1]
    }' "$OUT/lines.txt"
} | tee "$WORK/codesize.md"
