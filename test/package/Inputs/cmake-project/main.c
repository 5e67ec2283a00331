#include "util.h"

#include <stdio.h>
#include <stdlib.h>

int main(void) {
  long total = 0;
  for (long i = 1; i < 100000; i *= 3)
    total += digits_of(i);
  char *copy = kept_copy("heap2stack");
  printf("%ld %s\n", total, copy ? copy : "?");
  free(copy);
  return 0;
}
