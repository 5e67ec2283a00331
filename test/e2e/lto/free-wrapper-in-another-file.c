// RUN: env LTO=full %e2e %s %S/Inputs/stream.c | FileCheck %s --check-prefix=FULL
// RUN: env LTO=thin %e2e %s %S/Inputs/stream.c | FileCheck %s --check-prefix=THIN
//
// Two files linked with full LTO and with ThinLTO, the helpers in
// Inputs/stream.c.  With full LTO the pass runs once, in lld, over the
// whole program: each round's stream is freed by stream_close, a free
// wrapper kept out of line, whose call then runs a copy that leaves the
// stack slot alone (wrappers.c), and each round's buffer waits in a local
// struct given to span_count, which only reads through it (memflow.c).
// ThinLTO runs the pass on each file's module after importing only what
// the inliner may take, never a noinline function: both helpers stay
// declarations in main's module, so both blocks stay on the heap.  Output
// and exit status match the plain LTO build of the same kind.
//
// FULL: output: same, exit status: same (0)
// FULL: heap allocations: 601 without the plugin, 1 with it
// THIN: output: same, exit status: same (0)
// THIN: heap allocations: 601 without the plugin, 601 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "Inputs/stream.h"

int main(void) {
  unsigned long total = 0;
  size_t spaces = 0;
  for (int round = 0; round < 300; ++round) {
    struct stream *s = malloc(sizeof *s);
    if (!s)
      return 1;
    s->bits = s->live = 0;
    s->out = (unsigned long)round;
    for (int i = 0; i < round % 29; ++i)
      stream_put(s, (unsigned)(i * round) >> 2);
    stream_close(s, &total);

    struct span sp = {malloc(64), 0};
    if (!sp.data)
      return 1;
    sp.len = (size_t)snprintf(sp.data, 64, "round %d of %d", round, 300);
    spaces += span_count(&sp, ' ');
    free(sp.data);
  }
  printf("total %lu, spaces %zu\n", total, spaces);
  return 0;
}
