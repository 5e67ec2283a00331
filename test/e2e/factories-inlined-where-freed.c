// RUN: %e2e %s | FileCheck %s
//
// A constructor the compiler keeps out of line (it fills in the record,
// hashes its name, and is called from five places) returns a block that
// four of its callers free: the pass inlines those calls (factories.c), so
// that each block is a site of its caller and becomes a stack slot there,
// one of them freed through a free wrapper.  The record 'keep' returns
// stays on the heap.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 402 without the plugin, 2 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec {
  char name[24];
  int id;
  double score;
  struct rec *next;
  int tags[8];
  unsigned hash;
};

static int made;

static struct rec *rec_new(const char *name, int id) {
  struct rec *r = malloc(sizeof *r);
  if (!r)
    return NULL;
  snprintf(r->name, sizeof r->name, "%s-%d", name, id);
  r->id = id;
  r->score = id * 1.5;
  r->next = NULL;
  unsigned h = 2166136261u;
  for (const char *p = r->name; *p; ++p)
    h = (h ^ (unsigned char)*p) * 16777619u;
  r->hash = h;
  for (int i = 0; i < 8; ++i)
    r->tags[i] = (int)(h >> i) ^ id;
  if (++made % 1000000 == 0)
    fprintf(stderr, "%d records\n", made);
  return r;
}

__attribute__((noinline)) static int rec_close(struct rec *r) {
  int t = r->tags[7] ^ (int)r->hash;
  if (r->id % 25 == 0)
    printf("closing %s\n", r->name);
  free(r);
  return t;
}

static int sum_tags(int i) {
  struct rec *r = rec_new("sum", i);
  if (!r)
    return 1;
  unsigned t = 0; /* the tags are hashes: their sum wraps */
  for (int k = 0; k < 8; ++k)
    t += (unsigned)r->tags[k];
  free(r);
  return (int)(t >> 1);
}

static int print_some(int i) {
  struct rec *r = rec_new("print", i);
  if (!r)
    return 1;
  if (i % 20 == 0)
    printf("%s %.1f\n", r->name, r->score);
  int t = r->tags[2];
  free(r);
  return t;
}

static int hash_of(int i) {
  struct rec *r = rec_new("hash", i);
  if (!r)
    return 1;
  unsigned h = r->hash;
  free(r);
  return (int)(h & 0xffff);
}

static int closed(int i) {
  struct rec *r = rec_new("closed", i);
  return r ? rec_close(r) : 1;
}

__attribute__((noinline)) static struct rec *keep(int i) { return rec_new("kept", i); }

int main(void) {
  long t = 0;
  for (int i = 0; i < 100; ++i)
    t += (long)sum_tags(i) + print_some(i) + hash_of(i) + closed(i);
  struct rec *k = keep(7);
  if (!k)
    return 1;
  printf("total %ld, %s\n", t, k->name);
  free(k);
  return 0;
}
