// RUN: %e2e %s -Wno-format | FileCheck %s
// RUN: %clang -O2 -Wno-format -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
//
// walk formats with a conversion, %W, that the program registers with
// glibc (register_printf_specifier): snprintf calls its handler, which
// calls walk again, 1600 levels deep on main's stack.  glibc's vfprintf
// takes several KiB a level, so the plain program needs most of main's
// 8 MiB (it overflows near 1900 levels), and a 1000-byte block promoted
// at every level overflows it (the plugin before the rule did, from about
// 1500 levels).  The module registers a printf handler, so its formatting
// calls may call back (recursion.c): walk may recurse, and its block goes
// to the stack only in the frames in the first share of the stack.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: {{[0-9]+}} without the plugin, {{[0-9]+}} with it
//
// REMARK: remark: moved 1000-byte 'malloc' block to the stack; the function may recurse, so only while the thread's stack has room

#include <printf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kDepth = 1600 };

static long total;
long walk(long n);

static int print_walk(FILE *out, const struct printf_info *info, const void *const *args) {
  (void)info;
  total += walk(**(const long *const *)args - 1);
  return fprintf(out, "w");
}

static int walk_arginfo(const struct printf_info *info, size_t n, int *types, int *sizes) {
  (void)info, (void)sizes;
  if (n > 0)
    types[0] = PA_INT | PA_FLAG_LONG;
  return 1;
}

long walk(long n) {
  if (n <= 0)
    return 0;
  char *note = malloc(1000);
  if (!note)
    abort();
  snprintf(note, 1000, "%ld %W", n, n);
  long r = (long)strlen(note) + note[0];
  free(note);
  return r;
}

int main(void) {
  register_printf_specifier('W', print_walk, walk_arginfo);
  total += walk(kDepth);
  printf("%ld\n", total);
  return 0;
}
