/*===- heap2stack/wrappers.h - Copies of the module's free wrappers -------===*
 *
 * A call that frees a promoted block through a function of the module (a
 * free wrapper) calls a copy of that function that leaves the block alone
 * (lib/core/wrappers.c).  The copies are made on demand, shared by every
 * caller, and kept for the whole module run.
 *
 *===----------------------------------------------------------------------===*/
#ifndef HEAP2STACK_WRAPPERS_H
#define HEAP2STACK_WRAPPERS_H

#include "heap2stack/summaries.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct h2s_wrappers h2s_wrappers;

/* No copies yet, for the module of 'mod', checked with 'summaries'.  NULL
 * when memory ran out; NULL makes no copies. */
h2s_wrappers *h2s_wrappers_new(h2s_module_ctx *mod, h2s_summaries *summaries);

/* Deletes the copies that no call uses, counts the others in -stats, and
 * frees the table.  Call it after h2s_summaries_free(): the summaries know
 * functions by their address, which a deleted copy gives back. */
void h2s_wrappers_free(h2s_wrappers *w);

#ifdef __cplusplus
}
#endif

#endif /* HEAP2STACK_WRAPPERS_H */
