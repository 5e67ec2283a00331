/*===- libc.c - What C library calls do with pointers LLVM cannot say ----===*
 *
 * LLVM's attributes describe captures per parameter and are inferred only
 * for the names TargetLibraryInfo knows, so common C library calls look
 * like escapes when they are not:
 *   - formatted I/O (printf, snprintf, sscanf, ...) reads or writes through
 *     its pointer arguments during the call, variadic ones included, and
 *     keeps none of them;
 *   - string searches and copies (strchr, strcpy, ...) return a pointer into
 *     an argument and keep nothing, which LLVM marks at best as `returned`;
 *   - glibc's _FORTIFY_SOURCE wrappers (__snprintf_chk, __strcpy_chk) carry
 *     no attributes at all.
 * None of these functions frees memory it is given.  The table is keyed by
 * the name the bridge reports for the callee (the wrapped function's name
 * for fortified wrappers), so a nobuiltin call or a library function the
 * TargetLibraryInfo has disabled never matches.
 *
 *===----------------------------------------------------------------------===*/
#include "libc.h"

#include <string.h>

typedef struct h2s_libc_entry {
  const char *name;
  h2s_capture capture; /* of every pointer argument */
} h2s_libc_entry;

static const h2s_libc_entry known[] = {
    {"printf", H2S_CAPTURES_NOTHING},    {"fprintf", H2S_CAPTURES_NOTHING},
    {"sprintf", H2S_CAPTURES_NOTHING},   {"snprintf", H2S_CAPTURES_NOTHING},
    {"dprintf", H2S_CAPTURES_NOTHING},   {"scanf", H2S_CAPTURES_NOTHING},
    {"fscanf", H2S_CAPTURES_NOTHING},    {"sscanf", H2S_CAPTURES_NOTHING},
    {"puts", H2S_CAPTURES_NOTHING},      {"fputs", H2S_CAPTURES_NOTHING},
    {"fwrite", H2S_CAPTURES_NOTHING},    {"fread", H2S_CAPTURES_NOTHING},
    {"strlen", H2S_CAPTURES_NOTHING},    {"strnlen", H2S_CAPTURES_NOTHING},
    {"strcmp", H2S_CAPTURES_NOTHING},    {"strncmp", H2S_CAPTURES_NOTHING},
    {"memcmp", H2S_CAPTURES_NOTHING},    {"strcpy", H2S_CAPTURES_RET_ONLY},
    {"strncpy", H2S_CAPTURES_RET_ONLY},  {"strcat", H2S_CAPTURES_RET_ONLY},
    {"strncat", H2S_CAPTURES_RET_ONLY},  {"stpcpy", H2S_CAPTURES_RET_ONLY},
    {"stpncpy", H2S_CAPTURES_RET_ONLY},  {"strchr", H2S_CAPTURES_RET_ONLY},
    {"strrchr", H2S_CAPTURES_RET_ONLY},  {"strstr", H2S_CAPTURES_RET_ONLY},
    {"strpbrk", H2S_CAPTURES_RET_ONLY},  {"memchr", H2S_CAPTURES_RET_ONLY},
    {"memrchr", H2S_CAPTURES_RET_ONLY},  {"memcpy", H2S_CAPTURES_RET_ONLY},
    {"memmove", H2S_CAPTURES_RET_ONLY},  {"memset", H2S_CAPTURES_RET_ONLY},
    {"mempcpy", H2S_CAPTURES_RET_ONLY},  {"memccpy", H2S_CAPTURES_RET_ONLY},
};

bool h2s_libc_arg_capture(const char *name, h2s_capture *capture) {
  for (size_t i = 0; i < sizeof known / sizeof *known; ++i)
    if (strcmp(name, known[i].name) == 0) {
      *capture = known[i].capture;
      return true;
    }
  return false;
}
