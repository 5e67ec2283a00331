/*===- summaries.c - Which parameters may a function of the module free? --===*
 *
 * A block passed to a function defined in the module escapes unless LLVM's
 * attributes say the function neither keeps it nor frees it.  FunctionAttrs
 * infers the first (captures(none)) for the module's functions, but nothing
 * in clang's pipeline infers that a parameter is never freed, so a helper
 * that frees anything at all (its own scratch buffer) looked as if it might
 * free its argument.  This file answers that question from the callee's
 * body: a parameter may be freed when a pointer derived from it (through
 * GEPs, casts, phis, selects and freezes) reaches a free or realloc, a call
 * that may free it (by this same question for the module's functions, by
 * LLVM's nofree and the C library's specification for the others), or a
 * use the walk does not model (a store of it, an integer cast, a variadic
 * argument).  A function whose body may be replaced at link time (weak,
 * linkonce, available_externally) may free anything.
 *
 * The answer is meant for a parameter that LLVM's attributes already say
 * the function does not capture (escape.c asks only then): such a
 * function cannot stash the pointer where a later call could free it, so
 * following its uses is enough.
 *
 * Summaries are computed on demand and kept for the whole module.  Calls
 * may form cycles (recursion, through function pointers too, since an
 * indirect call frees anything), so the summaries met while one is being
 * computed start at "frees nothing" and are computed again, all of them,
 * until none changes: the least fixed point, which is exactly what some
 * finite chain of calls frees.  Frees are all a summary holds
 * for now; what a callee does with the pointers stored inside what a
 * parameter points to is not summarised, so such objects still escape.
 *
 *===----------------------------------------------------------------------===*/
#include "heap2stack/summaries.h"
#include "libc.h"
#include "site.h"

#include <stdlib.h>
#include <string.h>

enum { H2S_MAX_SUMMARISED_PARAMS = 64 };

typedef struct h2s_summary {
  LLVMValueRef fn;
  uint64_t may_free; /* bit i: parameter i may be freed; while the
                        outermost query runs, an approximation from below */
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
} h2s_param_walk;

/* True when 'call' may free its argument 'index', a pointer derived from
 * the parameter under study; 'library' is the callee's name as a C
 * library function, or NULL. */
static bool call_may_free(h2s_param_walk *w, LLVMValueRef call, const char *library,
                          LLVMValueRef ptr, unsigned index) {
  char family[H2S_FAMILY_CAP];
  h2s_capture capture;
  LLVMValueRef callee = h2s_called_function(call);
  if (h2s_is_descriptive_intrinsic(callee))
    return false;
  if (index >= LLVMGetNumArgOperands(call) ||
      h2s_bridge_freed_operand(w->ctx, call, family) == ptr ||
      h2s_bridge_reallocated_operand(w->ctx, call) == ptr)
    return true;
  if (callee && !LLVMIsDeclaration(callee))
    return index >= LLVMCountParams(callee) ||
           (h2s_bridge_call_may_free_arg(call, index) &&
            h2s_summary_may_free(w->s, callee, index));
  if (library && h2s_libc_arg_capture(library, call, index, &capture))
    return false; /* libc.c's functions free nothing they are given */
  return h2s_bridge_call_may_free_arg(call, index);
}

/* True when 'call' may return a pointer derived from its argument 'index'
 * (LLVM's captures(ret: ...), or a libc.c function that returns into it). */
static bool may_return_arg(LLVMValueRef call, const char *library, unsigned index) {
  h2s_capture capture;
  if (library && h2s_libc_arg_capture(library, call, index, &capture))
    return capture != H2S_CAPTURES_NOTHING;
  return h2s_bridge_arg_capture(call, index).ret != H2S_CAPTURED_NONE;
}

/* A call given a pointer derived from the parameter as argument 'index'. */
static h2s_step follow_call(h2s_param_walk *w, LLVMValueRef call, LLVMValueRef ptr,
                            unsigned index) {
  char name[H2S_FAMILY_CAP];
  const char *library = h2s_bridge_library_function(w->ctx, call, name) ? name : NULL;
  if (call_may_free(w, call, library, ptr, index))
    return H2S_STEP_STOP;
  /* strchr(p, c) frees nothing, but points into p */
  return may_return_arg(call, library, index) ? H2S_STEP_FOLLOW : H2S_STEP_NEXT;
}

/* Follows one use of a pointer derived from the parameter; stops at the
 * first that may free it (h2s_walk_uses()). */
static h2s_step follow_use(LLVMUseRef use, void *data) {
  h2s_param_walk *w = data;
  LLVMValueRef user = LLVMGetUser(use);
  LLVMValueRef ptr = LLVMGetUsedValue(use);
  unsigned index = h2s_operand_index(use);
  if (h2s_forwards_pointer(user))
    return H2S_STEP_FOLLOW;
  switch (LLVMGetInstructionOpcode(user)) {
  case LLVMLoad:
  case LLVMICmp:
  case LLVMRet: /* the caller follows what it gets back */
    return H2S_STEP_NEXT;
  case LLVMStore: /* as the address it is harmless; as the value, anything */
    return index == 0 ? H2S_STEP_STOP : H2S_STEP_NEXT;
  case LLVMCall:
  case LLVMInvoke:
    return follow_call(w, user, ptr, index);
  default: /* integer casts, atomics, aggregates: assume the worst */
    return H2S_STEP_STOP;
  }
}

static bool param_may_free(h2s_summaries *s, h2s_fn_ctx *ctx, LLVMValueRef param) {
  h2s_param_walk w = {.s = s, .ctx = ctx};
  return !h2s_walk_uses(param, s->max_uses, follow_use, &w);
}

static uint64_t summarise(h2s_summaries *s, LLVMValueRef fn) {
  h2s_fn_ctx *ctx = h2s_bridge_function_context(s->mod, fn);
  unsigned n = LLVMCountParams(fn);
  uint64_t may_free = 0;
  for (unsigned i = 0; i < n && i < H2S_MAX_SUMMARISED_PARAMS; ++i) {
    LLVMValueRef param = LLVMGetParam(fn, i);
    if (LLVMGetTypeKind(LLVMTypeOf(param)) == LLVMPointerTypeKind &&
        (!ctx || param_may_free(s, ctx, param)))
      may_free |= (uint64_t)1 << i;
  }
  return may_free;
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
  s->items[s->len++] = (h2s_summary){fn, 0};
  return true;
}

/* Computes the summaries from 'first' on again until none changes.  Each
 * pass can only add frees (a callee's larger summary frees more), so it
 * ends, at the least fixed point. */
static void settle(h2s_summaries *s, size_t first) {
  bool changed = true;
  while (changed) {
    changed = false;
    for (size_t i = first; i < s->len; ++i) { /* len may grow meanwhile */
      uint64_t may_free = summarise(s, s->items[i].fn);
      changed = changed || may_free != s->items[i].may_free;
      s->items[i].may_free = may_free;
    }
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
  uint64_t may_free = summarise(s, fn);
  s->items[index].may_free = may_free;
  if (outermost)
    settle(s, index);
  s->depth--;
  return index;
}

bool h2s_summary_may_free(h2s_summaries *s, LLVMValueRef fn, unsigned param) {
  if (!s || !has_exact_body(fn) || param >= LLVMCountParams(fn) ||
      param >= H2S_MAX_SUMMARISED_PARAMS)
    return true; /* a variadic argument: va_arg may hand it to free */
  size_t index = summary_of(s, fn);
  return index == (size_t)-1 || (s->items[index].may_free >> param & 1);
}
