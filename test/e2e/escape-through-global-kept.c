// RUN: %e2e %s | FileCheck %s
//
// Each parsed record is remembered in a global 'last_record' that main reads
// after the call returns: storing the pointer to memory lets the block
// outlive the frame, so all 100 records stay on the heap.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 101 without the plugin, 101 with it

#include <stdio.h>
#include <stdlib.h>

struct record {
  int id;
  int score;
  char tag[24];
};

struct record *last_record;

/* Builds record 'id' and publishes it through 'last_record', freeing the one
   published before. Returns the new record's score. */
__attribute__((noinline)) int parse_record(int id) {
  struct record *rec = malloc(sizeof *rec);
  if (!rec)
    return -1;
  rec->id = id;
  rec->score = (id * 37) % 101;
  snprintf(rec->tag, sizeof rec->tag, "rec-%d", id);
  free(last_record);
  last_record = rec;
  return rec->score;
}

int main(void) {
  int total = 0;
  for (int id = 1; id <= 100; ++id)
    total += parse_record(id);
  printf("total %d, last %s score %d\n", total, last_record->tag,
         last_record->score);
  free(last_record);
  return total == 5050 ? 0 : 1;
}
