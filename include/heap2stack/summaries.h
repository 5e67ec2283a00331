/*===- heap2stack/summaries.h - What the module's functions do with their
 *                              parameters ------------------------------===*
 *
 * Facts about the module's own functions that LLVM's attributes do not
 * carry, computed from their bodies on demand (lib/core/summaries.c) and
 * kept for the whole module run.
 *
 *===----------------------------------------------------------------------===*/
#ifndef HEAP2STACK_SUMMARIES_H
#define HEAP2STACK_SUMMARIES_H

#include "heap2stack/bridge.h"

#include <llvm-c/Core.h>
#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct h2s_summaries h2s_summaries;

/* An empty set of summaries over the module of 'mod'; each parameter's
 * walk may visit 'max_uses' uses.  NULL when memory ran out; NULL answers
 * "may free" for every parameter. */
h2s_summaries *h2s_summaries_new(h2s_module_ctx *mod, uint64_t max_uses);

/* True unless the body of 'fn' shows that it never frees (or reallocates)
 * the block its pointer parameter 'param' points into. */
bool h2s_summary_may_free(h2s_summaries *s, LLVMValueRef fn, unsigned param);

/* True unless the body of 'fn' shows that its pointer parameter 'param'
 * does not outlive the call: never stored, returned, given where it may be
 * kept, or turned into an integer that carries its address. */
bool h2s_summary_may_keep(h2s_summaries *s, LLVMValueRef fn, unsigned param);

void h2s_summaries_free(h2s_summaries *s);

#ifdef __cplusplus
}
#endif

#endif /* HEAP2STACK_SUMMARIES_H */
