// RUN: %e2e %s | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
//
// Copies of run-time strings made with strdup (upper-cased in place) and
// strndup (prefixes of several limits), checked and freed. A copy's size is
// strlen + 1 (strnlen + 1), known only at run time, so both sites get a
// guarded 128-byte stack slot: the pass measures the string, copies it into
// the slot when it fits (strndup adds the terminator) and calls the original
// strdup or strndup when it does not.
//
// Each round copies six strings: "alpha", "be", "", and strings of 127,
// 128 and 1 Mi letters, each with strdup and with strndup limits 16, 127,
// 128 and SIZE_MAX: 30 copies. The copies of more than 128 bytes are the
// strdups of the 128-letter and the megabyte string and their strndups of
// limit 128 and SIZE_MAX: 6 per round, 24 in four rounds out of 120. (glibc's
// strdup and strndup allocate with malloc, which heapcount counts.) The
// other allocation is stdio's buffer.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 121 without the plugin, 25 with it
//
// REMARK: remark: copied the 'strdup' string to a 128-byte stack slot when it fits, to the heap when longer
// REMARK: remark: copied the 'strndup' string to a 128-byte stack slot when it fits, to the heap when longer

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kRounds = 4, kMega = 1 << 20 };

static char g_127[127 + 1];
static char g_128[128 + 1];
static char g_mega[kMega + 1];

/* Returns a rolling hash of the NUL-terminated 'text'. */
__attribute__((noinline)) unsigned text_hash(const char *text) {
  unsigned h = 5381;
  while (*text)
    h = h * 33u + (unsigned char)*text++;
  return h;
}

/* Upper-cases a strdup of 'text' in place and returns its hash; sets
   '*wrong' when the copy is not 'text' upper-cased. */
__attribute__((noinline)) unsigned shout_copy(const char *text, int *wrong) {
  char *copy = strdup(text);
  if (!copy) {
    *wrong = 1;
    return 0;
  }
  size_t i = 0;
  for (; copy[i]; ++i) {
    if (copy[i] != text[i])
      *wrong = 1;
    copy[i] = (char)toupper((unsigned char)copy[i]);
  }
  if (text[i] != '\0')
    *wrong = 1;
  unsigned h = text_hash(copy);
  free(copy);
  return h;
}

/* Returns the hash of strndup('text', 'limit'); sets '*wrong' when the copy
   is not the first min(strlen, 'limit') bytes of 'text'. */
__attribute__((noinline)) unsigned prefix_copy(const char *text, size_t limit,
                                               int *wrong) {
  char *copy = strndup(text, limit);
  if (!copy) {
    *wrong = 1;
    return 0;
  }
  size_t len = strlen(copy);
  size_t want = strnlen(text, limit);
  if (len != want || memcmp(copy, text, len) != 0)
    *wrong = 1;
  unsigned h = text_hash(copy) + (unsigned)len;
  free(copy);
  return h;
}

/* Fills the 'len' letters of 'word' from 'seed' and terminates it. */
static void fill_word(char *word, size_t len, unsigned seed) {
  for (size_t i = 0; i < len; ++i)
    word[i] = (char)('a' + (seed + i * 7) % 26);
  word[len] = '\0';
}

int main(void) {
  fill_word(g_127, sizeof g_127 - 1, 1);
  fill_word(g_128, sizeof g_128 - 1, 2);
  fill_word(g_mega, sizeof g_mega - 1, 3);
  const char *const words[] = {"alpha", "be", "", g_127, g_128, g_mega};
  const size_t limits[] = {16, 127, 128, SIZE_MAX};
  unsigned sum = 0;
  int wrong = 0;
  for (int round = 0; round < kRounds; ++round)
    for (size_t w = 0; w < sizeof words / sizeof words[0]; ++w) {
      sum = sum * 31u + shout_copy(words[w], &wrong);
      for (size_t l = 0; l < sizeof limits / sizeof limits[0]; ++l)
        sum = sum * 31u + prefix_copy(words[w], limits[l], &wrong);
    }
  printf("copy hash %08x, %s\n", sum, wrong ? "WRONG" : "all copies right");
  return wrong;
}
