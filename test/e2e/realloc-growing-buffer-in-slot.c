// RUN: %e2e %s | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
//
// A CSV splitter that copies each field into a growing buffer: it starts at
// the caller's capacity hint (32 bytes here) and doubles with realloc
// whenever it is full. The hint is a parameter, so the block's size is known
// only at run time and the malloc gets a guarded 128-byte stack slot; the
// realloc in the loop is rewritten to keep the block in the slot while the
// new size fits. A field of up to 127 characters grows 32 -> 64 -> 128
// without leaving the slot and allocates nothing; a field of 128 or more
// needs 256 bytes, so that realloc moves the block to the heap (realloc(NULL,
// 256), which LLVM simplifies to malloc, and a copy of the slot's 128 bytes),
// and its later doublings are plain reallocs of the heap block.
//
// The line has 16 fields, of 0 to 127 characters except two (128 and 1000
// characters), and is split 10 times: 160 buffers, 20 of which reach the heap
// with the plugin; the other allocation is stdio's buffer. (heapcount counts
// reallocs apart: 170 without the plugin, 17 per split; 20 with it, the
// 1000-character field's 256 -> 512 -> 1024.) Each field's hash is checked
// against one computed in place.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 161 without the plugin, 21 with it
//
// REMARK: remark: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger
// REMARK: remark: 'realloc' keeps the 'malloc' block in its stack slot while it fits

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kRounds = 10 };

static const size_t kFieldLengths[] = {3,  8,  12,  0,   31, 32,   45, 63,
                                       64, 90, 127, 128, 7,  1000, 20, 15};
enum { kFields = sizeof kFieldLengths / sizeof kFieldLengths[0] };

static char g_line[2048];

/* Returns a rolling hash of the 'len' bytes at 'text' mixed with 'len'. */
__attribute__((noinline)) unsigned bytes_hash(const char *text, size_t len) {
  unsigned h = 5381u + (unsigned)len;
  for (size_t i = 0; i < len; ++i)
    h = h * 33u + (unsigned char)text[i];
  return h;
}

/* Copies the field that starts at 'text' (up to a comma or the end) into a
   buffer of 'capacity' bytes that doubles when full, and returns the hash of
   the NUL-terminated copy; 0 when memory ran out. */
__attribute__((noinline)) unsigned copy_field(const char *text, size_t capacity) {
  size_t cap = capacity, len = 0;
  char *buf = malloc(cap);
  if (!buf)
    return 0;
  for (const char *p = text; *p && *p != ','; ++p) {
    if (len + 1 == cap) { /* keep a byte for the terminator */
      char *grown = realloc(buf, cap * 2);
      if (!grown) {
        free(buf);
        return 0;
      }
      buf = grown;
      cap *= 2;
    }
    buf[len++] = *p;
  }
  buf[len] = '\0';
  unsigned h = bytes_hash(buf, strlen(buf));
  free(buf);
  return h;
}

/* Writes the fields of kFieldLengths, comma-separated, into g_line. */
static void build_line(void) {
  size_t at = 0;
  for (int f = 0; f < kFields; ++f) {
    if (f > 0)
      g_line[at++] = ',';
    for (size_t i = 0; i < kFieldLengths[f]; ++i)
      g_line[at++] = (char)('a' + (f * 5 + i) % 26);
  }
  g_line[at] = '\0';
}

int main(void) {
  build_line();
  unsigned sum = 0;
  int wrong = 0;
  for (int round = 0; round < kRounds; ++round) {
    const char *field = g_line;
    for (int f = 0; f < kFields; ++f) {
      unsigned h = copy_field(field, 32);
      wrong += h != bytes_hash(field, kFieldLengths[f]);
      sum = sum * 31u + h;
      field += kFieldLengths[f] + 1;
    }
  }
  printf("field hash %08x, %d wrong\n", sum, wrong);
  return wrong != 0;
}
