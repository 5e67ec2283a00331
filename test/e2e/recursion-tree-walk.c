// RUN: %e2e %s | FileCheck %s
// RUN: env PLUGIN_OPTIONS="-mllvm -heap2stack-room=false" %e2e %s | FileCheck --check-prefix=NOROOM %s
//
// A recursive walk over a binary tree of depth 6 that takes a malloc(96)
// label buffer in every call.  The buffer never escapes, but the function
// calls itself, so a static slot would cost its bytes once per level.  With
// room guards (the default) the walk never leaves the first 5% of the
// stack, so every call runs the body whose label is on the stack and all
// 127 buffers leave the heap; finding the main thread's stack bounds once
// (glibc's pthread_getattr_np reads /proc/self/maps through stdio) makes 4
// allocations of its own.  With room guards off, recursive functions get
// no stack budget and all 127 buffers stay on the heap.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 128 without the plugin, 5 with it
//
// NOROOM: output: same, exit status: same (0)
// NOROOM: heap allocations: 128 without the plugin, 128 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Returns a rolling hash of the NUL-terminated 'text'. */
__attribute__((noinline)) unsigned label_hash(const char *text) {
  unsigned h = 5381;
  while (*text)
    h = h * 33u + (unsigned char)*text++;
  return h;
}

/* Labels node 'path' at 'depth' and recurses into both children; returns the
   combined hash of the subtree's labels. */
unsigned walk(unsigned path, int depth) {
  char *label = malloc(96);
  if (!label)
    return 0;
  snprintf(label, 96, "node/%u/depth-%d", path, depth);
  unsigned h = label_hash(label);
  free(label);
  if (depth == 0)
    return h;
  unsigned left = walk(path * 2, depth - 1);
  unsigned right = walk(path * 2 + 1, depth - 1);
  return h ^ (left * 3u) ^ (right * 7u);
}

int main(void) {
  unsigned h = walk(1, 6);
  printf("tree hash %08x\n", h);
  return h == 0 ? 1 : 0;
}
