// RUN: %e2e %s -pthread | FileCheck %s
//
// Found by tools/fuzz/campaign.sh (seeds 8, 23 and 26, before 573faa4):
// recursion through a table of function pointers, as in a tree-walking
// interpreter.  eval() makes the indirect call; the handlers, whose addresses
// are taken, call eval() directly.  LLVM's CallGraph sends every indirect
// call to its "calls external" node, which has no edges out, so it showed no
// cycle here, and the old rule in policy.c (address taken *and* an indirect
// call in the same function) fit neither eval() nor a handler.  The handlers
// got the full 2048-byte frame budget instead of the recursive budget (0):
// each level of the recursion put a 1000-byte block on the stack, and 100
// levels overflowed the 64 KiB stack of the worker thread (SIGSEGV), while
// without the plugin the blocks are on the heap and the run ends normally.
// recursion.c's may-call graph (an indirect call reaches every
// address-taken function) now puts the handlers on a cycle.
//
// CHECK: output: same, exit status: same

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned eval(unsigned depth, unsigned x);

/* A handler with a 1000-byte scratch block live across the recursion. */
static unsigned op_scratch(unsigned depth, unsigned x) {
  unsigned char *scratch = malloc(1000);
  if (!scratch)
    return 0;
  memset(scratch, (int)(x & 0xffu), 1000);
  unsigned r = x;
  if (depth > 0)
    r = eval(depth - 1, x * 3u + 1u);
  r += scratch[x % 1000u];
  free(scratch);
  return r;
}

/* The same with a smaller block, so that both table entries are used. */
static unsigned op_small(unsigned depth, unsigned x) {
  unsigned char *scratch = malloc(600);
  if (!scratch)
    return 0;
  memset(scratch, (int)(x >> 3 & 0xffu), 600);
  unsigned r = x;
  if (depth > 0)
    r = eval(depth - 1, x * 5u + 2u);
  r += scratch[x % 600u];
  free(scratch);
  return r;
}

static unsigned (*const handlers[2])(unsigned, unsigned) = {op_scratch, op_small};

/* The dispatcher: too big to inline in a real interpreter. */
__attribute__((noinline)) static unsigned eval(unsigned depth, unsigned x) {
  return handlers[x % 2u](depth, x);
}

static void *worker(void *arg) {
  unsigned *io = arg;
  *io = eval(100, *io);
  return NULL;
}

int main(void) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 65536);
  unsigned io = 7;
  pthread_t th;
  if (pthread_create(&th, &attr, worker, &io) != 0)
    worker(&io); /* no thread to be had: the same work here */
  else
    pthread_join(th, NULL);
  printf("result %u\n", io);
  return 0;
}
