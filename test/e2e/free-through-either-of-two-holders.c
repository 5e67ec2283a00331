// RUN: %e2e %s | FileCheck %s
// RUN: %e2e %s -O1 | FileCheck %s
//
// Two local records, one holding a static default name and the other a
// 32-byte heap copy; a pointer picks one at run time, and the name it
// holds is freed unless it is the default.  The load of s->p reads either
// record, so the values it may return are both records' (the copy, and the
// default): the free may free the copy, which stays on the heap.  A pass
// that looked at the first record alone found no store of the copy there,
// took the free for nobody's, promoted the copy and then freed its stack
// slot ("free(): invalid size").
//
// CHECK: output: same, exit status: same (0)

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct name {
  char *p;
  char *tag;
  long n;
};

static char default_name[] = "default";

/* Add the first character of the name, once or twice, to the count. */
__attribute__((noinline)) void count_first(struct name *s) { s->n += s->p[0]; }
__attribute__((noinline)) void count_first_twice(struct name *s) { s->n += 2 * s->p[0]; }

/* Returns a number made from the record picked by 'pick_first'. */
__attribute__((noinline)) int name_score(int pick_first) {
  struct name first, second;
  char *tag = malloc(8);
  if (!tag)
    return -1;
  strcpy(tag, "t");
  first.tag = tag;
  char *copy = malloc(32);
  if (!copy)
    return -1;
  strcpy(copy, "hello world, hi");
  first.p = default_name;
  first.n = 0;
  second.p = copy;
  second.n = 0;
  count_first(&first);
  count_first(&second);
  struct name *s = &second;
  if (pick_first) {
    s = &first;
    count_first(&first);
  } else {
    count_first_twice(&second);
  }
  int r = s->p[1] + (int)(first.n + second.n) + first.tag[0];
  if (s->p != default_name) {
    free(s->p);
    puts("own name");
  } else {
    puts("default name");
    free(copy);
  }
  free(tag);
  return r;
}

int main(void) {
  int total = 0;
  for (int i = 0; i < 4; ++i)
    total += name_score(i & 1);
  printf("%d\n", total);
  return 0;
}
