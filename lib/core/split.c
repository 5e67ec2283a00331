/*===- split.c - Recursive functions: slots only while the stack has room -===*
 *
 * A static slot in a function that may recurse costs its bytes in every
 * active frame, and no compiler knows the depth.  Such a function is split
 * in three when it gets slots:
 *
 *     f(args)        the dispatcher, which takes f's name and every use:
 *                      if (stack_has_room(need)) musttail f.h2s.room(args)
 *                      else                      musttail f.h2s.plain(args)
 *     f.h2s.room     f's body with its promoted sites (the rewrite's)
 *     f.h2s.plain    f's body as it was, copied before the rewrite
 *
 * Both bodies call f, so every level of a recursion decides afresh.  The
 * calls are musttail: the dispatcher's frame is gone before either body
 * runs, so a level that finds no room costs exactly what the plain build's
 * level costs.  stackroom.c says when there is room: the frame is in the
 * first room_percent of this thread's stack with 'need' (the slots' bytes)
 * to spare.  The room bodies' frames therefore all lie in that share of the
 * stack, and at any moment the program uses at most that share (plus one
 * frame) more than the plain build does at the same point, however deep it
 * recurses; below it, every level is plain.
 *
 * Both bodies are noinline (an inliner after the pass would put a body's
 * frame into the dispatcher, before the decision) and carry
 * "heap2stack-split", so a later run of the pass leaves them alone.
 *
 *===----------------------------------------------------------------------===*/
#include "rewrite.h"

#include <stdlib.h>
#include <string.h>

static const char split_attr[] = "heap2stack-split";

/* Parameter attributes with which a musttail call cannot forward its
 * arguments unchanged on every target. */
static const char *const unforwardable[] = {"byval", "inalloca", "preallocated",
                                            "swifterror"};

static bool has_unforwardable_parameter(LLVMValueRef fn) {
  unsigned n = LLVMCountParams(fn);
  for (unsigned i = 0; i < n; ++i)
    if (h2s_param_has_any_attr(fn, i, unforwardable,
                               sizeof unforwardable / sizeof *unforwardable))
      return true;
  return false;
}

bool h2s_can_split(LLVMValueRef fn) {
  unsigned cc = LLVMGetFunctionCallConv(fn);
  return !LLVMIsFunctionVarArg(LLVMGlobalGetValueType(fn)) &&
         (cc == LLVMCCallConv || cc == LLVMFastCallConv) &&
         LLVMGetLinkage(fn) != LLVMAvailableExternallyLinkage &&
         !LLVMHasPrefixData(fn) && !LLVMHasPrologueData(fn) &&
         !has_unforwardable_parameter(fn) && !h2s_has_block_address(fn);
}

bool h2s_is_split_body(LLVMValueRef fn) {
  return LLVMGetStringAttributeAtIndex(fn, LLVMAttributeFunctionIndex, split_attr,
                                       sizeof split_attr - 1) != NULL;
}

/* Memory for a split that has begun: a function half split cannot be
 * given back, so running out ends the compilation, as it does in LLVM. */
static void *split_alloc(size_t bytes) {
  void *p = malloc(bytes ? bytes : 1);
  if (!p)
    abort();
  return p;
}

/* "<name of fn><suffix>", to be freed. */
static char *split_name(LLVMValueRef fn, const char *suffix) {
  char *name = h2s_suffixed_name(fn, suffix);
  if (!name)
    abort(); /* as split_alloc() */
  return name;
}

/* Marks one of the bodies; like the dispatcher, it loses its memory
 * effects: through the dispatcher it reads and writes the thread's stack
 * bounds, which they do not cover.  A body stays out of line, so that its
 * slots are in its own frame, which the dispatcher measured: an
 * always_inline function's (OpenMP's outlined regions) loses that mark,
 * which noinline contradicts; its dispatcher keeps it. */
static void mark_body(h2s_function *f, LLVMValueRef body) {
  LLVMContextRef ctx = h2s_context(f);
  LLVMRemoveEnumAttributeAtIndex(body, LLVMAttributeFunctionIndex, h2s_attr_kind("memory"));
  LLVMRemoveEnumAttributeAtIndex(body, LLVMAttributeFunctionIndex,
                                 h2s_attr_kind("alwaysinline"));
  LLVMAddAttributeAtIndex(body, LLVMAttributeFunctionIndex,
                          LLVMCreateEnumAttribute(ctx, h2s_attr_kind("noinline"), 0));
  LLVMAddAttributeAtIndex(body, LLVMAttributeFunctionIndex,
                          LLVMCreateStringAttribute(ctx, split_attr, sizeof split_attr - 1,
                                                    "", 0));
}

LLVMValueRef h2s_split_keep_plain(h2s_function *f) {
  char *name = split_name(f->fn, ".h2s.plain");
  LLVMValueRef plain = h2s_bridge_clone_function(f->fn, name);
  free(name);
  mark_body(f, plain);
  return plain;
}

/* Copies the attributes at 'index' of 'fn' to 'call', so that the musttail
 * call passes its arguments as 'fn' received them. */
static void copy_attributes_to_call(LLVMValueRef fn, LLVMAttributeIndex index,
                                    LLVMValueRef call) {
  unsigned n = LLVMGetAttributeCountAtIndex(fn, index);
  if (!n)
    return;
  LLVMAttributeRef *attrs = split_alloc(n * sizeof *attrs);
  LLVMGetAttributesAtIndex(fn, index, attrs);
  for (unsigned i = 0; i < n; ++i)
    LLVMAddCallSiteAttribute(call, index, attrs[i]);
  free(attrs);
}

/* Ends the block at 'b' with "musttail call body(args of fn); ret". */
static void forward_to(LLVMBuilderRef b, LLVMValueRef fn, LLVMValueRef body) {
  unsigned n = LLVMCountParams(fn);
  LLVMValueRef *args = split_alloc(n * sizeof *args);
  LLVMGetParams(fn, args);
  LLVMTypeRef type = LLVMGlobalGetValueType(fn);
  LLVMValueRef call = LLVMBuildCall2(b, type, body, args, n, "");
  free(args);
  LLVMSetTailCallKind(call, LLVMTailCallKindMustTail);
  LLVMSetInstructionCallConv(call, LLVMGetFunctionCallConv(fn));
  copy_attributes_to_call(fn, LLVMAttributeReturnIndex, call);
  for (unsigned i = 0; i < n; ++i)
    copy_attributes_to_call(fn, i + 1, call);
  if (LLVMGetTypeKind(LLVMGetReturnType(type)) == LLVMVoidTypeKind)
    LLVMBuildRetVoid(b);
  else
    LLVMBuildRet(b, call);
}

/* -finstrument-functions and -pg hooks: the body that runs calls them
 * once, as the function did; the dispatcher would call them a second time. */
static const char *const entry_exit_hooks[] = {
    "instrument-function-entry", "instrument-function-entry-inlined",
    "instrument-function-exit", "instrument-function-exit-inlined"};

static void drop_entry_exit_hooks(LLVMValueRef dispatcher) {
  for (size_t i = 0; i < sizeof entry_exit_hooks / sizeof *entry_exit_hooks; ++i)
    LLVMRemoveStringAttributeAtIndex(dispatcher, LLVMAttributeFunctionIndex,
                                     entry_exit_hooks[i],
                                     (unsigned)strlen(entry_exit_hooks[i]));
}

void h2s_split_dispatch(h2s_function *f, LLVMValueRef plain) {
  LLVMValueRef room = f->fn;
  char *name = split_name(room, ".h2s.room");
  LLVMValueRef dispatcher = h2s_bridge_take_place_of(room, name);
  free(name);
  mark_body(f, room);
  LLVMRemoveEnumAttributeAtIndex(dispatcher, LLVMAttributeFunctionIndex,
                                 h2s_attr_kind("memory"));
  drop_entry_exit_hooks(dispatcher);

  LLVMContextRef ctx = h2s_context(f);
  LLVMBuilderRef b = LLVMCreateBuilderInContext(ctx);
  LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(ctx, dispatcher, "entry");
  LLVMPositionBuilderAtEnd(b, entry);
  LLVMValueRef roomy = h2s_build_stack_has_room(b, f, f->spent);
  LLVMBasicBlockRef to_room = LLVMAppendBasicBlockInContext(ctx, dispatcher, "room");
  LLVMBasicBlockRef to_plain = LLVMAppendBasicBlockInContext(ctx, dispatcher, "plain");
  h2s_bridge_weight_branch(LLVMBuildCondBr(b, roomy, to_room, to_plain), 0);
  LLVMPositionBuilderAtEnd(b, to_room);
  forward_to(b, dispatcher, room);
  LLVMPositionBuilderAtEnd(b, to_plain);
  forward_to(b, dispatcher, plain);
  LLVMDisposeBuilder(b);
  h2s_bridge_count_split();
}
