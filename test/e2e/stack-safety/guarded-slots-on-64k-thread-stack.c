// RUN: %e2e %s -pthread | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>%t.remarks
// RUN: FileCheck --check-prefix=GUARDED --implicit-check-not='not promoted' \
// RUN:   --input-file=%t.remarks %s
// RUN: FileCheck --check-prefix=COPIED --input-file=%t.remarks %s
// RUN: FileCheck --check-prefix=RESIZED --input-file=%t.remarks %s
//
// Four threads, each on a 64 KiB stack, run a call chain of ten distinct,
// non-recursive functions. Every function holds four blocks whose sizes are
// known only at run time live across the call to the next one: a malloc, a
// calloc, a strdup, and a malloc that is then grown with realloc. Each of
// the 40 sites gets a guarded 128-byte stack slot (the realloc keeps its
// block in the slot while it fits), so the chain costs 10 x 512 bytes of
// slots however large the blocks are. Most blocks are small and take their
// slot. In each round one function of the chain asks for megabytes instead:
// 1 MiB from malloc, 1 MiB from calloc, a strdup of a 1 MiB string and a
// 512 KiB malloc; the guards send all four to the heap (a stack of 64 KiB
// could not hold any of them). In another function of the same round the
// grown block's realloc asks for 1.5 MiB more, so it leaves its slot for the
// heap (realloc(NULL, n), which LLVM makes a malloc, and a copy of the slot);
// elsewhere it grows by 100 bytes: to at most 125 bytes, still in the slot,
// or, for the 512 KiB block, on the heap.
// Every block's contents are checked after the rest of the chain has run.
//
// Without the plugin all 4 x 50 x 10 x 4 = 8000 blocks are heap blocks;
// with it 4 x 50 x (4 + 1) = 1000 are (reallocs are counted apart). The
// remaining heap allocations are stdio's buffer and the threads' start-up.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 8005 without the plugin, 1005 with it
//
// GUARDED-COUNT-30: remark: moved '{{malloc|calloc}}' block to a 128-byte stack slot when it fits, to the heap when larger
// GUARDED-NOT: remark: moved
// COPIED-COUNT-10: remark: copied the 'strdup' string to a 128-byte stack slot when it fits, to the heap when longer
// COPIED-NOT: remark: copied
// RESIZED-COUNT-10: remark: 'realloc' keeps the 'malloc' block in its stack slot while it fits
// RESIZED-NOT: remark: 'realloc'

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kThreads = 4, kRounds = 50, kStackSize = 64 * 1024, kMega = 1 << 20 };

static char g_short_text[] = "a short string that fits the slot";
static char g_mega_text[kMega + 1];

/* Returns an FNV-1a hash of the 'len' bytes at 'buf'; only reads. */
__attribute__((noinline)) unsigned mix(const void *buf, size_t len) {
  const unsigned char *bytes = buf;
  unsigned h = 2166136261u;
  for (size_t i = 0; i < len; ++i)
    h = (h ^ bytes[i]) * 16777619u;
  return h;
}

/* True when the 'len' bytes at 'buf' are all 'value'; only reads. */
__attribute__((noinline)) int all_bytes(const void *buf, int value, size_t len) {
  const unsigned char *bytes = buf;
  for (size_t i = 0; i < len; ++i)
    if (bytes[i] != (unsigned char)value)
      return 0;
  return 1;
}

/* Chooses a size: 'large' when 'kind' is the part of the chain that asks
   for megabytes in 'round' at 'level', else 'small'. */
__attribute__((noinline)) size_t pick_size(unsigned round, unsigned level,
                                           unsigned kind, size_t small,
                                           size_t large) {
  return (round + level) % 10 == kind ? large : small;
}

typedef unsigned stage_fn(unsigned seed, unsigned round);

/* The body of every stage: takes four run-time sized blocks, calls 'next'
   while all are live, then checks and folds them into its result; a block
   with the wrong contents makes the result 0. Inlined into each stage. */
static inline __attribute__((always_inline)) unsigned
hold_blocks_across(unsigned seed, unsigned round, unsigned level, stage_fn *next) {
  size_t na = pick_size(round, level, 0, 40 + level, kMega);
  size_t nb = pick_size(round, level, 0, 8, kMega / sizeof(unsigned));
  size_t nd = na / 2;
  size_t ngrow = nd + pick_size(round, level, 5, 100, kMega + kMega / 2);
  const char *text = na == kMega ? g_mega_text : g_short_text;
  unsigned char *a = malloc(na);
  unsigned *b = calloc(nb, sizeof *b);
  char *c = strdup(text);
  unsigned char *d = malloc(nd);
  unsigned h = 0;
  if (a && b && c && d) {
    memset(a, (int)(seed + level), na);
    memset(d, (int)(seed * 7 + level), nd);
    unsigned char *grown = realloc(d, ngrow);
    if (grown) {
      d = grown;
      memset(d + nd, 0x5A, ngrow - nd);
      h = next(seed * 31u + level, round);
      int ok = all_bytes(a, (int)(seed + level), na) &&
               all_bytes(b, 0, nb * sizeof *b) && strcmp(c, text) == 0 &&
               all_bytes(d, (int)(seed * 7 + level), nd) &&
               all_bytes(d + nd, 0x5A, ngrow - nd);
      h = ok ? h ^ (mix(a, na) + 3u * mix(d, ngrow) + 5u * (unsigned)nb) : 0;
    }
  }
  free(a);
  free(b);
  free(c);
  free(d);
  return h;
}

__attribute__((noinline)) unsigned leaf(unsigned seed, unsigned round) {
  return seed * 2654435761u + round;
}
__attribute__((noinline)) unsigned stage10(unsigned s, unsigned r) { return hold_blocks_across(s, r, 10, leaf); }
__attribute__((noinline)) unsigned stage9(unsigned s, unsigned r) { return hold_blocks_across(s, r, 9, stage10); }
__attribute__((noinline)) unsigned stage8(unsigned s, unsigned r) { return hold_blocks_across(s, r, 8, stage9); }
__attribute__((noinline)) unsigned stage7(unsigned s, unsigned r) { return hold_blocks_across(s, r, 7, stage8); }
__attribute__((noinline)) unsigned stage6(unsigned s, unsigned r) { return hold_blocks_across(s, r, 6, stage7); }
__attribute__((noinline)) unsigned stage5(unsigned s, unsigned r) { return hold_blocks_across(s, r, 5, stage6); }
__attribute__((noinline)) unsigned stage4(unsigned s, unsigned r) { return hold_blocks_across(s, r, 4, stage5); }
__attribute__((noinline)) unsigned stage3(unsigned s, unsigned r) { return hold_blocks_across(s, r, 3, stage4); }
__attribute__((noinline)) unsigned stage2(unsigned s, unsigned r) { return hold_blocks_across(s, r, 2, stage3); }
__attribute__((noinline)) unsigned stage1(unsigned s, unsigned r) { return hold_blocks_across(s, r, 1, stage2); }

/* Runs the chain kRounds times from the seed at 'arg' and leaves the
   combined hash there, or 0 when a round went wrong. */
static void *worker(void *arg) {
  unsigned *result = arg;
  unsigned h = 0;
  for (unsigned round = 0; round < kRounds; ++round) {
    unsigned r = stage1(*result + round, round);
    if (r == 0) {
      h = 0;
      break;
    }
    h = h * 33u ^ r;
  }
  *result = h;
  return NULL;
}

int main(void) {
  memset(g_mega_text, 'm', kMega);
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
  int wrong = 0;
  for (unsigned t = 0; t < kThreads; ++t)
    pthread_join(threads[t], NULL);
  for (unsigned t = 0; t < kThreads; ++t) {
    printf("thread %u: %08x\n", t, results[t]);
    wrong |= results[t] == 0;
  }
  return wrong;
}
