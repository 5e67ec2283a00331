/*===- promote.c - The pipeline over one function -------------------------===*
 *
 * Runs the stages of site.h in order over every allocation site of a
 * function.  Each stage finishes for all sites before the next starts: the
 * frees of one site may take another site's block, which is known only once
 * every escape walk has found its reallocs.  Analysis and policy finish
 * before anything is rewritten, so every stage sees the IR (and the
 * dominator tree) the way LLVM handed it over; remarks are emitted before
 * the rewrite deletes the calls they point at.
 *
 *===----------------------------------------------------------------------===*/
#include "rewrite.h"

#include <stdlib.h>

typedef void h2s_stage(h2s_function *f, h2s_site *site);

static void run_stage(h2s_function *f, h2s_stage *stage) {
  for (size_t i = 0; i < f->nsites; ++i)
    if (h2s_open(&f->sites[i]))
      stage(f, &f->sites[i]);
}

static void release(h2s_function *f) {
  for (size_t i = 0; i < f->nsites; ++i)
    h2s_free_site(&f->sites[i]);
  free(f->sites);
  h2s_free_holders(f);
  h2s_valset_free(&f->erased);
}

/* Runs the analysis and the policy over every site of 'f'; false when
 * memory ran out and nothing may change. */
static bool decide(h2s_function *f) {
  if (!h2s_discover_sites(f))
    return false;
  h2s_assess_function(f);
  run_stage(f, h2s_analyse_escape);
  run_stage(f, h2s_check_frees);
  run_stage(f, h2s_check_slot_reuse);
  h2s_decide_policy(f);
  return true;
}

static size_t count_open(const h2s_function *f) {
  size_t n = 0;
  for (size_t i = 0; i < f->nsites; ++i)
    n += h2s_open(&f->sites[i]);
  return n;
}

size_t h2s_count_promotable(const h2s_function *f) {
  h2s_function g = *f;
  size_t n = decide(&g) ? count_open(&g) : 0;
  release(&g);
  return n;
}

bool h2s_promote_function(h2s_fn_ctx *ctx, LLVMValueRef fn,
                              const h2s_options *opts,
                              const h2s_recursion *recursion,
                              h2s_summaries *summaries, h2s_wrappers *wrappers) {
  if (h2s_is_split_body(fn))
    return false; /* decided by an earlier run of the pass */
  h2s_function f = {.fn = fn, .ctx = ctx, .opts = opts, .summaries = summaries,
                    .wrappers = wrappers};
  f.recursive = h2s_recursion_may_recurse(recursion, fn);
  bool inlined = h2s_inline_where_it_promotes(&f);
  if (!decide(&f)) {
    release(&f);
    return inlined; /* out of memory: change nothing more */
  }
  if (h2s_bridge_remarks_enabled(ctx))
    for (size_t i = 0; i < f.nsites; ++i)
      h2s_remark_site(&f, &f.sites[i]);

  size_t promoted = 0;
  for (size_t i = 0; i < f.nsites; ++i) {
    if (!h2s_open(&f.sites[i])) {
      h2s_bridge_count_kept();
      continue;
    }
    ++promoted;
    h2s_bridge_count_promoted(f.sites[i].size);
    if (h2s_may_reach_heap(&f.sites[i]))
      h2s_bridge_count_guarded();
  }
  if (promoted) {
    LLVMValueRef plain = f.room_split ? h2s_split_keep_plain(&f) : NULL;
    h2s_rewrite_sites(&f);
    h2s_protect_frame(&f);
    if (plain)
      h2s_split_dispatch(&f, plain);
  }
  release(&f);
  return inlined || promoted;
}
