// RUN: %e2e %s | FileCheck %s
//
// A formatter that builds each line in a malloc(64) scratch buffer with
// snprintf, measures it with strlen, hashes it through a small noinline helper
// and writes it with fputs: every callee only reads or writes through the
// pointer, so the 200 scratch buffers become stack slots.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 201 without the plugin, 1 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a over the NUL-terminated 'text'; only reads through the pointer. */
__attribute__((noinline)) unsigned hash_text(const char *text) {
  unsigned h = 2166136261u;
  for (; *text; ++text)
    h = (h ^ (unsigned char)*text) * 16777619u;
  return h;
}

/* Formats record 'id' into a scratch line, prints it every 40th time and
   returns its hash plus its length. */
__attribute__((noinline)) unsigned format_record(int id) {
  char *line = malloc(64);
  if (!line)
    return 0;
  snprintf(line, 64, "record %04d: weight=%d.%02d", id, id * 7 / 100,
           id * 7 % 100);
  unsigned h = hash_text(line) + (unsigned)strlen(line);
  if (id % 40 == 0) {
    fputs(line, stdout);
    fputc('\n', stdout);
  }
  free(line);
  return h;
}

int main(void) {
  unsigned total = 0;
  for (int id = 0; id < 200; ++id)
    total = total * 31u + format_record(id);
  printf("checksum %08x\n", total);
  return total == 0 ? 1 : 0;
}
