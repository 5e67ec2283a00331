// RUN: %e2e %s | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
//
// walk recurses through the C library: its fputc on an unbuffered
// fopencookie stream calls the stream's write function, cookie_write,
// which calls walk again, 20000 levels deep on main's stack.  The plain
// program needs a few MiB of main's 8; a 1000-byte block promoted at every
// level would add 20 MB and overflow.  The module makes cookie streams, so
// its stdio calls may call back (recursion.c): walk may recurse, and its
// block goes to the stack only in the frames in the first share of the
// stack (the plugin before that rule gave it a static slot in every frame
// and crashed).
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: {{[0-9]+}} without the plugin, {{[0-9]+}} with it
//
// REMARK: remark: moved 1000-byte 'malloc' block to the stack; the function may recurse, so only while the thread's stack has room

#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kDepth = 20000 };

static FILE **streams;
static long total;
long walk(long n);

static ssize_t cookie_write(void *cookie, const char *data, size_t size) {
  (void)data;
  total += walk((long)(size_t)cookie - 1);
  return (ssize_t)size;
}

long walk(long n) {
  if (n <= 0)
    return 0;
  char *note = malloc(1000);
  if (!note)
    abort();
  snprintf(note, 1000, "%ld", n);
  fputc('x', streams[n]);
  long r = (long)strlen(note) + note[0];
  free(note);
  return r;
}

int main(void) {
  cookie_io_functions_t io = {.write = cookie_write};
  streams = calloc(kDepth + 1, sizeof *streams);
  if (!streams)
    abort();
  for (long i = 1; i <= kDepth; ++i) {
    streams[i] = fopencookie((void *)(size_t)i, "w", io);
    if (!streams[i])
      abort();
    setvbuf(streams[i], NULL, _IONBF, 0);
  }
  total += walk(kDepth);
  printf("%ld\n", total);
  return 0;
}
