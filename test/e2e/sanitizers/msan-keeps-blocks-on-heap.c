// RUN: %clang -O1 -g -fsanitize=memory -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
// RUN: %clang -O1 -g -fsanitize=memory -fsanitize-memory-track-origins %s -o %t
// RUN: not %t 4 2>&1 | sed -E 's/(0x|==|BuildId: )[0-9a-f]+/\1/g' > %t.without
// RUN: %clang -O1 -g -fsanitize=memory -fsanitize-memory-track-origins \
// RUN:   -fpass-plugin=%plugin %s -o %t
// RUN: %t 16 | FileCheck --check-prefix=FILLED %s
// RUN: not %t 4 2>&1 | sed -E 's/(0x|==|BuildId: )[0-9a-f]+/\1/g' > %t.with
// RUN: FileCheck %s < %t.with
// RUN: diff %t.without %t.with
//
// A branch on a byte of a 16-byte malloc block that was never written.
// Built with -fsanitize=memory, the plugin leaves the block on the heap, so
// MemorySanitizer reports the uninitialized value with the same heap origin
// as without the plugin (the two reports, addresses and process ids aside,
// are identical). Were the block promoted, the report would remain but its
// origin would be "an allocation of 'h2s.slot' in the stack frame".
//
// REMARK: msan-keeps-blocks-on-heap.c:44:15: remark: not promoted: the function is built with a sanitizer that checks heap accesses
//
// FILLED: byte 8 is p: yes
//
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK: in partly_filled {{.*}}msan-keeps-blocks-on-heap.c
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: in partly_filled {{.*}}msan-keeps-blocks-on-heap.c:44

#include <stdio.h>
#include <stdlib.h>

/* Writes 'n' bytes of 'c' at 'buf'. */
__attribute__((noinline)) void fill(char *buf, size_t n, char c) {
  for (size_t i = 0; i < n; ++i)
    buf[i] = c;
}

/* Returns byte 'i' of 'buf'; only reads. */
__attribute__((noinline)) char byte_at(const char *buf, size_t i) {
  return buf[i];
}

/* Fills the first 'n' bytes of a 16-byte block and checks byte 8. */
__attribute__((noinline)) int partly_filled(size_t n) {
  char *tag = malloc(16);
  if (!tag)
    return -1;
  fill(tag, n, 'p');
  int yes = byte_at(tag, 8) == 'p';
  free(tag);
  return yes;
}

int main(int argc, char **argv) {
  size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 16;
  printf("byte 8 is p: %s\n", partly_filled(n) ? "yes" : "no");
  return 0;
}
