// clang -fsave-optimization-record writes heap2stack's remarks as YAML, with
// the named arguments a report tool reads: Callee, Bytes, Blocker, BlockerLoc.
// (Compiled from %S by a relative name, so that the YAML lines do not wrap.)
// RUN: rm -rf %t && mkdir -p %t
// RUN: cd %S && %clang -O2 -g -fpass-plugin=%plugin -fsave-optimization-record -foptimization-record-file=%t/record.yaml -foptimization-record-passes=heap2stack -c clang-optimization-record.c -o %t/out.o
// RUN: FileCheck %s < %t/record.yaml
#include <stdio.h>
#include <stdlib.h>

void consume(char *p);

int kept(void) {
  char *p = malloc(32);
  consume(p);
  return 0;
}

// CHECK-LABEL: --- !Missed
// CHECK-NEXT: Pass: heap2stack
// CHECK-NEXT: Name: Escapes
// CHECK-NEXT: DebugLoc: { File: clang-optimization-record.c, Line: 13, Column: 13 }
// CHECK-NEXT: Function: kept
// CHECK-NEXT: Args:
// CHECK-NEXT:   - String: 'not promoted: passed as argument '
// CHECK-NEXT:   - Argument: '1'
// CHECK-NEXT:   - String: ' to '''
// CHECK-NEXT:   - Blocker: consume
// CHECK-NEXT:   - String: ''', which may keep it'
// CHECK-NEXT:   - String: ' ('
// CHECK-NEXT:   - BlockerLoc: 'clang-optimization-record.c:14:3'
// CHECK-NEXT:   - String: ')'

int promoted(int x) {
  int *p = malloc(sizeof(int) * 4);
  p[0] = x;
  puts((const char *)p);
  int r = p[0];
  free(p);
  return r;
}

// CHECK-LABEL: --- !Passed
// CHECK-NEXT: Pass: heap2stack
// CHECK-NEXT: Name: Promoted
// CHECK-NEXT: DebugLoc: { File: clang-optimization-record.c, Line: 34, Column: 12 }
// CHECK-NEXT: Function: promoted
// CHECK-NEXT: Args:
// CHECK-NEXT:   - String: 'moved '
// CHECK-NEXT:   - Bytes: '16'
// CHECK-NEXT:   - String: '-byte '''
// CHECK-NEXT:   - Callee: malloc
// CHECK-NEXT:   - String: ''' block to the stack'
