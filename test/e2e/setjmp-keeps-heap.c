// RUN: %e2e %s | FileCheck %s
//
// An error-handling style that sets a recovery point with setjmp and then
// works in a malloc(64) buffer; a validator longjmps back on bad input. The
// buffer never escapes, but a function that calls setjmp can be re-entered
// by longjmp, so nothing in it is promoted and all 60 buffers stay on the
// heap (the ones abandoned by a longjmp leak in both builds).
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 61 without the plugin, 61 with it

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf recover;

/* Returns a rolling hash of the NUL-terminated 'text'. */
__attribute__((noinline)) unsigned text_hash(const char *text) {
  unsigned h = 5381;
  while (*text)
    h = h * 33u + (unsigned char)*text++;
  return h;
}

/* Jumps back to 'recover' when 'value' is a multiple of 7. */
__attribute__((noinline)) void validate(int value) {
  if (value % 7 == 0)
    longjmp(recover, 1);
}

/* Returns the hash of value's text form, or 0 when validation jumped back. */
__attribute__((noinline)) unsigned guarded_hash(int value) {
  if (setjmp(recover))
    return 0;
  char *text = malloc(64);
  if (!text)
    return 0;
  snprintf(text, 64, "value=%d", value);
  validate(value);
  unsigned h = text_hash(text);
  free(text);
  return h;
}

int main(void) {
  unsigned sum = 0;
  int rejected = 0;
  for (int value = 1; value <= 60; ++value) {
    unsigned h = guarded_hash(value);
    if (h == 0)
      ++rejected;
    sum += h;
  }
  printf("sum %08x, rejected %d\n", sum, rejected);
  return rejected == 8 ? 0 : 1;
}
