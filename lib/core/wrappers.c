/*===- wrappers.c - Free wrappers: copies that leave a promoted block alone ===*
 *
 * Blocks are often freed by a helper of the module that does more than free
 * them: bzip2recover's bsClose flushes and closes the stream, then frees
 * it.  The inliner leaves such a helper alone once it is large or called
 * from many places, and to the escape walk the call "may free" the block.
 * When the helper frees its parameter only by handing that very pointer to
 * a deallocator, or to another such helper, the call is the block's free:
 * the rewrite points it at a copy of the helper without those frees, and
 * every other caller keeps the original.
 *
 *     void bs_close(BitStream *bs)      for every other caller
 *     bs_close.h2s.nofree0(bs)          the same body without free(bs)
 *
 * A copy is made when the escape walk first asks, one per function and
 * parameter, and is shared by every call that asks again.  It is trusted
 * only when its own summary (summaries.c) then says that it neither frees
 * nor keeps the parameter: that check reads the copy as it is, so a free
 * this file did not take out (one of a phi, of a loaded pointer, a
 * realloc) or a summary of the original computed before the pass changed
 * it cannot slip through.  A helper that hands the parameter on to itself
 * (directly or through others) is refused rather than copied in a cycle.
 *
 * Copies are internal, so only calls the rewrite changed can reach them;
 * the copies no rewritten call uses (their sites stayed on the heap, or the
 * check refused them) are deleted when the module's run ends.
 *
 *===----------------------------------------------------------------------===*/
#include "heap2stack/wrappers.h"
#include "rewrite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct h2s_wrapper {
  LLVMValueRef fn;
  unsigned param;
  bool done;         /* false while its copy is being made */
  LLVMValueRef copy; /* the checked copy, or NULL */
  LLVMValueRef made; /* the copy made, checked or not, or NULL */
  char family[H2S_FAMILY_CAP]; /* of the frees the copy leaves out */
} h2s_wrapper;

struct h2s_wrappers {
  h2s_module_ctx *mod;
  h2s_summaries *summaries;
  h2s_wrapper *items;
  size_t len, cap;
};

h2s_wrappers *h2s_wrappers_new(h2s_module_ctx *mod, h2s_summaries *summaries) {
  h2s_wrappers *w = calloc(1, sizeof *w);
  if (w) {
    w->mod = mod;
    w->summaries = summaries;
  }
  return w;
}

/* The index of the entry of ('fn', 'param'), added unfinished when it is
 * new; (size_t)-1 when memory ran out. */
static size_t entry_of(h2s_wrappers *w, LLVMValueRef fn, unsigned param, bool *is_new) {
  *is_new = false;
  for (size_t i = 0; i < w->len; ++i)
    if (w->items[i].fn == fn && w->items[i].param == param)
      return i;
  if (w->len == w->cap) {
    size_t cap = w->cap ? 2 * w->cap : 8;
    h2s_wrapper *grown = realloc(w->items, cap * sizeof *grown);
    if (!grown)
      return (size_t)-1;
    w->items = grown;
    w->cap = cap;
  }
  w->items[w->len] = (h2s_wrapper){.fn = fn, .param = param};
  *is_new = true;
  return w->len++;
}

/* Takes 'found' as the family of the frees left out, unless another family
 * came first ('family' "" until one does). */
static bool same_family(char family[H2S_FAMILY_CAP], const char *found) {
  if (!*family)
    snprintf(family, H2S_FAMILY_CAP, "%s", found);
  return strcmp(family, found) == 0;
}

/* When the use 'use' of the parameter 'param' of a function (whose context
 * is 'ctx') frees it in a way a copy can leave out, returns true and sets
 * '*copy' to what the call should call instead: NULL for a deallocation,
 * which the copy drops, or the copy of the helper it calls.  The frees'
 * family must agree with 'family'. */
static bool is_release(h2s_wrappers *w, h2s_fn_ctx *ctx, LLVMValueRef param, LLVMUseRef use,
                       char family[H2S_FAMILY_CAP], LLVMValueRef *copy) {
  LLVMValueRef call = LLVMGetUser(use);
  unsigned index = h2s_operand_index(use);
  if (!LLVMIsACallInst(call) || index >= LLVMGetNumArgOperands(call))
    return false;
  char found[H2S_FAMILY_CAP];
  *copy = NULL;
  if (h2s_bridge_freed_operand(ctx, call, found) == param)
    return !LLVMGetFirstUse(call) && same_family(family, found);
  LLVMValueRef callee = h2s_called_function(call);
  if (!callee || LLVMIsDeclaration(callee))
    return false;
  *copy = h2s_wrapper_copy(w, callee, index, found);
  return *copy && same_family(family, found);
}

/* Takes the frees of parameter 'param' out of 'copy': deletes its
 * deallocations, points the calls of the helpers it is handed to at their
 * copies.  Sets 'family' to the family of those frees, "" when there were
 * none. */
static void leave_out_releases(h2s_wrappers *w, LLVMValueRef copy, unsigned param,
                               char family[H2S_FAMILY_CAP]) {
  h2s_fn_ctx *ctx = h2s_bridge_function_context(w->mod, copy);
  LLVMValueRef p = LLVMGetParam(copy, param);
  h2s_values calls = {0}, targets = {0};
  *family = '\0';
  for (LLVMUseRef u = LLVMGetFirstUse(p); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef target;
    if (is_release(w, ctx, p, u, family, &target) &&
        h2s_values_push(&calls, LLVMGetUser(u)) && !h2s_values_push(&targets, target))
      calls.len--; /* out of memory: this free stays, and the check fails */
  }
  for (size_t i = 0; i < calls.len; ++i) {
    LLVMValueRef call = calls.items[i];
    if (!targets.items[i])
      LLVMInstructionEraseFromParent(call);
    else
      h2s_call_instead(call, targets.items[i]);
  }
  h2s_values_free(&calls);
  h2s_values_free(&targets);
}

/* True when 'fn' may have a copy that leaves its parameter 'param' alone:
 * a body the linker keeps, whose blocks' addresses are not taken (a table
 * of them outside the body would still name the original's), and some use
 * of the parameter that frees it in a way a copy can leave out (the copy's
 * check settles the rest). */
static bool worth_copying(h2s_wrappers *w, LLVMValueRef fn, unsigned param) {
  if (!h2s_has_exact_body(fn) || param >= LLVMCountParams(fn) || h2s_has_block_address(fn))
    return false;
  h2s_fn_ctx *ctx = h2s_bridge_function_context(w->mod, fn);
  LLVMValueRef p = LLVMGetParam(fn, param);
  for (LLVMUseRef u = LLVMGetFirstUse(p); u; u = LLVMGetNextUse(u)) {
    char family[H2S_FAMILY_CAP] = "";
    LLVMValueRef target;
    if (is_release(w, ctx, p, u, family, &target))
      return true;
  }
  return false;
}

/* Makes the copy of entry 'i' and checks it. */
static void make_copy(h2s_wrappers *w, size_t i) {
  LLVMValueRef fn = w->items[i].fn;
  unsigned param = w->items[i].param;
  if (!worth_copying(w, fn, param))
    return;
  size_t len;
  const char *name = LLVMGetValueName2(fn, &len);
  char copy_name[512];
  snprintf(copy_name, sizeof copy_name, "%.*s.h2s.nofree%u", (int)(len < 400 ? len : 400),
           name, param);
  LLVMValueRef copy = h2s_bridge_clone_function(fn, copy_name);
  char family[H2S_FAMILY_CAP];
  leave_out_releases(w, copy, param, family);
  bool checked = *family && !h2s_summary_may_free(w->summaries, copy, param) &&
                 !h2s_summary_may_keep(w->summaries, copy, param);
  h2s_wrapper *e = &w->items[i]; /* the copies of the helpers may grow items */
  e->made = copy;
  e->copy = checked ? copy : NULL;
  memcpy(e->family, family, H2S_FAMILY_CAP);
}

LLVMValueRef h2s_wrapper_copy(h2s_wrappers *w, LLVMValueRef fn, unsigned param,
                              char family[H2S_FAMILY_CAP]) {
  bool is_new;
  size_t i = w ? entry_of(w, fn, param, &is_new) : (size_t)-1;
  if (i == (size_t)-1)
    return NULL;
  if (is_new) {
    make_copy(w, i);
    w->items[i].done = true;
  }
  const h2s_wrapper *e = &w->items[i];
  if (!e->done || !e->copy) /* unfinished: a cycle of helpers */
    return NULL;
  memcpy(family, e->family, H2S_FAMILY_CAP);
  return e->copy;
}

/* Deletes the copies nothing calls until none is left: a copy refused by
 * its check may be the only caller of another. */
static void erase_unused_copies(h2s_wrappers *w) {
  bool erased = true;
  while (erased) {
    erased = false;
    for (size_t i = 0; i < w->len; ++i) {
      h2s_wrapper *e = &w->items[i];
      if (e->made && !LLVMGetFirstUse(e->made)) {
        h2s_bridge_erase_function(w->mod, e->made);
        e->made = e->copy = NULL;
        erased = true;
      }
    }
  }
}

void h2s_wrappers_free(h2s_wrappers *w) {
  if (!w)
    return;
  erase_unused_copies(w);
  for (size_t i = 0; i < w->len; ++i)
    if (w->items[i].made)
      h2s_bridge_count_wrapper_copy();
  free(w->items);
  free(w);
}
