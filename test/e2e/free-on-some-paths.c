// RUN: %e2e %s | FileCheck %s
//
// A parser that frees its malloc(48) work buffer on the success path but
// returns early on a bad token without freeing it (a leak). The block never
// escapes, and a block that is not freed on a path simply dies with the frame
// once on the stack, so all 120 buffers are promoted and the leak is gone.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 121 without the plugin, 1 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Returns the number of decimal digits at the start of 'text'. */
__attribute__((noinline)) size_t digit_prefix(const char *text) {
  size_t n = 0;
  while (text[n] >= '0' && text[n] <= '9')
    ++n;
  return n;
}

/* Parses "<digits>" built from 'seed' into a number, or returns -1 when the
   token has a letter in it; the bad-token path forgets to free 'work'. */
__attribute__((noinline)) long parse_token(unsigned seed) {
  char *work = malloc(48);
  if (!work)
    return -2;
  snprintf(work, 48, "%u%s", seed * 2654435761u % 100000u,
           seed % 4 == 3 ? "x" : "");
  size_t digits = digit_prefix(work);
  if (work[digits] != '\0')
    return -1; /* leaks 'work' */
  long value = 0;
  for (size_t i = 0; i < digits; ++i)
    value = value * 10 + (work[i] - '0');
  free(work);
  return value;
}

int main(void) {
  long sum = 0;
  int bad = 0;
  for (unsigned seed = 0; seed < 120; ++seed) {
    long v = parse_token(seed);
    if (v < 0)
      ++bad;
    else
      sum += v;
  }
  printf("good sum %ld, bad tokens %d\n", sum, bad);
  return bad == 30 ? 0 : 1;
}
