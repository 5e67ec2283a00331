// RUN: %e2e %s | FileCheck %s
// RUN: %e2e %s -O1 | FileCheck %s
//
// Helpers that return where strtol stopped, or what strtok_r left to
// scan: pointers into the text they are given, stored by the C library
// through endptr and saveptr into the helper's own locals and returned.
// The text is a 16-byte block, directly or in a local struct, that the
// caller returns through the helper's result, and main frees.  Summaries
// count a string given to such a call as kept, so every block stays on
// the heap; a summary that said "never kept" moved them to the stack and
// main freed a dead frame ("free(): invalid pointer").
//
// CHECK: output: same, exit status: same (0)

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct field {
  char *text;
  long value;
};

/* Returns where the number at the start of 's' ends. */
__attribute__((noinline)) char *skip_number(char *s) {
  char *end;
  strtol(s, &end, 10);
  return end;
}

/* Returns the rest of 's' after its first word. */
__attribute__((noinline)) char *after_word(char *s) {
  char *save;
  strtok_r(s, " ", &save);
  return save;
}

/* Parses the number of 'f' and returns the text after it. */
__attribute__((noinline)) char *parse_field(struct field *f) {
  char *end;
  f->value = strtol(f->text, &end, 10);
  return end;
}

__attribute__((noinline)) char *unit_of(int k) {
  char *text = malloc(16);
  snprintf(text, 16, "%dkm", k);
  return skip_number(text);
}

__attribute__((noinline)) char *second_word(int k) {
  char *text = malloc(16);
  snprintf(text, 16, "w%d rest", k);
  return after_word(text);
}

__attribute__((noinline)) char *field_unit(int k) {
  struct field f;
  f.text = malloc(16);
  snprintf(f.text, 16, "%dms", k);
  return parse_field(&f);
}

int main(void) {
  char *unit = unit_of(123);
  char *rest = second_word(7);
  char *ms = field_unit(45);
  printf("%s %s %s\n", unit, rest, ms);
  free(unit - 3);
  free(rest - 3);
  free(ms - 2);
  return 0;
}
