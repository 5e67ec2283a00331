// RUN: %e2e %s -pthread | FileCheck %s
// RUN: %clang -O2 -pthread -fpass-plugin=%plugin -mllvm -heap2stack-room=false \
// RUN:   -mllvm -heap2stack-recursive-budget=32 %s -o %t.forced
// RUN: not --crash %t.forced
// RUN: %clang -O2 -pthread -fpass-plugin=%plugin -mllvm -heap2stack-room-percent=100 %s -o %t.everywhere
// RUN: not --crash %t.everywhere
//
// A recursion as deep as an 8 MiB thread stack allows: 230000 levels, each
// holding a malloc(32) note across the recursive call, use more than 3/4 of
// the stack (the program measures this and says so).  A promoted note
// doubles a level's frame, so the plain program just fits and one that
// promotes at every level does not.  With room guards (the default), the
// levels in the first 5% of the thread's stack (room-percent) run the body
// with the note on the stack and the deeper ones the plain body: the output
// is the same, 6484 notes stay off the heap, and the stack grows by at most
// 5% of its size.  Two builds show what would go wrong: static slots forced
// by a 32-byte recursive budget with room guards off, and room guards that
// may take the whole stack (room-percent=100); both crash.
//
// With the plugin 4 allocations more are glibc's, finding the main
// thread's stack bounds at start-up (lib/core/stackroom.c).
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 230002 without the plugin, 223522 with it

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { kDepth = 230000, kStackSize = 8 << 20 };

static uintptr_t top, deepest;

/* Returns the address of its own frame, a mark of how deep the stack is. */
__attribute__((noinline)) uintptr_t stack_here(void) {
  return (uintptr_t)__builtin_frame_address(0);
}

/* Returns a rolling hash of the NUL-terminated 'text'; only reads. */
__attribute__((noinline)) unsigned text_hash(const char *text) {
  unsigned h = 5381;
  while (*text)
    h = h * 33u + (unsigned char)*text++;
  return h;
}

/* Recurses 'n' levels; each level holds a 32-byte note across the call.
   The deepest level records where the stack ends. */
unsigned descend(unsigned n) {
  char *note = malloc(32);
  if (!note)
    return 0;
  snprintf(note, 32, "level %u", n);
  unsigned h = 0;
  if (n)
    h = descend(n - 1);
  else
    deepest = stack_here();
  h = h * 33u ^ text_hash(note);
  free(note);
  return h;
}

/* Runs the recursion from the thread's stack; leaves its hash at 'result'. */
static void *run(void *result) {
  top = stack_here();
  *(unsigned *)result = descend(kDepth - 1);
  return NULL;
}

int main(void) {
  pthread_attr_t attr;
  pthread_t thread;
  unsigned h = 0;
  if (pthread_attr_init(&attr) || pthread_attr_setstacksize(&attr, kStackSize) ||
      pthread_create(&thread, &attr, run, &h) || pthread_join(thread, NULL))
    return 2;
  int tight = top - deepest > kStackSize / 4 * 3;
  printf("hash %08x, more than 3/4 of the stack used: %s\n", h,
         tight ? "yes" : "no");
  return tight ? 0 : 1;
}
