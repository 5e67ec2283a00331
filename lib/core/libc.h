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

#endif /* HEAP2STACK_LIBC_H */
