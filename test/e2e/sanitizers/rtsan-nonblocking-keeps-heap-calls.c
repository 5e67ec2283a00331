// REQUIRES: realtime-sanitizer
// RUN: %clang -O2 -fsanitize=realtime -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
// RUN: env RUN_ENV=RTSAN_OPTIONS=halt_on_error=false COMPARE_STDERR=1 \
// RUN:   %e2e %s -fsanitize=realtime | FileCheck %s
//
// A nonblocking function that formats into a malloc'ed block: under
// -fsanitize=realtime each of its heap calls is reported, so the block
// stays on the heap and both builds print the same reports (the plugin
// before policy.c's rule moved it to the stack, and RealtimeSanitizer
// reported nothing).  The same code in a function that is not nonblocking
// is promoted.
//
// CHECK: output: same, exit status: same (0)
// CHECK: diagnostics: same
//
// REMARK: remark: not promoted: the function is nonblocking under RealtimeSanitizer, which reports its heap calls
// REMARK: remark: moved 32-byte 'malloc' block to the stack

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static size_t formatted_length(int n) __attribute__((nonblocking)) {
  char *text = malloc(32);
  snprintf(text, 32, "sample %d", n);
  size_t len = strlen(text);
  free(text);
  return len;
}

__attribute__((noinline)) static size_t plain_length(int n) {
  char *text = malloc(32);
  snprintf(text, 32, "plain %d", n);
  size_t len = strlen(text);
  free(text);
  return len;
}

int main(int argc, char **argv) {
  (void)argv;
  printf("%zu %zu\n", formatted_length(argc * 7), plain_length(argc));
  return 0;
}
