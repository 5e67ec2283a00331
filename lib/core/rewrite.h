/*===- rewrite.h - What the rewrite's files share -------------------------===*
 *
 * rewrite.c runs the rewrite of a function's promoted sites in phases
 * (slots, frees, reallocs, allocations); contents.c builds a block's
 * run-time size and initial contents as IR; guard.c builds the branches
 * that choose between a slot and the heap.  These are the pieces they call
 * in each other.  Nothing here decides whether a site is promoted.
 *
 *===----------------------------------------------------------------------===*/
#ifndef HEAP2STACK_REWRITE_H
#define HEAP2STACK_REWRITE_H

#include "site.h"

/* The run-time size in bytes of the block 'site' allocates, built at the
 * builder's position before the call: the product of its size operands,
 * or the copied string's length plus one.  '*overflow' becomes an i1 that
 * is true when the product wrapped (calloc), or NULL when it cannot. */
LLVMValueRef h2s_build_size(LLVMBuilderRef b, h2s_function *f,
                            const h2s_site *site, LLVMValueRef *overflow);

/* Gives the 'size' bytes at 'ptr' the contents the allocation of 'site'
 * promises: zeros (calloc), the copied string (strdup, strndup), or
 * nothing.  A NULL 'size' is built when the contents need it; the size of
 * a slot's block never wraps (its bound was proven). */
void h2s_build_contents(LLVMBuilderRef b, h2s_function *f, const h2s_site *site,
                        LLVMValueRef ptr, LLVMValueRef size);

/* Guarded sites (guard.c): the allocation becomes "slot when the size fits,
 * else the original call"; a realloc of the site's block keeps it in the
 * slot while it fits and moves it to the heap otherwise; a free that may
 * receive a slot ('fr' of 'site') frees only what is not one of the slots
 * of the sites it may release, and a free wrapper's call calls its copy
 * for those. */
void h2s_guard_allocation(LLVMBuilderRef b, h2s_function *f, h2s_site *site);
void h2s_guard_realloc(LLVMBuilderRef b, h2s_function *f, const h2s_site *site,
                       LLVMValueRef realloc);
void h2s_guard_free(LLVMBuilderRef b, h2s_function *f, LLVMValueRef call,
                    const h2s_site *site, const h2s_free *fr);

/* Splitting a function that may recurse (split.c): a copy of its body
 * before the rewrite, then, after it, the dispatcher that takes its place. */
LLVMValueRef h2s_split_keep_plain(h2s_function *f);
void h2s_split_dispatch(h2s_function *f, LLVMValueRef plain);

/* An i1 built at 'b', true when this thread's stack pointer is in the first
 * room_percent of its stack with 'need' bytes to spare (stackroom.c); the
 * test adds blocks to the function 'b' is in and leaves 'b' in the last. */
LLVMValueRef h2s_build_stack_has_room(LLVMBuilderRef b, h2s_function *f, uint64_t need);

/* The integer type of sizes (the data layout's intptr type). */
LLVMTypeRef h2s_size_type(h2s_function *f);

/* Makes 'call' call 'fn', a function of the same type. */
void h2s_call_instead(LLVMValueRef call, LLVMValueRef fn);

/* 'inst', an invoke turned into a call; other instructions unchanged. */
LLVMValueRef h2s_as_call(h2s_function *f, LLVMValueRef inst);

#endif /* HEAP2STACK_REWRITE_H */
