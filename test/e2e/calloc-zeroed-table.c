// RUN: %e2e %s | FileCheck %s
//
// A letter histogram kept in calloc(26, sizeof(unsigned)) that relies on the
// table starting zeroed. Before each count the stack below main is filled
// with 0xA5 bytes, so a promoted table that lost its zero fill would show up
// as wrong counts. All 300 tables become zero-filled stack slots.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 301 without the plugin, 1 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Leaves 4 KiB of stack below the caller full of 0xA5 bytes. */
__attribute__((noinline)) void dirty_stack(void) {
  volatile unsigned char junk[4096];
  for (size_t i = 0; i < sizeof junk; ++i)
    junk[i] = 0xA5;
}

/* Returns the index of the largest of the 26 counts in 'table' times 1000
   plus that count; only reads through the pointer. */
__attribute__((noinline)) unsigned top_letter(const unsigned *table) {
  unsigned best = 0;
  for (unsigned i = 1; i < 26; ++i)
    if (table[i] > table[best])
      best = i;
  return best * 1000u + table[best];
}

/* Counts the letters of 'text' with a fresh zeroed table. */
__attribute__((noinline)) unsigned count_letters(const char *text) {
  unsigned *table = calloc(26, sizeof(unsigned));
  if (!table)
    return 0;
  for (; *text; ++text)
    if (*text >= 'a' && *text <= 'z')
      table[*text - 'a']++;
  unsigned result = top_letter(table);
  free(table);
  return result;
}

static const char *const kTexts[] = {
    "the quick brown fox jumps over the lazy dog",
    "pack my box with five dozen liquor jugs",
    "sphinx of black quartz judge my vow",
    "mississippi",
};

int main(void) {
  unsigned sum = 0, last = 0;
  for (int round = 0; round < 300; ++round) {
    dirty_stack();
    last = count_letters(kTexts[round % 4]);
    sum += last;
  }
  printf("last %u sum %u\n", last, sum);
  /* 'mississippi' (round 299) has four each of i and s; 'i' wins. */
  return last == 8004 ? 0 : 1;
}
