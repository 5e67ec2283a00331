// RUN: %e2e %s | FileCheck %s
//
// A label built in a malloc(32) buffer and then passed to printf as a "%s"
// argument. LLVM's attributes say nothing about variadic arguments, but the C
// library's formatted I/O functions only read or write through them during
// the call and keep none, so heap2stack treats them as not captured and all
// 50 labels are promoted. (A bare printf("%s\n", p) would not exercise this:
// LLVM rewrites it to puts(p), whose parameter is marked nocapture.)
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 51 without the plugin, 1 with it

#include <stdio.h>
#include <stdlib.h>

/* Prints item 'n' with a label formatted into a heap buffer; returns the
   number of characters printed. */
__attribute__((noinline)) int print_item(int n) {
  char *label = malloc(32);
  if (!label)
    return 0;
  snprintf(label, 32, "item-%03d", n * 7 % 1000);
  int printed = printf("[%s] %d\n", label, n * n);
  free(label);
  return printed;
}

int main(void) {
  int chars = 0;
  for (int n = 0; n < 50; ++n)
    chars += print_item(n);
  printf("%d characters\n", chars);
  return chars > 0 ? 0 : 1;
}
