/*===- report.c - heap2stack-report: every site's verdict, from remark files ===*
 *
 * Reads heap2stack's remarks from LLVM remark files and directories
 * (read.c), prints one line per site and a summary (summary.c, print.c),
 * and with --profile ranks the allocation call sites of a profiled run by
 * what promoting them would save (profile.c).  Unreadable or malformed input
 * is one line on stderr naming the file, nothing on stdout, and exit status
 * 1.
 *
 * Usage: heap2stack-report [-v] [--json] [--file TEXT] [--function NAME]
 *                          [--decision moved|kept]
 *                          [--profile FILE [--symbolizer PATH]] PATH...
 *
 *===----------------------------------------------------------------------===*/
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *checked(void *p) {
  if (!p) {
    fputs("heap2stack-report: out of memory\n", stderr);
    exit(1);
  }
  return p;
}

char *copy_of(const char *s, size_t n) {
  char *c = checked(malloc(n + 1));
  memcpy(c, s, n);
  c[n] = '\0';
  return c;
}

bool cannot_read(const char *path) {
  fprintf(stderr, "heap2stack-report: cannot read '%s': %s\n", path, strerror(errno));
  return false;
}

static int usage(void) {
  fputs("usage: heap2stack-report [-v] [--json] [--file TEXT] [--function NAME] "
        "[--decision moved|kept] [--profile FILE [--symbolizer PATH]] PATH...\n",
        stderr);
  return 2;
}

int main(int argc, char **argv) {
  report r = {.only = {.decision = -1}};
  bool json = false, verbose = false, ok = true, any = false;
  const char *profile_path = NULL, *symbolizer = H2S_SYMBOLIZER;
  for (int i = 1; i < argc; ++i) {
    const char *a = argv[i];
    if (!strcmp(a, "--json"))
      json = true;
    else if (!strcmp(a, "-v"))
      verbose = true;
    else if (!strcmp(a, "--file") && i + 1 < argc)
      r.only.file = argv[++i];
    else if (!strcmp(a, "--function") && i + 1 < argc)
      r.only.function = argv[++i];
    else if (!strcmp(a, "--decision") && i + 1 < argc &&
             (!strcmp(argv[i + 1], "moved") || !strcmp(argv[i + 1], "kept")))
      r.only.decision = !strcmp(argv[++i], "moved");
    else if (!strcmp(a, "--profile") && i + 1 < argc)
      profile_path = argv[++i];
    else if (!strcmp(a, "--symbolizer") && i + 1 < argc)
      symbolizer = argv[++i];
    else if (a[0] == '-' && a[1])
      return usage();
    else
      ok = read_remarks(&r, a) && ok, any = true;
  }
  if (!any)
    return usage();
  if (!ok)
    return 1;
  summary s = summarize(&r);
  profile p = {0};
  if (profile_path && !read_profile(&r, profile_path, symbolizer, &p))
    return 1;
  if (profile_path && json)
    print_profile_json(&p);
  else if (profile_path)
    print_profile(&p);
  else if (json)
    print_json(&r, &s);
  else
    print_text(&r, &s, verbose);
  return 0;
}
