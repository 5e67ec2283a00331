// RUN: %e2e %s | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
//
// A table of 'count' entries of 'width' bytes from calloc, both known only at
// run time: the pass gives the site a guarded 128-byte stack slot, taken
// when count * width is at most 128 bytes and does not overflow, and zeroes
// the count * width bytes there. A product that overflows takes the heap
// path, where calloc fails as it always did, even when the wrapped product
// is small enough for the slot (8, 0 and 1 bytes below). The program checks
// that every table starts zeroed (the stack below main is dirtied first, and
// each table is overwritten before the next one takes the slot) and that
// exactly the overflowing and the impossible requests return NULL.
//
// Each round asks for 14 tables: five that fit the slot (0 x 8, 8 x 0,
// 4 x 4, 32 x 4 = 128 and 1 x 128 bytes), four that are larger (33 x 4,
// 129 x 1, 1 MiB x 1 and 128 Ki x 8) and five that fail in both builds:
// four whose product wraps and one of SIZE_MAX / 2 bytes. heapcount counts
// successful calls, so five rounds make 45 allocations without the plugin
// and 20 with it, plus stdio's buffer.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 46 without the plugin, 21 with it
//
// REMARK: remark: moved 'calloc' block to a 128-byte stack slot when it fits, to the heap when larger

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kRounds = 5 };

typedef struct request {
  size_t count, width;
  int fails; /* calloc must return NULL */
} request;

static const request kRequests[] = {
    {0, 8, 0},
    {8, 0, 0},
    {4, 4, 0},
    {32, 4, 0},
    {1, 128, 0},
    {33, 4, 0},
    {129, 1, 0},
    {1u << 20, 1, 0},
    {1u << 17, 8, 0},
    {SIZE_MAX / 8 + 2, 8, 1},           /* wraps to 8 */
    {SIZE_MAX / 2 + 1, 2, 1},           /* wraps to 0 */
    {SIZE_MAX, SIZE_MAX, 1},            /* wraps to 1 */
    {(size_t)1 << 32, (size_t)1 << 32, 1}, /* wraps to 0 */
    {SIZE_MAX / 2, 1, 1},               /* too large for any heap */
};
enum { kNumRequests = sizeof kRequests / sizeof kRequests[0] };

/* Leaves 4 KiB of stack below the caller full of 0xA5 bytes. */
__attribute__((noinline)) void dirty_stack(void) {
  volatile unsigned char junk[4096];
  for (size_t i = 0; i < sizeof junk; ++i)
    junk[i] = 0xA5;
}

/* Returns the sum of 'len' bytes at 'bytes'; only reads through it. */
__attribute__((noinline)) size_t byte_sum(const unsigned char *bytes, size_t len) {
  size_t sum = 0;
  for (size_t i = 0; i < len; ++i)
    sum += bytes[i];
  return sum;
}

/* Takes calloc('count', 'width'), checks it is zeroed, fills it with a
   pattern and returns the pattern's byte sum plus 1; returns 0 when calloc
   failed and SIZE_MAX when the table was not zeroed. */
__attribute__((noinline)) size_t fill_table(size_t count, size_t width) {
  unsigned char *table = calloc(count, width);
  if (!table)
    return 0;
  size_t bytes = count * width;
  size_t result = SIZE_MAX;
  if (byte_sum(table, bytes) == 0) {
    for (size_t i = 0; i < bytes; ++i)
      table[i] = (unsigned char)(i % 251 + 1);
    result = byte_sum(table, bytes) + 1;
  }
  free(table);
  return result;
}

/* The sum fill_table's pattern has over 'bytes' bytes. */
static size_t pattern_sum(size_t bytes) {
  size_t sum = 0;
  for (size_t i = 0; i < bytes; ++i)
    sum += i % 251 + 1;
  return sum;
}

int main(void) {
  int wrong = 0;
  size_t total = 0;
  for (int round = 0; round < kRounds; ++round)
    for (int r = 0; r < kNumRequests; ++r) {
      const request *q = &kRequests[r];
      dirty_stack();
      size_t got = fill_table(q->count, q->width);
      size_t want = q->fails ? 0 : pattern_sum(q->count * q->width) + 1;
      if (got != want) {
        printf("round %d: calloc(%zu, %zu): got %zu, want %zu\n", round,
               q->count, q->width, got, want);
        wrong = 1;
      }
      total += got;
    }
  printf("pattern total %zu, %s\n", total, wrong ? "WRONG" : "all tables right");
  return wrong;
}
