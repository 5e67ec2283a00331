/*===- factories.c - Allocation wrappers: inlined where their block dies ---===*
 *
 * A block made by a helper of the module (a factory: text_new, node_new)
 * and freed by its caller lives in the caller's frame, but discovery sees
 * only a call that returns a pointer.  LLVM's inliner leaves such a helper
 * alone once it costs more than its threshold, which a constructor that
 * fills in a few fields soon does.  Before discovery, the pass inlines a
 * call of a factory, with LLVM's own InlineFunction (inlining.c), when
 * the caller frees the block it returns: directly, through a phi or
 * select, or through a free wrapper (wrappers.c).  The allocation is then
 * one of the caller's sites and goes through the pipeline like any other.
 *
 * A factory is a function inlining.c may inline, of at most factory_size
 * instructions, every return of which gives back, through phis and
 * selects, null or the result of an allocation call in its own body.
 * Inlining never changes what the program does, only its code: calls are
 * inlined only where the block they return is freed, so that it may
 * become a slot.  (A factory whose block is stored into a local object
 * that the caller frees it from is helpers.c's to inline.)
 *
 * Inlining instead of a copy of the factory that takes the caller's slot:
 * the caller's analysis then sees the factory's stores into the block
 * (t->buf = malloc(n) makes t a holder), which a copy would hide behind a
 * call, and a copy would need its own frees of the block (the error paths
 * of a constructor) left out as well.
 *
 *===----------------------------------------------------------------------===*/
#include "site.h"

enum { H2S_MAX_FREE_SEARCH = 64 };

typedef struct h2s_returns {
  h2s_fn_ctx *ctx;
  unsigned allocations; /* allocation calls among the returned values */
} h2s_returns;

/* Accepts null and the results of allocation calls of the factory. */
static bool is_fresh_block(LLVMValueRef v, void *data) {
  h2s_returns *r = data;
  if (LLVMIsAConstantPointerNull(v))
    return true;
  bool allocation = h2s_is_allocation(r->ctx, v);
  r->allocations += allocation;
  return allocation;
}

/* True when every return of 'fn' gives back null or a block allocated
 * there, and at least one gives back a block.  The allocations are judged
 * as the caller's TargetLibraryInfo sees them: inlined, they are its. */
static bool returns_fresh_blocks(const h2s_function *f, LLVMValueRef fn) {
  h2s_returns r = {f->ctx, 0};
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
    LLVMValueRef term = LLVMGetBasicBlockTerminator(bb);
    if (term && LLVMGetInstructionOpcode(term) == LLVMRet &&
        !h2s_visit_sources(LLVMGetOperand(term, 0), is_fresh_block, &r))
      return false;
  }
  return r.allocations > 0;
}

bool h2s_is_factory(const h2s_function *f, LLVMValueRef fn) {
  return LLVMGetTypeKind(LLVMGetReturnType(LLVMGlobalGetValueType(fn))) == LLVMPointerTypeKind &&
         h2s_is_inlinable(f, fn, f->opts->factory_size) && returns_fresh_blocks(f, fn);
}

typedef struct h2s_free_search {
  h2s_function *f;
  bool freed;
} h2s_free_search;

/* Looks for a free of the pointer used by 'use' (h2s_walk_uses()). */
static h2s_step find_free(LLVMUseRef use, void *data) {
  h2s_free_search *s = data;
  LLVMValueRef user = LLVMGetUser(use);
  LLVMValueRef ptr = LLVMGetUsedValue(use);
  if (h2s_is_merge(user))
    return H2S_STEP_FOLLOW;
  if (!h2s_is_call(user) || h2s_operand_index(use) >= LLVMGetNumArgOperands(user))
    return H2S_STEP_NEXT;
  char family[H2S_FAMILY_CAP];
  LLVMValueRef callee = h2s_called_function(user);
  s->freed = h2s_bridge_freed_operand(s->f->ctx, user, family) == ptr ||
             (callee && LLVMIsACallInst(user) &&
              h2s_wrapper_copy(s->f->wrappers, callee, h2s_operand_index(use), family));
  return s->freed ? H2S_STEP_STOP : H2S_STEP_NEXT;
}

/* True when 'call' should be inlined: it calls a factory, and the caller
 * frees what it returns. */
static bool dies_in_caller(h2s_function *f, LLVMValueRef call) {
  LLVMValueRef callee = h2s_inlinable_callee(f, call, f->opts->factory_size);
  if (!callee || !h2s_is_factory(f, callee))
    return false;
  h2s_free_search s = {f, false};
  h2s_walk_uses(call, H2S_MAX_FREE_SEARCH, find_free, &s);
  return s.freed;
}

void h2s_find_factory_calls(h2s_function *f, h2s_values *calls) {
  unsigned left = f->opts->factory_size ? h2s_inlines_left(f) : 0;
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->fn); bb && left;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i && calls->len < left;
         i = LLVMGetNextInstruction(i))
      if (h2s_is_call(i) && dies_in_caller(f, i) && !h2s_values_push(calls, i))
        left = 0; /* out of memory: inline what was found */
}

bool h2s_inline_factories(h2s_function *f) {
  h2s_values calls = {0};
  h2s_find_factory_calls(f, &calls);
  bool inlined = h2s_inline_calls(f, &calls, h2s_bridge_count_factory_inlined);
  h2s_values_free(&calls);
  return inlined;
}
