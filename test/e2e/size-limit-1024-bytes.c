// RUN: %e2e %s | FileCheck %s
//
// The size limit is inclusive: two functions that differ only in their
// block's size, 1024 bytes (the limit, promoted) and 1025 bytes (one byte
// over, kept). Each runs 40 times, so only the 40 larger blocks remain.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 81 without the plugin, 41 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* XORs together the 'len' bytes at 'buf' in 8 lanes. */
__attribute__((noinline)) unsigned long fold_bytes(const unsigned char *buf,
                                                   size_t len) {
  unsigned long acc = 0;
  for (size_t i = 0; i < len; ++i)
    acc ^= (unsigned long)buf[i] << (8 * (i % 8));
  return acc;
}

/* Fills a 1024-byte block from 'seed' and folds it. */
__attribute__((noinline)) unsigned long at_limit(unsigned seed) {
  unsigned char *buf = malloc(1024);
  if (!buf)
    return 0;
  for (size_t i = 0; i < 1024; ++i)
    buf[i] = (unsigned char)(i * seed + 1);
  unsigned long acc = fold_bytes(buf, 1024);
  free(buf);
  return acc;
}

/* Fills a 1025-byte block from 'seed' and folds it. */
__attribute__((noinline)) unsigned long over_limit(unsigned seed) {
  unsigned char *buf = malloc(1025);
  if (!buf)
    return 0;
  for (size_t i = 0; i < 1025; ++i)
    buf[i] = (unsigned char)(i * seed + 1);
  unsigned long acc = fold_bytes(buf, 1025);
  free(buf);
  return acc;
}

int main(void) {
  unsigned long acc = 0;
  for (unsigned seed = 0; seed < 40; ++seed)
    acc += at_limit(seed) ^ over_limit(seed);
  printf("folded %016lx\n", acc);
  return acc == 0 ? 1 : 0;
}
