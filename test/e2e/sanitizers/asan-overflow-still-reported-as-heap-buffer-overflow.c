// RUN: %clang -O1 -g -fsanitize=address -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
// RUN: %clang -O1 -g -fsanitize=address %s -o %t
// RUN: env ASAN_OPTIONS=detect_leaks=0 not %t 17 2>&1 \
// RUN:   | sed -E 's/(0x|==|BuildId: )[0-9a-f]+/\1/g' > %t.without
// RUN: %clang -O1 -g -fsanitize=address -fpass-plugin=%plugin %s -o %t
// RUN: env ASAN_OPTIONS=detect_leaks=0 %t 16 | FileCheck --check-prefix=FITS %s
// RUN: env ASAN_OPTIONS=detect_leaks=0 not %t 17 2>&1 \
// RUN:   | sed -E 's/(0x|==|BuildId: )[0-9a-f]+/\1/g' > %t.with
// RUN: FileCheck %s < %t.with
// RUN: diff %t.without %t.with
//
// A helper writes 17 bytes into a 16-byte malloc block. Built with
// -fsanitize=address, the plugin leaves the block on the heap, so ASan
// reports the same heap-buffer-overflow, with the same allocation stack, as
// the build without the plugin (the two reports, addresses and process ids
// aside, are identical). 16 bytes run clean. Were the block promoted, the
// report would be a stack-buffer-overflow of 'h2s.slot'.
//
// REMARK: asan-overflow-still-reported-as-heap-buffer-overflow.c:43:15: remark: not promoted: the function is built with a sanitizer that checks heap accesses
//
// FITS: tag: pppppppppppppppp
//
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK: WRITE of size 17
// CHECK: in fill {{.*}}asan-overflow-still-reported-as-heap-buffer-overflow.c:38
// CHECK: in print_tag {{.*}}asan-overflow-still-reported-as-heap-buffer-overflow.c:46
// CHECK: is located 0 bytes after 16-byte region
// CHECK: allocated by thread T0 here:
// CHECK: in print_tag {{.*}}asan-overflow-still-reported-as-heap-buffer-overflow.c:43

#include <stdio.h>
#include <stdlib.h>

/* Writes 'n' bytes of 'c' at 'buf', trusting 'n'. */
__attribute__((noinline)) void fill(char *buf, size_t n, char c) {
  for (size_t i = 0; i < n; ++i)
    buf[i] = c;
}

/* Fills a 16-byte tag with 'n' copies of 'c' and prints it. */
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
