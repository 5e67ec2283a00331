// The pass can be turned off for one function, with
// __attribute__((annotate("heap2stack-off"))), and for one file, with
// -mllvm -heap2stack-ep=off on that file's compile.
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -mllvm -heap2stack-ep=off -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=OFF --allow-empty
#include <stdio.h>
#include <stdlib.h>

// CHECK: [[@LINE+2]]:{{[0-9]+}}: remark: not promoted: the function is annotated 'heap2stack-off'
__attribute__((annotate("heap2stack-off"))) void kept(int c) {
  char *p = malloc(16);
  if (!p)
    return;
  snprintf(p, 16, "%d", c);
  puts(p);
  free(p);
}

// CHECK: [[@LINE+2]]:{{[0-9]+}}: remark: moved 16-byte 'malloc' block to the stack
void moved(int c) {
  char *p = malloc(16);
  if (!p)
    return;
  snprintf(p, 16, "%d", c);
  puts(p);
  free(p);
}

// OFF-NOT: remark
