// RUN: %e2e %s | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
//
// A copy of each word into malloc(strlen(word) + 1), upper-cased and hashed.
// The block never escapes, but its size is known only at run time and
// nothing bounds strlen, so the pass gives the site a guarded 128-byte
// stack slot: a copy of up to 128 bytes (a word of up to 127 letters) takes
// the slot, a longer one still calls malloc, and the free becomes
// "free it unless it is the slot".
//
// The ten words are copied 8 times each (80 copies): seven short words, one
// of 127 letters (exactly 128 bytes, the last size that fits the slot), and
// two that do not fit, of 128 letters (129 bytes) and 300 letters. So 16
// copies reach the heap with the plugin; the other allocation is stdio's
// buffer. Each copy's hash is checked against one computed without a copy.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 81 without the plugin, 17 with it
//
// REMARK: remark: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kRounds = 8 };

/* Returns a rolling hash of the NUL-terminated 'text'. */
__attribute__((noinline)) unsigned text_hash(const char *text) {
  unsigned h = 5381;
  while (*text)
    h = h * 33u + (unsigned char)*text++;
  return h;
}

/* Returns the hash of an upper-cased copy of 'word'. */
__attribute__((noinline)) unsigned shout_hash(const char *word) {
  size_t len = strlen(word);
  char *copy = malloc(len + 1);
  if (!copy)
    return 0;
  for (size_t i = 0; i <= len; ++i)
    copy[i] = (char)toupper((unsigned char)word[i]);
  unsigned h = text_hash(copy);
  free(copy);
  return h;
}

/* The same hash as shout_hash('word'), computed without a copy. */
__attribute__((noinline)) unsigned expected_hash(const char *word) {
  unsigned h = 5381;
  for (; *word; ++word)
    h = h * 33u + (unsigned char)toupper((unsigned char)*word);
  return h;
}

static char g_fits[127 + 1];    /* 128 bytes with its NUL: fits the slot */
static char g_over[128 + 1];    /* 129 bytes: one too many */
static char g_long[300 + 1];

/* Fills the 'len' letters of 'word' from 'seed' and terminates it. */
static void fill_word(char *word, size_t len, unsigned seed) {
  for (size_t i = 0; i < len; ++i)
    word[i] = (char)('a' + (seed + i * 7) % 26);
  word[len] = '\0';
}

int main(void) {
  fill_word(g_fits, sizeof g_fits - 1, 1);
  fill_word(g_over, sizeof g_over - 1, 2);
  fill_word(g_long, sizeof g_long - 1, 3);
  const char *const words[] = {"alpha", "be",     "gamma-ray", "delta",
                               g_fits,  "e",      g_over,      "zeta-function",
                               g_long,  "theta"};
  enum { kWords = sizeof words / sizeof words[0] };
  unsigned sum = 0;
  int wrong = 0;
  for (int i = 0; i < kRounds * kWords; ++i) {
    const char *word = words[i % kWords];
    unsigned h = shout_hash(word);
    wrong += h != expected_hash(word);
    sum = sum * 7u + h;
  }
  printf("shout hash %08x, %d wrong\n", sum, wrong);
  return wrong != 0;
}
