// RUN: %clang -O1 -g -fsanitize=undefined -fno-sanitize-recover=undefined \
// RUN:   -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack \
// RUN:   -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
// RUN: %e2e %s -O1 -fsanitize=undefined -fno-sanitize-recover=undefined \
// RUN:   | FileCheck %s
//
// UndefinedBehaviorSanitizer adds no sanitize_* attribute, so heap2stack's
// sanitizer policy does not apply to -fsanitize=undefined builds: the escape
// analysis decides, as in a plain build. Three of the checks clang's front
// end emits before heap2stack runs, -fsanitize=object-size, alignment and
// pointer-overflow, convert the checked pointer to an integer: to test its
// low bits (p & 3 for an int), to compare two addresses of the block, or to
// hand it to a __ubsan_handle_* function, which only prints it. None of
// that tells where the block lives (offsets.c), so the 100 64-int tables
// below are promoted as in a plain build (ubsan-promotes-without-pointer-
// checks.c), and the program runs the same with and without the plugin.
// (The 3 heap allocations left are stdio's and the UBSan runtime's.)
// ubsan-misaligned-access-still-reported.c checks that the checks still
// fire on a promoted block.
//
// REMARK: ubsan-checks-promoted.c:32:16: remark: moved 256-byte 'malloc' block to the stack
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
