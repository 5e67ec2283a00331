/*===- libc.h - What C library calls do with pointers LLVM cannot say ----===*/
#ifndef HEAP2STACK_LIBC_H
#define HEAP2STACK_LIBC_H

#include "heap2stack/bridge.h"

#include <stdbool.h>

/* How C library function 'name' (TargetLibraryInfo's name for it) may
 * capture a pointer argument, 'variadic' when the argument is one of its
 * variadic ones; H2S_CAPTURES_MAYBE when this file knows nothing better. */
h2s_capture h2s_libc_arg_capture(const char *name, bool variadic);

#endif /* HEAP2STACK_LIBC_H */
