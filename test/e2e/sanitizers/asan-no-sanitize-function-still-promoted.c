// RUN: %clang -O1 -g -fsanitize=address -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
// RUN: %clang -O1 -g -fsanitize=address -fpass-plugin=%plugin %s -o %t
// RUN: env ASAN_OPTIONS=detect_leaks=1 %t 2>&1 \
// RUN:   | FileCheck --implicit-check-not=Sanitizer %s
//
// The policy is per function. In a file built with -fsanitize=address, a
// function marked __attribute__((no_sanitize("address"))) has no
// sanitize_address attribute, so its blocks are promoted as in a plain build,
// while the other functions of the file keep theirs on the heap. The
// program runs clean under ASan.
//
// REMARK: asan-no-sanitize-function-still-promoted.c:26:15: remark: not promoted: the function is built with a sanitizer that checks heap accesses
// REMARK: asan-no-sanitize-function-still-promoted.c:39:15: remark: moved 16-byte 'malloc' block to the stack
//
// CHECK: checked 1760, unchecked 1776

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Returns the sum of the bytes of a 16-byte tag filled with 'c'. ASan
   checks this function. */
__attribute__((noinline)) int checked_sum(int c) {
  char *tag = malloc(16);
  if (!tag)
    return -1;
  memset(tag, c, 16);
  int sum = 0;
  for (int i = 0; i < 16; ++i)
    sum += tag[i];
  free(tag);
  return sum;
}

/* The same, in a function ASan leaves alone. */
__attribute__((noinline, no_sanitize("address"))) int unchecked_sum(int c) {
  char *tag = malloc(16);
  if (!tag)
    return -1;
  memset(tag, c, 16);
  int sum = 0;
  for (int i = 0; i < 16; ++i)
    sum += tag[i];
  free(tag);
  return sum;
}

int main(void) {
  printf("checked %d, unchecked %d\n", checked_sum('n'), unchecked_sum('o'));
  return 0;
}
