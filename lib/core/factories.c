/*===- factories.c - Allocation wrappers: inlined where their block dies ---===*
 *
 * A block made by a helper of the module (a factory: text_new, node_new)
 * and freed by its caller lives in the caller's frame, but discovery sees
 * only a call that returns a pointer.  LLVM's inliner leaves such a helper
 * alone once it costs more than its threshold, which a constructor that
 * fills in a few fields soon does.  Before discovery, the pass inlines a
 * call of a factory, with LLVM's own InlineFunction (through the bridge),
 * when the caller frees the block it returns: directly, through a phi or
 * select, or through a free wrapper (wrappers.c).  The allocation is then
 * one of the caller's sites and goes through the pipeline like any other.
 *
 * A factory is a function of the module the linker keeps (an exact body),
 * not variadic, not noinline or optnone, of at most factory_size
 * instructions, every return of which gives back, through phis and
 * selects, null or the result of an allocation call in its own body.
 * Calls marked noinline, and functions built for size (-Os, -Oz), are
 * left alone.
 *
 * Inlining never changes what the program does, only its code: calls are
 * inlined only where the block they return is freed, so that it may
 * become a slot, and each function inlines at most
 * H2S_MAX_FACTORY_INLINES of them.
 *
 * Inlining instead of a copy of the factory that takes the caller's slot:
 * the caller's analysis then sees the factory's stores into the block
 * (t->buf = malloc(n) makes t a holder), which a copy would hide behind a
 * call, and a copy would need its own frees of the block (the error paths
 * of a constructor) left out as well.
 *
 *===----------------------------------------------------------------------===*/
#include "site.h"

enum { H2S_MAX_FACTORY_INLINES = 16, H2S_MAX_FREE_SEARCH = 64 };

typedef struct h2s_returns {
  h2s_fn_ctx *ctx;
  unsigned allocations; /* allocation calls among the returned values */
} h2s_returns;

/* Accepts null and the results of allocation calls of the factory. */
static bool is_fresh_block(LLVMValueRef v, void *data) {
  h2s_returns *r = data;
  if (LLVMIsAConstantPointerNull(v))
    return true;
  if (!h2s_is_call(v))
    return false;
  h2s_alloc_facts facts;
  h2s_bridge_describe_alloc(r->ctx, v, &facts);
  r->allocations += facts.is_alloc != 0;
  return facts.is_alloc;
}

/* True when every return of 'fn' gives back null or a block allocated
 * there, and at least one gives back a block.  The allocations are judged
 * as the caller's TargetLibraryInfo sees them: inlined, they are its. */
static bool returns_fresh_blocks(h2s_function *f, LLVMValueRef fn) {
  h2s_returns r = {f->ctx, 0};
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
    LLVMValueRef term = LLVMGetBasicBlockTerminator(bb);
    if (term && LLVMGetInstructionOpcode(term) == LLVMRet &&
        !h2s_visit_sources(LLVMGetOperand(term, 0), is_fresh_block, &r))
      return false;
  }
  return r.allocations > 0;
}

/* The number of instructions of 'fn', counting up to 'limit' + 1. */
static uint64_t size_of(LLVMValueRef fn, uint64_t limit) {
  uint64_t n = 0;
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb && n <= limit;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i && n <= limit;
         i = LLVMGetNextInstruction(i))
      ++n;
  return n;
}

static bool is_factory(h2s_function *f, LLVMValueRef fn) {
  LLVMTypeRef type = LLVMGlobalGetValueType(fn);
  return fn != f->fn && h2s_has_exact_body(fn) && !LLVMIsFunctionVarArg(type) &&
         LLVMGetTypeKind(LLVMGetReturnType(type)) == LLVMPointerTypeKind &&
         !h2s_fn_has_attr(fn, "noinline") && !h2s_fn_has_attr(fn, "optnone") &&
         !h2s_is_split_body(fn) && size_of(fn, f->opts->factory_size) <= f->opts->factory_size &&
         returns_fresh_blocks(f, fn);
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
 * frees what it returns.  A call marked noinline is left alone. */
static bool dies_in_caller(h2s_function *f, LLVMValueRef call) {
  LLVMValueRef callee = h2s_called_function(call);
  if (!LLVMIsACallInst(call) || !callee ||
      LLVMGetTailCallKind(call) == LLVMTailCallKindMustTail ||
      LLVMGetCallSiteEnumAttribute(call, LLVMAttributeFunctionIndex, h2s_attr_kind("noinline")) ||
      !is_factory(f, callee))
    return false;
  h2s_free_search s = {f, false};
  h2s_walk_uses(call, H2S_MAX_FREE_SEARCH, find_free, &s);
  return s.freed;
}

bool h2s_inline_factories(h2s_function *f) {
  /* -Os and -Oz ask for less code, which inlining never gives */
  if (!f->opts->factory_size || h2s_fn_has_attr(f->fn, "optsize") ||
      h2s_fn_has_attr(f->fn, "minsize"))
    return false;
  h2s_values calls = {0};
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->fn); bb; bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
      if (calls.len < H2S_MAX_FACTORY_INLINES && h2s_is_call(i) && dies_in_caller(f, i) &&
          !h2s_values_push(&calls, i))
        break;
  bool inlined = false;
  for (size_t i = 0; i < calls.len; ++i) {
    if (!h2s_bridge_inline_call(f->ctx, calls.items[i]))
      continue;
    h2s_bridge_count_factory_inlined();
    inlined = true;
  }
  h2s_values_free(&calls);
  return inlined;
}
