// -mllvm -heap2stack-record=DIR writes one remark file per translation unit
// into DIR, named by source file and process (two compilations of this file
// give two files, so parallel builds never write the same one), with
// the pass's remarks and no other pass's, and the object file is byte for
// byte the one built without it.  (-fsave-optimization-record would turn on
// every pass's remarks; see docs/realworld.md for what that costs.)
// RUN: rm -rf %t && mkdir -p %t/records
// (Compiled from %S by a relative name, so that the YAML lines do not wrap.)
// RUN: cd %S && %clang -O2 -g -fpass-plugin=%plugin -c clang-record-changes-no-code.c -o %t/plain.o
// RUN: cd %S && %clang -O2 -g -fpass-plugin=%plugin -mllvm -heap2stack-record=%t/records -c clang-record-changes-no-code.c -o %t/recorded.o
// RUN: cd %S && %clang -O2 -g -fpass-plugin=%plugin -mllvm -heap2stack-record=%t/records -c clang-record-changes-no-code.c -o %t/again.o
// RUN: cmp %t/plain.o %t/recorded.o
// RUN: ls %t/records | count 2
// RUN: cat %t/records/* | FileCheck %s
#include <stdlib.h>
#include <string.h>

void consume(char *p);

size_t copy_length(const char *s) {
  char *copy = strdup(s);
  if (!copy)
    return 0;
  size_t n = strlen(copy);
  free(copy);
  return n;
}

void handed_over(void) { consume(malloc(32)); }

// CHECK:     Pass: heap2stack
// CHECK:     Name: PromotedGuarded
// CHECK:     DebugLoc: { File: clang-record-changes-no-code.c, Line: {{[0-9]+}}, Column: 16 }
// CHECK:     Function: copy_length
// CHECK:     Pass: heap2stack
// CHECK:     Name: Escapes
// CHECK-NOT: Pass: {{[^h]}}
