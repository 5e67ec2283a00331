// RUN: %e2e %s -pthread | FileCheck %s
// RUN: %clang -O2 -pthread -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
//
// A generic tree walker that formats each node's label in a malloc(1024)
// block and hands the children to a visitor callback; the visitor walks
// them again. walk() recurses through the function pointer, 20000 levels
// deep on an 8 MiB thread stack (a degenerate tree, a list). The plain
// program needs 48 bytes of stack a level, under 1 MiB in all; a label
// promoted at every level would add 1 KiB a level, 20 MiB in all, and
// overflow.  walk() may recurse, so its label goes to the stack only in
// frames in the first 5% of the thread's stack (386 levels), and the
// deeper levels run the plain body.
//
// The recursion goes walk -> (indirect) visit_node -> walk; LLVM's
// CallGraph does not see it, lib/core/recursion.c does.
//
// With the plugin 4 allocations more are glibc's, finding the main
// thread's stack bounds at start-up (lib/core/stackroom.c).
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 20003 without the plugin, 19621 with it
//
// REMARK: remark: moved 1024-byte 'malloc' block to the stack; the function may recurse, so only while the thread's stack has room

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

enum { kDepth = 20000, kStackSize = 8 << 20 };

struct node {
  int value;
  struct node *kids[2];
};

typedef unsigned visit_fn(const struct node *n);

/* Returns a rolling hash of the NUL-terminated 'text'; only reads. */
__attribute__((noinline)) unsigned text_hash(const char *text) {
  unsigned h = 5381;
  while (*text)
    h = h * 33u + (unsigned char)*text++;
  return h;
}

/* Labels 'n' in a scratch block and hands each child to 'visit'; returns
   the label's hash mixed with what the visits returned. */
__attribute__((noinline)) unsigned walk(const struct node *n, visit_fn *visit) {
  char *label = malloc(1024);
  if (!label)
    return 0;
  snprintf(label, 1024, "node %d", n->value);
  unsigned h = 0;
  for (int i = 0; i < 2; ++i)
    if (n->kids[i])
      h = h * 3u ^ visit(n->kids[i]);
  h ^= text_hash(label);
  free(label);
  return h;
}

/* The visitor: walks the subtree at 'n' with itself. */
__attribute__((noinline)) unsigned visit_node(const struct node *n) {
  return walk(n, visit_node);
}

/* Builds a list of kDepth nodes, walks it from the thread's stack and
   leaves the hash at 'result'. */
static void *run(void *result) {
  struct node *nodes = calloc(kDepth, sizeof *nodes);
  if (!nodes)
    return NULL;
  for (int i = 0; i < kDepth; ++i) {
    nodes[i].value = i;
    nodes[i].kids[0] = i + 1 < kDepth ? &nodes[i + 1] : NULL;
  }
  *(unsigned *)result = walk(nodes, visit_node);
  free(nodes);
  return NULL;
}

int main(void) {
  pthread_attr_t attr;
  pthread_t thread;
  unsigned h = 0;
  if (pthread_attr_init(&attr) || pthread_attr_setstacksize(&attr, kStackSize) ||
      pthread_create(&thread, &attr, run, &h) || pthread_join(thread, NULL))
    return 2;
  printf("tree hash %08x\n", h);
  return 0;
}
