// RUN: %e2e %s %S/Inputs/compare-by-depth.c | FileCheck %s
// RUN: env LTO=thin %e2e %s %S/Inputs/compare-by-depth.c | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
//
// sort_level hands qsort by_depth, a comparator of another file
// (Inputs/compare-by-depth.c), which calls sort_level by name one level
// down: 10000 levels on main's stack, each keeping a malloc(1000) block
// across qsort.  The plain program needs a few MiB of main's 8; a block
// promoted at every level adds 10 MB and overflows.  Compiled apart, this
// file's module sees by_depth only as a declaration, whose function may
// call back any function the module exports (recursion.c), so sort_level
// may recurse and its block goes to the stack only in the frames in the
// first share of the stack (the plugin before the rule sent qsort's
// callback only to this module's address-taken functions, gave the block
// a slot in every frame, and crashed).
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: {{[0-9]+}} without the plugin, {{[0-9]+}} with it
//
// REMARK: remark: moved 1000-byte 'malloc' block to the stack; the function may recurse, so only while the thread's stack has room

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kDepth = 10000 };

int by_depth(const void *a, const void *b);
extern long sorted_total;

long sort_level(long n) {
  if (n <= 0)
    return 0;
  char *note = malloc(1000);
  if (!note)
    abort();
  snprintf(note, 1000, "%ld", n);
  long pair[2] = {n, n - 1};
  qsort(pair, 2, sizeof *pair, by_depth);
  long r = (long)strlen(note) + note[0] + pair[0];
  free(note);
  return r;
}

int main(void) {
  sorted_total += sort_level(kDepth);
  printf("%ld\n", sorted_total);
  return 0;
}
