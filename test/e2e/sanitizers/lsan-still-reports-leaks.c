// RUN: %clang -O1 -g -fsanitize=address -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
// RUN: %clang -O1 -g -fsanitize=address %s -o %t
// RUN: env ASAN_OPTIONS=detect_leaks=1 not %t 2>&1 \
// RUN:   | sed -E 's/(0x|==|BuildId: )[0-9a-f]+/\1/g' > %t.without
// RUN: %clang -O1 -g -fsanitize=address -fpass-plugin=%plugin %s -o %t
// RUN: env ASAN_OPTIONS=detect_leaks=1 not %t 2>&1 \
// RUN:   | sed -E 's/(0x|==|BuildId: )[0-9a-f]+/\1/g' > %t.with
// RUN: FileCheck %s < %t.with
// RUN: diff %t.without %t.with
//
// A helper that forgets to free its 64-byte scratch block, called 100
// times. LeakSanitizer is part of -fsanitize=address on Linux. The plugin
// leaves the block of an ASan-built function on the heap, so the leaks are
// reported exactly as without the plugin. Were the block promoted, it would
// die with its frame and nothing would be reported (that is what happens
// under -fsanitize=leak alone: lsan-alone-leak-of-promoted-block-not-reported.c).
//
// REMARK: lsan-still-reports-leaks.c:37:19: remark: not promoted: the function is built with a sanitizer that checks heap accesses
//
// CHECK: ERROR: LeakSanitizer: detected memory leaks
// CHECK: Direct leak of {{[0-9]+}} byte(s) in {{[0-9]+}} object(s) allocated from:
// CHECK: in forgetful {{.*}}lsan-still-reports-leaks.c:37

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
