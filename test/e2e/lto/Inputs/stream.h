// The stream helpers of ../free-wrapper-in-another-file.c.
#include <stddef.h>

struct stream {
  unsigned bits, live;
  unsigned long out;
};

struct span {
  char *data;
  size_t len;
};

void stream_put(struct stream *s, unsigned bit);
void stream_close(struct stream *s, unsigned long *total);
size_t span_count(const struct span *sp, char c);
