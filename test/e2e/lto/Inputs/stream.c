// The helper file of ../free-wrapper-in-another-file.c: a stream closed
// (flushed, then freed) by a function the link-time inliner keeps out of
// line, and a reader of a struct that holds a buffer's pointer.

#include <stdlib.h>

#include "stream.h"

void stream_put(struct stream *s, unsigned bit) {
  s->bits = s->bits << 1 | (bit & 1);
  if (++s->live == 8) {
    s->out = s->out * 257 + s->bits;
    s->bits = s->live = 0;
  }
}

__attribute__((noinline)) void stream_close(struct stream *s, unsigned long *total) {
  while (s->live)
    stream_put(s, 1);
  *total += s->out;
  free(s);
}

__attribute__((noinline)) size_t span_count(const struct span *sp, char c) {
  size_t n = 0;
  for (size_t i = 0; i < sp->len; ++i)
    n += sp->data[i] == c;
  return n;
}
