/*===- report.h - heap2stack-report's sites, summary and profile ----------===*
 *
 * The report reads remark files into sites (read.c), sorts them and counts
 * them (summary.c), joins a run-time profile of allocation call sites with
 * them (profile.c) and prints all of it as text or JSON (print.c).
 *
 *===----------------------------------------------------------------------===*/
#ifndef HEAP2STACK_REPORT_H
#define HEAP2STACK_REPORT_H

#include <stdbool.h>
#include <stddef.h>

/* One step of a kept site's escape path: "call to 'consume'" at a
 * "file:line:col", or NULL when the instruction has no location. */
typedef struct step {
  char *text, *loc;
} step;

typedef struct site {
  char *file, *function, *text, *reason;
  unsigned line, column;
  bool moved;
  bool resize; /* a realloc of a moved site's block: no site of its own */
  unsigned source; /* which input file it came from */
  unsigned long long bytes; /* the slot's, for a moved site */
  step *path; /* kept by the escape analysis: how the block escaped */
  size_t npath;
} site;

typedef struct filters {
  const char *file, *function;
  int decision; /* -1 any, 1 moved, 0 kept */
} filters;

typedef struct report {
  site *sites;
  size_t len, cap;
  unsigned sources; /* input files read so far */
  filters only;
} report;

typedef struct tally {
  const char *key;
  size_t count;
} tally;

typedef struct summary {
  size_t moved, resized; /* resized: reallocs of moved blocks, no sites */
  unsigned long long bytes;
  tally *reasons, *files; /* kept sites by reason and by file, by count */
  size_t nreasons, nfiles;
} summary;

/* One allocation call site of a profiled run, and the remark of the site
 * at its source location, if the pass saw one. */
typedef struct profiled {
  char *file, *function;
  unsigned line, column;
  unsigned long long blocks;      /* allocated there */
  unsigned long long local;       /* freed while their allocating frame was live */
  unsigned long long one_slot;    /* ... and no other block of the site was alive
                                     in that frame meanwhile: a slot could hold them */
  unsigned long long local_small; /* ... of those, at most 1 KiB, never resized */
  unsigned long long max_size;
  const site *remark;
} profiled;

typedef struct profile {
  profiled *sites;
  size_t len;
  unsigned long long blocks, local, one_slot;
} profile;

/* 'p', or exit with a one-line error when an allocation failed. */
void *checked(void *p);
char *copy_of(const char *s, size_t n);
/* Says on stderr that 'path' cannot be read, with errno's reason; false. */
bool cannot_read(const char *path);
void free_site(site *s);

/* Reads 'path', a remark file or every file below a directory, into 'r';
 * false after a one-line error naming the file that could not be read. */
bool read_remarks(report *r, const char *path);

/* Sorts the sites by location, keeps of each remark as many as one file
 * held, and counts them. */
summary summarize(report *r);

/* Reads the profile 'path' written by libheap2stack-profile, places its
 * call sites in the source with 'symbolizer' (llvm-symbolizer), joins them
 * with the remarks in 'r' and ranks them by the blocks freed in frame;
 * false after a one-line error. */
bool read_profile(const report *r, const char *path, const char *symbolizer, profile *out);

void print_text(const report *r, const summary *s, bool verbose);
void print_json(const report *r, const summary *s);
void print_profile(const profile *p);
void print_profile_json(const profile *p);

#endif /* HEAP2STACK_REPORT_H */
