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

enum { H2S_MAX_BYTE_RANGES = 4 };

/* Bytes of what a parameter points to, by offset from the parameter. */
typedef struct h2s_byte_ranges {
  bool all; /* any of them: 'at' is not used */
  unsigned n;
  struct {
    int64_t offset;
    uint64_t size;
  } at[H2S_MAX_BYTE_RANGES];
} h2s_byte_ranges;

/* What a function may do with the memory its pointer parameter points to,
 * one level down: with the pointers it loads from there (t->buf), and with
 * the bytes there. */
typedef struct h2s_param_memory {
  bool follows;            /* it may load a pointer from there and use it */
  bool frees, keeps;       /* a pointer it loads from there may be freed (or
                              reallocated), may outlive the call */
  bool allocates;          /* it may store there a block allocated during
                              the call (sb->buf = malloc(n)) */
  h2s_byte_ranges written; /* bytes it may write */
  h2s_byte_ranges leaked;  /* bytes it may read other than as a pointer it
                              follows: as integers, copied elsewhere */
  h2s_byte_ranges compared; /* bytes it may only look at as characters
                               during the call: compare, search, print */
  /* The same for the memory a pointer it loads from there points to, by
   * offset from that pointer (a small-buffer struct's own array, reached
   * through b->p), where 'through_follows' says it may load a pointer
   * from there, or use one in ways these do not say. */
  bool through_follows;
  h2s_byte_ranges through_written, through_leaked, through_compared;
} h2s_param_memory;

/* Sets '*memory' to what the body of 'fn' may do with the memory its
 * pointer parameter 'param' points to; false when the pass cannot tell (no
 * body it can trust, a variadic argument, a byval copy, memory ran out). */
bool h2s_summary_memory(h2s_summaries *s, LLVMValueRef fn, unsigned param,
                        h2s_param_memory *memory);

/* The same as h2s_summary_may_keep() and h2s_summary_memory(), for what
 * a copy of the body of 'fn' inlined in place of a call would do: also the
 * body of a C++ inline function, whose calls may run another copy of its
 * definition, which the two above do not trust. */
bool h2s_inlined_may_keep(h2s_summaries *s, LLVMValueRef fn, unsigned param);
bool h2s_inlined_memory(h2s_summaries *s, LLVMValueRef fn, unsigned param,
                        h2s_param_memory *memory);

void h2s_summaries_free(h2s_summaries *s);

#ifdef __cplusplus
}
#endif

#endif /* HEAP2STACK_SUMMARIES_H */
