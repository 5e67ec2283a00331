// RUN: %e2e %s %S/Inputs/other-half.c | FileCheck %s
// RUN: env LTO=thin %e2e %s %S/Inputs/other-half.c | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
//
// half_step (this file) and other_half (Inputs/other-half.c) call each
// other by name, 20000 levels deep on main's stack (8 MiB by default), and each
// level of half_step keeps a malloc(1000) block across the call.  The
// plain program needs well under 2 MiB; a block promoted at every level
// would add 1000 bytes a level, 20 MB in all, and overflow.  Compiled
// apart, and under ThinLTO (which imports no noinline function), this
// file's module sees other_half only as a declaration, which may call
// back any function the module exports (recursion.c), so half_step may
// recurse and its block goes to the stack only in the frames in the first
// 5% of the thread's stack (the plugin before that rule gave it a static
// slot in every frame and crashed).  main calls half_step itself: a
// thread function would be address-taken, and the cycle through it
// visible without the rule.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: {{[0-9]+}} without the plugin, {{[0-9]+}} with it
//
// REMARK: remark: moved 1000-byte 'malloc' block to the stack; the function may recurse, so only while the thread's stack has room

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kDepth = 20000 };

long other_half(long n, long acc);

__attribute__((noinline)) long half_step(long n, long acc) {
  if (n <= 0)
    return acc;
  char *note = malloc(1000);
  if (!note)
    abort();
  snprintf(note, 1000, "%ld", n);
  long r = other_half(n - 1, acc + (long)strlen(note));
  r += note[0] - '0';
  free(note);
  return r;
}

int main(void) {
  printf("%ld\n", half_step(kDepth, 0));
  return 0;
}
