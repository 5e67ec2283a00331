// The interface of Inputs/text.c.
#include <stddef.h>

struct text {
  char *buf;
  size_t len;
};

struct text *text_new(const char *s);
unsigned text_hash(const struct text *t);
void text_free(struct text *t);
