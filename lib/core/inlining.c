/*===- inlining.c - Calls the pass inlines to see a block's whole life ----===*
 *
 * LLVM's inliner leaves a helper alone once it costs more than its
 * threshold, and a block whose life the helper splits with its caller (a
 * factory returns it, an object's helpers allocate and free it) then never
 * lives in one frame that the pass sees.  factories.c and helpers.c choose
 * the calls worth inlining; this file says which calls may be inlined at
 * all, and inlines them with LLVM's own InlineFunction, through the bridge.
 *
 * A callee may be inlined when it is a function of the module whose body
 * the linker keeps or swaps only for a copy of the same definition (C++'s
 * inline functions), not variadic, not noinline or optnone, not one of
 * the bodies split.c made, and of at most the given number of
 * instructions; the call must be a plain call, not musttail and not marked
 * noinline.  A function that may recurse inlines no callee with locals of
 * its own (allocas of its entry block): they would join every one of its
 * frames, where the plain program had them in one frame of the callee at
 * a time, and a frame without room for slots must cost what the plain
 * program's does (split.c).  Functions built for size (-Os, -Oz) inline
 * nothing, and no function more than H2S_MAX_INLINES calls: inlining never
 * changes what the program does, only how much code it has.
 *
 *===----------------------------------------------------------------------===*/
#include "site.h"

enum { H2S_MAX_INLINES = 16 };

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

/* True when the entry block of 'fn' makes an alloca: a local the frame
 * holds for the whole call. */
static bool has_locals(LLVMValueRef fn) {
  for (LLVMValueRef i = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(fn)); i;
       i = LLVMGetNextInstruction(i))
    if (LLVMIsAAllocaInst(i))
      return true;
  return false;
}

bool h2s_is_inlinable(const h2s_function *f, LLVMValueRef fn, uint64_t max_size) {
  return fn != f->fn && fn != f->trial_of && h2s_has_inlinable_body(fn) &&
         !LLVMIsFunctionVarArg(LLVMGlobalGetValueType(fn)) &&
         !h2s_fn_has_attr(fn, "noinline") && !h2s_fn_has_attr(fn, "optnone") &&
         !h2s_is_split_body(fn) && size_of(fn, max_size) <= max_size &&
         !(f->recursive && has_locals(fn));
}

LLVMValueRef h2s_inlinable_callee(const h2s_function *f, LLVMValueRef call,
                                  uint64_t max_size) {
  LLVMValueRef callee = h2s_called_function(call);
  if (!LLVMIsACallInst(call) || !callee || (f->kept && h2s_valset_has(f->kept, call)) ||
      LLVMGetTailCallKind(call) == LLVMTailCallKindMustTail ||
      LLVMGetCallSiteEnumAttribute(call, LLVMAttributeFunctionIndex, h2s_attr_kind("noinline")) ||
      !h2s_is_inlinable(f, callee, max_size))
    return NULL;
  return callee;
}

unsigned h2s_inlines_left(const h2s_function *f) {
  /* -Os and -Oz ask for less code, which inlining never gives */
  if (h2s_fn_has_attr(f->fn, "optsize") || h2s_fn_has_attr(f->fn, "minsize"))
    return 0;
  return f->inlined < H2S_MAX_INLINES ? H2S_MAX_INLINES - f->inlined : 0;
}

bool h2s_inline_calls(h2s_function *f, const h2s_values *calls, void (*count)(void)) {
  bool inlined = false;
  for (size_t i = 0; i < calls->len && h2s_inlines_left(f); ++i) {
    ++f->inlined; /* an attempt counts: its call stays as it was */
    if (!h2s_bridge_inline_call(f->ctx, calls->items[i]))
      continue;
    if (!f->trial_of)
      count();
    inlined = true;
  }
  return inlined;
}
