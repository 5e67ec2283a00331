/*===- profile.c - Which kept sites would pay most if promoted ------------===*
 *
 * libheap2stack-profile (tools/profile) writes, for a program built with
 * -finstrument-functions-after-inlining, one line per allocation call site
 * and process:
 *
 *     site OBJECT VADDR blocks=N local=L one_slot=O local_small=S max_size=M
 *
 * VADDR is the return address of the allocator's call in OBJECT's own
 * addresses.  The lines of one call site (several processes) are added up,
 * llvm-symbolizer names the call's source location (the innermost inlined
 * frame, as a remark's location is the call's own), and the site is joined
 * with the remark at that location: the profile says what the block costs,
 * the remark why it stays on the heap.  A call site without a remark is one
 * the pass never saw: an allocation through a function pointer, or code
 * built without the plugin.  Sites are ranked by the blocks a stack slot
 * could have held: those freed while the allocating frame was live when no
 * other block of the site was alive in that frame meanwhile (one_slot),
 * then by all the blocks freed in frame.
 *
 *===----------------------------------------------------------------------===*/
#define _XOPEN_SOURCE 700
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct call_site {
  char *object;
  unsigned long long vaddr;
  profiled counts;
} call_site;

/* The call sites read so far, and an open-addressing index of them by
 * (object, vaddr): a test suite's profile has a line per site and process. */
typedef struct call_sites {
  call_site *items;
  size_t len, cap;
  size_t *index; /* slots hold item number + 1; 0 is empty */
  size_t slots;  /* a power of two, at least twice len */
} call_sites;

static size_t key_hash(const char *object, unsigned long long vaddr) {
  size_t h = (size_t)vaddr * 0x9e3779b97f4a7c15ULL;
  for (; *object; ++object)
    h = (h ^ (unsigned char)*object) * 0x100000001b3ULL;
  return h;
}

static size_t *slot_for(const call_sites *cs, const char *object, unsigned long long vaddr) {
  size_t i = key_hash(object, vaddr) & (cs->slots - 1);
  for (;; i = (i + 1) & (cs->slots - 1)) {
    size_t *slot = &cs->index[i];
    const call_site *c = *slot ? &cs->items[*slot - 1] : NULL;
    if (!c || (c->vaddr == vaddr && !strcmp(c->object, object)))
      return slot;
  }
}

static void grow_index(call_sites *cs) {
  free(cs->index);
  cs->slots = cs->slots ? 2 * cs->slots : 128;
  cs->index = checked(calloc(cs->slots, sizeof *cs->index));
  for (size_t i = 0; i < cs->len; ++i)
    *slot_for(cs, cs->items[i].object, cs->items[i].vaddr) = i + 1;
}

static call_site *find_or_add(call_sites *cs, const char *object, unsigned long long vaddr) {
  if (2 * (cs->len + 1) > cs->slots)
    grow_index(cs);
  size_t *slot = slot_for(cs, object, vaddr);
  if (*slot)
    return &cs->items[*slot - 1];
  if (cs->len == cs->cap) {
    cs->cap = cs->cap ? 2 * cs->cap : 64;
    cs->items = checked(realloc(cs->items, cs->cap * sizeof *cs->items));
  }
  call_site *c = &cs->items[cs->len++];
  *c = (call_site){.object = copy_of(object, strlen(object)), .vaddr = vaddr};
  *slot = cs->len;
  return c;
}

/* Parses one "site ..." line into 'cs'; false when it is malformed. */
static bool parse_site(call_sites *cs, char *line) {
  enum { FIELDS = 6 };
  char *fields[FIELDS];
  for (int i = FIELDS - 1; i >= 0; --i) { /* from the end: OBJECT may hold spaces */
    char *space = strrchr(line, ' ');
    if (!space)
      return false;
    fields[i] = space + 1;
    *space = '\0';
  }
  if (strncmp(line, "site ", 5))
    return false;
  unsigned long long v[FIELDS];
  static const char *const keys[FIELDS] = {"",          "blocks=",      "local=",
                                           "one_slot=", "local_small=", "max_size="};
  for (int i = 0; i < FIELDS; ++i) {
    size_t k = strlen(keys[i]);
    char *end;
    if (strncmp(fields[i], keys[i], k))
      return false;
    errno = 0;
    v[i] = strtoull(fields[i] + k, &end, i ? 10 : 16);
    if (errno || end == fields[i] + k || *end)
      return false;
  }
  call_site *c = find_or_add(cs, line + 5, v[0]);
  c->counts.blocks += v[1];
  c->counts.local += v[2];
  c->counts.one_slot += v[3];
  c->counts.local_small += v[4];
  c->counts.max_size = v[5] > c->counts.max_size ? v[5] : c->counts.max_size;
  return true;
}

static bool read_sites(const char *path, call_sites *cs) {
  FILE *in = fopen(path, "r");
  if (!in)
    return cannot_read(path);
  char *line = NULL;
  size_t cap = 0;
  unsigned number = 0;
  bool ok = true;
  for (ssize_t n; ok && (n = getline(&line, &cap, in)) > 0;) {
    ++number;
    line[strcspn(line, "\n")] = '\0';
    if (!strncmp(line, "dropped ", 8))
      continue; /* blocks of sites beyond the library's table */
    if (!parse_site(cs, line)) {
      fprintf(stderr, "heap2stack-report: '%s' line %u is not a heap2stack profile line\n",
              path, number);
      ok = false;
    }
  }
  free(line);
  fclose(in);
  return ok;
}

/* 's' single-quoted for the shell. */
static void put_quoted(FILE *out, const char *s) {
  fputc('\'', out);
  for (; *s; ++s)
    *s == '\'' ? fputs("'\\''", out) : fputc(*s, out);
  fputc('\'', out);
}

/* Splits llvm-symbolizer's "FILE:LINE:COL" into 'p'. */
static void set_location(profiled *p, char *loc) {
  char *col = strrchr(loc, ':');
  if (!col)
    return;
  *col = '\0';
  char *line = strrchr(loc, ':');
  if (!line)
    return;
  *line = '\0';
  p->line = (unsigned)strtoul(line + 1, NULL, 10);
  p->column = (unsigned)strtoul(col + 1, NULL, 10);
  if (p->line)
    p->file = copy_of(loc, strlen(loc));
}

/* Names the source location of every call site of 'object' among
 * cs->items[from..]: one llvm-symbolizer run per object. */
static bool symbolize_object(call_sites *cs, size_t from, const char *symbolizer) {
  char *command = NULL;
  size_t size = 0;
  FILE *cmd = open_memstream(&command, &size);
  put_quoted(cmd, symbolizer);
  fputs(" --no-demangle --obj=", cmd);
  put_quoted(cmd, cs->items[from].object);
  for (size_t i = from; i < cs->len; ++i)
    if (!strcmp(cs->items[i].object, cs->items[from].object))
      fprintf(cmd, " 0x%llx", cs->items[i].vaddr - 1); /* inside the call */
  fclose(cmd);
  FILE *out = popen(command, "r");
  free(command);
  if (!out) {
    fprintf(stderr, "heap2stack-report: cannot run '%s': %s\n", symbolizer, strerror(errno));
    return false;
  }
  char *line = NULL;
  size_t cap = 0;
  for (size_t i = from; i < cs->len; ++i) {
    if (strcmp(cs->items[i].object, cs->items[from].object))
      continue;
    profiled *p = &cs->items[i].counts;
    /* Frames, innermost first, as FUNCTION and FILE:LINE:COL lines, then
     * an empty line: the innermost location is the call's own, as in its
     * remark, and the outermost function the one it was inlined into, the
     * remark's function. */
    for (unsigned n = 0; getline(&line, &cap, out) > 0 && line[0] != '\n'; ++n) {
      line[strcspn(line, "\n")] = '\0';
      if (n % 2 == 0) {
        free(p->function);
        p->function = copy_of(line, strlen(line));
      } else if (n == 1)
        set_location(p, line);
    }
  }
  free(line);
  if (pclose(out) != 0) {
    fprintf(stderr, "heap2stack-report: '%s' failed on '%s'\n", symbolizer,
            cs->items[from].object);
    return false;
  }
  return true;
}

/* True when 'remark_file', as the compiler named it (often relative to
 * where it ran), is 'file', the absolute path in the debug information, or
 * its tail at a directory boundary. */
static bool same_file(const char *file, const char *remark_file) {
  size_t n = strlen(file), m = strlen(remark_file);
  return m <= n && !strcmp(file + n - m, remark_file) &&
         (m == n || file[n - m - 1] == '/' || remark_file[0] == '/');
}

/* The remark at 'p''s location in its function, preferring a kept one:
 * of two copies of a call inlined into one function, a moved one allocates
 * no blocks there, a kept one does. */
static const site *remark_at(const report *r, const profiled *p) {
  const site *found = NULL;
  for (size_t i = 0; p->file && p->function && i < r->len; ++i) {
    const site *s = &r->sites[i];
    if (s->resize || s->line != p->line || s->column != p->column ||
        strcmp(s->function, p->function) || !same_file(p->file, s->file))
      continue;
    if (!s->moved)
      return s;
    found = found ? found : s;
  }
  return found;
}

static int by_slot_blocks(const void *a, const void *b) {
  const profiled *x = a, *y = b;
  if (x->one_slot != y->one_slot)
    return x->one_slot > y->one_slot ? -1 : 1;
  if (x->local != y->local)
    return x->local > y->local ? -1 : 1;
  if (x->blocks != y->blocks)
    return x->blocks > y->blocks ? -1 : 1;
  int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
  return c ? c : (x->line > y->line) - (x->line < y->line);
}

bool read_profile(const report *r, const char *path, const char *symbolizer, profile *out) {
  call_sites cs = {0};
  if (!read_sites(path, &cs))
    return false;
  for (size_t i = 0; i < cs.len; ++i) {
    bool first = true;
    for (size_t j = 0; j < i && first; ++j)
      first = strcmp(cs.items[j].object, cs.items[i].object) != 0;
    if (first && !symbolize_object(&cs, i, symbolizer))
      return false;
  }
  *out = (profile){.sites = checked(calloc(cs.len + 1, sizeof *out->sites)), .len = cs.len};
  for (size_t i = 0; i < cs.len; ++i) {
    profiled *p = &out->sites[i];
    *p = cs.items[i].counts;
    p->remark = remark_at(r, p);
    out->blocks += p->blocks;
    out->local += p->local;
    out->one_slot += p->one_slot;
    free(cs.items[i].object);
  }
  free(cs.items);
  free(cs.index);
  qsort(out->sites, out->len, sizeof *out->sites, by_slot_blocks);
  return true;
}
