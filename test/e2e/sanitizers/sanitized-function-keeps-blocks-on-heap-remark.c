// RUN: %clang -O1 -g -fsanitize=address -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=remark:
// RUN: %clang -O1 -g -fsanitize=hwaddress -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=remark:
// RUN: %clang -O1 -g -fsanitize=memory -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=remark:
// RUN: %clang -O1 -g -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=PLAIN %s --implicit-check-not=remark:
// RUN: %clang -O1 -g -fsanitize=address -fpass-plugin=%plugin \
// RUN:   -fsave-optimization-record -foptimization-record-file=%t.yaml \
// RUN:   -foptimization-record-passes=heap2stack -c %s -o /dev/null
// RUN: FileCheck --check-prefix=RECORD %s < %t.yaml
//
// A function built with -fsanitize=address, hwaddress or memory carries the
// IR attribute sanitize_address, sanitize_hwaddress or sanitize_memory, and
// heap2stack promotes nothing in it: its blocks stay on the heap, where the
// sanitizer checks them, and each gets a Missed remark (name Sanitized) that
// says why. The block below is one the analysis allows: the plain build
// promotes it.
//
// CHECK: sanitized-function-keeps-blocks-on-heap-remark.c:42:15: remark: not promoted: the function is built with a sanitizer that checks heap accesses [-Rpass-missed=heap2stack]
//
// PLAIN: sanitized-function-keeps-blocks-on-heap-remark.c:42:15: remark: moved 16-byte 'malloc' block to the stack [-Rpass=heap2stack]
//
// RECORD: --- !Missed
// RECORD-NEXT: Pass: heap2stack
// RECORD-NEXT: Name: Sanitized
// RECORD-NEXT: DebugLoc:
// RECORD: Function: tag_sum
// RECORD-NEXT: Args:
// RECORD-NEXT: - String: 'not promoted: the function is built with a sanitizer that checks heap accesses'

#include <stdlib.h>
#include <string.h>

/* Returns the sum of the bytes of a 16-byte tag filled with 'c'. */
int tag_sum(int c) {
  char *tag = malloc(16);
  if (!tag)
    return -1;
  memset(tag, c, 16);
  int sum = 0;
  for (int i = 0; i < 16; ++i)
    sum += tag[i];
  free(tag);
  return sum;
}
