/* util.c - one site heap2stack promotes and one it keeps. */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many characters x takes in decimal.  The scratch block is freed
   before returning and only passed to libc calls that do not keep it:
   heap2stack moves it to the stack. */
int digits(int x) {
  char *p = malloc(32);
  if (!p)
    return -1;
  snprintf(p, 32, "%d", x);
  int n = strlen(p);
  free(p);
  return n;
}

/* "item-X" in a new block the caller frees: the block outlives the call,
   so it stays on the heap. */
char *label(int x) {
  char *p = malloc(16);
  if (!p)
    return NULL;
  snprintf(p, 16, "item-%d", x);
  return p;
}
