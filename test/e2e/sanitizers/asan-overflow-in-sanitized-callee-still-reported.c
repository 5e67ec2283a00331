// RUN: %clang -O1 -g -fsanitize=address -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
// RUN: %clang -O1 -g -fsanitize=address %s -o %t.without
// RUN: env ASAN_OPTIONS=detect_leaks=0 not %t.without 17 2>&1 | FileCheck %s
// RUN: %clang -O1 -g -fsanitize=address -fpass-plugin=%plugin %s -o %t.with
// RUN: env ASAN_OPTIONS=detect_leaks=0 not %t.with 17 2>&1 | FileCheck %s
//
// A function marked no_sanitize("address") allocates a 16-byte block and
// hands it to a helper that ASan checks, which writes 17 bytes into it.
// Without the plugin the block is an ASan heap block, and the helper's
// write is reported as a heap-buffer-overflow.
//
// The allocating function is not instrumented, but the block is passed to
// a function ASan checks, so it stays on the heap, where the overflow is
// still reported (a promoted slot in an uninstrumented frame has no
// redzones).
//
// REMARK: asan-overflow-in-sanitized-callee-still-reported.c:37:15: remark: not promoted: passed to 'fill', which is built with a sanitizer that checks heap accesses
//
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK: WRITE of size 17
// CHECK: in fill {{.*}}asan-overflow-in-sanitized-callee-still-reported.c:31

#include <stdio.h>
#include <stdlib.h>

/* Writes 'n' bytes of 'c' at 'buf', trusting 'n'. ASan checks this
   function. */
__attribute__((noinline)) void fill(char *buf, size_t n, char c) {
  for (size_t i = 0; i < n; ++i)
    buf[i] = c;
}

/* Fills a 16-byte tag with 'n' copies of 'c' and prints it; ASan leaves
   this function alone. */
__attribute__((noinline, no_sanitize("address"))) int print_tag(size_t n, char c) {
  char *tag = malloc(16);
  if (!tag)
    return 1;
  fill(tag, n, c);
  int printed = printf("tag: %.16s\n", tag);
  free(tag);
  return printed < 0;
}

int main(int argc, char **argv) {
  size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 16;
  return print_tag(n, 'p');
}
