// RUN: %e2e %s | FileCheck %s
// RUN: %e2e %s -O1 | FileCheck %s
//
// Two local small-buffer names, each first pointing at its own array,
// then one at a 32-byte copy and the other at a 1 MiB block from another
// function; a pointer picks one at run time and its block is freed, the
// other's after it.  The free of s->p may free either block, and the
// 1 MiB one stays on the heap, so the free must stay too.  A pass that
// looked at the first name's stores alone took it for the copy's free
// only, promoted the copy and deleted the free: every other call leaked
// its 1 MiB block, which the allocator's statistics show.
//
// CHECK: output: same, exit status: same (0)

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct name {
  char *volatile p;
  char buf[16];
};

/* Returns a block of 'n' bytes of 'x'. */
__attribute__((noinline)) char *make_filler(size_t n) {
  char *p = malloc(n);
  if (p)
    memset(p, 'x', n);
  return p;
}

/* Frees the block of the name 'pick_first' picks, then the other. */
__attribute__((noinline)) int release_one(int pick_first) {
  struct name first, second;
  first.p = first.buf;
  strcpy(first.buf, "short");
  second.p = second.buf;
  strcpy(second.buf, "short2");
  char *own = malloc(32);
  if (!own)
    return -1;
  strcpy(own, "hello world, hi");
  char *other = make_filler(1 << 20);
  if (!other) {
    free(own);
    return -1;
  }
  first.p = own;
  second.p = other;
  struct name *s = pick_first ? &first : &second;
  int r = s->p[1];
  if (s->p != s->buf)
    free(s->p);
  if (pick_first)
    free(other);
  else
    free(own);
  return r;
}

int main(void) {
  long total = 0;
  for (int i = 0; i < 3000; ++i)
    total += release_one(i & 1);
  struct mallinfo2 mi = mallinfo2();
  printf("%ld in use: %s\n", total,
         mi.uordblks + mi.hblkhd > (100u << 20) ? "over 100 MiB" : "small");
  return 0;
}
