// RUN: %e2e %s | FileCheck %s
//
// One function that needs three 800-byte work areas at once. Each block alone
// is under the 1024-byte limit, but a function may promote at most 2048 bytes
// in total: the first two (1600 bytes) fit, the third would make 2400 and
// stays on the heap. Over 30 calls that leaves 30 of the 90 blocks.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 91 without the plugin, 31 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kArea = 800 };

/* Returns a checksum of the 'len' bytes at 'area'; only reads. */
__attribute__((noinline)) unsigned area_sum(const unsigned char *area,
                                            size_t len) {
  unsigned sum = 0;
  for (size_t i = 0; i < len; ++i)
    sum = (sum << 1 | sum >> 31) ^ area[i];
  return sum;
}

/* Blends two areas derived from 'seed' into a third and sums all three. */
__attribute__((noinline)) unsigned blend(unsigned seed) {
  unsigned char *src = malloc(kArea);
  unsigned char *key = malloc(kArea);
  unsigned char *out = malloc(kArea);
  if (!src || !key || !out) {
    free(src);
    free(key);
    free(out);
    return 0;
  }
  for (size_t i = 0; i < kArea; ++i) {
    src[i] = (unsigned char)(i * 13 + seed);
    key[i] = (unsigned char)(i * i + 7 * seed);
  }
  for (size_t i = 0; i < kArea; ++i)
    out[i] = src[i] ^ key[kArea - 1 - i];
  unsigned sum = area_sum(src, kArea) + 3u * area_sum(key, kArea) +
                 5u * area_sum(out, kArea);
  free(src);
  free(key);
  free(out);
  return sum;
}

int main(void) {
  unsigned total = 0;
  for (unsigned seed = 0; seed < 30; ++seed)
    total = total * 33u ^ blend(seed);
  printf("blend checksum %08x\n", total);
  return total == 0 ? 1 : 0;
}
