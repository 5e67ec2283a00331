// RUN: %clang -O2 -fstack-protector -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
// RUN: %e2e %s -fstack-protector | FileCheck --check-prefix=SAME %s
// RUN: %clang -O2 -fstack-protector -fpass-plugin=%plugin %s -o %t
// RUN: %t 16 | FileCheck --check-prefix=FITS %s
// RUN: not --crash %t 64 2>&1 | FileCheck --check-prefix=SMASH %s
//
// Under plain -fstack-protector (ssp) only character arrays of 8 bytes or
// more get a canary. A 16-byte malloc block promoted to the stack is an
// array of i8 when the pass creates it, but the function that holds it must
// be protected whatever the slot becomes, and an overflow of the promoted
// block must be caught as one of a local array would be. fill() writes as
// many bytes as argv[1] says into the 16-byte block: 16 bytes print
// normally, 64 bytes abort with glibc's stack smashing report when the
// function returns. (As for a local char[16], the canary sits after 8 bytes
// of padding, so overflows of up to 8 bytes go unnoticed.)
//
// REMARK: stack-protector-catches-overflow.c:39:15: remark: moved 16-byte 'malloc' block to the stack
//
// SAME: output: same, exit status: same (0)
// SAME: heap allocations: 2 without the plugin, 1 with it
//
// FITS: tag: pppppppppppppppp
//
// SMASH: *** stack smashing detected ***

#include <stdio.h>
#include <stdlib.h>

/* Writes 'n' bytes of 'c' at 'buf', trusting 'n'. */
__attribute__((noinline)) void fill(char *buf, size_t n, char c) {
  for (size_t i = 0; i < n; ++i)
    buf[i] = c;
}

/* Fills a 16-byte tag with 'n' copies of 'c' and prints its first 16
   bytes. */
__attribute__((noinline)) int print_tag(size_t n, char c) {
  char *tag = malloc(16);
  if (!tag)
    return 1;
  fill(tag, n, c);
  int printed = printf("tag: %.16s\n", tag);
  free(tag);
  return printed < 0;
}

int main(int argc, char **argv) {
  size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 16;
  return print_tag(n, 'p');
}
