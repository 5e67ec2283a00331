// RUN: %clang -O1 -g -fsanitize=address -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
// RUN: %clang -O1 -g -fsanitize=address %s -o %t
// RUN: env ASAN_OPTIONS=detect_leaks=0 not %t 2>&1 \
// RUN:   | sed -E 's/(0x|==|BuildId: )[0-9a-f]+/\1/g' > %t.without
// RUN: %clang -O1 -g -fsanitize=address -fpass-plugin=%plugin %s -o %t
// RUN: env ASAN_OPTIONS=detect_leaks=0 not %t 2>&1 \
// RUN:   | sed -E 's/(0x|==|BuildId: )[0-9a-f]+/\1/g' > %t.with
// RUN: FileCheck %s < %t.with
// RUN: diff %t.without %t.with
//
// A read of a freed block whose every access is visible in one function:
// memset, free, then a load at a constant offset. Built with
// -fsanitize=address, the plugin leaves the block on the heap and ASan
// reports the heap-use-after-free exactly as without the plugin.
//
// This is the case that made heap2stack leave sanitized functions alone.
// Were the block promoted, SROA (in the plugin's cleanup, and again after
// loop unrolling in the -O1/-O2 pipeline) would split the 16-byte slot into
// SSA values, drop its lifetime markers and forward the memset byte to the
// load: ASan, which runs last, would find no memory access to check, and the
// program would print "stale byte 112" with no report.
//
// REMARK: asan-constant-offset-use-after-free-still-reported.c:38:15: remark: not promoted: the function is built with a sanitizer that checks heap accesses
//
// CHECK: ERROR: AddressSanitizer: heap-use-after-free
// CHECK: READ of size 1
// CHECK: in stale_byte {{.*}}asan-constant-offset-use-after-free-still-reported.c:43
// CHECK: freed by thread T0 here:
// CHECK: in stale_byte {{.*}}asan-constant-offset-use-after-free-still-reported.c:42

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Fills a 16-byte tag with 'c', frees it, and reads byte 3 anyway. */
__attribute__((noinline)) int stale_byte(int c) {
  char *tag = malloc(16);
  if (!tag)
    return -1;
  memset(tag, c, 16);
  free(tag);
  return tag[3];
}

int main(int argc, char **argv) {
  (void)argv;
  printf("stale byte %d\n", stale_byte('o' + argc));
  return 0;
}
