#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A scratch buffer that dies in its frame: moved to the stack. */
int digits_of(long x) {
  char *text = malloc(32);
  if (!text)
    return -1;
  snprintf(text, 32, "%ld", x);
  int n = (int)strlen(text);
  free(text);
  return n;
}

/* Returned to the caller: stays on the heap. */
char *kept_copy(const char *s) {
  char *copy = malloc(strlen(s) + 1);
  if (copy)
    strcpy(copy, s);
  return copy;
}
