// RUN: %clang -O2 -pthread %s -o %t.plain
// RUN: %clang -O2 -pthread -fpass-plugin=%plugin -Rpass=heap2stack %s -o %t.h2s 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK %s
// RUN: bash -c 'ulimit -s 256 && exec %t.plain' > %t.plain.out
// RUN: bash -c 'ulimit -s 256 && exec %t.h2s' > %t.h2s.out
// RUN: diff %t.plain.out %t.h2s.out
// RUN: FileCheck %s < %t.h2s.out
//
// The main thread's stack lowered to 256 KiB with ulimit -s, and a
// recursion on it as deep as 80% of that stack allows in the plain build,
// each level holding a malloc(32) note across the recursive call (the
// program measures the plain level on a thread of its own, and reads the
// limit with getrlimit).  glibc's pthread_getattr_np gives the main thread
// the lowered size, so only the levels in the first 5% of those 256 KiB
// hold their note on the stack: both builds run to the end and print the
// same.
//
// REMARK: remark: moved 32-byte 'malloc' block to the stack; the function may recurse, so only while the thread's stack has room
// CHECK: main thread: 262144-byte stack, {{[0-9]+}} levels, hash {{[0-9a-f]+}}

#include "Inputs/noted-recursion.h"

#include <sys/resource.h>

int main(void) {
  struct rlimit limit;
  unsigned per_level = level_bytes();
  if (!per_level || getrlimit(RLIMIT_STACK, &limit) || limit.rlim_cur == RLIM_INFINITY)
    return 2;
  unsigned depth = (unsigned)(limit.rlim_cur / 10 * 8 / per_level);
  unsigned h = descend(depth);
  printf("main thread: %llu-byte stack, %u levels, hash %08x\n",
         (unsigned long long)limit.rlim_cur, depth, h);
  return 0;
}
