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
 * keep it (by this same question, LLVM's attributes, libc.c or runtime.c;
 * strtol keeps the string it stores a pointer into through endptr).
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
 * exactly what some finite chain of calls does.
 *
 * One level down, the same walk says what a function may do with the
 * memory a parameter points to (h2s_summary_memory): whether it loads
 * pointers from there at all, whether those may be freed or kept, whether
 * it stores blocks it allocates there, and which bytes it may write, read
 * as data, or only compare or print during the call, by offset from the
 * parameter.  memflow.c asks it when a
 * local object that holds a block is given to the function, helpers.c
 * when it looks for the helpers that manage such an object's blocks.
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
  h2s_param_memory *memory; /* one per parameter; NULL when memory ran out */
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
  for (size_t i = 0; s && i < s->len; ++i)
    free(s->items[i].memory);
  if (s)
    free(s->items);
  free(s);
}

typedef struct h2s_param_walk {
  h2s_summaries *s;
  h2s_fn_ctx *ctx;
  bool frees, keeps;   /* what the uses seen so far may do */
  h2s_valset pointers; /* the pointers derived from the parameter */
  h2s_values casts;    /* their integer casts, for offsets.c */
  /* The pointer whose memory is summarised as well, and what the uses
   * seen so far may do with it: the parameter, or for a walk 'through' a
   * pointer loaded from the parameter's memory, that pointer, whose
   * memory is summarised one level, no deeper. */
  LLVMValueRef param;
  h2s_param_memory memory;
  bool through;
} h2s_param_walk;

static h2s_step follow_use(LLVMUseRef use, void *data);

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
  /* libc.c's free nothing; strtol's *endptr keeps the pointer, where
   * this walk does not follow it */
  if (h2s_bridge_library_function(w->ctx, call, name) &&
      h2s_library_arg_capture(w->s, name, call, index, &capture))
    return note(w, false,
                capture == H2S_CAPTURES_MAYBE || h2s_libc_pointer_out(name, call, index),
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

/*--- What the function does with the memory the parameter points to ------*/

static void memory_unknown(h2s_param_walk *w) {
  w->memory.follows = w->memory.frees = w->memory.keeps = w->memory.allocates = true;
  w->memory.written.all = w->memory.leaked.all = true; /* compared: within leaked */
  w->memory.through_follows = true;
  w->memory.through_written.all = w->memory.through_leaked.all = true;
}

/* Adds to 'to' what 'm' says is done through the pointers loaded from the
 * memory it describes. */
static void add_through(h2s_param_memory *to, const h2s_param_memory *m) {
  to->through_follows = to->through_follows || m->through_follows;
  h2s_ranges_add_moved(&to->through_written, &m->through_written, true, 0);
  h2s_ranges_add_moved(&to->through_leaked, &m->through_leaked, true, 0);
  h2s_ranges_add_moved(&to->through_compared, &m->through_compared, true, 0);
}

/* Where 'ptr' points from the parameter: at '*offset', or with '*onward'
 * somewhere from there on (a run-time index that cannot go back); false
 * when not known so. */
static bool offset_from_param(h2s_param_walk *w, LLVMValueRef ptr, int64_t *offset,
                              bool *onward) {
  h2s_base_offset at;
  LLVMValueRef base = h2s_bridge_pointer_base(w->ctx, ptr, &at);
  *offset = at.offset;
  *onward = at.stride != 0;
  return base == w->param && at.known && (!at.stride || at.forward);
}

/* Notes that 'size' bytes at 'ptr' (to the end, for UINT64_MAX) are in 'r'. */
static void touch(h2s_param_walk *w, h2s_byte_ranges *r, LLVMValueRef ptr, uint64_t size) {
  int64_t offset;
  bool onward;
  if (!offset_from_param(w, ptr, &offset, &onward))
    r->all = true;
  else
    h2s_ranges_add(r, offset, size == UINT64_MAX || onward
                                  ? (uint64_t)INT64_MAX - (offset > 0 ? offset : 0)
                                  : size);
}

/* A pointer loaded from the parameter's memory: what its own uses may do
 * is what the function may do with the pointers stored there, and what
 * they do with the memory it points to is what the function does through
 * them.  A pointer loaded from there in turn is followed no further. */
static void follow_loaded_pointer(h2s_param_walk *w, LLVMValueRef load) {
  w->memory.follows = true;
  if (w->through)
    return;
  h2s_param_walk loaded = {.s = w->s, .ctx = w->ctx, .param = load, .through = true};
  bool complete = h2s_walk_uses(load, w->s->max_uses, follow_use, &loaded);
  bool leaks = !complete ||
               (loaded.casts.len &&
                h2s_address_leak(w->ctx, load, &loaded.pointers, &loaded.casts));
  if (leaks)
    memory_unknown(&loaded);
  w->memory.frees = w->memory.frees || leaks || loaded.frees;
  w->memory.keeps = w->memory.keeps || leaks || loaded.keeps;
  h2s_param_memory through = {.through_follows = loaded.memory.follows,
                              .through_written = loaded.memory.written,
                              .through_leaked = loaded.memory.leaked,
                              .through_compared = loaded.memory.compared};
  add_through(&w->memory, &through);
  h2s_valset_free(&loaded.pointers);
  h2s_values_free(&loaded.casts);
}

static void note_load(h2s_param_walk *w, LLVMValueRef load, LLVMValueRef ptr) {
  LLVMTypeRef type = LLVMTypeOf(load);
  if (h2s_is_atomic_access(load))
    memory_unknown(w);
  else if (LLVMGetTypeKind(type) == LLVMPointerTypeKind)
    follow_loaded_pointer(w, load);
  else
    touch(w, &w->memory.leaked, ptr, h2s_bridge_store_size(w->ctx, type));
}

/* The bytes a memory intrinsic's length 'len' covers. */
static uint64_t intrinsic_length(LLVMValueRef len) {
  return LLVMIsAConstantInt(len) ? LLVMConstIntGetZExtValue(len) : UINT64_MAX;
}

/* What the module's 'callee' does with the memory its parameter 'index',
 * given 'ptr', points to: by its summary, moved to where 'ptr' points. */
static void note_callee_memory(h2s_param_walk *w, LLVMValueRef callee, unsigned index,
                               LLVMValueRef ptr) {
  h2s_param_memory m;
  int64_t offset;
  bool onward;
  if (!h2s_summary_memory(w->s, callee, index, &m)) {
    memory_unknown(w);
    return;
  }
  bool known = offset_from_param(w, ptr, &offset, &onward) && !onward;
  w->memory.follows = w->memory.follows || m.follows;
  w->memory.frees = w->memory.frees || m.frees;
  w->memory.keeps = w->memory.keeps || m.keeps;
  w->memory.allocates = w->memory.allocates || m.allocates;
  h2s_ranges_add_moved(&w->memory.written, &m.written, known, offset);
  h2s_ranges_add_moved(&w->memory.leaked, &m.leaked, known, offset);
  h2s_ranges_add_moved(&w->memory.compared, &m.compared, known, offset);
  add_through(&w->memory, &m);
}

/* What a C library call does with the bytes from 'ptr' on, as libc.c
 * says: forward from where it is given. */
static void note_library_memory(h2s_param_walk *w, h2s_contents contents, LLVMValueRef ptr) {
  switch (contents) {
  case H2S_CONTENTS_READ_OR_WRITTEN:
    touch(w, &w->memory.written, ptr, UINT64_MAX);
    touch(w, &w->memory.compared, ptr, UINT64_MAX);
    return;
  case H2S_CONTENTS_READ:
    touch(w, &w->memory.compared, ptr, UINT64_MAX);
    return;
  case H2S_CONTENTS_COPIED:
    touch(w, &w->memory.leaked, ptr, UINT64_MAX);
    return;
  case H2S_CONTENTS_WRITTEN:
    touch(w, &w->memory.written, ptr, UINT64_MAX);
    return;
  default:
    memory_unknown(w);
  }
}

/* What a call given 'ptr', derived from the parameter, as argument 'index'
 * may do with the memory there, as far as it matters to the caller. */
static void note_call_memory(h2s_param_walk *w, LLVMValueRef call, LLVMValueRef ptr,
                             unsigned index) {
  char name[H2S_FAMILY_CAP];
  LLVMValueRef callee = h2s_called_function(call);
  if (h2s_is_descriptive_intrinsic(callee))
    return;
  if (index >= LLVMGetNumArgOperands(call) ||
      h2s_bridge_reallocated_operand(w->ctx, call) == ptr) { /* moves the pointers */
    memory_unknown(w);
  } else if (h2s_bridge_freed_operand(w->ctx, call, name) == ptr) {
    /* nothing reads it afterwards */
  } else if (h2s_is_memory_intrinsic(callee) && index < 2) {
    bool source = index == 1 && !h2s_is_intrinsic(callee, "llvm.memset");
    uint64_t size = intrinsic_length(LLVMGetOperand(call, 2));
    touch(w, source ? &w->memory.leaked : &w->memory.written, ptr, size);
  } else if (callee && !LLVMIsDeclaration(callee)) {
    note_callee_memory(w, callee, index, ptr);
  } else if (!h2s_bridge_library_function(w->ctx, call, name)) {
    memory_unknown(w);
  } else {
    note_library_memory(w, h2s_libc_contents(name, call, index), ptr);
  }
}

/* Accepts anything but an allocation call (h2s_visit_sources()). */
static bool is_not_allocation(LLVMValueRef v, void *ctx) {
  return !h2s_is_allocation(ctx, v);
}

/* True when 'value', stored into the parameter's memory, may be a block
 * allocated by the function itself (malloc, or realloc growing a field). */
static bool is_fresh_block(h2s_param_walk *w, LLVMValueRef value) {
  return LLVMGetTypeKind(LLVMTypeOf(value)) == LLVMPointerTypeKind &&
         !h2s_visit_sources(value, is_not_allocation, w->ctx);
}

/* What one use of a pointer derived from the parameter does with the
 * memory there, while the parameter's memory is summarised. */
static void note_memory_use(h2s_param_walk *w, LLVMValueRef user, LLVMValueRef ptr,
                            unsigned index) {
  switch (LLVMGetInstructionOpcode(user)) {
  case LLVMLoad:
    note_load(w, user, ptr);
    break;
  case LLVMStore:
    if (h2s_is_atomic_access(user))
      memory_unknown(w);
    else if (index == 1) {
      LLVMValueRef value = LLVMGetOperand(user, 0);
      touch(w, &w->memory.written, ptr, h2s_bridge_store_size(w->ctx, LLVMTypeOf(value)));
      w->memory.allocates = w->memory.allocates || is_fresh_block(w, value);
    }
    break;
  case LLVMCall:
  case LLVMInvoke:
    note_call_memory(w, user, ptr, index);
    break;
  case LLVMICmp:
  case LLVMRet:
  case LLVMPtrToInt: /* a leak of the address makes it all unknown */
    break;
  default:
    memory_unknown(w);
  }
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
  if (w->param)
    note_memory_use(w, user, ptr, index);
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
                            uint64_t bit, uint64_t *may_free, uint64_t *may_keep,
                            h2s_param_memory *memory) {
  h2s_param_walk w = {.s = s, .ctx = ctx, .param = param};
  bool complete = ctx && h2s_walk_uses(param, s->max_uses, follow_use, &w);
  /* an integer that carries the address may become the pointer again */
  bool leaks = !complete || (w.casts.len && h2s_address_leak(ctx, param, &w.pointers, &w.casts));
  if (leaks || w.frees)
    *may_free |= bit;
  if (leaks || w.keeps)
    *may_keep |= bit;
  if (leaks)
    memory_unknown(&w);
  *memory = w.memory;
  h2s_valset_free(&w.pointers);
  h2s_values_free(&w.casts);
}

static bool same_memory(const h2s_param_memory *a, const h2s_param_memory *b) {
  return a->follows == b->follows && a->frees == b->frees && a->keeps == b->keeps &&
         a->allocates == b->allocates &&
         h2s_ranges_equal(&a->written, &b->written) && h2s_ranges_equal(&a->leaked, &b->leaked) &&
         h2s_ranges_equal(&a->compared, &b->compared) &&
         a->through_follows == b->through_follows &&
         h2s_ranges_equal(&a->through_written, &b->through_written) &&
         h2s_ranges_equal(&a->through_leaked, &b->through_leaked) &&
         h2s_ranges_equal(&a->through_compared, &b->through_compared);
}

static unsigned summarised_params(LLVMValueRef fn) {
  unsigned n = LLVMCountParams(fn);
  return n < H2S_MAX_SUMMARISED_PARAMS ? n : H2S_MAX_SUMMARISED_PARAMS;
}

/* Computes the summary of 'fn' from its body and the summaries so far;
 * returns whether it changed. */
static bool summarise(h2s_summaries *s, size_t index) {
  LLVMValueRef fn = s->items[index].fn;
  h2s_fn_ctx *ctx = h2s_bridge_function_context(s->mod, fn);
  unsigned n = summarised_params(fn);
  uint64_t may_free = 0, may_keep = 0;
  /* On the heap: summaries of a long chain of calls nest this deep. */
  h2s_param_memory *memory = calloc(n + 1, sizeof *memory);
  for (unsigned i = 0; i < n; ++i) {
    LLVMValueRef param = LLVMGetParam(fn, i);
    h2s_param_memory unused;
    if (LLVMGetTypeKind(LLVMTypeOf(param)) == LLVMPointerTypeKind)
      summarise_param(s, ctx, param, (uint64_t)1 << i, &may_free, &may_keep,
                      memory ? &memory[i] : &unused);
  }
  h2s_summary *sum = &s->items[index]; /* the calls above may grow items */
  bool changed = sum->may_free != may_free || sum->may_keep != may_keep;
  sum->may_free = may_free;
  sum->may_keep = may_keep;
  if (!memory && sum->memory) { /* out of memory: no facts about the memory */
    free(sum->memory);
    sum->memory = NULL;
    changed = true; /* summaries that used the facts so far may change */
  }
  for (unsigned i = 0; memory && sum->memory && i < n; ++i) {
    changed = changed || !same_memory(&sum->memory[i], &memory[i]);
    sum->memory[i] = memory[i];
  }
  free(memory);
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
  /* Zeros: the least facts, where the fixed point starts. */
  h2s_param_memory *memory = calloc(summarised_params(fn) + 1, sizeof *memory);
  s->items[s->len++] = (h2s_summary){fn, 0, 0, memory};
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

/* The summary of the body of 'fn', or NULL when it has none for 'param' (a
 * variadic argument, which va_arg may hand to anything), or when the body
 * does not speak for a call: for calls, unless exact; for a copy the pass
 * inlines ('inlined'), unless inlinable. */
static const h2s_summary *summary_of_body(h2s_summaries *s, LLVMValueRef fn, unsigned param,
                                          bool inlined) {
  if (!s || !(inlined ? h2s_has_inlinable_body(fn) : h2s_has_exact_body(fn)) ||
      param >= LLVMCountParams(fn) || param >= H2S_MAX_SUMMARISED_PARAMS)
    return NULL;
  size_t index = summary_of(s, fn);
  return index == (size_t)-1 ? NULL : &s->items[index];
}

static const h2s_summary *summary_for(h2s_summaries *s, LLVMValueRef fn, unsigned param) {
  return summary_of_body(s, fn, param, false);
}

bool h2s_summary_may_free(h2s_summaries *s, LLVMValueRef fn, unsigned param) {
  const h2s_summary *sum = summary_for(s, fn, param);
  return !sum || (sum->may_free >> param & 1);
}

static bool may_keep(const h2s_summary *sum, unsigned param) {
  return !sum || (sum->may_keep >> param & 1);
}

bool h2s_summary_may_keep(h2s_summaries *s, LLVMValueRef fn, unsigned param) {
  return may_keep(summary_for(s, fn, param), param);
}

bool h2s_inlined_may_keep(h2s_summaries *s, LLVMValueRef fn, unsigned param) {
  return may_keep(summary_of_body(s, fn, param, true), param);
}

/* True when 'v', the function a library call hands pointers to (qsort's
 * comparator), is a function of the module of type i32(ptr, ptr) that
 * keeps and frees neither parameter.  Any other type could take a pointer
 * as an integer, which no summary follows. */
static bool callback_only_uses(h2s_summaries *s, LLVMValueRef v) {
  if (!LLVMIsAFunction(v))
    return false;
  LLVMTypeRef type = LLVMGlobalGetValueType(v);
  LLVMTypeRef params[2];
  if (LLVMIsFunctionVarArg(type) || LLVMCountParamTypes(type) != 2 ||
      LLVMGetTypeKind(LLVMGetReturnType(type)) != LLVMIntegerTypeKind ||
      LLVMGetIntTypeWidth(LLVMGetReturnType(type)) != 32)
    return false;
  LLVMGetParamTypes(type, params);
  for (unsigned i = 0; i < 2; ++i)
    if (LLVMGetTypeKind(params[i]) != LLVMPointerTypeKind ||
        h2s_summary_may_keep(s, v, i) || h2s_summary_may_free(s, v, i))
      return false;
  return true;
}

bool h2s_library_arg_capture(h2s_summaries *s, const char *name, LLVMValueRef call,
                             unsigned index, h2s_capture *capture) {
  if (!h2s_libc_arg_capture(name, call, index, capture))
    return false;
  int callback = h2s_libc_callback(name, index);
  if (callback >= 0 && ((unsigned)callback >= LLVMGetNumArgOperands(call) ||
                        !callback_only_uses(s, LLVMGetOperand(call, (unsigned)callback))))
    *capture = H2S_CAPTURES_MAYBE;
  return true;
}

/* A byval (inalloca, preallocated) parameter points to the callee's own
 * copy, which the call made from the caller's memory. */
static bool is_copied_argument(LLVMValueRef fn, unsigned param) {
  static const char *const copies[] = {"byval", "inalloca", "preallocated"};
  return h2s_param_has_any_attr(fn, param, copies, sizeof copies / sizeof *copies);
}

/* What summary 'sum' of 'fn' says of the memory of 'param'. */
static bool memory_of(const h2s_summary *sum, LLVMValueRef fn, unsigned param,
                      h2s_param_memory *memory) {
  if (!sum || !sum->memory || is_copied_argument(fn, param))
    return false;
  *memory = sum->memory[param];
  return true;
}

bool h2s_summary_memory(h2s_summaries *s, LLVMValueRef fn, unsigned param,
                        h2s_param_memory *memory) {
  return memory_of(summary_for(s, fn, param), fn, param, memory);
}

bool h2s_inlined_memory(h2s_summaries *s, LLVMValueRef fn, unsigned param,
                        h2s_param_memory *memory) {
  return memory_of(summary_of_body(s, fn, param, true), fn, param, memory);
}
