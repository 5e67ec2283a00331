/*===- report.c - heap2stack-report: every site's verdict, from remark files ===*
 *
 * Reads LLVM remark files (the pass's own record, -heap2stack-record, and
 * clang's -fsave-optimization-record or opt's -pass-remarks-output), in YAML
 * or bitstream, from files and directories, keeps heap2stack's remarks and
 * prints one line per site, sorted by file, line and column:
 *
 *     parse.c:12:9: moved to stack: moved 64-byte 'malloc' block to the stack
 *     parse.c:30:5: stays on heap: passed as argument 1 to 'consume', which may keep it (parse.c:31:3)
 *
 * then a summary: sites moved and the bytes of their slots, sites kept, the
 * reasons they were kept (the remark's wording with names, numbers and
 * locations taken out), and the files with the most kept sites.  --json
 * prints the same as one JSON object.  A remark counts as many times as
 * one file holds it at most: two inlined copies of a site in one function
 * are two sites, but a file compiled twice (libtool) or a library's sites
 * reported by several links count once.  A realloc that keeps a moved
 * block in its slot is listed but is no site of its own.  An empty file is
 * a record without sites.  Unreadable or malformed input is one line on
 * stderr naming the file, nothing on stdout, and exit status 1.
 *
 * Usage: heap2stack-report [--json] [--file TEXT] [--function NAME]
 *                          [--decision moved|kept] PATH...
 *
 *===----------------------------------------------------------------------===*/
#define _XOPEN_SOURCE 700
#include <llvm-c/Remarks.h>

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct site {
  char *file, *function, *text, *reason;
  unsigned line, column;
  bool moved;
  bool resize; /* a realloc of a moved site's block: no site of its own */
  unsigned source; /* which input file it came from */
  unsigned long long bytes; /* the slot's, for a moved site */
} site;

typedef struct filters {
  const char *file, *function;
  int decision; /* -1 any, 1 moved, 0 kept */
} filters;

typedef struct report {
  site *sites;
  size_t len, cap;
  unsigned sources; /* input files read so far */
  size_t resized; /* reallocs of moved blocks among the sites */
  filters only;
} report;

/* 'p', or exit with a one-line error when an allocation failed. */
static void *checked(void *p) {
  if (!p) {
    fputs("heap2stack-report: out of memory\n", stderr);
    exit(1);
  }
  return p;
}

static char *copy_of(const char *s, size_t n) {
  char *c = checked(malloc(n + 1));
  memcpy(c, s, n);
  c[n] = '\0';
  return c;
}

static char *remark_string(LLVMRemarkStringRef s) {
  return s ? copy_of(LLVMRemarkStringGetData(s), LLVMRemarkStringGetLen(s)) : copy_of("", 0);
}

/* Appends the 'n' characters at 's' to 'text' (of length '*len'), turning a
 * YAML single-quoted scalar's '' back into ' when 'yaml': LLVM's YAML remark
 * parser hands such values over as written. */
static char *append(char *text, size_t *len, const char *s, size_t n, bool yaml) {
  char *grown = checked(realloc(text, *len + n + 1));
  for (size_t i = 0; i < n; ++i) {
    grown[(*len)++] = s[i];
    if (yaml && s[i] == '\'' && i + 1 < n && s[i + 1] == '\'')
      ++i;
  }
  grown[*len] = '\0';
  return grown;
}

/* The remark's message: its arguments' values, in order. */
static char *message_of(LLVMRemarkEntryRef remark, bool yaml, unsigned long long *bytes) {
  size_t len = 0;
  char *text = copy_of("", 0);
  for (LLVMRemarkArgRef arg = LLVMRemarkEntryGetFirstArg(remark); arg;
       arg = LLVMRemarkEntryGetNextArg(arg, remark)) {
    LLVMRemarkStringRef key = LLVMRemarkArgGetKey(arg), value = LLVMRemarkArgGetValue(arg);
    if (LLVMRemarkStringGetLen(key) == 5 && !memcmp(LLVMRemarkStringGetData(key), "Bytes", 5))
      *bytes = strtoull(LLVMRemarkStringGetData(value), NULL, 10);
    text = append(text, &len, LLVMRemarkStringGetData(value), LLVMRemarkStringGetLen(value),
                  yaml);
  }
  return text;
}

/* The wording of 'text' with quoted names, numbers and the blocker's
 * location taken out: what the summary groups kept sites by. */
static char *reason_of(const char *text) {
  char *r = checked(malloc(3 * strlen(text) + 1)); /* '' becomes '...' */
  char *out = r;
  for (const char *p = text; *p;) {
    if (*p == '\'') {
      const char *close = strchr(p + 1, '\'');
      if (close) {
        out += sprintf(out, "'...'");
        p = close + 1;
        continue;
      }
    }
    if (*p == ' ' && p[1] == '(' && strchr(p, ')') && !strchr(p, ')')[1])
      break; /* " (file:line:col)" at the end */
    if (*p >= '0' && *p <= '9') {
      while (*p >= '0' && *p <= '9')
        ++p;
      *out++ = 'N';
      continue;
    }
    *out++ = *p++;
  }
  *out = '\0';
  return r;
}

static void free_site(site *s) {
  free(s->file), free(s->function), free(s->text), free(s->reason);
}

static bool wanted(const filters *only, const site *s) {
  return (!only->file || strstr(s->file, only->file)) &&
         (!only->function || !strcmp(s->function, only->function)) &&
         (only->decision < 0 || only->decision == (int)s->moved);
}

static void add_site(report *r, LLVMRemarkEntryRef remark, bool yaml) {
  static const char kept_prefix[] = "not promoted: ";
  enum LLVMRemarkType type = LLVMRemarkEntryGetType(remark);
  if (type != LLVMRemarkTypePassed && type != LLVMRemarkTypeMissed)
    return;
  LLVMRemarkStringRef name = LLVMRemarkEntryGetRemarkName(remark);
  site s = {.moved = type == LLVMRemarkTypePassed,
            .resize = LLVMRemarkStringGetLen(name) == 13 &&
                      !memcmp(LLVMRemarkStringGetData(name), "ReallocInSlot", 13),
            .source = r->sources};
  LLVMRemarkDebugLocRef loc = LLVMRemarkEntryGetDebugLoc(remark);
  s.file = loc ? remark_string(LLVMRemarkDebugLocGetSourceFilePath(loc)) : copy_of("<unknown>", 9);
  s.line = loc ? LLVMRemarkDebugLocGetSourceLine(loc) : 0;
  s.column = loc ? LLVMRemarkDebugLocGetSourceColumn(loc) : 0;
  s.function = remark_string(LLVMRemarkEntryGetFunctionName(remark));
  char *message = message_of(remark, yaml, &s.bytes);
  size_t skip = strncmp(message, kept_prefix, sizeof kept_prefix - 1) ? 0 : sizeof kept_prefix - 1;
  s.text = copy_of(message + skip, strlen(message + skip));
  free(message);
  s.reason = reason_of(s.text);
  if (!wanted(&r->only, &s)) {
    free_site(&s);
    return;
  }
  if (r->len == r->cap) {
    r->cap = r->cap ? 2 * r->cap : 64;
    r->sites = checked(realloc(r->sites, r->cap * sizeof *r->sites));
  }
  r->sites[r->len++] = s;
}

static bool is_heap2stack(LLVMRemarkEntryRef remark) {
  LLVMRemarkStringRef pass = LLVMRemarkEntryGetPassName(remark);
  return LLVMRemarkStringGetLen(pass) == 10 && !memcmp(LLVMRemarkStringGetData(pass), "heap2stack", 10);
}

/* Reads the remark file 'path'; false (after a one-line error) when it
 * cannot be read or is no remark file. */
static bool read_file(report *r, const char *path) {
  FILE *in = fopen(path, "rb");
  if (!in) {
    fprintf(stderr, "heap2stack-report: cannot read '%s': %s\n", path, strerror(errno));
    return false;
  }
  size_t len = 0, cap = 1 << 16;
  char *buf = checked(malloc(cap));
  for (size_t n; (n = fread(buf + len, 1, cap - len, in)) > 0;) {
    len += n;
    if (len == cap)
      buf = checked(realloc(buf, cap *= 2));
  }
  bool failed = ferror(in);
  fclose(in);
  if (failed) {
    fprintf(stderr, "heap2stack-report: cannot read '%s'\n", path);
    free(buf);
    return false;
  }
  if (len == 0) { /* an empty record: a module without sites */
    free(buf);
    return true;
  }
  bool bitstream = len >= 4 && !memcmp(buf, "RMRK", 4);
  LLVMRemarkParserRef parser = bitstream ? LLVMRemarkParserCreateBitstream(buf, len)
                                         : LLVMRemarkParserCreateYAML(buf, len);
  for (LLVMRemarkEntryRef remark; (remark = LLVMRemarkParserGetNext(parser));) {
    if (is_heap2stack(remark))
      add_site(r, remark, !bitstream);
    LLVMRemarkEntryDispose(remark);
  }
  bool ok = !LLVMRemarkParserHasError(parser);
  if (!ok) {
    const char *why = LLVMRemarkParserGetErrorMessage(parser);
    fprintf(stderr, "heap2stack-report: '%s' is not a readable remark file: %.*s\n", path,
            (int)strcspn(why, "\n"), why);
  }
  LLVMRemarkParserDispose(parser);
  free(buf);
  r->sources++;
  return ok;
}

/* Reads 'path', a file or every file below a directory. */
static bool read_path(report *r, const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) {
    fprintf(stderr, "heap2stack-report: cannot read '%s': %s\n", path, strerror(errno));
    return false;
  }
  if (!S_ISDIR(st.st_mode))
    return read_file(r, path);
  DIR *dir = opendir(path);
  if (!dir) {
    fprintf(stderr, "heap2stack-report: cannot read '%s': %s\n", path, strerror(errno));
    return false;
  }
  bool ok = true;
  for (struct dirent *e; (e = readdir(dir));) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
      continue;
    char *child = checked(malloc(strlen(path) + strlen(e->d_name) + 2));
    sprintf(child, "%s/%s", path, e->d_name);
    ok = read_path(r, child) && ok;
    free(child);
  }
  closedir(dir);
  return ok;
}

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

typedef struct tally {
  const char *key;
  size_t count;
} tally;

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

static const char *decision_of(const site *s) {
  return s->resize ? "resized" : s->moved ? "moved" : "kept";
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

static void print_tallies_json(const char *name, const tally *t, size_t n) {
  printf(",\n  \"%s\": [", name);
  for (size_t i = 0; i < n; ++i) {
    printf("%s{\"key\": ", i ? ", " : "");
    print_json_string(t[i].key);
    printf(", \"sites\": %zu}", t[i].count);
  }
  printf("]");
}

static void print_json(const report *r, size_t moved, unsigned long long bytes,
                       const tally *reasons, size_t nreasons, const tally *files,
                       size_t nfiles) {
  printf("{\n  \"sites\": [");
  for (size_t i = 0; i < r->len; ++i) {
    const site *s = &r->sites[i];
    printf("%s\n    {\"file\": ", i ? "," : "");
    print_json_string(s->file);
    printf(", \"line\": %u, \"column\": %u, \"function\": ", s->line, s->column);
    print_json_string(s->function);
    printf(", \"decision\": \"%s\", \"text\": ", decision_of(s));
    print_json_string(s->text);
    printf("}");
  }
  printf("\n  ],\n  \"moved\": %zu, \"moved_bytes\": %llu, \"kept\": %zu, \"reallocs_in_slot\": %zu",
         moved, bytes, r->len - moved - r->resized, r->resized);
  print_tallies_json("kept_by_reason", reasons, nreasons);
  print_tallies_json("kept_by_file", files, nfiles);
  printf("\n}\n");
}

static void print_text(const report *r, size_t moved, unsigned long long bytes,
                       const tally *reasons, size_t nreasons, const tally *files,
                       size_t nfiles) {
  for (size_t i = 0; i < r->len; ++i) {
    const site *s = &r->sites[i];
    printf("%s:%u:%u: %s: %s\n", s->file, s->line, s->column,
           s->resize ? "resized in slot" : s->moved ? "moved to stack" : "stays on heap",
           s->text);
  }
  printf("\n%zu sites: %zu moved to the stack (%llu bytes of slots), %zu kept on the heap",
         r->len - r->resized, moved, bytes, r->len - moved - r->resized);
  printf(r->resized ? "; %zu reallocs keep moved blocks in their slots\n" : "\n", r->resized);
  if (nreasons)
    printf("kept, by reason:\n");
  for (size_t i = 0; i < nreasons; ++i)
    printf("%8zu  %s\n", reasons[i].count, reasons[i].key);
  if (nfiles)
    printf("files with the most kept sites:\n");
  for (size_t i = 0; i < nfiles && i < 10; ++i)
    printf("%8zu  %s\n", files[i].count, files[i].key);
}

static int usage(void) {
  fputs("usage: heap2stack-report [--json] [--file TEXT] [--function NAME] "
        "[--decision moved|kept] PATH...\n",
        stderr);
  return 2;
}

int main(int argc, char **argv) {
  report r = {.only = {.decision = -1}};
  bool json = false, ok = true, any = false;
  for (int i = 1; i < argc; ++i) {
    const char *a = argv[i];
    if (!strcmp(a, "--json"))
      json = true;
    else if (!strcmp(a, "--file") && i + 1 < argc)
      r.only.file = argv[++i];
    else if (!strcmp(a, "--function") && i + 1 < argc)
      r.only.function = argv[++i];
    else if (!strcmp(a, "--decision") && i + 1 < argc &&
             (!strcmp(argv[i + 1], "moved") || !strcmp(argv[i + 1], "kept")))
      r.only.decision = !strcmp(argv[++i], "moved");
    else if (a[0] == '-' && a[1])
      return usage();
    else
      ok = read_path(&r, a) && ok, any = true;
  }
  if (!any)
    return usage();
  if (!ok)
    return 1;
  sort_unique(&r);
  size_t moved = 0, resized = 0;
  unsigned long long bytes = 0;
  for (size_t i = 0; i < r.len; ++i) {
    resized += r.sites[i].resize;
    if (r.sites[i].moved && !r.sites[i].resize)
      ++moved, bytes += r.sites[i].bytes;
  }
  r.resized = resized;
  tally *reasons = checked(calloc(r.len + 1, sizeof *reasons));
  tally *files = checked(calloc(r.len + 1, sizeof *files));
  size_t nreasons = count_kept(&r, true, reasons), nfiles = count_kept(&r, false, files);
  if (json)
    print_json(&r, moved, bytes, reasons, nreasons, files, nfiles);
  else
    print_text(&r, moved, bytes, reasons, nreasons, files, nfiles);
  return 0;
}
