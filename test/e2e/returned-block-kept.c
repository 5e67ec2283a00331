// RUN: %e2e %s | FileCheck %s
//
// A noinline constructor that fills a malloc(40) point record and returns it
// to its caller, which frees it later. Returning the pointer lets the block
// outlive the constructor's frame, so all 70 records stay on the heap.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 71 without the plugin, 71 with it

#include <stdio.h>
#include <stdlib.h>

struct point {
  double x, y, z;
  long id;
  int tag;
};

/* Returns a new point for 'id', or NULL when out of memory. */
__attribute__((noinline)) struct point *point_new(long id) {
  struct point *p = malloc(sizeof *p);
  if (!p)
    return NULL;
  p->x = (double)id * 0.5;
  p->y = (double)(id % 7);
  p->z = (double)(id * id % 11);
  p->id = id;
  p->tag = (int)(id & 3);
  return p;
}

int main(void) {
  double sum = 0;
  for (long id = 0; id < 70; ++id) {
    struct point *p = point_new(id);
    if (!p)
      return 2;
    sum += p->x + p->y * p->z + p->tag;
    free(p);
  }
  printf("point sum %.2f\n", sum);
  return sum > 0 ? 0 : 1;
}
