/*===- summary.c - The sites sorted, deduplicated and counted -------------===*
 *
 * A remark counts as many times as one file holds it at most: two inlined
 * copies of a site in one function are two sites, but a file compiled
 * twice (libtool) or a library's sites reported by several links count
 * once.  A realloc that keeps a moved block in its slot is listed but is
 * no site of its own.
 *
 *===----------------------------------------------------------------------===*/
#include "report.h"

#include <stdlib.h>
#include <string.h>

static int compare_sites(const void *a, const void *b) {
  const site *x = a, *y = b;
  int c = strcmp(x->file, y->file);
  if (c)
    return c;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  if ((c = strcmp(x->function, y->function)))
    return c;
  if (x->moved != y->moved)
    return x->moved ? -1 : 1;
  if (x->resize != y->resize)
    return x->resize ? 1 : -1;
  return strcmp(x->text, y->text);
}

static int compare_with_source(const void *a, const void *b) {
  const site *x = a, *y = b;
  int c = compare_sites(a, b);
  return c ? c : (x->source > y->source) - (x->source < y->source);
}

/* Sorts the sites and keeps of each remark as many as one file held. */
static void sort_unique(report *r) {
  qsort(r->sites, r->len, sizeof *r->sites, compare_with_source);
  size_t kept = 0;
  for (size_t i = 0, next; i < r->len; i = next) {
    size_t most = 0;
    for (next = i; next < r->len && !compare_sites(&r->sites[i], &r->sites[next]);) {
      size_t run = next;
      while (next < r->len && !compare_with_source(&r->sites[run], &r->sites[next]))
        ++next;
      most = next - run > most ? next - run : most;
    }
    for (size_t j = i; j < next; ++j) {
      if (j - i < most)
        r->sites[kept++] = r->sites[j];
      else
        free_site(&r->sites[j]);
    }
  }
  r->len = kept;
}

static int by_count(const void *a, const void *b) {
  const tally *x = a, *y = b;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp(x->key, y->key);
}

/* Counts the kept sites by 'reason' (else by file) into 'out'; returns
 * how many keys there are, sorted by count. */
static size_t count_kept(const report *r, bool reason, tally *out) {
  size_t n = 0;
  for (size_t i = 0; i < r->len; ++i) {
    if (r->sites[i].moved)
      continue;
    const char *key = reason ? r->sites[i].reason : r->sites[i].file;
    size_t j = 0;
    while (j < n && strcmp(out[j].key, key))
      ++j;
    if (j == n)
      out[n++] = (tally){key, 0};
    out[j].count++;
  }
  qsort(out, n, sizeof *out, by_count);
  return n;
}


summary summarize(report *r) {
  sort_unique(r);
  summary s = {0};
  for (size_t i = 0; i < r->len; ++i) {
    s.resized += r->sites[i].resize;
    if (r->sites[i].moved && !r->sites[i].resize)
      ++s.moved, s.bytes += r->sites[i].bytes;
  }
  s.reasons = checked(calloc(r->len + 1, sizeof *s.reasons));
  s.files = checked(calloc(r->len + 1, sizeof *s.files));
  s.nreasons = count_kept(r, true, s.reasons);
  s.nfiles = count_kept(r, false, s.files);
  return s;
}
