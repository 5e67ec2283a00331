/*===- lifetime.c - Can one stack slot serve every execution of a site? --===*
 *
 * A promoted site gets one fixed slot, reused each time the site runs again
 * (in a loop).  That is only correct if no block from an earlier execution
 * is still in use after the site runs again.  Because the block does not
 * escape, only the SSA values that escape.c recorded can point into it, so
 * the question is one of SSA liveness: is any of those values live just
 * after the allocation?
 *
 * A value whose definition the allocation dominates is dead there: every
 * path from the allocation to one of its uses passes its definition again
 * (otherwise the path from the entry through the allocation would bypass
 * it).  So only the other derived values, in practice phis that carry a
 * pointer around a loop, need a search: from just after the allocation,
 * along the CFG, does a use come before the value's definition does?
 *
 * A realloc that grows its own block (buf = realloc(buf, n)) runs again on
 * purpose with the block its operand carries: it keeps or moves that block
 * rather than starting another one, and starts one in the slot only when
 * the operand is null.  So that operand is no earlier block to fear; every
 * other derived value is checked as above.
 *
 *===----------------------------------------------------------------------===*/
#include "site.h"

/* The block at whose end 'use' happens: for a phi, the incoming block. */
static LLVMBasicBlockRef block_of_use(LLVMUseRef use) {
  LLVMValueRef user = LLVMGetUser(use);
  if (LLVMIsAPHINode(user))
    return LLVMGetIncomingBlock(user, h2s_operand_index(use));
  return LLVMGetInstructionParent(user);
}

static bool comes_after(LLVMValueRef later, LLVMValueRef inst) {
  for (LLVMValueRef i = LLVMGetNextInstruction(inst); i; i = LLVMGetNextInstruction(i))
    if (i == later)
      return true;
  return false;
}

/* True when 'v' is used in the rest of the allocation's block. */
static bool used_after_alloc_in_its_block(LLVMValueRef v, LLVMValueRef alloc) {
  LLVMBasicBlockRef home = LLVMGetInstructionParent(alloc);
  for (LLVMUseRef use = LLVMGetFirstUse(v); use; use = LLVMGetNextUse(use)) {
    LLVMValueRef user = LLVMGetUser(use);
    if (LLVMIsAPHINode(user) ? block_of_use(use) == home
                             : LLVMGetInstructionParent(user) == home &&
                                   comes_after(user, alloc))
      return true;
  }
  return false;
}

static bool has_use_in(LLVMValueRef v, LLVMBasicBlockRef bb) {
  for (LLVMUseRef use = LLVMGetFirstUse(v); use; use = LLVMGetNextUse(use))
    if (block_of_use(use) == bb)
      return true;
  return false;
}

static bool queue_successors(LLVMBasicBlockRef bb, h2s_valset *seen,
                             h2s_values *queue) {
  LLVMValueRef term = LLVMGetBasicBlockTerminator(bb);
  for (unsigned i = 0, n = term ? LLVMGetNumSuccessors(term) : 0; i < n; ++i) {
    LLVMValueRef succ = LLVMBasicBlockAsValue(LLVMGetSuccessor(term, i));
    int added = h2s_valset_add(seen, succ);
    if (added < 0 || (added && !h2s_values_push(queue, succ)))
      return false;
  }
  return true;
}

/* True when some path from just after 'alloc' reaches a use of 'v' before
 * reaching the definition of 'v'; also true when memory runs out. */
static bool live_after_alloc(LLVMValueRef v, LLVMValueRef alloc) {
  if (used_after_alloc_in_its_block(v, alloc))
    return true;
  LLVMBasicBlockRef def_bb = LLVMGetInstructionParent(v);
  h2s_valset seen = {0};
  h2s_values queue = {0};
  bool live = !queue_successors(LLVMGetInstructionParent(alloc), &seen, &queue);
  for (size_t next = 0; !live && next < queue.len; ++next) {
    LLVMBasicBlockRef bb = LLVMValueAsBasicBlock(queue.items[next]);
    if (bb == def_bb)
      continue; /* 'v' is redefined before any later use */
    live = has_use_in(v, bb) || !queue_successors(bb, &seen, &queue);
  }
  h2s_valset_free(&seen);
  h2s_values_free(&queue);
  return live;
}

/* Refuses 'site' when a block from an earlier execution of it may still be
 * in use after it runs again; the blocker is the value that carries it. */
void h2s_check_slot_reuse(h2s_function *f, h2s_site *site) {
  LLVMValueRef old = site->resizes_itself
                         ? h2s_bridge_reallocated_operand(f->ctx, site->call)
                         : NULL;
  for (size_t i = 1; i < site->derived.len && h2s_open(site); ++i) {
    LLVMValueRef v = site->derived.items[i];
    if (v == old || h2s_bridge_dominates(f->ctx, site->call, v))
      continue;
    if (live_after_alloc(v, site->call))
      h2s_refuse(site, H2S_LOOP_CARRIED, v);
  }
}
