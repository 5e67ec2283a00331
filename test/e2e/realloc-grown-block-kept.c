// RUN: %e2e %s | FileCheck %s
//
// A buffer that starts as malloc(16) and is grown with realloc when the text
// does not fit. Handing the block to realloc may free it, and the grown block
// is a resized one of unknown history, so neither is promoted: all 40
// malloc'd blocks stay on the heap (heapcount counts the 40 reallocs apart).
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 41 without the plugin, 41 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Returns a rolling hash of the NUL-terminated 'text'. */
__attribute__((noinline)) unsigned text_hash(const char *text) {
  unsigned h = 5381;
  while (*text)
    h = h * 33u + (unsigned char)*text++;
  return h;
}

/* Builds "n:" followed by 'n' % 20 + 20 letters, growing the buffer once. */
__attribute__((noinline)) unsigned build_word(int n) {
  size_t cap = 16;
  char *buf = malloc(cap);
  if (!buf)
    return 0;
  int len = snprintf(buf, cap, "%d:", n);
  int letters = n % 20 + 20;
  if ((size_t)(len + letters + 1) > cap) {
    cap = 64;
    char *grown = realloc(buf, cap);
    if (!grown) {
      free(buf);
      return 0;
    }
    buf = grown;
  }
  for (int i = 0; i < letters; ++i)
    buf[len + i] = (char)('a' + (n + i) % 26);
  buf[len + letters] = '\0';
  unsigned h = text_hash(buf);
  free(buf);
  return h;
}

int main(void) {
  unsigned sum = 0;
  for (int n = 0; n < 40; ++n)
    sum += build_word(n);
  printf("word hash sum %08x\n", sum);
  return sum == 0 ? 1 : 0;
}
