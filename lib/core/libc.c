/*===- libc.c - What C library calls do with pointers LLVM cannot say ----===*
 *
 * LLVM's attributes describe captures per parameter and are inferred only
 * for the names TargetLibraryInfo knows, so common C library calls look
 * like escapes when they are not:
 *   - formatted I/O (printf, snprintf, sscanf, ...) reads or writes through
 *     its pointer arguments during the call, variadic ones included, and
 *     keeps none of them, except that printf's "%p" writes an address out
 *     as text, which a program could read back;
 *   - string searches and copies (strchr, strcpy, ...) return a pointer into
 *     an argument and keep nothing, which LLVM marks at best as `returned`;
 *   - glibc's _FORTIFY_SOURCE wrappers (__snprintf_chk, __strcpy_chk) carry
 *     no attributes at all;
 *   - qsort keeps nothing of its array, but hands pointers into it to its
 *     comparator, which may keep them (h2s_libc_callback() names it).
 * None of these functions frees memory it is given.  The table is keyed by
 * the name the bridge reports for the callee (the wrapped function's name
 * for fortified wrappers), so a nobuiltin call or a library function the
 * TargetLibraryInfo has disabled never matches.
 *
 *===----------------------------------------------------------------------===*/
#include "libc.h"

#include <string.h>

typedef enum h2s_libc_kind {
  H2S_LIBC_KEEPS_NOTHING,   /* reads or writes through its pointers only */
  H2S_LIBC_RETURNS_INTO_ARG,/* returns null or a pointer into argument 0 */
  H2S_LIBC_PRINTS,          /* keeps nothing, but may print an address */
  H2S_LIBC_CALLS_BACK       /* keeps nothing itself, but hands pointers into
                               its first argument to the function in its
                               fourth (qsort's comparator) */
} h2s_libc_kind;

typedef struct h2s_libc_entry {
  const char *name;
  h2s_libc_kind kind;
} h2s_libc_entry;

static const h2s_libc_entry known[] = {
    {"printf", H2S_LIBC_PRINTS},          {"fprintf", H2S_LIBC_PRINTS},
    {"sprintf", H2S_LIBC_PRINTS},         {"snprintf", H2S_LIBC_PRINTS},
    {"dprintf", H2S_LIBC_PRINTS},         {"scanf", H2S_LIBC_KEEPS_NOTHING},
    {"fscanf", H2S_LIBC_KEEPS_NOTHING},   {"sscanf", H2S_LIBC_KEEPS_NOTHING},
    {"puts", H2S_LIBC_KEEPS_NOTHING},     {"fputs", H2S_LIBC_KEEPS_NOTHING},
    {"fwrite", H2S_LIBC_KEEPS_NOTHING},   {"fread", H2S_LIBC_KEEPS_NOTHING},
    {"strlen", H2S_LIBC_KEEPS_NOTHING},   {"strnlen", H2S_LIBC_KEEPS_NOTHING},
    {"strcmp", H2S_LIBC_KEEPS_NOTHING},   {"strncmp", H2S_LIBC_KEEPS_NOTHING},
    {"memcmp", H2S_LIBC_KEEPS_NOTHING},   {"bcmp", H2S_LIBC_KEEPS_NOTHING},
    {"strcpy", H2S_LIBC_RETURNS_INTO_ARG},
    {"strncpy", H2S_LIBC_RETURNS_INTO_ARG}, {"strcat", H2S_LIBC_RETURNS_INTO_ARG},
    {"strncat", H2S_LIBC_RETURNS_INTO_ARG}, {"stpcpy", H2S_LIBC_RETURNS_INTO_ARG},
    {"stpncpy", H2S_LIBC_RETURNS_INTO_ARG}, {"strchr", H2S_LIBC_RETURNS_INTO_ARG},
    {"strrchr", H2S_LIBC_RETURNS_INTO_ARG}, {"strstr", H2S_LIBC_RETURNS_INTO_ARG},
    {"strpbrk", H2S_LIBC_RETURNS_INTO_ARG}, {"memchr", H2S_LIBC_RETURNS_INTO_ARG},
    {"memrchr", H2S_LIBC_RETURNS_INTO_ARG}, {"memcpy", H2S_LIBC_RETURNS_INTO_ARG},
    {"memmove", H2S_LIBC_RETURNS_INTO_ARG}, {"memset", H2S_LIBC_RETURNS_INTO_ARG},
    {"mempcpy", H2S_LIBC_RETURNS_INTO_ARG}, {"memccpy", H2S_LIBC_RETURNS_INTO_ARG},
    {"strtok_r", H2S_LIBC_RETURNS_INTO_ARG}, {"strtol", H2S_LIBC_KEEPS_NOTHING},
    {"strtoul", H2S_LIBC_KEEPS_NOTHING},  {"strtoll", H2S_LIBC_KEEPS_NOTHING},
    {"strtoull", H2S_LIBC_KEEPS_NOTHING}, {"strtod", H2S_LIBC_KEEPS_NOTHING},
    {"strtof", H2S_LIBC_KEEPS_NOTHING},   {"strtold", H2S_LIBC_KEEPS_NOTHING},
    {"qsort", H2S_LIBC_CALLS_BACK},
};

/* What a function does with the bytes its first arguments point to, for
 * objects that hold blocks' pointers (memflow.c), and the pointer it stores
 * through an argument: strtol's *endptr and strtok_r's *saveptr receive a
 * pointer into argument 0.  Arguments past 'contents' and functions not
 * listed expose the bytes, but for the printf family's variadic arguments
 * (printed_contents()). */
typedef struct h2s_libc_memory {
  const char *name;
  h2s_contents contents[3];
  signed char stored_arg, into_arg; /* -1: stores no pointer */
} h2s_libc_memory;

#define READS1 {H2S_CONTENTS_READ}
#define READS2 {H2S_CONTENTS_READ, H2S_CONTENTS_READ}
#define WRITES1 {H2S_CONTENTS_WRITTEN}
#define ENDPTR {H2S_CONTENTS_EXPOSED, H2S_CONTENTS_WRITTEN}, 0, 1
static const h2s_libc_memory memory[] = {
    {"strlen", READS1, -1, -1},  {"strnlen", READS1, -1, -1},
    {"strcmp", READS2, -1, -1},  {"strncmp", READS2, -1, -1},
    {"memcmp", READS2, -1, -1},  {"bcmp", READS2, -1, -1},
    {"strchr", READS1, -1, -1},
    {"strrchr", READS1, -1, -1}, {"memchr", READS1, -1, -1},
    {"memrchr", READS1, -1, -1}, {"strstr", READS2, -1, -1},
    {"strpbrk", READS2, -1, -1}, {"strspn", READS2, -1, -1},
    {"strcspn", READS2, -1, -1}, {"memset", WRITES1, -1, -1},
    {"memcpy", WRITES1, -1, -1}, {"memmove", WRITES1, -1, -1},
    {"strcpy", WRITES1, -1, -1}, {"strncpy", WRITES1, -1, -1},
    {"stpcpy", WRITES1, -1, -1}, {"stpncpy", WRITES1, -1, -1},
    {"snprintf", WRITES1, -1, -1}, {"sprintf", WRITES1, -1, -1},
    {"strtol", ENDPTR},  {"strtoul", ENDPTR}, {"strtoll", ENDPTR},
    {"strtoull", ENDPTR}, {"strtod", ENDPTR}, {"strtof", ENDPTR},
    {"strtold", ENDPTR},
    {"strtok_r", {H2S_CONTENTS_EXPOSED, H2S_CONTENTS_READ, H2S_CONTENTS_RESUME}, 0, 2},
};
#undef READS1
#undef READS2
#undef WRITES1
#undef ENDPTR

static const h2s_libc_memory *memory_entry(const char *name) {
  for (size_t i = 0; i < sizeof memory / sizeof *memory; ++i)
    if (strcmp(name, memory[i].name) == 0)
      return &memory[i];
  return NULL;
}

LLVMValueRef h2s_libc_pointer_out(const char *name, LLVMValueRef call, unsigned index) {
  const h2s_libc_memory *m = memory_entry(name);
  if (!m || m->stored_arg != (int)index || m->into_arg < 0 ||
      (unsigned)m->into_arg >= LLVMGetNumArgOperands(call))
    return NULL;
  LLVMValueRef cell = LLVMGetOperand(call, (unsigned)m->into_arg);
  return LLVMIsAConstantPointerNull(cell) ? NULL : cell;
}

/* The characters of the constant C string 'v' points to, or NULL. */
static const char *constant_string(LLVMValueRef v, size_t *len) {
  if (!LLVMIsAGlobalVariable(v) || !LLVMIsGlobalConstant(v))
    return NULL;
  LLVMValueRef init = LLVMGetInitializer(v);
  return init && LLVMIsConstantString(init) ? LLVMGetAsString(init, len) : NULL;
}

/* True unless 'format' is known to have no conversion whose letter is in
 * 'letters' (or, when 'outside', is not in them). */
static bool may_convert(const char *format, size_t len, const char *letters, bool outside) {
  if (!format)
    return true;
  for (size_t i = 0; i < len; ++i) {
    if (format[i] != '%')
      continue;
    ++i;
    while (i < len && strchr("-+ #0123456789.*$'IhlLqjztZ", format[i]))
      ++i; /* position (1$), flags, width, precision, length */
    if (i < len && (strchr(letters, format[i]) != NULL) != outside)
      return true;
  }
  return false;
}

/* The format of a printf-family call is its last named parameter, for the
 * plain functions and the fortified wrappers alike. */
static bool call_may_convert(LLVMValueRef call, const char *letters, bool outside) {
  unsigned fixed = LLVMCountParamTypes(LLVMGetCalledFunctionType(call));
  size_t len = 0;
  const char *format =
      fixed ? constant_string(LLVMGetOperand(call, fixed - 1), &len) : NULL;
  return may_convert(format, len, letters, outside);
}

/* glibc's own conversions: C's, %m, and the old wide %C and %S. */
static const char standard_conversions[] = "diouxXeEfFgGaAcspnmCS%";

/* True when a printf-family call may hand its variadic arguments to a
 * handler the program registered (register_printf_specifier), which may
 * keep them: its format has a conversion glibc does not define, or its
 * module registers handlers, which may redefine even the standard ones. */
static bool may_run_printf_handler(LLVMValueRef call) {
  LLVMModuleRef mod = LLVMGetGlobalParent(LLVMGetBasicBlockParent(LLVMGetInstructionParent(call)));
  return h2s_libc_installs_printf_handlers(mod) ||
         call_may_convert(call, standard_conversions, true);
}

static bool is_variadic_argument(LLVMValueRef call, unsigned index) {
  return index >= LLVMCountParamTypes(LLVMGetCalledFunctionType(call));
}

static const h2s_libc_entry *known_entry(const char *name) {
  for (size_t i = 0; i < sizeof known / sizeof *known; ++i)
    if (strcmp(name, known[i].name) == 0)
      return &known[i];
  return NULL;
}

/* A printf-family call reads the characters of its variadic pointer
 * arguments (%s) or none of their bytes (%p, %d), and may write a count
 * into one when a "%n" is in its format (or a format it cannot read); a
 * handler the program registered may do anything with them.
 * sprintf and snprintf copy the characters they read into their
 * destination ('to_memory'), which the pass does not follow; a count
 * written there as well is more than one answer can say. */
static h2s_contents printed_contents(LLVMValueRef call, bool to_memory) {
  if (may_run_printf_handler(call))
    return H2S_CONTENTS_EXPOSED;
  bool counts = call_may_convert(call, "n", false);
  if (to_memory)
    return counts ? H2S_CONTENTS_EXPOSED : H2S_CONTENTS_COPIED;
  return counts ? H2S_CONTENTS_READ_OR_WRITTEN : H2S_CONTENTS_READ;
}

h2s_contents h2s_libc_contents(const char *name, LLVMValueRef call, unsigned index) {
  const h2s_libc_entry *k = known_entry(name);
  const h2s_libc_memory *m = memory_entry(name);
  if (k && k->kind == H2S_LIBC_PRINTS && is_variadic_argument(call, index))
    return printed_contents(call, m && m->contents[0] == H2S_CONTENTS_WRITTEN);
  return m && index < 3 ? m->contents[index] : H2S_CONTENTS_EXPOSED;
}

static h2s_capture capture_by(h2s_libc_kind kind, LLVMValueRef call,
                              unsigned index) {
  switch (kind) {
  case H2S_LIBC_KEEPS_NOTHING:
  case H2S_LIBC_CALLS_BACK: /* the callback: h2s_libc_callback() */
    return H2S_CAPTURES_NOTHING;
  case H2S_LIBC_RETURNS_INTO_ARG:
    return H2S_CAPTURES_RET_ONLY;
  case H2S_LIBC_PRINTS:
    return is_variadic_argument(call, index) &&
                   (call_may_convert(call, "p", false) || may_run_printf_handler(call))
               ? H2S_CAPTURES_MAYBE
               : H2S_CAPTURES_NOTHING;
  }
  return H2S_CAPTURES_MAYBE;
}

bool h2s_libc_returns_into_first(const char *name) {
  const h2s_libc_entry *k = known_entry(name);
  return k && k->kind == H2S_LIBC_RETURNS_INTO_ARG;
}

bool h2s_libc_arg_capture(const char *name, LLVMValueRef call, unsigned index,
                          h2s_capture *capture) {
  const h2s_libc_entry *k = known_entry(name);
  if (k)
    *capture = capture_by(k->kind, call, index);
  return k != NULL;
}

static bool listed(const char *const *list, size_t n, const char *name) {
  for (size_t i = 0; i < n; ++i)
    if (strcmp(name, list[i]) == 0)
      return true;
  return false;
}

/* The C library functions that call functions they are given: sorting,
 * searching and tree walks, threads, exit and signal handlers, custom
 * streams.  exit runs the handlers atexit was given. */
static const char *const calls_back[] = {
    "qsort",      "qsort_r",       "bsearch",      "lfind",       "lsearch",
    "tsearch",    "tfind",         "tdelete",      "twalk",       "twalk_r",
    "ftw",        "nftw",          "scandir",      "scandirat",   "glob",
    "pthread_create", "pthread_once", "atexit",    "at_quick_exit", "on_exit",
    "__cxa_atexit", "__cxa_thread_atexit_impl", "exit", "quick_exit",
    "signal",     "sigaction",     "bsd_signal",   "sysv_signal", "sigset",
    "raise",      "kill",          "fopencookie",  "dl_iterate_phdr",
};

bool h2s_libc_calls_back(const char *name) {
  return listed(calls_back, sizeof calls_back / sizeof *calls_back, name);
}

/* True when 'mod' calls one of the 'n' functions 'names'. */
static bool calls_any(LLVMModuleRef mod, const char *const *names, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    LLVMValueRef fn = LLVMGetNamedFunction(mod, names[i]);
    if (fn && LLVMGetFirstUse(fn))
      return true;
  }
  return false;
}

/* glibc's functions that register the program's handlers for printf
 * conversions. */
static const char *const registers_printf_handlers[] = {
    "register_printf_function", "register_printf_specifier",
};

bool h2s_libc_installs_printf_handlers(LLVMModuleRef mod) {
  return calls_any(mod, registers_printf_handlers,
                   sizeof registers_printf_handlers / sizeof *registers_printf_handlers);
}

bool h2s_libc_installs_stdio_callbacks(LLVMModuleRef mod) {
  static const char *const cookie[] = {"fopencookie"};
  return h2s_libc_installs_printf_handlers(mod) || calls_any(mod, cookie, 1);
}

/* The functions TargetLibraryInfo names that write, read, seek, flush or
 * close a stream (stdout's too), or format as printf does.  The stdio
 * functions it does not name (the wide ones, __overflow) count as calling
 * back anyway: recursion.c sends every C library declaration it cannot
 * name to the address-taken functions. */
static const char *const runs_stdio_callbacks[] = {
    "fclose",  "fflush",  "fgetc",   "fgetc_unlocked", "fgetpos", "fgets",  "fgets_unlocked",
    "fiprintf", "fprintf", "fputc",  "fputc_unlocked", "fputs",   "fputs_unlocked", "fread",
    "fread_unlocked", "freopen", "fscanf", "fseek", "fseeko", "fseeko64", "fsetpos", "ftell",
    "ftello", "ftello64", "fwrite",  "fwrite_unlocked", "getc",   "getc_unlocked", "getchar",
    "getchar_unlocked", "gets",   "iprintf", "perror", "printf",  "putc",   "putc_unlocked",
    "putchar", "putchar_unlocked", "puts", "rewind", "scanf",     "setbuf", "setvbuf",
    "siprintf", "snprintf", "sprintf", "ungetc", "vfprintf", "vfscanf", "vprintf", "vscanf",
    "vsnprintf", "vsprintf",
};

bool h2s_libc_runs_stdio_callbacks(const char *name) {
  return listed(runs_stdio_callbacks, sizeof runs_stdio_callbacks / sizeof *runs_stdio_callbacks,
                name);
}

int h2s_libc_callback(const char *name, unsigned index) {
  const h2s_libc_entry *k = known_entry(name);
  return k && k->kind == H2S_LIBC_CALLS_BACK && index == 0 ? 3 : -1;
}
