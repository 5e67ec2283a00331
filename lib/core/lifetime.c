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
 * A pointer stored into a holder (memflow.c) is live in memory, where SSA
 * liveness does not see it: a read of the holder after the site ran again
 * could return the earlier block.  So for each store of the pointer and
 * each read that may return it, no path may lead from the store through
 * the allocation to the read, unless the bytes are overwritten on the way
 * (a write that surely covers the read, in the object the read reads: not
 * a copy of a run-time length, which may copy nothing, nor a store into
 * this iteration's node when the read goes through the node the loop
 * carries from the one before) or the read is of a newer object (the
 * holder's own alloca or allocation runs again, for a read through a
 * pointer that only GEPs make from it: that pointer is always into the
 * newest object, at whatever offset, even one a callee adds).  A pointer stored
 * into its own block needs no such check: the next block is the same slot.
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

/* What of instruction 'inst''s block, from 'inst' on, a path meets first:
 * 1 'to', 0 a barrier, -1 neither (it goes on to the successors). */
static int scan_from(LLVMValueRef inst, LLVMValueRef to, const h2s_values *barriers) {
  for (; inst; inst = LLVMGetNextInstruction(inst)) {
    if (inst == to)
      return 1;
    for (size_t i = 0; i < barriers->len; ++i)
      if (barriers->items[i] == inst)
        return 0;
  }
  return -1;
}

/* True when a path from just after 'from' reaches 'to' without passing an
 * instruction of 'barriers' or entering a block of 'closed' (NULL: none);
 * also true when memory runs out. */
static bool reaches_avoiding(LLVMValueRef from, LLVMValueRef to,
                             const h2s_values *barriers, const h2s_values *closed) {
  int met = scan_from(LLVMGetNextInstruction(from), to, barriers);
  if (met >= 0)
    return met == 1;
  h2s_valset seen = {0};
  h2s_values queue = {0};
  bool reached = false;
  for (size_t i = 0; closed && i < closed->len && !reached; ++i)
    reached = h2s_valset_add(&seen, closed->items[i]) < 0;
  reached = reached || !queue_successors(LLVMGetInstructionParent(from), &seen, &queue);
  for (size_t next = 0; !reached && next < queue.len; ++next) {
    LLVMBasicBlockRef bb = LLVMValueAsBasicBlock(queue.items[next]);
    met = scan_from(LLVMGetFirstInstruction(bb), to, barriers);
    reached = met == 1 || (met < 0 && !queue_successors(bb, &seen, &queue));
  }
  h2s_valset_free(&seen);
  h2s_values_free(&queue);
  return reached;
}

static bool covers(h2s_span outer, h2s_span inner) {
  return outer.known && inner.known && !outer.stride && !inner.stride && !outer.partial &&
         outer.offset <= inner.offset &&
         (__int128)inner.offset + inner.size <= (__int128)outer.offset + outer.size;
}

/* True when 'h' is one object for the whole call: an alloca of the entry
 * block, whose every read and write is of the same bytes however often
 * they run (an allocation, or an alloca in a loop, may be another object
 * each time). */
static bool is_one_object(const h2s_holder *h) {
  LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInstructionParent(h->base));
  return LLVMIsAAllocaInst(h->base) &&
         LLVMGetInstructionParent(h->base) == LLVMGetEntryBasicBlock(fn);
}

/* The bytes both 'a' and 'b' touch, when that is one known range; else
 * 'b'. */
static h2s_span common_bytes(h2s_span a, h2s_span b) {
  if (!a.known || !b.known || a.stride || b.stride)
    return b;
  __int128 lo = a.offset > b.offset ? a.offset : b.offset;
  __int128 a_end = (__int128)a.offset + a.size, b_end = (__int128)b.offset + b.size;
  __int128 hi = a_end < b_end ? a_end : b_end;
  if (hi <= lo)
    return b;
  return (h2s_span){.known = true, .offset = (int64_t)lo, .size = (uint64_t)(hi - lo)};
}

/* True when write 'w' of 'h' surely overwrites the bytes 'bytes' that read
 * 'r' reads, when it comes between a store and 'r': it covers them, in the
 * object 'r' reads.  For a holder that is another object each time its
 * base runs, that is so only when both go through pointers into the
 * newest object (the base running again between them is a barrier of its
 * own): a write through the pointer a loop carries from the iteration
 * before (prev->p) writes another object than one through the new pointer
 * reads (h->p). */
static bool overwrites(const h2s_holder *h, const h2s_access *w, const h2s_access *r,
                       h2s_span bytes) {
  return !w->may_miss && covers(w->span, bytes) &&
         (is_one_object(h) || (w->newest && r->newest));
}

/* The instructions after which read 'r' of 'h' no longer returns what an
 * earlier store left in 'stored': writes that overwrite what 'r' reads of
 * those bytes and, for a read through a pointer made from the holder's
 * base by GEPs alone, the holder's own allocation. */
static bool collect_barriers(const h2s_holder *h, const h2s_access *r, h2s_span stored,
                             h2s_values *barriers) {
  h2s_span bytes = common_bytes(stored, r->span);
  if (r->newest && !h2s_values_push(barriers, h->base))
    return false;
  for (size_t i = 0; i < h->nwrites; ++i)
    if (overwrites(h, &h->writes[i], r, bytes) &&
        !h2s_values_push(barriers, h->writes[i].inst))
      return false;
  return true;
}

bool h2s_write_reaches_read(const h2s_holder *h, const h2s_access *w, const h2s_access *r) {
  h2s_values barriers = {0};
  bool reaches = !collect_barriers(h, r, w->span, &barriers) ||
                 reaches_avoiding(w->inst, r->inst, &barriers, NULL);
  h2s_values_free(&barriers);
  return reaches;
}

/* True when read 'r' may return the block 'held' stored after the site
 * 'alloc' ran again; no path to 'alloc' enters a block of 'empty'. */
static bool read_may_return_old_block(LLVMValueRef alloc, const h2s_holding *held,
                                      const h2s_access *r, const h2s_values *empty) {
  h2s_values barriers = {0};
  bool old = !collect_barriers(held->holder, r, held->span, &barriers) ||
             (reaches_avoiding(held->store, alloc, &barriers, empty) &&
              reaches_avoiding(alloc, r->inst, &barriers, NULL));
  h2s_values_free(&barriers);
  return old;
}

/* True when no write of 'h' overlapping 'span' lies on a path from 'load'
 * to 'branch' that does not pass 'load' again (which 'branch' then tests
 * anew). */
static bool unwritten_between(const h2s_holder *h, h2s_span span, LLVMValueRef load,
                              LLVMValueRef branch) {
  h2s_values again = {&load, 1, 1};
  for (size_t i = 0; i < h->nwrites; ++i) {
    LLVMValueRef write = h->writes[i].inst;
    if (h2s_spans_overlap(h->writes[i].span, span) &&
        reaches_avoiding(load, write, &again, NULL) &&
        reaches_avoiding(write, branch, &again, NULL))
      return false;
  }
  return true;
}

/* The successor of conditional branch 'br' taken when 'cmp' says its
 * operands are equal, if 'br' is its only way in; else NULL. */
static LLVMValueRef entry_on_equal(LLVMValueRef br, LLVMValueRef cmp) {
  LLVMIntPredicate p = LLVMGetICmpPredicate(cmp);
  if (!LLVMIsABranchInst(br) || !LLVMIsConditional(br) || LLVMGetCondition(br) != cmp ||
      (p != LLVMIntEQ && p != LLVMIntNE))
    return NULL;
  LLVMBasicBlockRef bb = LLVMGetSuccessor(br, p == LLVMIntEQ ? 0 : 1);
  LLVMUseRef use = LLVMGetFirstUse(LLVMBasicBlockAsValue(bb));
  if (!use || LLVMGetNextUse(use) || LLVMGetUser(use) != br)
    return NULL;
  return LLVMBasicBlockAsValue(bb);
}

/* The comparison that 'use' makes of its value with null or a pointer into
 * the stack, neither of them a block of any site; else NULL. */
static LLVMValueRef test_for_no_block(h2s_function *f, LLVMUseRef use) {
  LLVMValueRef cmp = LLVMGetUser(use);
  if (!LLVMIsAICmpInst(cmp))
    return NULL;
  LLVMValueRef other = LLVMGetOperand(cmp, 1 - h2s_operand_index(use));
  return LLVMIsAConstantPointerNull(other) || h2s_is_stack_pointer(f, other) ? cmp : NULL;
}

/* True when 'alloc' runs only in a block that a branch enters when 'v'
 * equals null or a pointer into the stack: then 'v', until defined again,
 * holds no earlier block (a small-buffer struct's pointer, loaded once,
 * tested, and copied from after the allocation). */
static bool is_tested_for_no_block(h2s_function *f, LLVMValueRef v, LLVMValueRef alloc) {
  LLVMValueRef home = LLVMBasicBlockAsValue(LLVMGetInstructionParent(alloc));
  for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef cmp = test_for_no_block(f, u);
    for (LLVMUseRef c = cmp ? LLVMGetFirstUse(cmp) : NULL; c; c = LLVMGetNextUse(c))
      if (entry_on_equal(LLVMGetUser(c), cmp) == home)
        return true;
  }
  return false;
}

/* Adds to 'empty' the blocks that a branch enters only when load 'r',
 * covering 'span' of 'h', found null or a pointer into the stack there
 * (a small-buffer struct's own array, a buffer not made yet) and nothing
 * wrote those bytes since: on entry they hold no block of any site. */
static bool add_empty_entries(h2s_function *f, const h2s_holder *h, h2s_span span,
                              const h2s_access *r, h2s_values *empty) {
  for (LLVMUseRef u = LLVMGetFirstUse(r->inst); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef cmp = test_for_no_block(f, u);
    for (LLVMUseRef c = cmp ? LLVMGetFirstUse(cmp) : NULL; c; c = LLVMGetNextUse(c)) {
      LLVMValueRef br = LLVMGetUser(c);
      LLVMValueRef entry = entry_on_equal(br, cmp);
      if (entry && unwritten_between(h, span, r->inst, br) && !h2s_values_push(empty, entry))
        return false;
    }
  }
  return true;
}

/* The blocks a path from the store 'held' to the site's allocation may
 * not enter: there the holder no longer holds the block. */
static bool collect_empty_entries(h2s_function *f, const h2s_holding *held,
                                  h2s_values *empty) {
  const h2s_holder *h = held->holder;
  for (size_t i = 0; is_one_object(h) && i < h->nreads; ++i) {
    const h2s_access *r = &h->reads[i];
    if (LLVMIsALoadInst(r->inst) && !r->may_miss && covers(r->span, held->span) &&
        !add_empty_entries(f, h, held->span, r, empty))
      return false;
  }
  return true;
}

/* Refuses 'site' when a holder it was stored into may return an earlier
 * block after the site ran again; the blocker is that read. */
static void check_held_pointers(h2s_function *f, h2s_site *site) {
  for (size_t i = 0; i < site->nheld && h2s_open(site); ++i) {
    const h2s_holding *held = &site->held[i];
    const h2s_holder *h = held->holder;
    h2s_values empty = {0};
    if (h->base != site->call && !collect_empty_entries(f, held, &empty))
      h2s_refuse(site, H2S_TOO_MANY_USES, held->store); /* out of memory */
    for (size_t j = 0; h->base != site->call && j < h->nreads && h2s_open(site); ++j)
      if (h2s_spans_overlap(held->span, h->reads[j].span) &&
          read_may_return_old_block(site->call, held, &h->reads[j], &empty))
        h2s_refuse(site, H2S_LOOP_CARRIED, h->reads[j].inst);
    h2s_values_free(&empty);
  }
}

/* Refuses 'site' when a block from an earlier execution of it may still be
 * in use after it runs again; the blocker is the value that carries it. */
void h2s_check_slot_reuse(h2s_function *f, h2s_site *site) {
  LLVMValueRef old = site->resizes_itself
                         ? h2s_bridge_reallocated_operand(f->ctx, site->call)
                         : NULL;
  for (size_t i = 1; i < site->derived.len && h2s_open(site); ++i) {
    LLVMValueRef v = site->derived.items[i];
    if (v == old || h2s_bridge_dominates(f->ctx, site->call, v) ||
        is_tested_for_no_block(f, v, site->call))
      continue;
    if (live_after_alloc(v, site->call))
      h2s_refuse(site, H2S_LOOP_CARRIED, v);
  }
  check_held_pointers(f, site);
}
