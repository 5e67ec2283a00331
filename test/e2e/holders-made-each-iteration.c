// RUN: %e2e %s | FileCheck %s
//
// A vector made and freed in every iteration of a loop, by two small
// wrappers the inliner takes in: the vector is a slot, and so is its items
// array, whose pointer the vector holds, although a helper kept out of line
// reads the vector at offsets the caller cannot see (memflow.c records the
// call as a read of the vector the loop allocates afresh, lifetime.c).
// The second loop keeps the previous vector for the next iteration, so
// neither its vectors nor their items become slots.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 801 without the plugin, 401 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vec {
  int *items;
  int n;
};

static struct vec *vec_new(int n) {
  struct vec *v = malloc(sizeof *v);
  if (!v)
    abort();
  v->items = calloc((size_t)n, sizeof *v->items);
  if (!v->items)
    abort();
  v->n = n;
  return v;
}

static void vec_free(struct vec *v) {
  free(v->items);
  free(v);
}

__attribute__((noinline)) static int sum(const struct vec *v) {
  int s = 0;
  for (int i = 0; i < v->n; ++i)
    s += v->items[i] * (i + 1);
  return s;
}

/* Each vector lives for one iteration. */
__attribute__((noinline)) static int score_words(char **words, int nwords) {
  int total = 0;
  for (int i = 0; i < nwords; ++i) {
    struct vec *v = vec_new(8);
    for (int j = 0; j < 8 && words[i][j]; ++j)
      v->items[j] = words[i][j];
    total += sum(v);
    vec_free(v);
  }
  return total;
}

/* Each vector is compared with the one before it, which is freed only
 * then: two of the site's blocks are alive at once. */
__attribute__((noinline)) static int score_changes(char **words, int nwords) {
  int total = 0;
  struct vec *prev = NULL;
  for (int i = 0; i < nwords; ++i) {
    struct vec *v = vec_new(8);
    for (int j = 0; j < 8 && words[i][j]; ++j)
      v->items[j] = words[i][j];
    if (prev)
      total += sum(v) - sum(prev);
    if (prev)
      vec_free(prev);
    prev = v;
  }
  if (prev)
    vec_free(prev);
  return total;
}

int main(void) {
  static char text[] = "alpha beta gamma delta epsilon zeta eta theta iota kappa";
  char *words[16];
  int nwords = 0;
  for (char *w = strtok(text, " "); w && nwords < 16; w = strtok(NULL, " "))
    words[nwords++] = w;
  long a = 0, b = 0;
  for (int round = 0; round < 20; ++round) {
    a += score_words(words, nwords);
    b += score_changes(words, nwords);
  }
  printf("%ld %ld\n", a, b);
  return 0;
}
