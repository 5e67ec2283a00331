// RUN: %e2e %s %S/Inputs/handlers.c | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
//
// An interpreter's eval dispatches through a handler table defined in
// Inputs/handlers.c, whose handlers call eval again by name: 100000 levels
// on main's stack (8 MiB by default), each keeping a malloc(1000) block
// across the indirect call.  The plain program needs a few MiB; a block
// promoted at every level would add 100 MB and overflow.  No function of
// this file is address-taken, but the indirect call may reach a function
// of another file, which may call eval by name (recursion.c), so eval may
// recurse and its block goes to the stack only in the frames in the first
// 5% of the stack (the plugin before that rule gave it a static slot in
// every frame and crashed).
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: {{[0-9]+}} without the plugin, {{[0-9]+}} with it
//
// REMARK: remark: moved 1000-byte 'malloc' block to the stack; the function may recurse, so only while the thread's stack has room

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern long (*handlers[2])(long);

long eval(long n) {
  if (n <= 0)
    return 0;
  char *scratch = malloc(1000);
  if (!scratch)
    abort();
  snprintf(scratch, 1000, "%ld", n);
  long r = handlers[n & 1](n);
  r += (long)strlen(scratch);
  free(scratch);
  return r;
}

int main(void) {
  printf("%ld\n", eval(100000));
  return 0;
}
