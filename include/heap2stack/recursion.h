/*===- heap2stack/recursion.h - Which functions may recurse? --------------===*
 *
 * A module-wide answer computed once per run (lib/core/recursion.c) and
 * consulted by the policy for every function.
 *
 *===----------------------------------------------------------------------===*/
#ifndef HEAP2STACK_RECURSION_H
#define HEAP2STACK_RECURSION_H

#include "heap2stack/bridge.h"

#include <llvm-c/Core.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct h2s_recursion h2s_recursion;

/* Finds the functions of 'mod' on a cycle of its may-call graph ('ctx'
 * gives each function's view of the C library).  Returns NULL when memory
 * ran out; NULL answers "may recurse" for every function. */
h2s_recursion *h2s_recursion_analyse(h2s_module_ctx *ctx, LLVMModuleRef mod);

/* True when 'fn' may be active more than once at a time. */
bool h2s_recursion_may_recurse(const h2s_recursion *r, LLVMValueRef fn);

void h2s_recursion_free(h2s_recursion *r);

#ifdef __cplusplus
}
#endif

#endif /* HEAP2STACK_RECURSION_H */
