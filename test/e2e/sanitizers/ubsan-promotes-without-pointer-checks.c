// RUN: %clang -O1 -g -fsanitize=undefined -fno-sanitize-recover=undefined \
// RUN:   -fno-sanitize=object-size,alignment,pointer-overflow -fpass-plugin=%plugin \
// RUN:   -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
// RUN: %e2e %s -O1 -fsanitize=undefined -fno-sanitize-recover=undefined \
// RUN:   -fno-sanitize=object-size,alignment,pointer-overflow | FileCheck %s
//
// UndefinedBehaviorSanitizer does not check heap accesses and adds no
// sanitize_* attribute, so heap2stack promotes in -fsanitize=undefined builds
// wherever the escape analysis allows. Without the three checks that turn
// the block's pointer into an integer (object-size, alignment and
// pointer-overflow; with them, see ubsan-checks-promoted.c), the 100 64-int
// tables below are promoted, and the program still runs the same with and
// without the plugin. (The 3 heap allocations left are stdio's and the UBSan runtime's.)
//
// REMARK: ubsan-promotes-without-pointer-checks.c:26:16: remark: moved 256-byte 'malloc' block to the stack
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 103 without the plugin, 3 with it

#include <stdio.h>
#include <stdlib.h>

/* Sums the squares of 0..'n'-1 through a table of 64 ints. */
__attribute__((noinline)) long squares(int n) {
  int *table = malloc(64 * sizeof(int));
  if (!table)
    return -1;
  for (int i = 0; i < 64; ++i)
    table[i] = i * i;
  long sum = 0;
  for (int i = 0; i < n && i < 64; ++i)
    sum += table[i];
  free(table);
  return sum;
}

int main(void) {
  long total = 0;
  for (int n = 0; n < 100; ++n)
    total += squares(n);
  printf("total %ld\n", total);
  return 0;
}
