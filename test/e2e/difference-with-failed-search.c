// RUN: %e2e %s | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
//
// remember() keeps a copy of its word, found again later from an integer:
// the difference between the copy and where strchr finds a 'z' in it,
// which, when there is none, is the copy's own address.  The copy lives on
// (it is never freed), so a slot for it would be read after remember()
// returned: the plugin before offsets.c asked where strchr's result may be
// null promoted it, and main printed what a later frame left there.
// locate(), whose differences are used only where strchr found something,
// keeps its copy in a slot.
//
// CHECK: output: same, exit status: same (0)
//
// REMARK: remark: not promoted: converted to an integer
// REMARK: remark: copied the 'strdup' string to a 128-byte stack slot when it fits, to the heap when longer

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uintptr_t g_token;

__attribute__((noinline)) void remember(const char *word) {
  char *copy = malloc(16);
  if (!copy)
    abort();
  snprintf(copy, 16, "%s", word);
  g_token = (uintptr_t)copy - (uintptr_t)strchr(copy, 'z');
}

__attribute__((noinline)) long locate(const char *word, char c) {
  char *copy = strdup(word);
  if (!copy)
    abort();
  char *at = strchr(copy, c);
  long offset = at ? at - copy : -1;
  free(copy);
  return offset;
}

__attribute__((noinline)) void scribble(void) {
  volatile char junk[256];
  for (int i = 0; i < 256; i++)
    junk[i] = 'X';
}

int main(void) {
  remember("hello");
  scribble();
  printf("%ld %ld\n", locate("hello", 'l'), locate("hello", 'q'));
  printf("%.5s\n", (const char *)g_token);
  return 0;
}
