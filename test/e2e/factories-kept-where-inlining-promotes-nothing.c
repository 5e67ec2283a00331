// RUN: %clang -O2 -mllvm -inline-threshold=0 -fpass-plugin=%plugin \
// RUN:   -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s -mllvm -inline-threshold=0 | FileCheck %s
//
// Two constructors that LLVM's inliner leaves out of line (threshold 0 in
// both builds), each freed by its callers.  A page of 4096 bytes is too
// large for a slot, so inlining page_new would only copy it: the pass
// tries that in a copy of each caller and keeps the calls (trial.c), with
// a remark at each.  A 40-byte cell is inlined where it is freed and
// becomes a slot there.  The pages stay on the heap in both builds (and
// stdout's buffer).  LLVM's inliner takes the callers into main, and there
// a copy without each page_new call in turn promotes as much as with all
// of them inlined: they stay calls, and only cell_new is inlined.
//
// REMARK-DAG: remark: not inlined 'page_new': inlining it would promote no more blocks here
// REMARK-DAG: remark: moved 40-byte 'malloc' block to the stack
// REMARK-NOT: remark: not inlined 'cell_new'
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 401 without the plugin, 201 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct page {
  unsigned char bytes[4088];
  size_t used;
};

struct cell {
  long key;
  long values[4];
};

static struct page *page_new(int seed) {
  struct page *p = malloc(sizeof *p);
  if (!p)
    return NULL;
  for (size_t i = 0; i < sizeof p->bytes; ++i)
    p->bytes[i] = (unsigned char)(seed * 31 + i);
  p->used = (size_t)seed % sizeof p->bytes;
  return p;
}

static struct cell *cell_new(long key) {
  struct cell *c = malloc(sizeof *c);
  if (!c)
    return NULL;
  c->key = key;
  for (int i = 0; i < 4; ++i)
    c->values[i] = key * (i + 1);
  return c;
}

static unsigned page_sum(int seed) {
  struct page *p = page_new(seed);
  if (!p)
    return 0;
  unsigned s = 0;
  for (size_t i = 0; i < p->used; ++i)
    s += p->bytes[i];
  free(p);
  return s;
}

static unsigned page_first(int seed) {
  struct page *p = page_new(seed);
  if (!p)
    return 0;
  unsigned s = p->bytes[0] + p->bytes[p->used];
  free(p);
  return s;
}

static long cell_total(long key) {
  struct cell *c = cell_new(key);
  if (!c)
    return 0;
  long t = c->key;
  for (int i = 0; i < 4; ++i)
    t += c->values[i];
  free(c);
  return t;
}

static long cell_last(long key) {
  struct cell *c = cell_new(key);
  if (!c)
    return 0;
  long t = c->values[3];
  free(c);
  return t;
}

int main(void) {
  unsigned pages = 0;
  long cells = 0;
  for (int i = 0; i < 100; ++i) {
    pages += page_sum(i) + page_first(i);
    cells += cell_total(i) + cell_last(i);
  }
  printf("pages %u, cells %ld\n", pages, cells);
  return 0;
}
