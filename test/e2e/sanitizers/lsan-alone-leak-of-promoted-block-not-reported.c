// RUN: %clang -O1 -g -fsanitize=leak -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
// RUN: %clang -O1 -g -fsanitize=leak %s -o %t.without
// RUN: not %t.without 2>&1 | FileCheck --check-prefix=WITHOUT %s
// RUN: %clang -O1 -g -fsanitize=leak -fpass-plugin=%plugin %s -o %t.with
// RUN: %t.with 2>&1 | FileCheck --check-prefix=WITH --implicit-check-not=Sanitizer %s
//
// -fsanitize=leak on its own instruments nothing and adds no attribute to
// the functions it builds, so heap2stack promotes in them as in a plain
// build. A helper that forgets to free its 64-byte scratch block, called
// 100 times: without the plugin LeakSanitizer reports the blocks; with it
// the block never escaped, is promoted, and dies with its frame, so there is
// no leak left to report. (With -fsanitize=address, which includes
// LeakSanitizer, the block stays on the heap and the leak is reported:
// lsan-still-reports-leaks.c.)
//
// REMARK: lsan-alone-leak-of-promoted-block-not-reported.c:37:19: remark: moved 64-byte 'malloc' block to the stack
//
// WITHOUT: ERROR: LeakSanitizer: detected memory leaks
// WITHOUT: Direct leak of {{[0-9]+}} byte(s) in {{[0-9]+}} object(s) allocated from:
// WITHOUT: in forgetful {{.*}}lsan-alone-leak-of-promoted-block-not-reported.c:37
//
// WITH: sum 100

#include <stdio.h>
#include <stdlib.h>

/* Writes 'n' bytes of 'c' at 'buf'. */
__attribute__((noinline)) void fill(char *buf, size_t n, char c) {
  for (size_t i = 0; i < n; ++i)
    buf[i] = c;
}

/* Returns 1 when a 64-byte scratch block filled with 'c' starts with 'c';
   forgets to free the block. */
__attribute__((noinline)) int forgetful(char c) {
  char *scratch = malloc(64);
  if (!scratch)
    return 0;
  fill(scratch, 64, c);
  return scratch[0] == c;
}

int main(void) {
  int sum = 0;
  for (int i = 0; i < 100; ++i)
    sum += forgetful((char)('a' + i % 26));
  printf("sum %d\n", sum);
  return 0;
}
