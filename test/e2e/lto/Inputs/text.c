// The allocator file of ../wrappers-in-another-file.c: a text object made
// by text_new, read by text_hash and released by text_free, the way a
// library keeps its constructors and destructors in a file of their own.
// Compiled alone, every call of it is opaque to the pass.

#include <stdlib.h>
#include <string.h>

#include "text.h"

struct text *text_new(const char *s) {
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

unsigned text_hash(const struct text *t) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < t->len; ++i)
    h = (h ^ (unsigned char)t->buf[i]) * 16777619u;
  return h;
}

void text_free(struct text *t) {
  if (!t)
    return;
  free(t->buf);
  free(t);
}
