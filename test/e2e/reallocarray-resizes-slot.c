// REQUIRES: tli-reallocarray
// RUN: %e2e %s | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
//
// A table of 8-byte entries that starts as malloc of 2 entries and is
// resized with reallocarray to the entries it needs. The malloc(16) gets a
// 128-byte slot with room to grow, and the reallocarray keeps the table
// there while count * 8 fits: tables of up to 16 entries never reach the
// heap, larger ones move there once (reallocarray(NULL, count, 8) and a
// copy of the slot). Before the table is freed, each round asks for a
// count whose product wraps: that must fail with ENOMEM and leave the
// table as it was, in the slot or on the heap.
//
// Tables of 0 to 39 entries: without the plugin 40 mallocs and 40
// successful reallocarrays; with it the 23 tables of more than 16 entries
// are moved (23 reallocarrays), and the mallocs are gone. The other
// allocation is stdio's buffer.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 41 without the plugin, 1 with it
// CHECK: heap reallocs: 40 without the plugin, 23 with it
//
// REMARK: remark: moved 16-byte 'malloc' block to a 128-byte stack slot, in which it grows while it fits
// REMARK: remark: 'reallocarray' keeps the 'malloc' block in its stack slot while it fits
// REMARK: remark: 'reallocarray' keeps the 'malloc' block in its stack slot while it fits

#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { kTables = 40 };

/* errno, set and read out of line: clang 22's attributes of reallocarray
   say it leaves errno alone, so an inline errno = 0 could be moved past
   the call or forwarded to the read after it. */
__attribute__((noinline)) static void clear_error(void) { errno = 0; }
__attribute__((noinline)) static int error_number(void) { return errno; }

/* Fills a table of 'count' entries of round 'seed', checks that a request
   whose size wraps fails and keeps them, and returns their sum, or -1. */
__attribute__((noinline)) long table_sum(int seed, size_t count, int *refused) {
  unsigned long *table = malloc(2 * sizeof *table);
  if (!table)
    return -1;
  table[0] = table[1] = 7;
  unsigned long *grown = reallocarray(table, count ? count : 1, sizeof *table);
  if (!grown) {
    free(table);
    return -1;
  }
  table = grown;
  for (size_t i = 0; i < count; ++i)
    table[i] = (unsigned long)seed * 100 + i;
  clear_error();
  if (!reallocarray(table, SIZE_MAX / 4 + 1, sizeof *table))
    *refused += error_number() == ENOMEM;
  long sum = 0;
  for (size_t i = 0; i < count; ++i)
    sum += (long)table[i];
  free(table);
  return sum;
}

int main(void) {
  long total = 0;
  int refused = 0, wrong = 0;
  for (int t = 0; t < kTables; ++t) {
    long want = (long)t * 100 * t + (long)t * (t - 1) / 2;
    long sum = table_sum(t, (size_t)t, &refused);
    wrong += sum != want;
    total += sum;
  }
  printf("total %ld, %d wrong, %d of %d wrapping sizes refused\n", total, wrong,
         refused, kTables);
  return wrong != 0 || refused != kTables;
}
