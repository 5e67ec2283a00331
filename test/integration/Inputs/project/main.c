/* main.c - calls util.c's helpers 100 times each and prints the results. */
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

int main(void) {
  long total = 0;
  for (int i = 0; i < 100; ++i) {
    total += digits(i * 7919);
    char *l = label(i);
    if (!l)
      return 1;
    if (i % 25 == 0)
      puts(l);
    free(l);
  }
  printf("digits: %ld\n", total);
  return 0;
}
