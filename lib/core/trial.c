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
 * more sites.  Then each factory call, and the helpers' calls as one, are
 * left out of a further copy in turn, and stay out of line for good when
 * the copy promotes as many sites without them.  Every call left out gets
 * a remark.  Inlining is deterministic, so the function then inlines what
 * the last accepted copy did; the pipeline analyses whatever body results,
 * so no answer here can make a block unsafe.  A function that takes the
 * address of its blocks is not copied (a copy's block addresses could name
 * the original's blocks, as split.c and wrappers.c also avoid), so its
 * calls stay.
 *
 *===----------------------------------------------------------------------===*/
#include "site.h"

#include <stdlib.h>

/* The calls to try: factories.c's, one unit each, then helpers.c's, one
 * unit together (an object's calls are inlined all or none). */
typedef struct h2s_trial {
  h2s_function *f;
  h2s_values calls;
  size_t nfactory;
  size_t nunits;
  bool *left_out; /* per unit: stays out of line */
} h2s_trial;

static size_t unit_of(const h2s_trial *t, size_t call) {
  return call < t->nfactory ? call : t->nfactory;
}

/* Inlines what factories.c and helpers.c choose, factories first: their
 * blocks may be what the helpers' objects hold. */
static bool inline_chosen_calls(h2s_function *f) {
  bool inlined = h2s_inline_factories(f);
  return h2s_inline_object_helpers(f) || inlined;
}

/* The calls of 'copy' that stand where 'kept' holds calls of 'fn': a copy
 * has the original's instructions in the same order. */
static bool map_kept(LLVMValueRef fn, LLVMValueRef copy, const h2s_valset *kept,
                     h2s_valset *out) {
  LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn), c = LLVMGetFirstBasicBlock(copy);
  for (; b && c; b = LLVMGetNextBasicBlock(b), c = LLVMGetNextBasicBlock(c))
    for (LLVMValueRef i = LLVMGetFirstInstruction(b), j = LLVMGetFirstInstruction(c); i && j;
         i = LLVMGetNextInstruction(i), j = LLVMGetNextInstruction(j))
      if (h2s_valset_has(kept, i) && h2s_valset_add(out, j) < 0)
        return false;
  return true;
}

/* How many sites a copy of the function promotes once the calls not in
 * 'kept' are inlined into it; 0 when none is, or memory ran out. */
static size_t promotable_in_copy(h2s_trial *t, const h2s_valset *kept) {
  h2s_function *f = t->f;
  char *name = h2s_suffixed_name(f->fn, ".h2s.trial");
  if (!name)
    return 0;
  LLVMValueRef copy = h2s_bridge_clone_function(f->fn, name);
  free(name);
  h2s_valset copy_kept = {0};
  h2s_function trial = {.fn = copy,
                        .ctx = h2s_bridge_trial_context(f->ctx, copy),
                        .opts = f->opts,
                        .summaries = f->summaries,
                        .wrappers = f->wrappers,
                        .recursive = f->recursive,
                        .trial_of = f->fn,
                        .kept = &copy_kept};
  size_t n = 0;
  if (map_kept(f->fn, copy, kept, &copy_kept) && inline_chosen_calls(&trial))
    n = h2s_count_promotable(&trial);
  h2s_bridge_end_trial(trial.ctx);
  h2s_valset_free(&copy_kept);
  return n;
}

/* Puts into 'kept' the calls of the units left out, and of unit 'also'
 * (nunits for none); false when memory ran out. */
static bool collect_kept(const h2s_trial *t, size_t also, h2s_valset *kept) {
  for (size_t i = 0; i < t->calls.len; ++i) {
    size_t u = unit_of(t, i);
    if ((t->left_out[u] || u == also) && h2s_valset_add(kept, t->calls.items[i]) < 0)
      return false;
  }
  return true;
}

/* Leaves unit 'u' out for good when a copy without it still promotes
 * 'best' sites; false when memory ran out. */
static bool try_leaving_out(h2s_trial *t, size_t u, size_t best) {
  h2s_valset kept = {0};
  bool ok = collect_kept(t, u, &kept);
  if (ok && promotable_in_copy(t, &kept) >= best)
    t->left_out[u] = true;
  h2s_valset_free(&kept);
  return ok;
}

static void remark_kept_calls(h2s_function *f, const h2s_values *calls,
                              const h2s_valset *kept, bool copied) {
  if (h2s_bridge_remarks_enabled(f->ctx))
    for (size_t i = 0; i < calls->len; ++i)
      if (!kept || h2s_valset_has(kept, calls->items[i]))
        h2s_remark_kept_call(f, calls->items[i], copied);
}

/* Decides which units to inline and inlines them; says whether it did. */
static bool inline_units_that_promote(h2s_trial *t) {
  h2s_function *f = t->f;
  h2s_valset kept = {0};
  size_t best = promotable_in_copy(t, &kept);
  if (best <= h2s_count_promotable(f)) {
    remark_kept_calls(f, &t->calls, NULL, true);
    return false;
  }
  bool ok = true;
  for (size_t u = 0; t->nunits > 1 && u < t->nunits && ok; ++u)
    ok = try_leaving_out(t, u, best);
  if (!ok || !collect_kept(t, t->nunits, &kept))
    h2s_valset_free(&kept); /* out of memory: inline all */
  remark_kept_calls(f, &t->calls, &kept, true);
  f->kept = &kept;
  bool inlined = inline_chosen_calls(f);
  f->kept = NULL;
  h2s_valset_free(&kept);
  return inlined;
}

bool h2s_inline_where_it_promotes(h2s_function *f) {
  if (!h2s_inlines_left(f))
    return false;
  h2s_trial t = {.f = f};
  h2s_find_factory_calls(f, &t.calls);
  t.nfactory = t.calls.len;
  bool inlined = false;
  if (h2s_find_helper_calls(f, &t.calls) && t.calls.len) {
    t.nunits = t.nfactory + (t.calls.len > t.nfactory);
    if (h2s_has_block_address(f->fn))
      remark_kept_calls(f, &t.calls, NULL, false);
    else if ((t.left_out = calloc(t.nunits, sizeof *t.left_out)))
      inlined = inline_units_that_promote(&t);
    free(t.left_out);
  }
  h2s_values_free(&t.calls);
  return inlined;
}
