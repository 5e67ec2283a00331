/* The recursion the room-guard tests run: every level holds a malloc(32)
 * note across the recursive call, so a promoted note doubles a level's
 * frame.  level_bytes() measures the plain build's bytes per level. */
#ifndef NOTED_RECURSION_H
#define NOTED_RECURSION_H

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { kMarkLevel = 1000, kMeasureDepth = 40000, kMeasureStack = 8 << 20 };

/* Returns the address of its own frame, a mark of how deep the stack is. */
__attribute__((noinline)) uintptr_t stack_here(void) {
  return (uintptr_t)__builtin_frame_address(0);
}

/* Returns a rolling hash of the NUL-terminated 'text'; only reads. */
__attribute__((noinline)) unsigned text_hash(const char *text) {
  unsigned h = 5381;
  while (*text)
    h = h * 33u + (unsigned char)*text++;
  return h;
}

static __thread uintptr_t marked, deepest;

/* Recurses 'n' levels; each level holds a 32-byte note across the call. */
unsigned descend(unsigned n) {
  char *note = malloc(32);
  if (!note)
    return 0;
  snprintf(note, 32, "level %u", n);
  unsigned h = 7;
  if (n == kMarkLevel)
    marked = stack_here();
  if (n)
    h = descend(n - 1);
  else
    deepest = stack_here();
  h = h * 33u ^ text_hash(note);
  free(note);
  return h;
}

static void *measure(void *per_level) {
  descend(kMeasureDepth);
  *(unsigned *)per_level = (unsigned)((marked - deepest) / kMarkLevel);
  return NULL;
}

/* The plain build's bytes of stack per level, measured over the last
 * kMarkLevel levels of a recursion on a thread with an 8 MiB stack: they
 * lie far below its first 5%, so they run the plain body in both builds.
 * 0 when the thread could not run. */
static unsigned level_bytes(void) {
  unsigned per_level = 0;
  pthread_attr_t attr;
  pthread_t thread;
  if (pthread_attr_init(&attr) || pthread_attr_setstacksize(&attr, kMeasureStack) ||
      pthread_create(&thread, &attr, measure, &per_level) || pthread_join(thread, NULL))
    return 0;
  return per_level;
}

#endif /* NOTED_RECURSION_H */
