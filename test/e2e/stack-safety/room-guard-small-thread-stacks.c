// RUN: %e2e %s -pthread | FileCheck %s
//
// Recursions that nearly fill small thread stacks, each level holding a
// malloc(32) note across the recursive call: one thread on a 64 KiB stack
// and one on a 256 KiB stack go as deep as 80% of their stack allows in the
// plain build (the program measures the plain level first, on a thread of
// its own), then eight threads on 64 KiB stacks do the same at once.  A
// note promoted at every level would double each frame and overflow every
// one of these stacks; with room guards only the levels in the first 5% of
// each thread's stack hold their note on the stack.  No run crashes, the
// output is the plain build's, and heap calls drop by the notes of those
// levels, on every thread, and of the measuring thread's.
//
// With the plugin 4 allocations more are glibc's, finding the main
// thread's stack bounds at start-up (lib/core/stackroom.c).
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 61288 without the plugin, 52295 with it

#include "Inputs/noted-recursion.h"

enum { kSmall = 64 << 10, kLarger = 256 << 10, kCrowd = 8 };

typedef struct job {
  size_t stack;   /* the thread's stack size */
  unsigned depth; /* levels to recurse */
  unsigned hash;
} job;

static void *run(void *arg) {
  job *j = arg;
  j->hash = descend(j->depth);
  return NULL;
}

/* Runs 'count' jobs at once, each on its own thread with its own stack. */
static int run_all(job *jobs, int count) {
  pthread_t threads[kCrowd];
  for (int i = 0; i < count; ++i) {
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) || pthread_attr_setstacksize(&attr, jobs[i].stack) ||
        pthread_create(&threads[i], &attr, run, &jobs[i]))
      return 1;
    pthread_attr_destroy(&attr);
  }
  for (int i = 0; i < count; ++i)
    if (pthread_join(threads[i], NULL))
      return 1;
  return 0;
}

/* Levels that fill 80% of a 'stack'-byte stack at 'per_level' bytes. */
static unsigned depth_for(size_t stack, unsigned per_level) {
  return (unsigned)(stack / 10 * 8 / per_level);
}

int main(void) {
  unsigned per_level = level_bytes();
  if (!per_level)
    return 4;
  job alone[] = {{kSmall, 0, 0}, {kLarger, 0, 0}};
  for (int i = 0; i < 2; ++i) {
    alone[i].depth = depth_for(alone[i].stack, per_level);
    if (run_all(&alone[i], 1))
      return 2;
  }
  job crowd[kCrowd];
  for (int i = 0; i < kCrowd; ++i)
    crowd[i] = (job){kSmall, depth_for(kSmall, per_level) - (unsigned)i, 0};
  if (run_all(crowd, kCrowd))
    return 3;
  printf("64 KiB: %u levels, hash %08x; 256 KiB: %u levels, hash %08x\n",
         alone[0].depth, alone[0].hash, alone[1].depth, alone[1].hash);
  for (int i = 0; i < kCrowd; ++i)
    printf("crowd %d: %u levels, hash %08x\n", i, crowd[i].depth, crowd[i].hash);
  return 0;
}
