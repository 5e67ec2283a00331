/*===- libc.c - What C library calls do with pointers LLVM cannot say ----===*
 *
 * LLVM's attributes describe captures per parameter, so two common cases of
 * C library calls look like escapes when they are not:
 *   - formatted I/O (printf, sscanf, ...) only reads or writes through its
 *     variadic pointer arguments during the call;
 *   - string searches and copies (strchr, strcpy, ...) return a pointer into
 *     an argument and keep nothing, which LLVM marks at best as `returned`.
 * This file is that knowledge, keyed by the name TargetLibraryInfo gives the
 * callee, so a nobuiltin call or a disabled library function never matches.
 *
 *===----------------------------------------------------------------------===*/
#include "libc.h"

#include <string.h>

static bool listed(const char *name, const char *const *names, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (strcmp(name, names[i]) == 0)
      return true;
  return false;
}

#define LISTED(name, array) listed(name, array, sizeof array / sizeof *array)

static const char *const formatted_io[] = {
    "printf", "fprintf", "sprintf", "snprintf", "dprintf",
    "scanf",  "fscanf",  "sscanf"};

/* Functions whose pointer arguments are captured, if at all, only by being
 * returned (or a pointer into them being returned). */
static const char *const returns_into_argument[] = {
    "strcpy",  "strncpy", "strcat",  "strncat", "stpcpy", "stpncpy",
    "strchr",  "strrchr", "strstr",  "strpbrk", "memchr", "memrchr",
    "memcpy",  "memmove", "memset",  "mempcpy", "memccpy"};

h2s_capture h2s_libc_arg_capture(const char *name, bool variadic) {
  if (variadic && LISTED(name, formatted_io))
    return H2S_CAPTURES_NOTHING;
  if (!variadic && LISTED(name, returns_into_argument))
    return H2S_CAPTURES_RET_ONLY;
  return H2S_CAPTURES_MAYBE;
}
