// RUN: %clang -O2 -g -fsanitize=undefined -fno-sanitize-recover=undefined \
// RUN:   -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack \
// RUN:   -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
// RUN: %e2e %s -O2 -fsanitize=undefined -fno-sanitize-recover=undefined \
// RUN:   | FileCheck %s
//
// Under -fsanitize=undefined every pointer a helper checks is turned into
// an integer (its alignment test, its pointer-overflow test), so LLVM no
// longer infers that the helper does not capture its argument, and a block
// handed to it looked kept. The module's summary of the helper sees that
// those integers tell nothing of where the block lives, so the block is
// promoted, as in the build without the sanitizer, and the program prints
// the same. The helper that keeps the block's address in a global keeps
// its block on the heap. (The 3 heap allocations left are stdio's and the
// UBSan runtime's, and the 100 of 'remembered'.)
//
// REMARK: ubsan-helper-calls-promoted.c:45:16: remark: moved 256-byte 'malloc' block to the stack
// REMARK: ubsan-helper-calls-promoted.c:56:16: remark: not promoted: passed as argument 1 to 'remember', which may keep it
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 203 without the plugin, 103 with it

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uintptr_t last_seen;

/* Sums the first 'n' entries of 'table'. */
__attribute__((noinline)) static long sum_table(const int *table, int n) {
  long sum = 0;
  for (int i = 0; i < n; ++i)
    sum += table[i];
  return sum;
}

/* Keeps the table's address, as a hash table keyed by address would. */
__attribute__((noinline)) static long remember(const int *table) {
  last_seen = (uintptr_t)table;
  return table[0];
}

__attribute__((noinline)) static long squares(int n) {
  int *table = malloc(64 * sizeof(int));
  if (!table)
    return -1;
  for (int i = 0; i < 64; ++i)
    table[i] = i * i;
  long sum = sum_table(table, n < 64 ? n : 64);
  free(table);
  return sum;
}

__attribute__((noinline)) static long remembered(int n) {
  int *table = malloc(4 * sizeof(int));
  if (!table)
    return -1;
  table[0] = n;
  long v = remember(table);
  free(table);
  return v;
}

int main(void) {
  long total = 0;
  for (int n = 0; n < 100; ++n)
    total += squares(n) + remembered(n);
  printf("total %ld, last seen %s\n", total, last_seen ? "set" : "unset");
  return 0;
}
