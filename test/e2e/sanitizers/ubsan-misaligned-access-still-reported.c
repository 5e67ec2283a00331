// RUN: %clang -O1 -fsanitize=alignment -fsanitize-recover=alignment %s -o %t.plain
// RUN: %clang -O1 -fsanitize=alignment -fsanitize-recover=alignment \
// RUN:   -fpass-plugin=%plugin -Rpass=heap2stack %s -o %t.h2s 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK %s
// RUN: env UBSAN_OPTIONS=halt_on_error=0:print_stacktrace=0 %t.plain > %t.plain.out 2> %t.plain.err
// RUN: env UBSAN_OPTIONS=halt_on_error=0:print_stacktrace=0 %t.h2s > %t.h2s.out 2> %t.h2s.err
// RUN: diff %t.plain.out %t.h2s.out
// RUN: grep -e 'runtime error' -e SUMMARY %t.plain.err | sed -e 's/0x[0-9a-f]*/ADDR/g' > %t.plain.diag
// RUN: grep -e 'runtime error' -e SUMMARY %t.h2s.err | sed -e 's/0x[0-9a-f]*/ADDR/g' > %t.h2s.diag
// RUN: diff %t.plain.diag %t.h2s.diag
// RUN: FileCheck --check-prefix=DIAG %s < %t.h2s.diag
//
// UBSan's alignment check still fires on a promoted block: reading an int
// one byte into a malloc(64) block is reported as a misaligned load in both
// builds, with the same diagnostics (addresses, and the dump of the bytes
// around them, aside: a heap chunk's header is not a stack frame's), and the program
// prints the same. The block is promoted all the same (offsets.c: the
// check only tests the address's low bits, which a 16-byte aligned slot
// shares with malloc's block).
//
// REMARK: remark: moved 64-byte 'malloc' block to the stack
// DIAG: runtime error: load of misaligned address ADDR for type 'int', which requires 4 byte alignment

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads the int that starts 'offset' bytes into a copy of 'bytes'. */
__attribute__((noinline)) int int_at(const unsigned char *bytes, int offset) {
  unsigned char *copy = malloc(64);
  if (!copy)
    return -1;
  memcpy(copy, bytes, 64);
  int value = *(int *)(copy + offset);
  free(copy);
  return value;
}

int main(void) {
  unsigned char bytes[64];
  for (int i = 0; i < 64; ++i)
    bytes[i] = (unsigned char)(i * 7);
  printf("%d %d\n", int_at(bytes, 0), int_at(bytes, 1));
  return 0;
}
