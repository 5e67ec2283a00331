// RUN: %e2e %s -mllvm -inline-threshold=0 | FileCheck %s
//
// A string builder whose helpers manage its buffer (sb_init allocates it,
// sb_add grows it with realloc, sb_release frees it), used for one string
// at a time, and a text object freed with its buffer by text_free.  Both
// builds run LLVM's inliner with threshold 0, as for helpers that cost
// more than its threshold: the helpers, each called from more than one
// place, stay out of line.  The pass inlines them where the builder or the
// text lives, since there the buffer is both allocated and freed
// (helpers.c): the builder's 16-byte buffer becomes a slot with room to
// grow (guard-size, 128 bytes) that the reallocs leave for the heap only
// when a quote outgrows it, and the text and its buffer become slots.  publish() keeps its buffer, so its helpers
// stay calls and its blocks on the heap.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 1759 without the plugin, 9 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sb {
  char *buf;
  size_t len, cap;
};

static int sb_init(struct sb *b) {
  b->len = 0;
  b->cap = 16;
  b->buf = malloc(b->cap);
  if (!b->buf)
    return -1;
  b->buf[0] = '\0';
  return 0;
}

/* Makes room for 'n' more bytes and the terminating zero. */
static int sb_grow(struct sb *b, size_t n) {
  if (b->len + n + 1 <= b->cap)
    return 0;
  size_t cap = b->cap;
  while (cap < b->len + n + 1) {
    if (cap > (size_t)-1 / 2)
      return -1;
    cap *= 2;
  }
  char *p = realloc(b->buf, cap);
  if (!p)
    return -1;
  b->buf = p;
  b->cap = cap;
  return 0;
}

static int sb_add(struct sb *b, const char *s, size_t n) {
  if (sb_grow(b, n) < 0)
    return -1;
  memcpy(b->buf + b->len, s, n);
  b->len += n;
  b->buf[b->len] = '\0';
  return 0;
}

static int sb_adds(struct sb *b, const char *s) { return sb_add(b, s, strlen(s)); }

static int sb_addc(struct sb *b, char c) { return sb_add(b, &c, 1); }

static void sb_release(struct sb *b) {
  free(b->buf);
  b->buf = NULL;
  b->len = b->cap = 0;
}

struct text {
  char *buf;
  size_t len;
};

static struct text *text_new(const char *s) {
  struct text *t = malloc(sizeof *t);
  if (!t)
    return NULL;
  t->len = strlen(s);
  t->buf = malloc(t->len + 1);
  if (!t->buf) {
    free(t);
    return NULL;
  }
  memcpy(t->buf, s, t->len + 1);
  return t;
}

static void text_free(struct text *t) {
  if (!t)
    return;
  free(t->buf);
  free(t);
}

static char *published[8];

/* Quotes 'word' 'times' times, joined by commas; returns a checksum. */
__attribute__((noinline)) static unsigned quote(const char *word, int times) {
  struct sb b;
  if (sb_init(&b) < 0)
    return 0;
  for (int i = 0; i < times; ++i) {
    if (i)
      sb_addc(&b, ',');
    sb_addc(&b, '"');
    sb_adds(&b, word);
    sb_addc(&b, '"');
  }
  unsigned sum = 0;
  for (size_t i = 0; i < b.len; ++i)
    sum = sum * 31 + (unsigned char)b.buf[i];
  sb_release(&b);
  return sum;
}

/* Counts the vowels of a copy of 'word'. */
__attribute__((noinline)) static int vowels(const char *word) {
  struct text *t = text_new(word);
  if (!t)
    return -1;
  int n = 0;
  for (size_t i = 0; i < t->len; ++i)
    n += strchr("aeiou", t->buf[i]) != NULL;
  text_free(t);
  return n;
}

/* Counts the letters of a copy of 'word' past the first 'skip'. */
__attribute__((noinline)) static int letters_past(const char *word, size_t skip) {
  struct text *t = text_new(word);
  if (!t)
    return -1;
  int n = t->len > skip ? (int)(t->len - skip) : 0;
  text_free(t);
  return n;
}

/* Keeps the quoted word: its buffer leaves the function. */
__attribute__((noinline)) static void publish(const char *word, int slot) {
  struct sb b;
  if (sb_init(&b) < 0)
    return;
  sb_addc(&b, '<');
  sb_adds(&b, word);
  sb_addc(&b, '>');
  free(published[slot]);
  published[slot] = b.buf;
}

int main(void) {
  static const char *words[] = {"alpha", "beta", "gamma", "delta", "epsilon",
                                "zeta", "eta", "theta", "iota", "kappa"};
  unsigned sum = 0;
  int v = 0;
  for (int round = 0; round < 35; ++round)
    for (int w = 0; w < 10; ++w) {
      sum += quote(words[w], 1 + (round + w) % 12);
      v += vowels(words[w]) + letters_past(words[w], 3);
    }
  for (int i = 0; i < 8; ++i)
    publish(words[i], i);
  printf("%u %d %s %s\n", sum, v, published[0], published[7]);
  for (int i = 0; i < 8; ++i)
    free(published[i]);
  return 0;
}
