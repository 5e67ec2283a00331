// RUN: %e2e %s | FileCheck %s
//
// Found by tools/fuzz/campaign.sh (seed 36, and 9 more of seeds 1-300;
// fixed in 0e710f2): a block whose address is written out as text with a
// POSIX positional conversion, "%1$p", and read back with sscanf after the
// function that allocated it has returned.  libc.c knows that printf's "%p"
// hands the address out, but may_print_address() skipped only flags,
// width, precision and length modifiers before it looked at the conversion
// letter: the '$' of "%1$p" stopped the skip, the letter seen was '$', and
// the call was taken to keep nothing.  The block then moved to the stack,
// and the address read back pointed into a dead frame (free() of it
// aborted).
//
// CHECK: output: same, exit status: same (0)

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char where[64];

/* Fills a 64-byte block and publishes its address, as text only. */
__attribute__((noinline)) static unsigned publish(unsigned seed) {
  unsigned char *block = malloc(64);
  if (!block)
    return 0;
  memset(block, (int)(seed & 0xffu), 64);
  snprintf(where, sizeof where, "%1$p", (void *)block);
  return block[3];
}

/* Uses the stack where publish()'s frame was. */
__attribute__((noinline)) static unsigned scribble(unsigned x) {
  volatile unsigned char buf[256];
  for (unsigned i = 0; i < 256; i++)
    buf[i] = (unsigned char)(x + i);
  return buf[x % 256u];
}

int main(void) {
  unsigned first = publish(7);
  first += scribble(3);
  void *address;
  if (sscanf(where, "%p", &address) != 1)
    return 2;
  unsigned char *block = address;
  unsigned sum = 0;
  for (unsigned i = 0; i < 64; i++)
    sum += block[i];
  printf("first %u, sum %u\n", first, sum);
  free(block);
  return sum == 64u * 7u ? 0 : 1;
}
