// RUN: %e2e %s | FileCheck %s
//
// Pascal's triangle built row by row: each iteration allocates the new row
// with malloc(34 * sizeof(unsigned)), reads the previous iteration's row and
// only then frees it. A block is still live when its allocation runs again,
// so one stack slot cannot serve every iteration and all 33 rows stay on the
// heap.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 34 without the plugin, 34 with it

#include <stdio.h>
#include <stdlib.h>

enum { kRows = 33, kWidth = 34 };

/* Returns the sum of row 'kRows' - 1 of Pascal's triangle modulo 2^32 and its
   middle entry through 'middle'. */
__attribute__((noinline)) unsigned pascal_row_sum(unsigned *middle) {
  unsigned *prev = NULL;
  for (int n = 0; n < kRows; ++n) {
    unsigned *row = malloc(kWidth * sizeof(unsigned));
    if (!row)
      return 0;
    row[0] = 1;
    for (int k = 1; k <= n; ++k)
      row[k] = prev[k - 1] + (k < n ? prev[k] : 0);
    free(prev);
    prev = row;
  }
  unsigned sum = 0;
  for (int k = 0; k < kRows; ++k)
    sum += prev[k];
  *middle = prev[(kRows - 1) / 2];
  free(prev);
  return sum;
}

int main(void) {
  unsigned middle = 0;
  unsigned sum = pascal_row_sum(&middle);
  printf("row %d: sum %u, middle %u\n", kRows - 1, sum, middle);
  /* Row 32 sums to 2^32, which wraps to 0; C(32,16) = 601080390. */
  return sum == 0 && middle == 601080390u ? 0 : 1;
}
