// IR straight from clang (-Xclang -disable-llvm-passes), before inferattrs
// gives malloc and free their allockind and alloc-family attributes, still
// has its allocation sites found: TargetLibraryInfo names them, as it does
// for LLVM's own passes.  The promoted block's pointer waits in the local
// variable clang's -O0-style code keeps it in.
// RUN: %clang -O2 -Xclang -disable-llvm-passes -S -emit-llvm %s -o %t.ll
// RUN: FileCheck %s --check-prefix=RAW < %t.ll
// RUN: opt -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output %t.ll 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

void scratch(int c) {
  char *p = malloc(16);
  if (!p)
    return;
  p[0] = (char)c;
  p[1] = '\0';
  puts(p);
  free(p);
}

char *kept(void) { return malloc(8); }

// RAW: declare {{.*}}ptr @malloc(i64 noundef){{( #[0-9]+)?$}}
// RAW-NOT: allockind
// CHECK-DAG: remark: {{.*}}: moved 16-byte 'malloc' block to the stack; its pointer is kept in a local variable
// CHECK-DAG: remark: {{.*}}: not promoted: returned from the function
