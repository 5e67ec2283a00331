/*===- rewrite.c - Turn a function's promoted sites into stack slots ------===*
 *
 * For the sites every earlier stage accepted, in phases, so that each phase
 * sees every slot the others need:
 *   1. slots: a static alloca [size x i8] at the top of the entry block per
 *      site, aligned at least to what malloc guarantees; the stack never
 *      grows per iteration;
 *   2. every call of the function loses its 'tail' marker, which promised
 *      that the callee touches no alloca of this frame: a callee may reach
 *      a slot through memory too (a holder kept on the heap);
 *   3. frees: llvm.lifetime.end before each free that surely frees this
 *      execution's block (frees.c); a free whose every block is a slot is
 *      deleted, one that may receive a heap block (a guarded site's, or a
 *      realloc's) frees only what is not a slot (guard.c);
 *   4. reallocs of a site's block: guard.c;
 *   5. allocations: a slot of the constant or bounded size takes the call's
 *      place, after llvm.lifetime.start and its initial contents
 *      (contents.c); a guarded site branches between its slot and the call,
 *      and a realloc that is its own site is guarded as a realloc (guard.c);
 *   6. a function under -fstack-protector (ssp) becomes sspstrong, see
 *      h2s_protect_frame().
 *
 *===----------------------------------------------------------------------===*/
#include "rewrite.h"

/* Builds the slot of 'site', a static alloca at the top of the entry block,
 * after its allocas. */
static void build_slot(LLVMBuilderRef b, h2s_function *f, h2s_site *site) {
  LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(f->fn);
  LLVMValueRef first = LLVMGetFirstInstruction(entry);
  while (first && LLVMIsAAllocaInst(first))
    first = LLVMGetNextInstruction(first);
  if (first)
    LLVMPositionBuilderBefore(b, first);
  else
    LLVMPositionBuilderAtEnd(b, entry);
  LLVMTypeRef bytes = LLVMArrayType2(LLVMInt8TypeInContext(h2s_context(f)), site->size);
  site->slot = LLVMBuildAlloca(b, bytes, "h2s.slot");
  LLVMSetAlignment(site->slot, (unsigned)site->align); /* policy.c: <= H2S_MAX_ALIGN */
}

void h2s_call_instead(LLVMValueRef call, LLVMValueRef fn) {
  LLVMSetOperand(call, LLVMGetNumOperands(call) - 1, fn); /* the callee is last */
}

LLVMValueRef h2s_as_call(h2s_function *f, LLVMValueRef inst) {
  return LLVMIsAInvokeInst(inst) ? h2s_bridge_invoke_to_call(f->ctx, inst) : inst;
}

/* Deletes 'inst' and remembers that it is gone: a free shared by several
 * sites, or an allocation that is also a user of another site, must be
 * neither deleted twice nor touched once deleted. */
static void erase(h2s_function *f, LLVMValueRef original, LLVMValueRef inst) {
  h2s_valset_add(&f->erased, original);
  LLVMInstructionEraseFromParent(inst);
}

static void drop_tail_markers(LLVMValueRef fn) {
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
      if (LLVMIsACallInst(i) && LLVMGetTailCallKind(i) == LLVMTailCallKindTail)
        LLVMSetTailCallKind(i, LLVMTailCallKindNone);
}

/* True when free 'fr' of 'site' may receive a heap block of a promoted
 * site: a guarded one's, or a realloc's. */
static bool may_free_heap_block(h2s_function *f, const h2s_site *site,
                                const h2s_free *fr) {
  bool heap = h2s_may_reach_heap(site);
  for (size_t i = 0; i < fr->others.len; ++i)
    heap = heap || h2s_may_reach_heap(h2s_site_of(f, fr->others.items[i]));
  return heap;
}

/* Points the call of free wrapper 'fr' of 'site' at its copy, which reads
 * the block during the call.  The slot's lifetime does not end there: the
 * wrapper may free on some paths only (frees.c). */
static void rewrite_wrapper_call(LLVMBuilderRef b, h2s_function *f, const h2s_site *site,
                                 const h2s_free *fr) {
  LLVMValueRef call = fr->call;
  LLVMPositionBuilderBefore(b, LLVMGetNextInstruction(call));
  if (may_free_heap_block(f, site, fr))
    h2s_guard_free(b, f, call, site, fr);
  else
    h2s_call_instead(call, fr->copy);
}

/* Rewrites free 'fr' of 'site' once, for every site it may release: the
 * frees.c settlement promoted all of them. */
static void rewrite_free(LLVMBuilderRef b, h2s_function *f, const h2s_site *site,
                         const h2s_free *fr, h2s_valset *done) {
  if (h2s_valset_add(done, fr->call) != 1)
    return;
  if (fr->copy) {
    rewrite_wrapper_call(b, f, site, fr);
    return;
  }
  LLVMValueRef call = h2s_as_call(f, fr->call);
  LLVMPositionBuilderBefore(b, call);
  if (fr->ends_lifetime)
    h2s_bridge_build_lifetime(b, site->slot, 0);
  if (may_free_heap_block(f, site, fr))
    h2s_guard_free(b, f, call, site, fr);
  else
    erase(f, fr->call, call);
}

/* Puts the block of a constant or bounded 'site' into its slot. */
static void place_in_slot(LLVMBuilderRef b, h2s_function *f, h2s_site *site) {
  LLVMValueRef alloc = h2s_as_call(f, site->call);
  LLVMPositionBuilderBefore(b, alloc);
  h2s_bridge_build_lifetime(b, site->slot, 1);
  h2s_build_contents(b, f, site, site->slot, NULL);
  LLVMReplaceAllUsesWith(alloc, site->slot);
  erase(f, site->call, alloc);
}

void h2s_rewrite_sites(h2s_function *f) {
  LLVMBuilderRef b = LLVMCreateBuilderInContext(h2s_context(f));
  h2s_valset done = {0};
  for (size_t i = 0; i < f->nsites; ++i)
    if (h2s_open(&f->sites[i]))
      build_slot(b, f, &f->sites[i]);
  drop_tail_markers(f->fn);
  for (size_t i = 0; i < f->nsites; ++i)
    for (size_t j = 0; h2s_open(&f->sites[i]) && j < f->sites[i].nfrees; ++j)
      rewrite_free(b, f, &f->sites[i], &f->sites[i].frees[j], &done);
  for (size_t i = 0; i < f->nsites; ++i)
    for (size_t j = 0; h2s_open(&f->sites[i]) && j < f->sites[i].reallocs.len; ++j)
      h2s_guard_realloc(b, f, &f->sites[i], f->sites[i].reallocs.items[j]);
  for (size_t i = 0; i < f->nsites; ++i) {
    h2s_site *site = &f->sites[i];
    if (!h2s_open(site))
      continue;
    if (site->resizes_itself)
      h2s_guard_realloc(b, f, site, site->call);
    else if (site->placement == H2S_PLACE_GUARDED)
      h2s_guard_allocation(b, f, site);
    else
      place_in_slot(b, f, site);
  }
  h2s_valset_free(&done);
  LLVMDisposeBuilder(b);
}

/* A heap overflow of a promoted block is now a stack overflow.  Under
 * -fstack-protector (ssp) only character arrays of 8 bytes or more get a
 * canary, and SROA may reshape a slot into something else; sspstrong
 * protects every frame with a local array or address-taken local, so an
 * overflow of a promoted block is caught as one of a stack buffer would be.
 * Functions without stack protection, or with sspstrong/sspreq, keep their
 * setting. */
void h2s_protect_frame(h2s_function *f) {
  LLVMAttributeIndex fn = LLVMAttributeFunctionIndex;
  /* An inliner after the pass could carry the slots into a recursive
   * caller, where no budget counted them. */
  if (f->opts->pin_slots)
    LLVMAddAttributeAtIndex(f->fn, fn,
                            LLVMCreateEnumAttribute(h2s_context(f), h2s_attr_kind("noinline"), 0));
  if (!h2s_fn_has_attr(f->fn, "ssp"))
    return;
  LLVMRemoveEnumAttributeAtIndex(f->fn, fn, h2s_attr_kind("ssp"));
  LLVMAddAttributeAtIndex(f->fn, fn,
                          LLVMCreateEnumAttribute(h2s_context(f), h2s_attr_kind("sspstrong"), 0));
}
