// RUN: %e2e %s | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
//
// A word buffer that starts as malloc(16) and is grown to 256 bytes with
// realloc when the word does not fit. The malloc(16) gets a stack slot of
// guard-size (128) bytes, room to grow in, and the realloc is rewritten to
// keep the block there while it fits; a 256-byte request does not fit, so
// for a grown word the realloc moves the block to the heap:
// realloc(NULL, 256) and a copy of the slot's 128 bytes (LLVM then
// simplifies realloc(NULL, 256) to malloc(256)). The free frees only a
// block that is not the slot.
//
// Of the 40 words, "n:" plus 10 letters fit in 16 bytes and stay in the
// slot; every fourth word has 200 letters and grows: 10 blocks. Without the
// plugin there are 40 mallocs (and 10 reallocs, counted apart); with it the
// 10 moved blocks are mallocs. The other allocation is stdio's buffer. Each
// word's hash is checked against one computed without a buffer.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 41 without the plugin, 11 with it
//
// REMARK: remark: moved 16-byte 'malloc' block to a 128-byte stack slot, in which it grows while it fits
// REMARK: remark: 'realloc' keeps the 'malloc' block in its stack slot while it fits

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kWords = 40 };

/* Returns a rolling hash of the NUL-terminated 'text'. */
__attribute__((noinline)) unsigned text_hash(const char *text) {
  unsigned h = 5381;
  while (*text)
    h = h * 33u + (unsigned char)*text++;
  return h;
}

static int letters_of(int n) { return n % 4 == 3 ? 200 : 10; }

/* Builds "n:" followed by letters_of('n') letters, growing the buffer when
   they do not fit, and returns its hash. */
__attribute__((noinline)) unsigned build_word(int n) {
  size_t cap = 16;
  char *buf = malloc(cap);
  if (!buf)
    return 0;
  int len = snprintf(buf, cap, "%d:", n);
  int letters = letters_of(n);
  if ((size_t)(len + letters + 1) > cap) {
    cap = 256;
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

/* The hash build_word('n') should return, computed without a buffer. */
__attribute__((noinline)) unsigned expected_hash(int n) {
  char digits[16];
  snprintf(digits, sizeof digits, "%d:", n);
  unsigned h = 5381;
  for (const char *d = digits; *d; ++d)
    h = h * 33u + (unsigned char)*d;
  for (int i = 0; i < letters_of(n); ++i)
    h = h * 33u + (unsigned char)('a' + (n + i) % 26);
  return h;
}

int main(void) {
  unsigned sum = 0;
  int wrong = 0;
  for (int n = 0; n < kWords; ++n) {
    unsigned h = build_word(n);
    wrong += h != expected_hash(n);
    sum += h;
  }
  printf("word hash sum %08x, %d wrong\n", sum, wrong);
  return wrong != 0;
}
