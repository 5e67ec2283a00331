// RUN: %e2e %s -finstrument-functions-after-inlining | FileCheck %s
// RUN: %e2e %s -finstrument-functions | FileCheck %s
//
// -finstrument-functions(-after-inlining) calls a hook at every function's
// entry and exit.  descend() may recurse and is split (room guards): its
// dispatcher must not call the hooks a second time, so the hooks count as
// many calls as in the plain build, and the notes leave the heap.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 202 without the plugin, {{[0-9]}} with it

#include <stdio.h>
#include <stdlib.h>

static unsigned long entries, exits;

__attribute__((no_instrument_function)) void __cyg_profile_func_enter(void *fn, void *site) {
  (void)fn;
  (void)site;
  ++entries;
}

__attribute__((no_instrument_function)) void __cyg_profile_func_exit(void *fn, void *site) {
  (void)fn;
  (void)site;
  ++exits;
}

/* Returns a rolling hash of the NUL-terminated 'text'; only reads. */
__attribute__((noinline)) unsigned text_hash(const char *text) {
  unsigned h = 5381;
  while (*text)
    h = h * 33u + (unsigned char)*text++;
  return h;
}

/* Recurses 'n' levels; each level holds a 32-byte note across the call. */
unsigned descend(unsigned n) {
  char *note = malloc(32);
  if (!note)
    return 0;
  snprintf(note, 32, "level %u", n);
  unsigned h = n ? descend(n - 1) : 7;
  h = h * 33u ^ text_hash(note);
  free(note);
  return h;
}

int main(void) {
  unsigned h = descend(100) ^ descend(99);
  unsigned long in = entries, out = exits;
  printf("hash %08x, %lu entries, %lu exits\n", h, in, out);
  return 0;
}
