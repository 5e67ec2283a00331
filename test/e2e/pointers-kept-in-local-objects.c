// RUN: %e2e %s | FileCheck %s
//
// Pointers kept in local objects (memflow.c): a strtol end pointer into a
// copied line, a strtok_r save cell over a strdup'd copy, a malloc'd pair
// whose field holds a second block freed through the field, and a local
// array of pointers indexed at run time.  Each call's blocks become stack
// slots; the blocks that leave through 'kept' stay on the heap.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 2107 without the plugin, 7 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *kept[8];

/* Sums the numbers of 'line' (separated by spaces) parsed with strtol
   from a private copy; 'end' lives in memory across the calls. */
__attribute__((noinline)) long sum_numbers(const char *line) {
  size_t n = strlen(line) + 1;
  char *copy = malloc(n < 64 ? 64 : n);
  if (!copy)
    return -1;
  memcpy(copy, line, n);
  long sum = 0;
  char *p = copy, *end;
  for (;;) {
    long v = strtol(p, &end, 10);
    if (end == p)
      break;
    sum += v;
    p = end;
  }
  free(copy);
  return sum;
}

/* Counts the words of 'text' separated by ',' and hashes them. */
__attribute__((noinline)) unsigned count_words(const char *text) {
  char *copy = strdup(text);
  if (!copy)
    return 0;
  char *save = NULL;
  unsigned h = 0;
  for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save))
    h = h * 31u + (unsigned)strlen(w) + (unsigned char)w[0];
  free(copy);
  return h;
}

struct pair {
  unsigned n;
  unsigned *vals;
};

/* Builds a pair holding 'n' squares and returns their sum. */
__attribute__((noinline)) unsigned sum_squares(unsigned n) {
  struct pair *p = malloc(sizeof *p);
  if (!p)
    return 0;
  p->n = n % 16;
  p->vals = malloc(16 * sizeof *p->vals);
  if (!p->vals) {
    free(p);
    return 0;
  }
  for (unsigned i = 0; i < p->n; ++i)
    p->vals[i] = i * i;
  unsigned s = 0;
  for (unsigned i = 0; i < p->n; ++i)
    s += p->vals[i];
  free(p->vals);
  free(p);
  return s;
}

/* Fills slot i % 4 of a local table with a copy of a word, hashes the
   table, and frees it; every 50th call keeps one copy in 'kept'. */
__attribute__((noinline)) unsigned table_of_copies(int round) {
  static const char *const words[] = {"alpha", "beta", "gamma", "delta", "epsilon"};
  char *slots[4] = {0};
  for (int i = 0; i < 4; ++i)
    slots[(i + round) % 4] = strdup(words[(i + round) % 5]);
  unsigned h = 0;
  for (int i = 0; i < 4; ++i)
    if (slots[i])
      h = h * 33u + (unsigned)strlen(slots[i]);
  for (int i = 0; i < 4; ++i)
    free(slots[i]);
  return h;
}

__attribute__((noinline)) void keep_one(int round) {
  char *copy = strdup("kept");
  char *cells[2];
  cells[round & 1] = copy;
  kept[round % 8] = cells[round & 1];
}

int main(void) {
  unsigned total = 0;
  char line[64];
  for (int round = 0; round < 300; ++round) {
    snprintf(line, sizeof line, "%d %d %d", round, round * 3, -round / 2);
    total = total * 31u + (unsigned)sum_numbers(line);
    total = total * 31u + count_words("one,two,,three,four");
    total = total * 31u + sum_squares((unsigned)round);
    total = total * 31u + table_of_copies(round);
    if (round % 50 == 0) {
      free(kept[round % 8]);
      keep_one(round);
    }
  }
  printf("checksum %08x\n", total);
  for (int i = 0; i < 8; ++i)
    free(kept[i]);
  return total == 0 ? 1 : 0;
}
