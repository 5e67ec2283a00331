/* Four allocation call sites whose blocks the profile counts: 1000 freed
 * in frame but kept on the heap by a call, 500 freed in frame through a
 * function pointer the pass never sees, one strdup copy freed in frame,
 * and 10 blocks that outlive their frame. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void consume(char *p); /* in profiled-consume.c: keeps nothing */
static char *saved[10];
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

int main(void) {
  long sum = 0;
  for (int i = 0; i < 1000; ++i)
    sum += kept_by_call(i);
  for (int i = 0; i < 500; ++i)
    sum += through_pointer(i);
  for (int i = 0; i < 10; ++i)
    outlives_frame(i);
  char *copy = strdup("profile");
  consume(copy);
  free(copy);
  for (int i = 0; i < 10; ++i)
    free(saved[i]);
  printf("%ld\n", sum);
  return 0;
}
