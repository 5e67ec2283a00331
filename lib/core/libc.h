/*===- libc.h - What C library calls do with pointers LLVM cannot say ----===*/
#ifndef HEAP2STACK_LIBC_H
#define HEAP2STACK_LIBC_H

#include "site.h"

#include <stdbool.h>

/* When C library function 'name' (as the bridge names it), called by
 * 'call', is one libc.c describes, sets '*capture' to how it may capture
 * its argument 'index' and returns true; such a function never frees its
 * arguments. */
bool h2s_libc_arg_capture(const char *name, LLVMValueRef call, unsigned index,
                          h2s_capture *capture);

/* What a C library call does with the bytes an argument points to. */
typedef enum h2s_contents {
  H2S_CONTENTS_EXPOSED, /* may copy them elsewhere or use pointers in them */
  H2S_CONTENTS_READ,    /* compares, searches or prints them as characters
                           during the call, forward from the pointer */
  H2S_CONTENTS_COPIED,  /* copies them as characters into another
                           argument's memory (sprintf's %s) */
  H2S_CONTENTS_WRITTEN, /* overwrites them, forward from the pointer
                           (strcpy's destination, *endptr) */
  H2S_CONTENTS_READ_OR_WRITTEN, /* prints them or writes a count there
                                   (printf's %s or %n) */
  H2S_CONTENTS_RESUME   /* strtok_r's *saveptr: read when argument 0 is
                           null (the call returns a pointer derived from
                           what it read, and stores one back), always
                           written */
} h2s_contents;

/* How C library function 'name', called by 'call', treats the bytes its
 * argument 'index' points to; H2S_CONTENTS_EXPOSED for functions libc.c
 * does not describe. */
h2s_contents h2s_libc_contents(const char *name, LLVMValueRef call, unsigned index);

/* The argument of 'name' that holds the function to which the call hands
 * pointers into its argument 'index' (qsort's comparator, for its array),
 * or -1.  h2s_libc_arg_capture() answers for the call itself only. */
int h2s_libc_callback(const char *name, unsigned index);

/* True when C library function 'name' returns null or a pointer into its
 * first argument (strchr, strcpy, strtok_r), and nothing else. */
bool h2s_libc_returns_into_first(const char *name);

/* True when C library function 'name' may call a function it is handed,
 * or one it was handed before (qsort, pthread_create, atexit, signal). */
bool h2s_libc_calls_back(const char *name);

/* True when 'mod' registers handlers for printf conversions (glibc's
 * register_printf_specifier), which then receive printf's arguments. */
bool h2s_libc_installs_printf_handlers(LLVMModuleRef mod);

/* True when 'mod' gives stdio functions of the program to call later: a
 * cookie stream's (fopencookie), or printf handlers. */
bool h2s_libc_installs_stdio_callbacks(LLVMModuleRef mod);

/* True when C library function 'name' may run the functions stdio was
 * given (fputc on a cookie stream, printf with a registered conversion). */
bool h2s_libc_runs_stdio_callbacks(const char *name);

/* The memory into which call 'call' of 'name' stores a pointer into its
 * argument 'index' (what strtol's endptr points to, for its string), or
 * NULL when it stores none (a null endptr). */
LLVMValueRef h2s_libc_pointer_out(const char *name, LLVMValueRef call, unsigned index);

#endif /* HEAP2STACK_LIBC_H */
