// RUN: %e2e %s | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
//
// A chain of nodes, one malloc'd per iteration, each holding a new text
// block; the node of the iteration before, which the loop carries in
// 'prev', is read after the next block is allocated.  The store into the
// new node (h->p = b) does not overwrite prev->p, so the two texts are
// alive at once and cannot share one slot: both stay on the heap.  (The
// plugin before lifetime.c required a covering write in the same object
// printed each text twice.)
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 13 without the plugin, 13 with it
//
// REMARK: remark: not promoted: a block may still be in use when the next one is allocated

#include <stdio.h>
#include <stdlib.h>

struct node {
  char *p;
};

int main(int argc, char **argv) {
  (void)argv;
  struct node *prev = NULL;
  int n = argc + 5;
  for (int i = 0; i < n; i++) {
    struct node *h = malloc(sizeof *h);
    char *b = malloc(16);
    if (!h || !b)
      return 1;
    snprintf(b, 16, "item%d", i);
    h->p = b;
    if (prev) {
      printf("%s %s\n", prev->p, h->p);
      free(prev->p);
      free(prev);
    }
    prev = h;
  }
  printf("last %s\n", prev->p);
  free(prev->p);
  free(prev);
  return 0;
}
