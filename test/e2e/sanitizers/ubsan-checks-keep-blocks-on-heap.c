// RUN: %clang -O1 -g -fsanitize=undefined -fno-sanitize-recover=undefined \
// RUN:   -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack \
// RUN:   -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
// RUN: %e2e %s -O1 -fsanitize=undefined -fno-sanitize-recover=undefined \
// RUN:   | FileCheck %s
//
// UndefinedBehaviorSanitizer adds no sanitize_* attribute, so heap2stack's
// sanitizer policy does not apply to -fsanitize=undefined builds: the escape
// analysis decides, as in a plain build. But three of the checks clang's
// front end emits before heap2stack runs, -fsanitize=object-size, alignment
// and pointer-overflow, convert the checked pointer to an integer (for the
// check or for its failure handler), which the analysis counts as an
// escape. So under -fsanitize=undefined the 100 64-int tables below stay on
// the heap, and the program runs the same with and without the plugin. (The
// other 3 heap allocations are stdio's and the UBSan runtime's.)
// ubsan-promotes-without-pointer-checks.c has the same program built without
// those three checks.
//
// FIXME: a ptrtoint marked !nosanitize only tests or reports the address;
// it could be harmless.
//
// REMARK: ubsan-checks-keep-blocks-on-heap.c:33:16: remark: not promoted: converted to an integer
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 103 without the plugin, 103 with it

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
