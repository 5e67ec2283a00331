/*===- summaries.c - What the module's functions do with their parameters -===*
 *
 * A block passed to a function defined in the module escapes unless LLVM's
 * attributes say the function neither keeps it nor frees it.  FunctionAttrs
 * infers the first (captures(none)) for the module's functions, but
 *   - nothing in clang's pipeline infers that a parameter is never freed, so
 *     a helper that frees anything at all (its own scratch buffer) looked as
 *     if it might free its argument;
 *   - any integer cast of the parameter counts as keeping it, and
 *     UndefinedBehaviorSanitizer casts every pointer it checks (alignment,
 *     pointer overflow), so in a -fsanitize=undefined build no helper that
 *     touches its argument keeps captures(none).
 * This file answers both questions from the callee's body.  A parameter may
 * be freed when a pointer derived from it (through GEPs, casts, phis,
 * selects and freezes) reaches a free or realloc, or a call that may free it
 * (by this same question for the module's functions, by LLVM's nofree and
 * the C library's specification for the others).  It may be kept when such
 * a pointer is stored, returned, turned into an integer that carries its
 * address (offsets.c decides, as for a block), or given to a call that may
 * keep it (by this same question, LLVM's attributes, libc.c or runtime.c).
 * A use the walk does not model (an atomic, an aggregate, a variadic
 * argument) does both, as does anything in a function whose body may be
 * replaced at link time (weak, linkonce, available_externally).
 *
 * "Never freed" alone is meant for a parameter that is not kept either (by
 * LLVM's attributes or this file's answer; escape.c asks only then): a
 * function that cannot stash the pointer cannot leave it where a later
 * call could free it, so following its uses is enough.
 *
 * Summaries are computed on demand and kept for the whole module.  Calls
 * may form cycles (recursion, through function pointers too, since an
 * indirect call keeps and frees anything), so the summaries met while one
 * is being computed start at "frees and keeps nothing" and are computed
 * again, all of them, until none changes: the least fixed point, which is
 * exactly what some finite chain of calls does.  What a callee does with
 * the pointers stored inside what a parameter points to is not summarised,
 * so such objects still escape.
 *
 *===----------------------------------------------------------------------===*/
#include "heap2stack/summaries.h"
#include "libc.h"
#include "runtime.h"
#include "site.h"

#include <stdlib.h>
#include <string.h>

enum { H2S_MAX_SUMMARISED_PARAMS = 64 };

/* Bit i of each set: parameter i; while the outermost query runs, an
 * approximation from below. */
typedef struct h2s_summary {
  LLVMValueRef fn;
  uint64_t may_free, may_keep;
} h2s_summary;

struct h2s_summaries {
  h2s_module_ctx *mod;
  h2s_summary *items;
  size_t len, cap;
  uint64_t max_uses;
  unsigned depth; /* queries under way */
};

h2s_summaries *h2s_summaries_new(h2s_module_ctx *mod, uint64_t max_uses) {
  h2s_summaries *s = calloc(1, sizeof *s);
  if (s) {
    s->mod = mod;
    s->max_uses = max_uses;
  }
  return s;
}

void h2s_summaries_free(h2s_summaries *s) {
  if (s)
    free(s->items);
  free(s);
}

/* True when the linker keeps this body: no other definition replaces it. */
static bool has_exact_body(LLVMValueRef fn) {
  switch (LLVMGetLinkage(fn)) {
  case LLVMExternalLinkage:
  case LLVMInternalLinkage:
  case LLVMPrivateLinkage:
    return !LLVMIsDeclaration(fn);
  default:
    return false;
  }
}

typedef struct h2s_param_walk {
  h2s_summaries *s;
  h2s_fn_ctx *ctx;
  bool frees, keeps;   /* what the uses seen so far may do */
  h2s_valset pointers; /* the pointers derived from the parameter */
  h2s_values casts;    /* their integer casts, for offsets.c */
} h2s_param_walk;

/* H2S_STEP_FOLLOW when 'call' may return a pointer derived from the
 * argument it was given ('returns'): one of pointer type. */
static h2s_step follow_result(LLVMValueRef call, bool returns) {
  bool pointer = LLVMGetTypeKind(LLVMTypeOf(call)) == LLVMPointerTypeKind;
  return returns && pointer ? H2S_STEP_FOLLOW : H2S_STEP_NEXT;
}

/* Notes what one use may do; stops the walk once both are known. */
static h2s_step note(h2s_param_walk *w, bool frees, bool keeps, h2s_step step) {
  w->frees = w->frees || frees;
  w->keeps = w->keeps || keeps;
  return w->frees && w->keeps ? H2S_STEP_STOP : step;
}

/* What LLVM's attributes let 'call' do with its argument 'index', or for a
 * callee of the module whose attributes say it may keep it, its summary. */
static h2s_step follow_module_call(h2s_param_walk *w, LLVMValueRef call, LLVMValueRef callee,
                                   unsigned index) {
  if (index >= LLVMCountParams(callee))
    return note(w, true, true, H2S_STEP_NEXT); /* va_arg may do anything */
  h2s_capture_info info = h2s_bridge_arg_capture(call, index);
  bool frees = h2s_bridge_call_may_free_arg(call, index) &&
               h2s_summary_may_free(w->s, callee, index);
  bool keeps = info.other == H2S_CAPTURED_MORE && h2s_summary_may_keep(w->s, callee, index);
  return note(w, frees, keeps, follow_result(call, info.ret != H2S_CAPTURED_NONE));
}

/* A call given a pointer derived from the parameter as argument 'index'. */
static h2s_step follow_call(h2s_param_walk *w, LLVMValueRef call, LLVMValueRef ptr,
                            unsigned index) {
  char name[H2S_FAMILY_CAP];
  LLVMValueRef callee = h2s_called_function(call);
  if (h2s_is_descriptive_intrinsic(callee))
    return H2S_STEP_NEXT;
  if (index >= LLVMGetNumArgOperands(call)) /* the callee, or a bundle */
    return note(w, true, true, H2S_STEP_NEXT);
  if (h2s_bridge_freed_operand(w->ctx, call, name) == ptr ||
      h2s_bridge_reallocated_operand(w->ctx, call) == ptr)
    return note(w, true, false, H2S_STEP_NEXT);
  if (callee && !LLVMIsDeclaration(callee))
    return follow_module_call(w, call, callee, index);
  h2s_capture capture;
  if (h2s_bridge_library_function(w->ctx, call, name) &&
      h2s_libc_arg_capture(name, call, index, &capture)) /* libc.c's free nothing */
    return note(w, false, capture == H2S_CAPTURES_MAYBE,
                follow_result(call, capture == H2S_CAPTURES_RET_ONLY));
  h2s_runtime_use runtime = h2s_runtime_arg_use(call, index);
  if (runtime != H2S_RUNTIME_UNKNOWN) {
    capture = h2s_runtime_capture(runtime);
    return note(w, runtime == H2S_RUNTIME_FREES, capture == H2S_CAPTURES_MAYBE,
                follow_result(call, capture == H2S_CAPTURES_RET_ONLY));
  }
  h2s_capture_info info = h2s_bridge_arg_capture(call, index);
  return note(w, h2s_bridge_call_may_free_arg(call, index), info.other == H2S_CAPTURED_MORE,
              follow_result(call, info.ret != H2S_CAPTURED_NONE));
}

/* Follows one use of a pointer derived from the parameter (h2s_walk_uses()). */
static h2s_step follow_use(LLVMUseRef use, void *data) {
  h2s_param_walk *w = data;
  LLVMValueRef user = LLVMGetUser(use);
  LLVMValueRef ptr = LLVMGetUsedValue(use);
  unsigned index = h2s_operand_index(use);
  if (h2s_valset_add(&w->pointers, ptr) < 0)
    return H2S_STEP_STOP;
  if (h2s_forwards_pointer(user))
    return H2S_STEP_FOLLOW;
  switch (LLVMGetInstructionOpcode(user)) {
  case LLVMLoad:
  case LLVMICmp:
    return H2S_STEP_NEXT;
  case LLVMRet: /* the caller follows what it gets back, frees included */
    return note(w, false, true, H2S_STEP_NEXT);
  case LLVMStore: /* as the address it is harmless; as the value, anything */
    return index == 0 ? note(w, true, true, H2S_STEP_NEXT) : H2S_STEP_NEXT;
  case LLVMPtrToInt:
    return h2s_values_push(&w->casts, user) ? H2S_STEP_NEXT : H2S_STEP_STOP;
  case LLVMCall:
  case LLVMInvoke:
    return follow_call(w, user, ptr, index);
  default: /* atomics, aggregates: assume the worst */
    return note(w, true, true, H2S_STEP_NEXT);
  }
}

/* Sets bit 'bit' of '*may_free' and '*may_keep' as 'param' may be freed
 * or kept. */
static void summarise_param(h2s_summaries *s, h2s_fn_ctx *ctx, LLVMValueRef param,
                            uint64_t bit, uint64_t *may_free, uint64_t *may_keep) {
  h2s_param_walk w = {.s = s, .ctx = ctx};
  bool complete = ctx && h2s_walk_uses(param, s->max_uses, follow_use, &w);
  /* an integer that carries the address may become the pointer again */
  bool leaks = !complete || (w.casts.len && h2s_address_leak(&w.pointers, &w.casts));
  if (leaks || w.frees)
    *may_free |= bit;
  if (leaks || w.keeps)
    *may_keep |= bit;
  h2s_valset_free(&w.pointers);
  h2s_values_free(&w.casts);
}

/* Computes the summary of 'fn' from its body and the summaries so far;
 * returns whether it changed. */
static bool summarise(h2s_summaries *s, size_t index) {
  LLVMValueRef fn = s->items[index].fn;
  h2s_fn_ctx *ctx = h2s_bridge_function_context(s->mod, fn);
  unsigned n = LLVMCountParams(fn);
  uint64_t may_free = 0, may_keep = 0;
  for (unsigned i = 0; i < n && i < H2S_MAX_SUMMARISED_PARAMS; ++i) {
    LLVMValueRef param = LLVMGetParam(fn, i);
    if (LLVMGetTypeKind(LLVMTypeOf(param)) == LLVMPointerTypeKind)
      summarise_param(s, ctx, param, (uint64_t)1 << i, &may_free, &may_keep);
  }
  h2s_summary *sum = &s->items[index]; /* the calls above may grow items */
  bool changed = sum->may_free != may_free || sum->may_keep != may_keep;
  sum->may_free = may_free;
  sum->may_keep = may_keep;
  return changed;
}

static bool add(h2s_summaries *s, LLVMValueRef fn) {
  if (s->len == s->cap) {
    size_t cap = s->cap ? 2 * s->cap : 16;
    h2s_summary *grown = realloc(s->items, cap * sizeof *grown);
    if (!grown)
      return false;
    s->items = grown;
    s->cap = cap;
  }
  s->items[s->len++] = (h2s_summary){fn, 0, 0};
  return true;
}

/* Computes the summaries from 'first' on again until none changes.  Each
 * pass can only add frees and keeps (a callee's larger summary does more),
 * so it ends, at the least fixed point. */
static void settle(h2s_summaries *s, size_t first) {
  bool changed = true;
  while (changed) {
    changed = false;
    for (size_t i = first; i < s->len; ++i) /* len may grow meanwhile */
      changed = summarise(s, i) || changed;
  }
}

/* The index of the summary of 'fn', computed now if it is new; (size_t)-1
 * when memory ran out. */
static size_t summary_of(h2s_summaries *s, LLVMValueRef fn) {
  for (size_t i = 0; i < s->len; ++i)
    if (s->items[i].fn == fn)
      return i;
  size_t index = s->len;
  if (!add(s, fn))
    return (size_t)-1;
  bool outermost = s->depth++ == 0;
  summarise(s, index);
  if (outermost)
    settle(s, index);
  s->depth--;
  return index;
}

/* The summary of 'fn', or NULL when it has none for 'param' (a variadic
 * argument, which va_arg may hand to anything). */
static const h2s_summary *summary_for(h2s_summaries *s, LLVMValueRef fn, unsigned param) {
  if (!s || !has_exact_body(fn) || param >= LLVMCountParams(fn) ||
      param >= H2S_MAX_SUMMARISED_PARAMS)
    return NULL;
  size_t index = summary_of(s, fn);
  return index == (size_t)-1 ? NULL : &s->items[index];
}

bool h2s_summary_may_free(h2s_summaries *s, LLVMValueRef fn, unsigned param) {
  const h2s_summary *sum = summary_for(s, fn, param);
  return !sum || (sum->may_free >> param & 1);
}

bool h2s_summary_may_keep(h2s_summaries *s, LLVMValueRef fn, unsigned param) {
  const h2s_summary *sum = summary_for(s, fn, param);
  return !sum || (sum->may_keep >> param & 1);
}
