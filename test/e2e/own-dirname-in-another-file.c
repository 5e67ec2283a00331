// RUN: %e2e %s %S/Inputs/own-dirname.c | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
//
// A program that does not include <libgen.h> may define dirname itself,
// and Inputs/own-dirname.c does, keeping the path it is given.  In this
// file that definition is a declaration like the C library's, but without
// the nounwind glibc's header gives it, so the pass does not take it for
// POSIX's (which keeps nothing): the copy stays on the heap and is still
// there when main prints it, after another call has used the stack where
// its slot would have been (the plugin before runtime.c's fix printed that
// call's bytes).
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 2 without the plugin, 2 with it
//
// REMARK: remark: not promoted: passed as argument 1 to 'dirname', which may keep it

#include <stdio.h>
#include <stdlib.h>

char *dirname(char *path);
const char *last_dirname(void);

__attribute__((noinline)) static void visit(const char *name) {
  char *copy = malloc(32);
  snprintf(copy, 32, "dir/%s", name);
  dirname(copy);
}

__attribute__((noinline)) static void scribble(void) {
  volatile char junk[256];
  for (int i = 0; i < 256; i++)
    junk[i] = 'X';
}

int main(void) {
  visit("alpha");
  scribble();
  printf("%.20s\n", last_dirname());
  return 0;
}
