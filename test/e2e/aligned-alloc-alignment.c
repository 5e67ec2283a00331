// RUN: %e2e %s | FileCheck %s
//
// SIMD-style code that takes 64-byte aligned 256-byte blocks from
// aligned_alloc and works on them with 16-byte vector loads and stores, which
// the compiler emits as alignment-checking instructions (movaps): a promoted
// block placed with less than 16-byte alignment would crash the program.
// All 100 blocks are promoted to stack slots aligned as requested.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 101 without the plugin, 1 with it

#include <stdio.h>
#include <stdlib.h>

typedef float v4f __attribute__((vector_size(16)));

enum { kLanes = 16 }; /* 16 x 16 bytes = 256 bytes */

/* Returns the horizontal sum of the 'n' vectors at 'v'; only reads. */
__attribute__((noinline)) float sum_lanes(const v4f *v, int n) {
  v4f acc = {0, 0, 0, 0};
  for (int i = 0; i < n; ++i)
    acc += v[i] * v[i];
  return acc[0] + acc[1] + acc[2] + acc[3];
}

/* Fills an aligned block of vectors from 'seed' and sums their squares. */
__attribute__((noinline)) float square_sum(int seed) {
  v4f *v = aligned_alloc(64, kLanes * sizeof(v4f));
  if (!v)
    return -1.0f;
  for (int i = 0; i < kLanes; ++i) {
    v4f lane = {(float)(i + seed), 0.5f, (float)(i % 3), (float)seed * 0.25f};
    v[i] = lane;
  }
  for (int i = 1; i < kLanes; ++i)
    v[i] += v[i - 1] * (v4f){0.5f, 0.5f, 0.5f, 0.5f};
  float s = sum_lanes(v, kLanes);
  free(v);
  return s;
}

int main(void) {
  double total = 0;
  for (int seed = 0; seed < 100; ++seed)
    total += square_sum(seed);
  printf("square sum %.3f\n", total);
  return total > 0 ? 0 : 1;
}
