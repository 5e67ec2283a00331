/*===- read.c - heap2stack's remarks, from remark files -------------------===*
 *
 * Reads LLVM remark files (the pass's own record, -heap2stack-record, and
 * clang's -fsave-optimization-record or opt's -pass-remarks-output), in YAML
 * or bitstream, from files and directories, and keeps heap2stack's remarks
 * as sites: where, in which function, moved or kept, the message -Rpass
 * prints, the reason it was kept (the message with names, numbers and
 * locations taken out) and the escape path.  An empty file is a record
 * without sites.
 *
 *===----------------------------------------------------------------------===*/
#define _XOPEN_SOURCE 700
#include "report.h"

#include <llvm-c/Remarks.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static bool key_is(LLVMRemarkArgRef arg, const char *key) {
  LLVMRemarkStringRef k = LLVMRemarkArgGetKey(arg);
  return LLVMRemarkStringGetLen(k) == strlen(key) &&
         !memcmp(LLVMRemarkStringGetData(k), key, strlen(key));
}

/* "file:line:col" of the argument's debug location, or NULL. */
static char *location_of(LLVMRemarkArgRef arg) {
  LLVMRemarkDebugLocRef loc = LLVMRemarkArgGetDebugLoc(arg);
  if (!loc || !LLVMRemarkDebugLocGetSourceLine(loc)) /* line 0: made by the compiler */
    return NULL;
  LLVMRemarkStringRef file = LLVMRemarkDebugLocGetSourceFilePath(loc);
  char *text = checked(malloc(LLVMRemarkStringGetLen(file) + 32));
  sprintf(text, "%.*s:%u:%u", (int)LLVMRemarkStringGetLen(file),
          LLVMRemarkStringGetData(file), LLVMRemarkDebugLocGetSourceLine(loc),
          LLVMRemarkDebugLocGetSourceColumn(loc));
  return text;
}

static void add_step(site *s, LLVMRemarkArgRef arg, bool yaml) {
  LLVMRemarkStringRef value = LLVMRemarkArgGetValue(arg);
  size_t len = 0;
  s->path = checked(realloc(s->path, (s->npath + 1) * sizeof *s->path));
  s->path[s->npath++] = (step){
      append(copy_of("", 0), &len, LLVMRemarkStringGetData(value), LLVMRemarkStringGetLen(value),
             yaml),
      location_of(arg)};
}

/* The remark's message, its arguments' values in order, into 's': the
 * escape path's steps ("Path") and punctuation ("PathSep"), which the
 * message -Rpass prints leaves out, go to s->path instead. */
static char *message_of(LLVMRemarkEntryRef remark, bool yaml, site *s) {
  size_t len = 0;
  char *text = copy_of("", 0);
  for (LLVMRemarkArgRef arg = LLVMRemarkEntryGetFirstArg(remark); arg;
       arg = LLVMRemarkEntryGetNextArg(arg, remark)) {
    LLVMRemarkStringRef value = LLVMRemarkArgGetValue(arg);
    if (key_is(arg, "Path"))
      add_step(s, arg, yaml);
    if (key_is(arg, "Path") || key_is(arg, "PathSep"))
      continue;
    if (key_is(arg, "Bytes"))
      s->bytes = strtoull(LLVMRemarkStringGetData(value), NULL, 10);
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

void free_site(site *s) {
  free(s->file), free(s->function), free(s->text), free(s->reason);
  for (size_t i = 0; i < s->npath; ++i)
    free(s->path[i].text), free(s->path[i].loc);
  free(s->path);
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
  char *message = message_of(remark, yaml, &s);
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
  if (!in)
    return cannot_read(path);
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

bool read_remarks(report *r, const char *path) {
  struct stat st;
  if (stat(path, &st) != 0)
    return cannot_read(path);
  if (!S_ISDIR(st.st_mode))
    return read_file(r, path);
  DIR *dir = opendir(path);
  if (!dir)
    return cannot_read(path);
  bool ok = true;
  for (struct dirent *e; (e = readdir(dir));) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
      continue;
    char *child = checked(malloc(strlen(path) + strlen(e->d_name) + 2));
    sprintf(child, "%s/%s", path, e->d_name);
    ok = read_remarks(r, child) && ok;
    free(child);
  }
  closedir(dir);
  return ok;
}

