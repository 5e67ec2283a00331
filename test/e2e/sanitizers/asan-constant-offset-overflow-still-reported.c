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
// A read one byte past the end of a 16-byte block, at a constant offset, in
// the function that allocates it. Built with -fsanitize=address, the plugin
// leaves the block on the heap and ASan reports the heap-buffer-overflow
// exactly as without the plugin.
//
// Were the block promoted, SROA would split the slot into SSA values and
// turn the out-of-bounds load into poison before ASan runs: no memory access
// would be left to check, and the program would print a byte with no report.
//
// REMARK: asan-constant-offset-overflow-still-reported.c:36:15: remark: not promoted: the function is built with a sanitizer that checks heap accesses
//
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK: READ of size 1
// CHECK: in byte_past_end {{.*}}asan-constant-offset-overflow-still-reported.c:40
// CHECK: is located 0 bytes after 16-byte region
// CHECK: allocated by thread T0 here:
// CHECK: in byte_past_end {{.*}}asan-constant-offset-overflow-still-reported.c:36

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Fills a 16-byte tag with 'c' and reads byte 16, one past its end. */
__attribute__((noinline)) int byte_past_end(int c) {
  char *tag = malloc(16);
  if (!tag)
    return -1;
  memset(tag, c, 16);
  int past = tag[16];
  free(tag);
  return past;
}

int main(int argc, char **argv) {
  (void)argv;
  printf("byte past end %d\n", byte_past_end('o' + argc));
  return 0;
}
