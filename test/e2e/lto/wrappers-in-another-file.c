// RUN: env LTO=thin %e2e %s %S/Inputs/text.c | FileCheck %s
// RUN: env LTO=full %e2e %s %S/Inputs/text.c | FileCheck %s
//
// Two files, one of them the allocator (Inputs/text.c), linked with ThinLTO
// and with full LTO: the pass runs once, in lld, after the link-time
// inliner has brought text_new and text_free into main, where the text
// object and its buffer live for one iteration (LLVM itself already
// removes the object's malloc there).  Output and exit status match the
// plain LTO build of the same kind, and the 1,000 text buffers become stack
// slots.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 1001 without the plugin, 1 with it

#include <stdio.h>

#include "Inputs/text.h"

int main(void) {
  static const char *const words[] = {"alpha", "beta", "gamma", "delta"};
  unsigned total = 0;
  for (int i = 0; i < 1000; ++i) {
    struct text *t = text_new(words[i % 4]);
    if (!t)
      return 1;
    total = total * 31u + text_hash(t);
    text_free(t);
  }
  printf("checksum %08x\n", total);
  return 0;
}
