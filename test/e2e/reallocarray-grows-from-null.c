// REQUIRES: tli-reallocarray
// RUN: %e2e %s | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
//
// A list of numbers read one at a time into an array that grows by one
// element with reallocarray, the array null before the first number. The
// reallocarray is a site of its own with a guarded 128-byte slot: the
// product count * 8, not the count, decides whether the array still fits,
// so a list of 16 numbers stays in the slot and a 17th moves it to the heap
// (reallocarray(NULL, 17, 8) and a copy of the slot). A count whose product
// wraps must fail as reallocarray fails, with ENOMEM and the array intact,
// also while the array is in the slot.
//
// The lists have 0 to 40 numbers: 16 of them (1 to 16 numbers) stay in the
// slot. Without the plugin every number is one reallocarray (820) and each
// list asks for the impossible size once more (failed calls are not
// counted); with it, 24 lists move to the heap once and then grow there:
// 820 - 16 * 17 / 2 - 24 * 16 = 300.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap reallocs: 820 without the plugin, 300 with it
//
// REMARK: remark: moved 'reallocarray' block to a 128-byte stack slot when it fits, to the heap when larger

#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { kLists = 41 };

/* errno, set and read out of line: clang 22's attributes of reallocarray
   say it leaves errno alone, so an inline errno = 0 could be moved past
   the call or forwarded to the read after it. */
__attribute__((noinline)) static void clear_error(void) { errno = 0; }
__attribute__((noinline)) static int error_number(void) { return errno; }

/* Reads 'len' numbers of list 'seed', then tries to grow the array to a
   size that wraps, and returns the sum of the numbers still in it, or -1
   when an allocation failed that should not have. */
__attribute__((noinline)) long sum_list(int seed, int len, int *refused) {
  long *nums = NULL;
  size_t n = 0;
  for (int i = 0; i < len + 1; ++i) {
    size_t want = i < len ? n + 1 : SIZE_MAX / 4 + 1;
    clear_error();
    long *grown = reallocarray(nums, want, sizeof *nums);
    if (!grown) {
      *refused += i == len && error_number() == ENOMEM;
      if (i < len) {
        free(nums);
        return -1;
      }
      break;
    }
    nums = grown;
    nums[n++] = (long)seed * 1000 + i;
  }
  long sum = 0;
  for (size_t i = 0; i < n; ++i)
    sum += nums[i];
  free(nums);
  return sum;
}

int main(void) {
  long total = 0;
  int refused = 0, wrong = 0;
  for (int list = 0; list < kLists; ++list) {
    long want = (long)list * 1000 * list + (long)list * (list - 1) / 2;
    long sum = sum_list(list, list, &refused);
    wrong += sum != want;
    total += sum;
  }
  printf("total %ld, %d wrong, %d of %d wrapping sizes refused\n", total, wrong,
         refused, kLists);
  return wrong != 0 || refused != kLists;
}
