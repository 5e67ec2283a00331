// RUN: %e2e %s -pthread | FileCheck %s
// RUN: %clang -O2 -pthread -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
// RUN: %clang -O2 -pthread -fpass-plugin=%plugin -mllvm -heap2stack-room=false -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=NOROOM %s
//
// Recursion 100000 levels deep on an 8 MiB thread stack (the default main
// thread stack), where every level takes a malloc(32) note and keeps it
// across the recursive call, and two mutually recursive functions that do
// the same for 100000 levels between them.  The notes never escape, but the
// functions may recurse: their notes go to the stack only in frames in the
// first 5% of the thread's stack (room guards), and every deeper level runs
// the plain body, so the runs are the same and 12969 of the 200000 notes
// stay off the heap.  With room guards off, recursive functions get no
// stack budget and every note stays on the heap.
//
// With the plugin 4 allocations more are glibc's, finding the main
// thread's stack bounds at start-up (lib/core/stackroom.c).
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 200002 without the plugin, 187037 with it
//
// REMARK: remark: moved 32-byte 'malloc' block to the stack; the function may recurse, so only while the thread's stack has room
// REMARK: remark: moved 32-byte 'malloc' block to the stack; the function may recurse, so only while the thread's stack has room
// REMARK: remark: moved 32-byte 'malloc' block to the stack; the function may recurse, so only while the thread's stack has room
// REMARK-NOT: not promoted
//
// NOROOM: remark: not promoted: the function may be recursive and a 32-byte slot exceeds its 0-byte budget (recursive-budget)
// NOROOM: remark: not promoted: the function may be recursive and a 32-byte slot exceeds its 0-byte budget (recursive-budget)
// NOROOM: remark: not promoted: the function may be recursive and a 32-byte slot exceeds its 0-byte budget (recursive-budget)
// NOROOM-NOT: moved

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

enum { kDepth = 100000, kStackSize = 8 << 20 };

/* Returns a rolling hash of the NUL-terminated 'text'; only reads. */
__attribute__((noinline)) unsigned text_hash(const char *text) {
  unsigned h = 5381;
  while (*text)
    h = h * 33u + (unsigned char)*text++;
  return h;
}

/* Recurses 'n' levels; each level holds a 32-byte note across the call. */
unsigned descend(unsigned n) {
  char *note = malloc(32);
  if (!note)
    return 0;
  snprintf(note, 32, "level %u", n);
  unsigned h = n ? descend(n - 1) : 0;
  h = h * 33u ^ text_hash(note);
  free(note);
  return h;
}

__attribute__((noinline)) unsigned odd_level(unsigned n);

/* With odd_level, recurses 'n' levels in turns; a note per level. Neither is
   inlined into the other, so the call graph has a cycle of two. */
__attribute__((noinline)) unsigned even_level(unsigned n) {
  char *note = malloc(32);
  if (!note)
    return 0;
  snprintf(note, 32, "even %u", n);
  unsigned h = n ? odd_level(n - 1) : 0;
  h = h * 31u ^ text_hash(note);
  free(note);
  return h;
}

__attribute__((noinline)) unsigned odd_level(unsigned n) {
  char *note = malloc(32);
  if (!note)
    return 0;
  snprintf(note, 32, "odd %u", n);
  unsigned h = n ? even_level(n - 1) : 0;
  h = h * 37u ^ text_hash(note);
  free(note);
  return h;
}

/* Runs both recursions from the thread's stack; leaves their hashes in the
   two unsigneds at 'result'. */
static void *run(void *result) {
  unsigned *h = result;
  h[0] = descend(kDepth - 1);
  h[1] = even_level(kDepth - 1);
  return NULL;
}

int main(void) {
  pthread_attr_t attr;
  pthread_t thread;
  unsigned h[2] = {0, 0};
  if (pthread_attr_init(&attr) || pthread_attr_setstacksize(&attr, kStackSize) ||
      pthread_create(&thread, &attr, run, h) || pthread_join(thread, NULL))
    return 2;
  printf("self-recursive %08x, mutually recursive %08x\n", h[0], h[1]);
  return 0;
}
