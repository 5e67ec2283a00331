// With clang -fpass-plugin, heap2stack runs in the -O1, -O2, -O3, -Os and
// -Oz pipelines (after inlining: the block is filled by an inlined helper)
// and not at all at -O0.
// RUN: %clang -O1 -fpass-plugin=%plugin -Rpass=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -O3 -fpass-plugin=%plugin -Rpass=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -Os -fpass-plugin=%plugin -Rpass=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -Oz -fpass-plugin=%plugin -Rpass=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -O0 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=O0 --allow-empty
// RUN: %clang -O2 -fpass-plugin=%plugin -mllvm -heap2stack-ep=off -Rpass=heap2stack -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=O0 --allow-empty
#include <stdio.h>
#include <stdlib.h>

static void fill(char *p, unsigned n) {
  for (unsigned i = 0; i < n; ++i)
    p[i] = (char)('a' + i % 26);
}

void greet(void) {
  char *line = malloc(64);
  fill(line, 63);
  line[63] = '\0';
  puts(line);
  free(line);
}

// CHECK: clang-opt-levels.c:[[@LINE-7]]:16: remark: moved 64-byte 'malloc' block to the stack [-Rpass=heap2stack]
// O0-NOT: remark
