/*===- runtime.h - What language runtimes do with pointers LLVM cannot say -===*/
#ifndef HEAP2STACK_RUNTIME_H
#define HEAP2STACK_RUNTIME_H

#include "site.h"

/* What a runtime function does with one of its arguments. */
typedef enum h2s_runtime_use {
  H2S_RUNTIME_UNKNOWN,       /* not a function runtime.c describes */
  H2S_RUNTIME_KEEPS_NOTHING, /* reads or writes through it, or prints it */
  H2S_RUNTIME_RETURNS_INTO,  /* may return a pointer into it, keeps nothing */
  H2S_RUNTIME_KEEPS,         /* stores it where it outlives the call */
  H2S_RUNTIME_FREES          /* may free it */
} h2s_runtime_use;

/* What the callee of 'call' does with its argument 'index', when it is a
 * declared function of the C++ runtime, the C++ standard library, a
 * sanitizer runtime or <libgen.h> that runtime.c describes, under its own
 * symbol and with the prototype the runtime gives it. */
h2s_runtime_use h2s_runtime_arg_use(LLVMValueRef call, unsigned index);

/* How the escape walk sees 'use' (not H2S_RUNTIME_UNKNOWN). */
h2s_capture h2s_runtime_capture(h2s_runtime_use use);

#endif /* HEAP2STACK_RUNTIME_H */
