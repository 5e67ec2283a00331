// RUN: %clang -O1 -g -fsanitize=address -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
// RUN: %clang -O1 -g -fsanitize=address %s -o %t
// RUN: env ASAN_OPTIONS=detect_leaks=0 not %t stale 2>&1 \
// RUN:   | sed -E 's/(0x|==|BuildId: )[0-9a-f]+/\1/g' > %t.without
// RUN: %clang -O1 -g -fsanitize=address -fpass-plugin=%plugin %s -o %t
// RUN: env ASAN_OPTIONS=detect_leaks=0 %t | FileCheck --check-prefix=CLEAN %s
// RUN: env ASAN_OPTIONS=detect_leaks=0 not %t stale 2>&1 \
// RUN:   | sed -E 's/(0x|==|BuildId: )[0-9a-f]+/\1/g' > %t.with
// RUN: FileCheck %s < %t.with
// RUN: diff %t.without %t.with
//
// A helper reads a 16-byte malloc block after its free. Built with
// -fsanitize=address, the plugin leaves the block on the heap, so ASan
// reports the same heap-use-after-free, with the same free and allocation
// stacks, as the build without the plugin (the two reports, addresses and
// process ids aside, are identical). Were the block promoted, the report
// would be a stack-use-after-scope of 'h2s.slot' with no "freed by" stack.
//
// REMARK: asan-use-after-free-still-reported.c:44:15: remark: not promoted: the function is built with a sanitizer that checks heap accesses
//
// CLEAN: checksum 112
//
// CHECK: ERROR: AddressSanitizer: heap-use-after-free
// CHECK: READ of size 1
// CHECK: in first {{.*}}asan-use-after-free-still-reported.c:38
// CHECK: freed by thread T0 here:
// CHECK: in checksum {{.*}}asan-use-after-free-still-reported.c:49
// CHECK: previously allocated by thread T0 here:
// CHECK: in checksum {{.*}}asan-use-after-free-still-reported.c:44

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Returns the first byte at 'buf'. */
__attribute__((noinline)) int first(const char *buf) {
  return buf[0];
}

/* Fills a 16-byte tag with 'c' and returns its first byte, read before the
   free or, when 'stale', after it. */
__attribute__((noinline)) int checksum(int c, int stale) {
  char *tag = malloc(16);
  if (!tag)
    return -1;
  memset(tag, c, 16);
  int sum = stale ? 0 : first(tag);
  free(tag);
  return stale ? first(tag) : sum;
}

int main(int argc, char **argv) {
  (void)argv;
  printf("checksum %d\n", checksum('p', argc > 1));
  return 0;
}
