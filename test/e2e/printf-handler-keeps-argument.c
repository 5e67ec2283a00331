// RUN: %e2e %s %S/Inputs/name-printer.c -Wno-format | FileCheck %s
// RUN: %clang -O2 -Wno-format -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
//
// greet() prints its name with %W, a conversion that Inputs/name-printer.c
// registers with glibc (register_printf_specifier); the handler remembers
// the pointer it prints, and main prints it again after greet returned.
// The name is never freed, so it is still the program's then.  %W is no
// conversion of glibc's own, so this file's printf may hand the name to a
// handler that keeps it, and the name stays on the heap (the plugin before
// the rule promoted it, and main printed a dead frame).  shout() prints
// its copy with %s, which glibc's own code prints, and frees it: a slot.
//
// CHECK: output: same, exit status: same (0)
//
// REMARK: remark: not promoted: passed as argument 2 to 'printf', which may keep it
// REMARK: remark: moved 32-byte 'malloc' block to the stack

#include <stdio.h>
#include <stdlib.h>

extern const char *last_name;
void install_name_printer(void);

__attribute__((noinline)) void greet(const char *who) {
  char *name = malloc(32);
  if (!name)
    abort();
  snprintf(name, 32, "%s!", who);
  printf("hello %W\n", name);
}

__attribute__((noinline)) void shout(const char *who) {
  char *copy = malloc(32);
  if (!copy)
    abort();
  snprintf(copy, 32, "%s!!", who);
  printf("%s\n", copy);
  free(copy);
}

__attribute__((noinline)) void scribble(void) {
  volatile char junk[512];
  for (int i = 0; i < 512; i++)
    junk[i] = 'X';
}

int main(void) {
  install_name_printer();
  greet("world");
  shout("hey");
  scribble();
  printf("last: %s\n", last_name);
  return 0;
}
