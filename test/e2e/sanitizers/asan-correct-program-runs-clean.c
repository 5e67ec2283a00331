// RUN: %clang -O1 -g -fsanitize=address -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
// RUN: %e2e %s -O1 -g -fsanitize=address | FileCheck %s
// RUN: %clang -O1 -g -fsanitize=address -fpass-plugin=%plugin %s -o %t
// RUN: env ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1 %t 2>&1 \
// RUN:   | FileCheck --check-prefix=OUT --implicit-check-not=Sanitizer %s
//
// A correct program built with -fsanitize=address and the plugin runs clean
// and prints what the plain ASan build prints. The blocks are the shapes
// heap2stack promotes in a plain build: a scratch block in a loop, a calloc
// table, a 64-byte aligned_alloc block and two blocks live at once. Under
// ASan every one stays on the heap, each with its remark, so the plugin adds
// no stack slots, redzones or lifetime poisoning for ASan to get wrong.
// (heapcount sees no heap calls in either build, since ASan's allocator
// replaces malloc.)
//
// REMARK-COUNT-5: remark: not promoted: the function is built with a sanitizer that checks heap accesses
//
// CHECK: output: same, exit status: same (0)
//
// OUT: scratch 827385b0, letters 8004, lanes 1496.000, pair 9012

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Returns an FNV-1a hash of the 'len' bytes at 'buf'; only reads. */
__attribute__((noinline)) unsigned mix(const unsigned char *buf, size_t len) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < len; ++i)
    h = (h ^ buf[i]) * 16777619u;
  return h;
}

/* Formats 1000 records, each in a fresh 128-byte scratch block freed before
   the next, and returns their combined hash. */
__attribute__((noinline)) unsigned format_records(void) {
  unsigned h = 0;
  for (int i = 0; i < 1000; ++i) {
    char *line = malloc(128);
    if (!line)
      return 0;
    int len = snprintf(line, 128, "record %d: %d", i, i * i % 977);
    h = h * 31u ^ mix((const unsigned char *)line, (size_t)len);
    free(line);
  }
  return h;
}

/* Returns the index of the largest of the 'n' counts at 'counts' times 1000
   plus that count; only reads. */
__attribute__((noinline)) unsigned best_of(const unsigned *counts, unsigned n) {
  unsigned best = 0;
  for (unsigned i = 1; i < n; ++i)
    if (counts[i] > counts[best])
      best = i;
  return best * 1000u + counts[best];
}

/* Returns the index of the most frequent letter of 'text' times 1000 plus
   its count, counted in a calloc'ed table. */
__attribute__((noinline)) unsigned top_letter(const char *text) {
  unsigned *table = calloc(26, sizeof(unsigned));
  if (!table)
    return 0;
  for (; *text; ++text)
    if (*text >= 'a' && *text <= 'z')
      table[*text - 'a']++;
  unsigned result = best_of(table, 26);
  free(table);
  return result;
}

/* Returns the sum of the squares of the 'n' floats at 'v'; only reads. */
__attribute__((noinline)) float sum_squares(const float *v, int n) {
  float sum = 0;
  for (int i = 0; i < n; ++i)
    sum += v[i] * v[i];
  return sum;
}

/* Returns the sum of squares of 16 floats kept in a 64-byte aligned block. */
__attribute__((noinline)) float lane_squares(float seed) {
  float *lanes = aligned_alloc(64, 16 * sizeof(float));
  if (!lanes)
    return -1.0f;
  for (int i = 0; i < 16; ++i)
    lanes[i] = seed + (float)i;
  float sum = sum_squares(lanes, 16);
  free(lanes);
  return sum;
}

/* Copies a 200-byte pattern into a second 200-byte block and compares. */
__attribute__((noinline)) unsigned copy_pair(unsigned seed) {
  unsigned char *a = malloc(200), *b = malloc(200);
  unsigned result = 0;
  if (a && b) {
    for (int i = 0; i < 200; ++i)
      a[i] = (unsigned char)(i * seed);
    memcpy(b, a, 200);
    result = (unsigned)memcmp(a, b, 200) + mix(b, 200) % 10007u;
  }
  free(a);
  free(b);
  return result;
}

int main(void) {
  printf("scratch %08x, letters %u, lanes %.3f, pair %u\n", format_records(),
         top_letter("mississippi"), (double)lane_squares(1.0f), copy_pair(7));
  return 0;
}
