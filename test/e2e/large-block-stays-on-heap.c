// RUN: %e2e %s | FileCheck %s
//
// A 4 KiB malloc'd page buffer that never escapes: it is used exactly like
// the promoted scratch buffers, but it is larger than the 1024-byte limit on
// one promoted block, so all 50 pages stay on the heap.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 51 without the plugin, 51 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kPageSize = 4096 };

/* Returns a position-weighted sum of the 'len' bytes at 'page'. */
__attribute__((noinline)) unsigned long weigh_page(const unsigned char *page,
                                                   size_t len) {
  unsigned long sum = 0;
  for (size_t i = 0; i < len; ++i)
    sum += (i + 1) * page[i];
  return sum;
}

/* Fills a page with a pattern derived from 'seed' and weighs it. */
__attribute__((noinline)) unsigned long fill_page(unsigned seed) {
  unsigned char *page = malloc(kPageSize);
  if (!page)
    return 0;
  for (size_t i = 0; i < kPageSize; ++i)
    page[i] = (unsigned char)((i * 7 + seed) >> 3);
  unsigned long weight = weigh_page(page, kPageSize);
  free(page);
  return weight;
}

int main(void) {
  unsigned long total = 0;
  for (unsigned seed = 0; seed < 50; ++seed)
    total += fill_page(seed) % 1000003u;
  printf("pages weigh %lu\n", total);
  return total == 0 ? 1 : 0;
}
