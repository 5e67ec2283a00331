// RUN: %e2e %s | FileCheck %s
//
// A small static constructor returns a malloc(48) vector to its caller, which
// uses it and frees it. On its own the block escapes by being returned, but
// the constructor is inlined into the caller before heap2stack runs, after
// which allocation, uses and free sit in one function and all 80 blocks are
// promoted.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 81 without the plugin, 1 with it

#include <stdio.h>
#include <stdlib.h>

struct vec6 {
  double v[6];
};

/* Returns a new vector whose lanes count up from 'base'. */
static struct vec6 *vec6_new(double base) {
  struct vec6 *vec = malloc(sizeof *vec);
  if (!vec)
    return NULL;
  for (int i = 0; i < 6; ++i)
    vec->v[i] = base + i;
  return vec;
}

/* Returns the dot product of the two vectors; only reads through them. */
__attribute__((noinline)) double vec6_dot(const struct vec6 *a,
                                          const struct vec6 *b) {
  double dot = 0;
  for (int i = 0; i < 6; ++i)
    dot += a->v[i] * b->v[i];
  return dot;
}

/* Returns the dot product of the vectors starting at 'n' and 'n' / 2. */
__attribute__((noinline)) double dot_of(int n) {
  struct vec6 *a = vec6_new(n);
  struct vec6 *b = vec6_new(n / 2.0);
  double dot = a && b ? vec6_dot(a, b) : -1.0;
  free(a);
  free(b);
  return dot;
}

int main(void) {
  double sum = 0;
  for (int n = 0; n < 40; ++n)
    sum += dot_of(n);
  printf("dot sum %.1f\n", sum);
  return sum > 0 ? 0 : 1;
}
