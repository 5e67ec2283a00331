/*===- guard.c - Guarded slots: the slot when the block fits, else the heap ===*
 *
 * A block whose size is known only at run time gets one static slot of
 * guard_size bytes (policy.c) and keeps the original call as its fallback:
 *
 *     n = size;                          (contents.c; strlen + 1 for strdup)
 *     p = n <= K ? slot : malloc(n);     (the stack path marked likely)
 *
 * calloc's n * k must not wrap, or calloc would have failed: a product that
 * overflows takes the heap path, where calloc fails as it always did.  Once
 * a pointer of a site may be a heap block (a guarded site, or any site with
 * a realloc), every free that may receive it frees it only when it is not a
 * slot:
 *
 *     if (p != slot) free(p);
 *
 * (a free wrapper's call: if (p != slot) wrapper(p) else its_copy(p);)
 *
 * and every realloc of it keeps the block in the slot while it fits, moves
 * it to the heap when it outgrows the slot, and is the original realloc
 * for a heap block, with glibc's results throughout:
 *
 *     p == slot, 1 <= n <= K   ->  slot (contents stay)
 *     p == slot, n == 0        ->  NULL (glibc frees the block)
 *     p == slot, n > K         ->  q = realloc(NULL, n); copy K bytes if q;
 *                                  q (NULL leaves the slot's block valid)
 *     p != slot                ->  realloc(p, n)
 *
 * reallocarray(p, c, k) asks for n = c * k bytes; a product that wraps
 * takes the n > K way, where reallocarray(NULL, c, k) fails with ENOMEM.
 *
 * A realloc that is its own site (buf = realloc(buf, n), buf first null)
 * also starts its block: p == NULL and n <= K -> the slot.
 *
 * The branches split the function's blocks; nothing here needs the
 * dominator tree, which the pass invalidates after the rewrite.
 *
 *===----------------------------------------------------------------------===*/
#include "rewrite.h"

#include <assert.h>

/* A new empty block named 'name', placed before 'before'. */
static LLVMBasicBlockRef new_block(h2s_function *f, LLVMBasicBlockRef before,
                                   const char *name) {
  return LLVMInsertBasicBlockInContext(h2s_context(f), before, name);
}

/* Replaces the unconditional branch that ends 'head' by a branch on 'cond';
 * 'likely' (0 or 1) names the likely successor, or is -1 for none. */
static void branch_from(LLVMBuilderRef b, LLVMBasicBlockRef head, LLVMValueRef cond,
                        LLVMBasicBlockRef then, LLVMBasicBlockRef otherwise,
                        int likely) {
  LLVMInstructionEraseFromParent(LLVMGetBasicBlockTerminator(head));
  LLVMPositionBuilderAtEnd(b, head);
  LLVMValueRef br = LLVMBuildCondBr(b, cond, then, otherwise);
  if (likely >= 0)
    h2s_bridge_weight_branch(br, (unsigned)likely);
}

/* Splits the block of 'inst' around it: returns the block that holds only
 * 'inst' and a branch to '*after', the block with the rest.  The block it
 * was in ends in a branch to the returned one. */
static LLVMBasicBlockRef isolate(LLVMValueRef inst, LLVMBasicBlockRef *after) {
  LLVMBasicBlockRef alone = h2s_bridge_split_block_before(inst);
  *after = h2s_bridge_split_block_before(LLVMGetNextInstruction(inst));
  return alone;
}

static LLVMValueRef size_constant(LLVMValueRef size, uint64_t value) {
  return LLVMConstInt(LLVMTypeOf(size), value, 0);
}

/* The phi in 'join' that stands for 'inst' from now on; its incoming
 * values are added by the caller. */
static LLVMValueRef replace_by_phi(LLVMBuilderRef b, LLVMBasicBlockRef join,
                                   LLVMValueRef inst) {
  /* before the first instruction's debug records too: a phi has none */
  LLVMPositionBuilderBeforeInstrAndDbgRecords(b, LLVMGetFirstInstruction(join));
  LLVMValueRef phi = LLVMBuildPhi(b, LLVMTypeOf(inst), "h2s.block");
  LLVMReplaceAllUsesWith(inst, phi);
  return phi;
}

/* True when 'n' fits the slot of 'site', and calloc's product did not
 * wrap ('wrapped' NULL when it cannot). */
static LLVMValueRef fits_slot(LLVMBuilderRef b, const h2s_site *site,
                              LLVMValueRef n, LLVMValueRef wrapped) {
  LLVMValueRef fits = LLVMBuildICmp(b, LLVMIntULE, n, size_constant(n, site->size),
                                    "h2s.fits");
  if (!wrapped)
    return fits;
  return LLVMBuildAnd(b, fits, LLVMBuildNot(b, wrapped, "h2s.nowrap"), "h2s.usable");
}

void h2s_guard_allocation(LLVMBuilderRef b, h2s_function *f, h2s_site *site) {
  LLVMValueRef call = site->call;
  LLVMBasicBlockRef head = LLVMGetInstructionParent(call);
  LLVMPositionBuilderBefore(b, call);
  LLVMValueRef wrapped;
  LLVMValueRef n = h2s_build_size(b, f, site, &wrapped);
  LLVMValueRef fits = fits_slot(b, site, n, wrapped);

  LLVMBasicBlockRef heap, join;
  if (LLVMIsAInvokeInst(call)) {
    join = h2s_bridge_split_normal_edge(f->ctx, call);
    heap = h2s_bridge_split_block_before(call);
  } else {
    heap = isolate(call, &join);
  }
  LLVMBasicBlockRef stack = new_block(f, heap, "h2s.stack");
  branch_from(b, head, fits, stack, heap, 0);
  LLVMPositionBuilderAtEnd(b, stack);
  LLVMValueRef block = site->slot;
  h2s_bridge_build_lifetime(b, block, 1);
  h2s_build_contents(b, f, site, block, n);
  LLVMBuildBr(b, join);

  LLVMValueRef phi = replace_by_phi(b, join, call);
  LLVMValueRef values[] = {block, call};
  LLVMBasicBlockRef from[] = {stack, heap};
  LLVMAddIncoming(phi, values, from, 2);
}

/* 'on_heap' and 'ptr' is not 'slot' (NULL 'on_heap': true). */
static LLVMValueRef and_not_slot(LLVMBuilderRef b, LLVMValueRef on_heap,
                                 LLVMValueRef ptr, LLVMValueRef slot) {
  LLVMValueRef other = LLVMBuildICmp(b, LLVMIntNE, ptr, slot, "h2s.heap");
  return on_heap ? LLVMBuildAnd(b, on_heap, other, "h2s.heap") : other;
}

/* A new block before 'rest' that calls 'copy' as 'call' does and goes on
 * to 'rest', where a phi of the two calls' results replaces the result of
 * 'call', which is alone in block 'release'. */
static LLVMBasicBlockRef call_copy_instead(LLVMBuilderRef b, h2s_function *f,
                                           LLVMValueRef call, LLVMBasicBlockRef release,
                                           LLVMValueRef copy, LLVMBasicBlockRef rest) {
  LLVMBasicBlockRef slot = new_block(f, rest, "h2s.slot");
  LLVMValueRef twin = LLVMInstructionClone(call);
  h2s_call_instead(twin, copy);
  LLVMPositionBuilderAtEnd(b, slot);
  LLVMInsertIntoBuilderWithName(b, twin, LLVMGetFirstUse(call) ? "h2s.nofree" : "");
  LLVMBuildBr(b, rest);
  if (LLVMGetFirstUse(call)) {
    LLVMValueRef phi = replace_by_phi(b, rest, call);
    LLVMSetValueName2(phi, "h2s.result", 10);
    LLVMValueRef values[] = {call, twin};
    LLVMBasicBlockRef from[] = {release, slot};
    LLVMAddIncoming(phi, values, from, 2);
  }
  return slot;
}

void h2s_guard_free(LLVMBuilderRef b, h2s_function *f, LLVMValueRef call,
                    const h2s_site *site, const h2s_free *fr) {
  LLVMBasicBlockRef head = LLVMGetInstructionParent(call);
  LLVMPositionBuilderBefore(b, call);
  LLVMValueRef on_heap = and_not_slot(b, NULL, fr->freed, site->slot);
  for (size_t i = 0; i < fr->others.len; ++i)
    on_heap = and_not_slot(b, on_heap, fr->freed,
                           h2s_site_of(f, fr->others.items[i])->slot);
  LLVMBasicBlockRef rest;
  LLVMBasicBlockRef release = isolate(call, &rest);
  LLVMBasicBlockRef on_slot =
      fr->copy ? call_copy_instead(b, f, call, release, fr->copy, rest) : rest;
  branch_from(b, head, on_heap, release, on_slot, 1);
}

/* A copy of 'realloc' that asks for its size afresh: the same operands,
 * with null for the block 'old' it resizes.  The C library's reallocs take
 * two operands, or three (reallocarray); TargetLibraryInfo checked the
 * prototype. */
static LLVMValueRef build_fresh_call(LLVMBuilderRef b, LLVMValueRef realloc,
                                     LLVMValueRef old, const char *name) {
  LLVMValueRef args[3];
  unsigned nargs = LLVMGetNumArgOperands(realloc);
  assert(nargs <= sizeof args / sizeof *args);
  for (unsigned i = 0; i < nargs; ++i) {
    args[i] = LLVMGetOperand(realloc, i);
    if (args[i] == old)
      args[i] = LLVMConstPointerNull(LLVMTypeOf(old));
  }
  return LLVMBuildCall2(b, LLVMGetCalledFunctionType(realloc), LLVMGetCalledValue(realloc),
                        args, nargs, name);
}

/* Builds, from the empty block 'check', the slot's way through
 * realloc(slot, n) into the phi 'result' in 'join': the blocks of the
 * table in the file header.  'wrapped' is reallocarray's product wrapping,
 * or NULL. */
static void build_slot_realloc(LLVMBuilderRef b, h2s_function *f,
                               const h2s_site *site, LLVMValueRef realloc,
                               LLVMValueRef old, LLVMValueRef n, LLVMValueRef wrapped,
                               LLVMBasicBlockRef check, LLVMBasicBlockRef join,
                               LLVMValueRef result) {
  LLVMValueRef null = LLVMConstPointerNull(LLVMTypeOf(realloc));
  LLVMBasicBlockRef move = new_block(f, join, "h2s.move");
  LLVMBasicBlockRef grow = new_block(f, join, "h2s.grow");
  LLVMBasicBlockRef copy = new_block(f, join, "h2s.copy");

  LLVMPositionBuilderAtEnd(b, check); /* 1 <= n <= K: n - 1 < K */
  LLVMValueRef less = LLVMBuildSub(b, n, size_constant(n, 1), "h2s.less");
  LLVMValueRef stays = LLVMBuildICmp(b, LLVMIntULT, less, size_constant(n, site->size),
                                     "h2s.stays");
  if (wrapped)
    stays = LLVMBuildAnd(b, stays, LLVMBuildNot(b, wrapped, "h2s.nowrap"), "h2s.stays");
  LLVMValueRef br = LLVMBuildCondBr(b, stays, join, move);
  h2s_bridge_weight_branch(br, 0);

  LLVMPositionBuilderAtEnd(b, move);
  LLVMValueRef grows = LLVMBuildICmp(b, LLVMIntNE, n, size_constant(n, 0), "h2s.grows");
  if (wrapped)
    grows = LLVMBuildOr(b, grows, wrapped, "h2s.grows");
  LLVMBuildCondBr(b, grows, grow, join);

  LLVMPositionBuilderAtEnd(b, grow);
  LLVMValueRef moved = build_fresh_call(b, realloc, old, "h2s.moved");
  LLVMBuildCondBr(b, LLVMBuildIsNotNull(b, moved, "h2s.got"), copy, join);

  LLVMPositionBuilderAtEnd(b, copy);
  LLVMBuildMemCpy(b, moved, 1, site->slot, (unsigned)site->align,
                  size_constant(n, site->size));
  LLVMBuildBr(b, join);

  LLVMValueRef values[] = {site->slot, null, moved, moved};
  LLVMBasicBlockRef from[] = {check, move, grow, copy};
  LLVMAddIncoming(result, values, from, 4);
}

/* For a realloc that is its own site: a null 'old' allocates afresh, into
 * the slot when the size fits (as malloc would, size 0 included), else on
 * the heap path.  Returns the block that makes that choice. */
static LLVMBasicBlockRef build_fresh_start(LLVMBuilderRef b, h2s_function *f,
                                           const h2s_site *site, LLVMValueRef old,
                                           LLVMValueRef n, LLVMValueRef wrapped,
                                           LLVMBasicBlockRef heap,
                                           LLVMBasicBlockRef join,
                                           LLVMValueRef result) {
  LLVMBasicBlockRef fresh = new_block(f, heap, "h2s.fresh");
  LLVMBasicBlockRef take = new_block(f, heap, "h2s.take");
  LLVMPositionBuilderAtEnd(b, fresh);
  LLVMValueRef empty = LLVMBuildIsNull(b, old, "h2s.empty");
  LLVMValueRef starts = LLVMBuildAnd(b, empty, fits_slot(b, site, n, wrapped), "h2s.starts");
  LLVMBuildCondBr(b, starts, take, heap);
  LLVMPositionBuilderAtEnd(b, take);
  h2s_bridge_build_lifetime(b, site->slot, 1);
  LLVMBuildBr(b, join);
  LLVMValueRef slot = site->slot;
  LLVMAddIncoming(result, &slot, &take, 1);
  return fresh;
}

void h2s_guard_realloc(LLVMBuilderRef b, h2s_function *f, const h2s_site *site,
                       LLVMValueRef realloc) {
  LLVMValueRef old = h2s_bridge_reallocated_operand(f->ctx, realloc);
  LLVMBasicBlockRef head = LLVMGetInstructionParent(realloc);
  LLVMPositionBuilderBefore(b, realloc);
  LLVMValueRef wrapped;
  LLVMValueRef n = h2s_build_size(b, f, h2s_site_of(f, realloc), &wrapped);
  LLVMValueRef in_slot = LLVMBuildICmp(b, LLVMIntEQ, old, site->slot, "h2s.inslot");
  LLVMBasicBlockRef join;
  LLVMBasicBlockRef heap = isolate(realloc, &join);
  LLVMBasicBlockRef check = new_block(f, heap, "h2s.resize");
  LLVMValueRef result = replace_by_phi(b, join, realloc);
  LLVMAddIncoming(result, &realloc, &heap, 1);
  LLVMBasicBlockRef other = heap;
  if (realloc == site->call)
    other = build_fresh_start(b, f, site, old, n, wrapped, heap, join, result);
  branch_from(b, head, in_slot, check, other, -1);
  build_slot_realloc(b, f, site, realloc, old, n, wrapped, check, join, result);
}
