// RUN: %e2e %s | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
//
// A free wrapper that frees its parameter only when asked: the first call
// keeps the block, which the caller then prints beside a local array, and
// the second frees it.  Both calls run the copy of the wrapper without the
// free, and neither ends the slot's lifetime: after the first the block is
// still in use, and a lifetime end there let the array share the slot
// (the plugin before frees.c's fix printed the array's X's twice).
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 2 without the plugin, 1 with it
//
// REMARK: remark: moved 32-byte 'malloc' block to the stack; 'maybe_release' frees it, and is called as a copy that does not

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static int maybe_release(char *p, int flag) {
  if (flag) {
    free(p);
    return 1;
  }
  return 0;
}

__attribute__((noinline)) static void fill(char *b, int n) {
  for (int i = 0; i < n; i++)
    b[i] = 'X';
  b[n - 1] = 0;
}

int main(int argc, char **argv) {
  (void)argv;
  char *p = malloc(32);
  if (!p)
    return 1;
  strcpy(p, "hello world");
  if (!maybe_release(p, argc > 5)) {
    char tmp[32];
    fill(tmp, 32);
    printf("%s %s\n", p, tmp);
    maybe_release(p, 1);
  }
  return 0;
}
