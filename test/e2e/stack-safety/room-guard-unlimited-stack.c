// RUN: %clang -O2 %s -o %t.plain
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack %s -o %t.h2s 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK %s
// RUN: bash -c 'ulimit -s unlimited && ulimit -v 1048576 && exec %t.plain' > %t.plain.out
// RUN: bash -c 'ulimit -s unlimited && ulimit -v 1048576 && exec %t.h2s' > %t.h2s.out
// RUN: diff %t.plain.out %t.h2s.out
// RUN: FileCheck %s < %t.h2s.out
//
// With ulimit -s unlimited glibc reports the main thread's stack as the
// whole gap below it, terabytes, and 5% of that would give every level of
// a recursion its slot.  Here 2,000,000 levels, each freeing its
// malloc(1000) note before it recurses, fit in the 1 GiB of address space
// the plain build is given, and a note on the stack at every level would
// need 2 GB.  The room guard counts at most 8 MiB of a stack, so only the
// levels in its first 400 KiB hold their note on the stack, and both builds
// print the same (the plugin before that cap crashed).
//
// REMARK: remark: moved 1000-byte 'malloc' block to the stack; the function may recurse, so only while the thread's stack has room
// CHECK: {{^[0-9]+$}}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long depth(long n) {
  if (n <= 0)
    return 0;
  char *note = malloc(1000);
  if (!note)
    abort();
  snprintf(note, 1000, "%ld", n);
  long len = (long)strlen(note);
  free(note);
  return len + depth(n - 1) / 2;
}

int main(void) {
  printf("%ld\n", depth(2000000));
  return 0;
}
