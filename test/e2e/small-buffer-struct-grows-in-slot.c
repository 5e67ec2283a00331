// clang 19 does not mark the text loop's GEPs nuw, so its accesses through
// the pointer might step back onto the pointer itself: there the struct
// stays exposed and the block on the heap.
// REQUIRES: llvm-22
// RUN: %e2e %s | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
//
// A string builder with a small buffer: its text lives in the struct's own
// 32-byte array until it outgrows it, then in a malloc'd block that realloc
// doubles; the struct's pointer first points at its own array.  The struct
// keeps its contents in the function (memflow.c follows the loads of that
// pointer into the array), the free of the pointer when it is not the
// array frees only the block, and the malloc runs only while the pointer
// still names the array, so the block gets one guarded 128-byte slot in
// which realloc grows it while it fits.
//
// 1000 texts of 1 to 13 words (12 to 100 characters).  The 769 of 4 words
// or more leave the array (a 70-byte block); of them the 307 of 10 words or
// more grow again to 158 bytes, more than the slot holds, and only those
// move to the heap.  The other allocation is stdio's buffer.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 770 without the plugin, 308 with it
//
// REMARK: remark: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger; its pointer is kept in a local variable
// REMARK: remark: 'realloc' keeps the 'malloc' block in its stack slot while it fits

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sbuf {
  char *p;
  size_t len, cap;
  char inline_buf[32];
};

static void sb_init(struct sbuf *b) {
  b->p = b->inline_buf;
  b->len = 0;
  b->cap = sizeof b->inline_buf;
}

static int sb_put(struct sbuf *b, const char *s) {
  size_t n = strlen(s);
  if (b->len + n + 1 > b->cap) {
    size_t cap = 2 * (b->len + n + 1);
    char *q;
    if (b->p == b->inline_buf) {
      q = malloc(cap);
      if (q)
        memcpy(q, b->inline_buf, b->len);
    } else {
      q = realloc(b->p, cap);
    }
    if (!q)
      return -1;
    b->p = q;
    b->cap = cap;
  }
  memcpy(b->p + b->len, s, n + 1);
  b->len += n;
  return 0;
}

static void sb_release(struct sbuf *b) {
  if (b->p != b->inline_buf)
    free(b->p);
}

static unsigned long hash_words(int n) {
  struct sbuf b;
  sb_init(&b);
  for (int i = 0; i < n; ++i)
    if (sb_put(&b, i % 3 ? "word " : "longer-word ") != 0)
      break;
  unsigned long h = 5381;
  for (size_t i = 0; i < b.len; ++i)
    h = h * 33 + (unsigned char)b.p[i];
  sb_release(&b);
  return h;
}

int main(void) {
  unsigned long t = 0;
  for (int i = 0; i < 1000; ++i)
    t += hash_words(1 + i % 13);
  printf("%lu\n", t);
  return 0;
}
