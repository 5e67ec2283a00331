#include <stdio.h> /* Sites for the report tests: moved, guarded, kept. */
#include <stdlib.h>
#include <string.h>

void consume(char *p);
char *saved;

int small(void) {
  char *p = malloc(16);
  snprintf(p, 16, "%d", 7);
  int v = puts(p);
  free(p);
  return v;
}

size_t copy_length(const char *s) {
  char *copy = strdup(s);
  size_t n = copy ? strlen(copy) : 0;
  free(copy);
  return n;
}

void handed_over(void) { consume(malloc(32)); }

void kept_globally(void) { saved = malloc(8); }

void also_handed_over(void) { consume(malloc(64)); }
