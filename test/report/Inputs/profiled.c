/* The allocation call sites whose blocks the profile counts: 1000 freed
 * in frame but kept on the heap by a call, 500 freed in frame through a
 * function pointer the pass never sees, one strdup copy freed in frame,
 * 10 blocks that outlive their frame, and one call inlined into two
 * functions, kept in each for another reason: 300 blocks freed in frame in
 * one, 7 stored to a global in the other; and 400 blocks freed in frame,
 * but four at a time from one call site, which one slot cannot hold. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void consume(char *p); /* in profiled-consume.c: keeps nothing */
static char *saved[10];
static char *last;
static volatile int list_length = 4;
void *(*volatile allocate)(size_t) = malloc;

__attribute__((noinline)) static int kept_by_call(int i) {
  char *p = malloc(64);
  p[0] = (char)i;
  consume(p);
  int r = p[0];
  free(p);
  return r;
}

__attribute__((noinline)) static int through_pointer(int i) {
  char *p = allocate(32);
  p[0] = (char)i;
  consume(p);
  int r = p[0];
  free(p);
  return r;
}

__attribute__((noinline)) static void outlives_frame(int i) {
  saved[i] = malloc(100 + (size_t)i);
  consume(saved[i]);
}

static char *new_buffer(size_t n) { return malloc(n); }

__attribute__((noinline)) static int inlined_kept_by_call(int i) {
  char *p = new_buffer(24);
  p[0] = (char)i;
  consume(p);
  int r = p[0];
  free(p);
  return r;
}

__attribute__((noinline)) static void inlined_stored(int i) {
  free(last);
  last = new_buffer(40 + (size_t)i);
}

__attribute__((noinline)) static int listed(int i) {
  char *nodes[8];
  int n = list_length, r = 0;
#pragma clang loop unroll(disable)
  for (int k = 0; k < n; ++k) {
    nodes[k] = malloc(16);
    nodes[k][0] = (char)(i + k);
    consume(nodes[k]);
  }
  for (int k = 0; k < n; ++k) {
    r += nodes[k][0];
    free(nodes[k]);
  }
  return r;
}

int main(void) {
  long sum = 0;
  for (int i = 0; i < 1000; ++i)
    sum += kept_by_call(i);
  for (int i = 0; i < 500; ++i)
    sum += through_pointer(i);
  for (int i = 0; i < 10; ++i)
    outlives_frame(i);
  for (int i = 0; i < 300; ++i)
    sum += inlined_kept_by_call(i);
  for (int i = 0; i < 7; ++i)
    inlined_stored(i);
  free(last);
  for (int i = 0; i < 100; ++i)
    sum += listed(i);
  char *copy = strdup("profile");
  consume(copy);
  free(copy);
  for (int i = 0; i < 10; ++i)
    free(saved[i]);
  printf("%ld\n", sum);
  return 0;
}
