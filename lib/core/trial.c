/*===- trial.c - Inlining kept only where it promotes ---------------------===*
 *
 * factories.c and helpers.c choose calls whose inlining shows a block's
 * whole life in one frame.  Whether the block then takes a slot is the
 * rest of the pipeline's question: it may live across a loop, be too
 * large, or go to a call that keeps it, and then the inlined code is only
 * more code (bench's csvjson inlined its JSON writer into main, 336 bytes,
 * for no fewer heap calls).  So the calls are first inlined into a copy of
 * the function, and the analysis and policy run over the copy and over the
 * function as it is; the function inlines them only when the copy promotes
 * more sites, and otherwise each call gets a remark.  The copy is deleted
 * either way.  Inlining is deterministic, so the function then inlines
 * what the copy did; the pipeline analyses whatever body results, so no
 * answer here can make a block unsafe.  A function that takes the address
 * of its blocks is not copied (a copy's block addresses could name the
 * original's blocks, as split.c and wrappers.c also avoid), so its calls
 * stay.
 *
 *===----------------------------------------------------------------------===*/
#include "site.h"

#include <stdlib.h>

/* Inlines what factories.c and helpers.c choose, factories first: their
 * blocks may be what the helpers' objects hold. */
static bool inline_chosen_calls(h2s_function *f) {
  bool inlined = h2s_inline_factories(f);
  return h2s_inline_object_helpers(f) || inlined;
}

/* True when inlining into a copy of 'f' lets more of its sites be
 * promoted. */
static bool inlining_promotes(h2s_function *f) {
  char *name = h2s_suffixed_name(f->fn, ".h2s.trial");
  if (!name)
    return false;
  LLVMValueRef copy = h2s_bridge_clone_function(f->fn, name);
  free(name);
  h2s_function trial = {.fn = copy,
                        .ctx = h2s_bridge_trial_context(f->ctx, copy),
                        .opts = f->opts,
                        .summaries = f->summaries,
                        .wrappers = f->wrappers,
                        .recursive = f->recursive,
                        .trial_of = f->fn};
  bool promotes = inline_chosen_calls(&trial) &&
                  h2s_count_promotable(&trial) > h2s_count_promotable(f);
  h2s_bridge_end_trial(trial.ctx);
  return promotes;
}

static void remark_kept_calls(h2s_function *f, const h2s_values *calls, bool copied) {
  if (h2s_bridge_remarks_enabled(f->ctx))
    for (size_t i = 0; i < calls->len; ++i)
      h2s_remark_kept_call(f, calls->items[i], copied);
}

bool h2s_inline_where_it_promotes(h2s_function *f) {
  if (!h2s_inlines_left(f))
    return false;
  h2s_values calls = {0};
  h2s_find_factory_calls(f, &calls);
  bool inlined = false;
  if (h2s_find_helper_calls(f, &calls) && calls.len) {
    bool copied = !h2s_has_block_address(f->fn);
    if (copied && inlining_promotes(f))
      inlined = inline_chosen_calls(f);
    else
      remark_kept_calls(f, &calls, copied);
  }
  h2s_values_free(&calls);
  return inlined;
}
