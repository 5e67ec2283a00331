/*===- libc.h - What C library calls do with pointers LLVM cannot say ----===*/
#ifndef HEAP2STACK_LIBC_H
#define HEAP2STACK_LIBC_H

#include "heap2stack/bridge.h"

#include <stdbool.h>

/* When C library function 'name' (as the bridge names it) is one libc.c
 * describes, sets '*capture' to how it may capture any pointer argument and
 * returns true; such a function never frees its arguments. */
bool h2s_libc_arg_capture(const char *name, h2s_capture *capture);

#endif /* HEAP2STACK_LIBC_H */
