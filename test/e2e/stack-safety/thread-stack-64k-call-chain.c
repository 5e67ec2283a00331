// RUN: %e2e %s -pthread | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not='not promoted' %s
// RUN: %clang -O2 -pthread -fpass-plugin=%plugin -mllvm -heap2stack-max-size=4096 \
// RUN:   -mllvm -heap2stack-frame-budget=8192 -DSCALE=4 %s -o %t.raised
// RUN: not --crash %t.raised
//
// Four threads, each on a 64 KiB stack, run a call chain of ten distinct,
// non-recursive functions. Every function holds four blocks (1024 + 512 +
// 256 + 256 bytes, exactly the default 2048-byte frame budget) live across
// the call to the next one, so with the plugin the deepest point of the
// chain holds 20 KiB of promoted blocks on the thread's stack at once, the
// worst case docs/design.md allows for ten such functions. The program must
// still run: all 4 x 50 x 10 x 4 = 8000 blocks are promoted and the output
// is unchanged. (The remaining heap allocations are stdio's buffer and the
// threads' own start-up.) The stack is a real limit: with blocks and limits
// four times as large (8 KiB per function, 80 KiB in all) the chain
// overflows it and the program crashes.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 8005 without the plugin, 5 with it
//
// REMARK-COUNT-40: remark: moved {{1024|512|256}}-byte 'malloc' block to the stack

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef SCALE
#define SCALE 1
#endif

enum { kThreads = 4, kRounds = 50, kStackSize = 64 * 1024 };
enum { kA = 1024 * SCALE, kB = 512 * SCALE, kC = 256 * SCALE, kD = 256 * SCALE };

/* Returns an FNV-1a hash of the 'len' bytes at 'buf'; only reads. */
__attribute__((noinline)) unsigned mix(const unsigned char *buf, size_t len) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < len; ++i)
    h = (h ^ buf[i]) * 16777619u;
  return h;
}

typedef unsigned stage_fn(unsigned seed);

/* The body of every stage: fills four blocks from 'seed' and 'level', calls
   'next' while all four are live, then folds them into its result. Inlined
   into each stage, where 'next' becomes a direct call. */
static inline __attribute__((always_inline)) unsigned
hold_blocks_across(unsigned seed, unsigned level, stage_fn *next) {
  unsigned char *a = malloc(kA), *b = malloc(kB);
  unsigned char *c = malloc(kC), *d = malloc(kD);
  unsigned h = 0;
  if (a && b && c && d) {
    memset(a, (int)(seed + level), kA);
    memset(b, (int)(seed * 3 + level), kB);
    memset(c, (int)(seed * 5 + level), kC);
    memset(d, (int)(seed * 7 + level), kD);
    h = next(seed * 31u + level);
    h ^= mix(a, kA) + 3u * mix(b, kB) + 5u * mix(c, kC) + 7u * mix(d, kD);
  }
  free(a);
  free(b);
  free(c);
  free(d);
  return h;
}

__attribute__((noinline)) unsigned leaf(unsigned seed) {
  return seed * 2654435761u;
}
__attribute__((noinline)) unsigned stage10(unsigned s) { return hold_blocks_across(s, 10, leaf); }
__attribute__((noinline)) unsigned stage9(unsigned s) { return hold_blocks_across(s, 9, stage10); }
__attribute__((noinline)) unsigned stage8(unsigned s) { return hold_blocks_across(s, 8, stage9); }
__attribute__((noinline)) unsigned stage7(unsigned s) { return hold_blocks_across(s, 7, stage8); }
__attribute__((noinline)) unsigned stage6(unsigned s) { return hold_blocks_across(s, 6, stage7); }
__attribute__((noinline)) unsigned stage5(unsigned s) { return hold_blocks_across(s, 5, stage6); }
__attribute__((noinline)) unsigned stage4(unsigned s) { return hold_blocks_across(s, 4, stage5); }
__attribute__((noinline)) unsigned stage3(unsigned s) { return hold_blocks_across(s, 3, stage4); }
__attribute__((noinline)) unsigned stage2(unsigned s) { return hold_blocks_across(s, 2, stage3); }
__attribute__((noinline)) unsigned stage1(unsigned s) { return hold_blocks_across(s, 1, stage2); }

/* Runs the chain kRounds times from the seed at 'arg' and leaves the
   combined hash there. */
static void *worker(void *arg) {
  unsigned *result = arg;
  unsigned h = 0;
  for (unsigned round = 0; round < kRounds; ++round)
    h = h * 33u ^ stage1(*result + round);
  *result = h;
  return NULL;
}

int main(void) {
  pthread_attr_t attr;
  pthread_t threads[kThreads];
  unsigned results[kThreads];
  if (pthread_attr_init(&attr) || pthread_attr_setstacksize(&attr, kStackSize))
    return 2;
  for (unsigned t = 0; t < kThreads; ++t) {
    results[t] = t;
    if (pthread_create(&threads[t], &attr, worker, &results[t]))
      return 3;
  }
  for (unsigned t = 0; t < kThreads; ++t)
    pthread_join(threads[t], NULL);
  for (unsigned t = 0; t < kThreads; ++t)
    printf("thread %u: %08x\n", t, results[t]);
  return 0;
}
