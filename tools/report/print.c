/*===- print.c - The report as text or JSON -------------------------------===*
 *
 * Text: one line per site, sorted by file, line and column,
 *
 *     parse.c:12:9: moved to stack: moved 64-byte 'malloc' block to the stack
 *     parse.c:30:5: stays on heap: passed as argument 1 to 'consume', which may keep it (parse.c:31:3)
 *
 * with -v each kept site's escape path under it, one step a line, then a
 * summary: sites moved and the bytes of their slots, sites kept, the
 * reasons they were kept and the files with the most kept sites.  With a
 * profile, the ranked call sites instead.  JSON: the same as one object.
 *
 *===----------------------------------------------------------------------===*/
#include "report.h"

#include <stdio.h>

static const char *decision_of(const site *s) {
  return s->resize ? "resized" : s->moved ? "moved" : "kept";
}

static const char *decision_text(const site *s) {
  return s->resize ? "resized in slot" : s->moved ? "moved to stack" : "stays on heap";
}

static void print_path(const site *s) {
  for (size_t i = 0; i < s->npath; ++i) {
    if (s->path[i].loc)
      printf("    %s: %s\n", s->path[i].loc, s->path[i].text);
    else
      printf("    %s\n", s->path[i].text);
  }
}

void print_text(const report *r, const summary *s, bool verbose) {
  for (size_t i = 0; i < r->len; ++i) {
    const site *x = &r->sites[i];
    printf("%s:%u:%u: %s: %s\n", x->file, x->line, x->column, decision_text(x), x->text);
    if (verbose)
      print_path(x);
  }
  printf("\n%zu sites: %zu moved to the stack (%llu bytes of slots), %zu kept on the heap",
         r->len - s->resized, s->moved, s->bytes, r->len - s->moved - s->resized);
  printf(s->resized ? "; %zu reallocs keep moved blocks in their slots\n" : "\n", s->resized);
  if (s->nreasons)
    printf("kept, by reason:\n");
  for (size_t i = 0; i < s->nreasons; ++i)
    printf("%8zu  %s\n", s->reasons[i].count, s->reasons[i].key);
  if (s->nfiles)
    printf("files with the most kept sites:\n");
  for (size_t i = 0; i < s->nfiles && i < 10; ++i)
    printf("%8zu  %s\n", s->files[i].count, s->files[i].key);
}

static void print_json_string(const char *s) {
  putchar('"');
  for (; *s; ++s) {
    if (*s == '"' || *s == '\\')
      printf("\\%c", *s);
    else if ((unsigned char)*s < 0x20)
      printf("\\u%04x", *s);
    else
      putchar(*s);
  }
  putchar('"');
}

static void print_json_or_null(const char *s) {
  if (s)
    print_json_string(s);
  else
    printf("null");
}

static void print_tallies_json(const char *name, const tally *t, size_t n) {
  printf(",\n  \"%s\": [", name);
  for (size_t i = 0; i < n; ++i) {
    printf("%s{\"key\": ", i ? ", " : "");
    print_json_string(t[i].key);
    printf(", \"sites\": %zu}", t[i].count);
  }
  printf("]");
}

static void print_path_json(const site *s) {
  printf(", \"path\": [");
  for (size_t i = 0; i < s->npath; ++i) {
    printf("%s{\"step\": ", i ? ", " : "");
    print_json_string(s->path[i].text);
    printf(", \"loc\": ");
    print_json_or_null(s->path[i].loc);
    printf("}");
  }
  printf("]");
}

void print_json(const report *r, const summary *s) {
  printf("{\n  \"sites\": [");
  for (size_t i = 0; i < r->len; ++i) {
    const site *x = &r->sites[i];
    printf("%s\n    {\"file\": ", i ? "," : "");
    print_json_string(x->file);
    printf(", \"line\": %u, \"column\": %u, \"function\": ", x->line, x->column);
    print_json_string(x->function);
    printf(", \"decision\": \"%s\", \"text\": ", decision_of(x));
    print_json_string(x->text);
    print_path_json(x);
    printf("}");
  }
  printf("\n  ],\n  \"moved\": %zu, \"moved_bytes\": %llu, \"kept\": %zu, \"reallocs_in_slot\": %zu",
         s->moved, s->bytes, r->len - s->moved - s->resized, s->resized);
  print_tallies_json("kept_by_reason", s->reasons, s->nreasons);
  print_tallies_json("kept_by_file", s->files, s->nfiles);
  printf("\n}\n");
}

static void print_profiled_site(const profiled *p) {
  const site *s = p->remark;
  printf("%10llu %10llu %10llu %10llu %9llu  ", p->local, p->one_slot, p->local_small, p->blocks,
         p->max_size);
  const char *function = p->function ? p->function : "?";
  if (s) {
    printf("%s:%u:%u in '%s': %s: %s\n", s->file, s->line, s->column, function,
           decision_text(s), s->text);
    return;
  }
  if (p->file)
    printf("%s:%u:%u in '%s': ", p->file, p->line, p->column, function);
  else
    printf("? in '%s': ", function);
  printf("not seen by heap2stack (an allocation through a function pointer, or code built "
         "without the plugin)\n");
}

void print_profile(const profile *p) {
  printf("%zu allocation call sites made %llu blocks; %llu were freed while their allocating "
         "frame was live, %llu of them while no other block of their site was alive in that "
         "frame\n\n",
         p->len, p->blocks, p->local, p->one_slot);
  printf("  in frame   one slot   <= 1 KiB     blocks   largest  site\n");
  for (size_t i = 0; i < p->len; ++i)
    print_profiled_site(&p->sites[i]);
}

void print_profile_json(const profile *p) {
  printf("{\n  \"call_sites\": %zu, \"blocks\": %llu, \"freed_in_frame\": %llu, \"one_slot\": "
         "%llu,\n  \"sites\": [",
         p->len, p->blocks, p->local, p->one_slot);
  for (size_t i = 0; i < p->len; ++i) {
    const profiled *x = &p->sites[i];
    const site *s = x->remark;
    printf("%s\n    {\"file\": ", i ? "," : "");
    print_json_or_null(s ? s->file : x->file);
    printf(", \"line\": %u, \"column\": %u, \"function\": ", x->line, x->column);
    print_json_or_null(x->function);
    printf(", \"freed_in_frame\": %llu, \"one_slot\": %llu, \"one_slot_small\": %llu, "
           "\"blocks\": %llu, \"largest\": %llu, \"decision\": \"%s\", \"text\": ",
           x->local, x->one_slot, x->local_small, x->blocks, x->max_size,
           s ? decision_of(s) : "unseen");
    print_json_or_null(s ? s->text : NULL);
    printf("}");
  }
  printf("\n  ]\n}\n");
}
