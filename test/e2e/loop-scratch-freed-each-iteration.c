// RUN: %e2e %s | FileCheck %s
//
// A loop that takes a fresh malloc(128) scratch buffer on every iteration and
// frees it before the next one: the block is dead when the allocation runs
// again, so one stack slot serves all 100,000 iterations. (A slot allocated
// anew on each iteration would need 12.8 MB and overflow the default 8 MB
// stack.)
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 100001 without the plugin, 1 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sums the bytes of the 'len' bytes at 'buf'; only reads through it. */
__attribute__((noinline)) unsigned sum_bytes(const unsigned char *buf,
                                             size_t len) {
  unsigned sum = 0;
  for (size_t i = 0; i < len; ++i)
    sum = sum * 131u + buf[i];
  return sum;
}

/* Renders rows 0..'rows'-1 one at a time into a scratch buffer and folds
   their byte sums together. */
__attribute__((noinline)) unsigned render_rows(int rows) {
  unsigned total = 0;
  for (int row = 0; row < rows; ++row) {
    unsigned char *scratch = malloc(128);
    if (!scratch)
      return 0;
    memset(scratch, row & 0xff, 128);
    for (int col = 0; col < 128; col += 3)
      scratch[col] = (unsigned char)(col ^ row);
    total ^= sum_bytes(scratch, 128) + (unsigned)row;
    free(scratch);
  }
  return total;
}

int main(void) {
  unsigned total = render_rows(100000);
  printf("rows checksum %08x\n", total);
  return total == 0 ? 1 : 0;
}
