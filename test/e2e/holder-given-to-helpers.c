// RUN: %e2e %s | FileCheck %s
//
// A local struct that holds a block's pointer, given to helpers the
// compiler keeps out of line (summaries.c, memflow.c): a buffer filled by
// one helper, which also sets its length, and counted by another, and a
// record whose name is a heap copy, whose tag memcpy copies out, and which
// a helper formats.  Each call's blocks become stack slots; the buffer given to
// 'remember', which keeps the pointer it loads from the struct, stays on
// the heap.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 607 without the plugin, 7 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buf {
  char *data;
  size_t len, cap;
};

static char *remembered[8];

__attribute__((noinline)) static void fill(struct buf *b, const char *s, int times) {
  size_t n = strlen(s);
  b->len = 0;
  for (int i = 0; i < times && b->len + n < b->cap; ++i) {
    memcpy(b->data + b->len, s, n);
    b->len += n;
  }
  b->data[b->len] = 0;
}

__attribute__((noinline)) static size_t count_char(const struct buf *b, char c) {
  size_t n = 0;
  for (size_t i = 0; i < b->len; ++i)
    n += b->data[i] == c;
  return n;
}

__attribute__((noinline)) static void remember(const struct buf *b, int slot) {
  remembered[slot % 8] = b->data;
}

__attribute__((noinline)) size_t count_in_repeats(const char *word, int times, char c) {
  struct buf b = {.cap = 128};
  b.data = malloc(b.cap);
  if (!b.data)
    return 0;
  fill(&b, word, times);
  size_t n = count_char(&b, c) * 1000 + b.len;
  free(b.data);
  return n;
}

__attribute__((noinline)) size_t remember_repeats(const char *word, int slot) {
  struct buf b = {.cap = 32};
  b.data = malloc(b.cap);
  if (!b.data)
    return 0;
  fill(&b, word, 3);
  remember(&b, slot);
  return count_char(&b, word[0]);
}

struct record {
  char *name;
  char tag[16];
};

__attribute__((noinline)) static size_t describe(const struct record *r, char *out) {
  return (size_t)snprintf(out, 64, "%s:%s", r->name, r->tag);
}

/* A record whose name is a heap copy; its tag is copied out of the record
   with memcpy, which reads no pointer. */
__attribute__((noinline)) size_t tagged_name(const char *name, int round, char *tag_out) {
  struct record r;
  size_t n = strlen(name);
  r.name = malloc(n + 1 > 48 ? n + 1 : 48);
  if (!r.name)
    return 0;
  memcpy(r.name, name, n + 1);
  snprintf(r.tag, sizeof r.tag, "t%d", round % 97);
  memcpy(tag_out, r.tag, sizeof r.tag);
  char line[64];
  size_t len = describe(&r, line);
  free(r.name);
  return len * 7 + (unsigned char)line[0];
}

int main(void) {
  static const char *const words[] = {"banana", "abracadabra", "cocoa", "aardvark"};
  size_t total = 0;
  for (int round = 0; round < 300; ++round) {
    const char *w = words[round % 4];
    total = total * 31 + count_in_repeats(w, round % 9, 'a');
    char tag[16];
    total = total * 31 + tagged_name(w, round, tag);
    total = total * 31 + (unsigned char)tag[1];
    if (round % 50 == 0) {
      free(remembered[round / 50 % 8]);
      total = total * 31 + remember_repeats(w, round / 50);
    }
  }
  printf("checksum %zx\n", total);
  for (int i = 0; i < 8; ++i)
    free(remembered[i]);
  return 0;
}
