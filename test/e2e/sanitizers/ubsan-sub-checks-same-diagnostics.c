// RUN: %clang -O2 -g -fsanitize=undefined -fsanitize-recover=all \
// RUN:   -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack \
// RUN:   -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
// RUN: env COMPARE_STDERR=1 RUN_ENV=UBSAN_OPTIONS=print_stacktrace=0:halt_on_error=0 %e2e %s -g -fsanitize=undefined -fsanitize-recover=all | FileCheck %s --check-prefixes=CHECK,ALL
// RUN: env COMPARE_STDERR=1 RUN_ENV=UBSAN_OPTIONS=print_stacktrace=0:halt_on_error=0 %e2e %s -g -fsanitize=alignment -fsanitize-recover=all | FileCheck %s --check-prefixes=CHECK,ALIGN
// RUN: env COMPARE_STDERR=1 RUN_ENV=UBSAN_OPTIONS=print_stacktrace=0:halt_on_error=0 %e2e %s -g -fsanitize=array-bounds -fsanitize-recover=all | FileCheck %s --check-prefixes=CHECK,ONE
// RUN: env COMPARE_STDERR=1 RUN_ENV=UBSAN_OPTIONS=print_stacktrace=0:halt_on_error=0 %e2e %s -g -fsanitize=shift -fsanitize-recover=all | FileCheck %s --check-prefixes=CHECK,ONE
// RUN: env COMPARE_STDERR=1 RUN_ENV=UBSAN_OPTIONS=print_stacktrace=0:halt_on_error=0 %e2e %s -g -fsanitize=signed-integer-overflow -fsanitize-recover=all | FileCheck %s --check-prefixes=CHECK,ONE
// RUN: env COMPARE_STDERR=1 RUN_ENV=UBSAN_OPTIONS=print_stacktrace=0:halt_on_error=0 %e2e %s -g -fsanitize=object-size -fsanitize-recover=all | FileCheck %s --check-prefixes=CHECK,NONE
// RUN: env COMPARE_STDERR=1 RUN_ENV=UBSAN_OPTIONS=print_stacktrace=0:halt_on_error=0 %e2e %s -g -fsanitize=pointer-overflow -fsanitize-recover=all | FileCheck %s --check-prefixes=CHECK,NONE
// RUN: env COMPARE_STDERR=1 RUN_ENV=UBSAN_OPTIONS=print_stacktrace=0:halt_on_error=0 %e2e %s -g -fsanitize=null -fsanitize-recover=all | FileCheck %s --check-prefixes=CHECK,NONE
//
// -fsanitize=undefined, and its checks one at a time, over four functions
// whose blocks are promoted: the program prints the same with and without
// the plugin, and UBSan reports the same errors, in the same words and
// order (addresses aside, and the dump of the bytes around a misaligned
// address: a heap chunk's header is not a stack frame's). The misaligned
// read, the index past a record's array, the shift and the signed overflow
// happen once, in the last round, on promoted blocks; the other checks
// compile in and find nothing. (The 3 heap allocations left are stdio's
// and the UBSan runtime's. Unless a check reads the copy 'misaligned'
// makes, LLVM deletes it before heap2stack runs: 104 allocations without
// the plugin instead of 154.)
//
// REMARK-DAG: remark: moved 64-byte 'malloc' block to the stack
// REMARK-DAG: remark: moved 20-byte 'calloc' block to the stack
// REMARK-DAG: remark: moved 8-byte 'malloc' block to the stack
// REMARK-DAG: remark: moved 8-byte 'malloc' block to the stack
//
// CHECK: output: same, exit status: same (0)
// ALL:   diagnostics: same, 11 lines
// ALIGN: diagnostics: same, 5 lines
// ONE:   diagnostics: same, 2 lines
// NONE:  diagnostics: same, 0 lines
// CHECK: heap allocations: {{154|104}} without the plugin, 3 with it

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record {
  int slots[4];
  int count;
};

/* A misaligned int read one byte into a copy (alignment). */
__attribute__((noinline)) static int misaligned(const unsigned char *bytes) {
  unsigned char *copy = malloc(64);
  if (!copy)
    return -1;
  memcpy(copy, bytes, 64);
  int v;
  memcpy(&v, copy + 1, sizeof v);
  v += *(int *)(copy + 1);
  free(copy);
  return v;
}

/* An index past the array of a record (bounds). */
__attribute__((noinline)) static int past_the_array(int index) {
  struct record *r = malloc(sizeof *r);
  if (!r)
    return -1;
  memset(r, 0, sizeof *r);
  r->count = 9;
  int v = r->slots[index];
  free(r);
  return v;
}

/* A shift by more than the width and a signed overflow of values kept in a
 * block (shift, signed-integer-overflow). */
__attribute__((noinline)) static int arithmetic(int shift, int base) {
  int *cells = malloc(2 * sizeof *cells);
  if (!cells)
    return -1;
  cells[0] = shift;
  cells[1] = base;
  int v = (1 << cells[0]) + (cells[1] + 1);
  free(cells);
  return v;
}

/* A read of the int just past an 8-byte block (object-size). */
__attribute__((noinline)) static int past_the_block(int i) {
  int *pair = malloc(2 * sizeof *pair);
  if (!pair)
    return -1;
  pair[0] = 1;
  pair[1] = 2;
  int v = pair[i];
  free(pair);
  return v;
}

/* Where the results of the undefined operations go: the report is what
 * matters, and their values may differ between any two builds. */
static volatile long sink;

int main(int argc, char **argv) {
  (void)argv;
  unsigned char bytes[64];
  for (int i = 0; i < 64; ++i)
    bytes[i] = (unsigned char)i;
  long total = 0;
  for (int round = 0; round < 50; ++round) {
    if (round < 49) {
      total += past_the_array(round % 4);
      total += arithmetic(round % 8, round);
      total += past_the_block(round % 2);
      continue;
    }
    sink = misaligned(bytes);
    sink = past_the_array(4);
    sink = arithmetic(31 + argc, INT_MAX);
    sink = past_the_block(1 + argc);
  }
  printf("total %ld\n", total);
  return 0;
}
