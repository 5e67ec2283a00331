// RUN: %e2e %s | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Rpass=heap2stack \
// RUN:   -Rpass-missed=heap2stack -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
//
// A URL splitter that works on copies: split_url() takes a strdup of the
// URL, split_path() a malloc(len + 1) copy of its path. Each finds its
// pieces with strstr, strchr, strrchr and memchr, turns the pointers they
// return into offsets by subtracting the copy's start, compares them with
// the start and with NULL; split_url also cuts its copy with NUL bytes. The
// search functions return a pointer into the block they are given, which
// the pass follows as another pointer into the block; comparisons and the
// difference of two pointers into the block let nothing escape. So both
// sites are promoted, to guarded 128-byte slots since their sizes are known
// only at run time.
//
// FIXME: the offsets are plain differences on purpose. LLVM rewrites other
// forms, such as len - (p - copy) (into (len + ptrtoint copy) - ptrtoint p)
// or the difference of a pointer chosen by a conditional (into a phi of
// ptrtoints), and the pass refuses those as "converted to an integer".
//
// The ten URLs are split 20 times each: 200 strdups, and 160 mallocs for
// the eight that have a path. All fit the slots but the 150-byte URL, whose
// strdup (151 bytes) and path copy (134 bytes) reach the heap: 40 blocks
// with the plugin, plus stdio's buffer. Every piece is checked against what
// the URL table expects.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 361 without the plugin, 41 with it
//
// REMARK: remark: copied the 'strdup' string to a 128-byte stack slot when it fits, to the heap when longer
// REMARK: remark: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kRounds = 20 };

/* What split_url and split_path should find in a URL; -1: absent. */
typedef struct url_case {
  const char *url;
  int scheme_len;  /* length of the scheme before "://" */
  int port;        /* the port after the host's ':' */
  int path_at;     /* offset of the path: its first '/' after the host */
  int query_at;    /* offset of '?' */
  int file_at;     /* offset of the last component in the path */
  int ext_at;      /* offset of the extension after the last '.' in it */
} url_case;

static char g_long_url[150 + 1];

static url_case g_cases[] = {
    {"http://example.org/index.html", 4, -1, 18, -1, 1, 7},
    {"https://example.org:8443/a/b/c.tar.gz?x=1", 5, 8443, 24, 37, 5, 11},
    {"ftp://h/", 3, -1, 7, -1, 1, -1},
    {"/usr/share/doc/README", -1, -1, 0, -1, 15, -1},
    {"file:///etc/hosts", 4, -1, 7, -1, 5, -1},
    {"relative/path.c", -1, -1, 8, -1, 1, 6},
    {"http://localhost:80", 4, 80, -1, -1, -1, -1},
    {"svn+ssh://host/repo/trunk/?rev=12", 7, -1, 14, 26, 12, -1},
    {"", -1, -1, -1, -1, -1, -1},
    {g_long_url, 5, 9000, 17, -1, 123, 130}, /* filled in by main */
};
enum { kCases = sizeof g_cases / sizeof g_cases[0] };

/* Returns the offset of 'piece' in 'base', or -1 for NULL. */
static int offset_in(const char *base, const char *piece) {
  return piece ? (int)(piece - base) : -1;
}

/* Splits a strdup of case 'c''s URL into scheme, host, port, path and query,
   and returns the number of pieces that differ from what 'c' expects. */
__attribute__((noinline)) int split_url(const url_case *c) {
  char *copy = strdup(c->url);
  if (!copy)
    return 100;
  int wrong = 0;
  char *sep = strstr(copy, "://");
  wrong += offset_in(copy, sep) != c->scheme_len;
  char *rest = sep ? sep + 3 : copy;
  if (sep) {
    *sep = '\0';
    wrong += strlen(copy) != (size_t)c->scheme_len;
  }
  char *query = strchr(rest, '?');
  wrong += offset_in(copy, query) != c->query_at;
  if (query)
    *query = '\0';
  char *path = strchr(rest, '/');
  wrong += offset_in(copy, path) != c->path_at;
  wrong += (path == copy) != (c->path_at == 0);
  char *host_end = path ? path : rest + strlen(rest);
  char *colon = sep ? memchr(rest, ':', (size_t)(host_end - rest)) : NULL;
  int port = colon ? atoi(colon + 1) : -1;
  wrong += port != c->port;
  free(copy);
  return wrong;
}

/* Copies the path of 'c''s URL (without its query) into a malloc'd block,
   finds its last component and extension, and returns the number of them
   that differ from what 'c' expects. */
__attribute__((noinline)) int split_path(const url_case *c) {
  const char *path = c->url + c->path_at;
  size_t len = c->query_at < 0 ? strlen(path) : (size_t)(c->query_at - c->path_at);
  char *copy = malloc(len + 1);
  if (!copy)
    return 100;
  memcpy(copy, path, len);
  copy[len] = '\0';
  int wrong = 0;
  char *slash = strrchr(copy, '/');
  char *file = slash ? slash + 1 : copy;
  wrong += offset_in(copy, file) != c->file_at;
  /* A path without '/' is all file name; memchr agrees with strrchr. */
  wrong += (file == copy) != (memchr(copy, '/', len) == NULL);
  char *dot = strrchr(file, '.');
  wrong += offset_in(copy, dot ? dot + 1 : NULL) != c->ext_at;
  free(copy);
  return wrong;
}

int main(void) {
  /* "https://host:9000" then a path of 133 bytes: "/", 121 letters,
     "/file01.dat". */
  size_t at = (size_t)sprintf(g_long_url, "https://host:9000/");
  for (; at < 150 - 11; ++at)
    g_long_url[at] = (char)('a' + at % 26);
  strcpy(g_long_url + at, "/file01.dat");
  int wrong = 0;
  for (int round = 0; round < kRounds; ++round)
    for (int i = 0; i < kCases; ++i) {
      const url_case *c = &g_cases[i];
      int w = split_url(c);
      if (c->path_at >= 0)
        w += split_path(c);
      if (w && round == 0)
        printf("case %d (%s): %d pieces wrong\n", i, c->url, w);
      wrong += w;
    }
  printf("%d URLs split, %d pieces wrong\n", kRounds * kCases, wrong);
  return wrong != 0;
}
