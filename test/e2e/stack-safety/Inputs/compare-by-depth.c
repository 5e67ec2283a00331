// The comparator of recursion-through-comparator-of-another-file.c: it
// calls sort_level of that file by name, one level down.
#include <stdlib.h>

long sort_level(long n);
long sorted_total;

int by_depth(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  if (x > y)
    sorted_total += sort_level(y);
  return (x > y) - (x < y);
}
