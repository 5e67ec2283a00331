/*===- policy.c - How much stack may a function spend on promoted blocks? -===*
 *
 * Analysis says whether a block may live on the stack; policy says whether
 * it should, and where.  A promoted block costs stack in every activation
 * of its function, so each block is capped at opts->max_size and each
 * function at opts->frame_budget bytes, granted to sites in program order.
 * A block whose size is a compile-time constant gets a slot of that size;
 * one sized at run time gets a slot of the bound LLVM's value facts prove
 * for the size when that bound passes the limits, else a guarded slot of
 * opts->guard_size bytes that the block takes only when it fits (guard.c);
 * guarded slots are what the budget cannot refuse for want of a bound.
 * A function that may recurse (recursion.c says which) pays for its slots
 * once per active frame, and nothing bounds the depth.  Where split.c can
 * build room guards, it gets opts->frame_budget all the same, and is split:
 * its slots are taken only in frames in the first room_percent of the
 * thread's stack, and frames below run a plain copy of the body.  Elsewhere
 * it gets opts->recursive_budget (zero by default).  Functions that call
 * returns_twice functions (setjmp, vfork) or are coroutines not yet split
 * promote nothing: their frames do not behave like plain frames.  Nor do
 * functions that make a musttail call: the frame is gone before the callee
 * runs, and the callee may reach a slot through memory (a holder kept on
 * the heap).  Nor do functions built with a sanitizer that checks heap
 * accesses: it checks blocks best on the heap, since a promoted block that
 * SROA splits into registers leaves no access to check for a use after
 * free or an overflow.  Nor do functions that RealtimeSanitizer checks
 * (nonblocking ones): it reports every heap call they make, and a
 * promoted block would make none.
 *
 *===----------------------------------------------------------------------===*/
#include "site.h"

/* The most a function's slots may take, whatever the budget says: a frame
 * of gigabytes overflows any stack, and codegen's 32-bit frame offsets
 * wrap past 2 GiB (a slot there lands over the caller's frame). */
enum { FRAME_CAP = 1 << 30 };

static bool returns_twice(LLVMValueRef call) {
  LLVMValueRef callee = h2s_called_function(call);
  return LLVMGetCallSiteEnumAttribute(call, LLVMAttributeFunctionIndex,
                                      h2s_attr_kind("returns_twice")) ||
         (callee && h2s_fn_has_attr(callee, "returns_twice"));
}

static bool is_musttail(LLVMValueRef call) {
  return LLVMIsACallInst(call) && LLVMGetTailCallKind(call) == LLVMTailCallKindMustTail;
}

/* The first call in 'fn' that 'matches', or NULL. */
static LLVMValueRef find_call(LLVMValueRef fn, bool (*matches)(LLVMValueRef)) {
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
      if (h2s_is_call(i) && matches(i))
        return i;
  return NULL;
}

/* True when 'f' may recurse and its slots would be static in every frame:
 * it gets the recursive budget. */
static bool has_recursive_budget(const h2s_function *f) {
  return f->recursive && !f->room_split;
}

/* Fills in what holds for all of 'f': a blocker and the budget.  Whether
 * 'f' may recurse (f->recursive) was set from recursion.c's answer. */
void h2s_assess_function(h2s_function *f) {
  LLVMValueRef rt = find_call(f->fn, returns_twice);
  LLVMValueRef tail = rt ? NULL : find_call(f->fn, is_musttail);
  f->blocker = (h2s_verdict){H2S_PROMOTED, NULL, 0, 0};
  if (rt)
    f->blocker = (h2s_verdict){H2S_RETURNS_TWICE, rt, 0, 0};
  else if (tail) /* its callee may read a slot through a holder on the heap */
    f->blocker = (h2s_verdict){H2S_MUSTTAIL_CALLER, tail, 0, 0};
  else if (h2s_fn_has_attr(f->fn, "presplitcoroutine"))
    f->blocker = (h2s_verdict){H2S_COROUTINE, NULL, 0, 0};
  else if (h2s_is_sanitized(f->fn))
    f->blocker = (h2s_verdict){H2S_SANITIZED, NULL, 0, 0};
  else if (h2s_fn_has_attr(f->fn, "sanitize_realtime"))
    f->blocker = (h2s_verdict){H2S_REALTIME, NULL, 0, 0};
  else if (h2s_fn_has_annotation(f->fn, "heap2stack-off"))
    f->blocker = (h2s_verdict){H2S_OPTED_OUT, NULL, 0, 0};
  else if (f->opts->pin_slots && h2s_fn_has_attr(f->fn, "alwaysinline"))
    f->blocker = (h2s_verdict){H2S_ALWAYS_INLINE, NULL, 0, 0};
  /* SafeStack puts slots on a stack of its own, which the room test does
   * not measure. */
  f->room_split = f->recursive && f->opts->room && f->opts->room_percent &&
                 h2s_target_has_stack_room(f) && !h2s_fn_has_attr(f->fn, "safestack") &&
                 h2s_can_split(f->fn);
  uint64_t budget = has_recursive_budget(f) ? f->opts->recursive_budget : f->opts->frame_budget;
  f->budget = budget < FRAME_CAP ? budget : FRAME_CAP;
  f->spent = 0;
}

static void refuse_with_limit(h2s_site *site, h2s_reason reason,
                              uint64_t amount, uint64_t limit) {
  site->verdict = (h2s_verdict){reason, NULL, amount, limit};
}

/* Refuses an alignment operand that is not a constant power of two, and a
 * slot alignment larger than a block may be (or an alloca can say). */
static void check_alignment(const h2s_function *f, h2s_site *site) {
  LLVMValueRef align = site->facts.align;
  uint64_t cap = f->opts->max_size < H2S_MAX_ALIGN ? f->opts->max_size : H2S_MAX_ALIGN;
  if (align && !LLVMIsAConstantInt(align))
    h2s_refuse(site, H2S_ALIGN_NOT_CONSTANT, NULL);
  else if (align && !h2s_is_power_of_two(LLVMConstIntGetZExtValue(align)))
    h2s_refuse(site, H2S_ALIGN_INVALID, NULL);
  else if (site->align > cap)
    refuse_with_limit(site, H2S_ALIGN_TOO_LARGE, site->align, cap);
}

/* The slot's bytes rounded up to its alignment; UINT64_MAX when that
 * does not fit 64 bits, which no budget holds. */
static uint64_t slot_cost(const h2s_site *site) {
  if (site->size > UINT64_MAX - (site->align - 1))
    return UINT64_MAX;
  return (site->size + site->align - 1) / site->align * site->align;
}

/* The slot of a block whose run-time size is at most 'site->bound'. */
static uint64_t bounded_size(const h2s_site *site) {
  return site->bound ? site->bound : 1;
}

static bool fits_budget(const h2s_function *f, const h2s_site *site) {
  return slot_cost(site) <= f->budget - f->spent;
}

/* Places a run-time sized block: in a slot of its proven bound when that
 * passes the limits, else in a guarded slot; false when neither may be. */
static bool place_runtime_sized(const h2s_function *f, h2s_site *site) {
  const h2s_options *opts = f->opts;
  site->placement = H2S_PLACE_BOUNDED;
  site->size = bounded_size(site);
  if (site->bound <= opts->max_size && fits_budget(f, site))
    return true;
  site->placement = H2S_PLACE_GUARDED;
  site->size = opts->guard_size;
  if (!opts->guard_size)
    h2s_refuse(site, H2S_SIZE_NOT_CONSTANT, NULL);
  else if (opts->guard_size > opts->max_size)
    refuse_with_limit(site, H2S_GUARD_TOO_LARGE, opts->guard_size, opts->max_size);
  return h2s_open(site);
}

/* Gives a block of a compile-time size that reallocs grow a slot of
 * guard_size bytes, when that is larger and passes the limits: the growth
 * then stays in the slot while it fits (a string builder that starts with
 * 16 bytes), as a guarded slot's does. */
static void make_room_to_grow(const h2s_function *f, h2s_site *site) {
  const h2s_options *opts = f->opts;
  uint64_t size = site->size;
  if (!site->reallocs.len || size >= opts->guard_size || opts->guard_size > opts->max_size)
    return;
  site->size = opts->guard_size;
  if (fits_budget(f, site))
    site->placement = H2S_PLACE_ROOMY;
  else
    site->size = size;
}

/* Applies the limits to a site that analysis found promotable, places it,
 * and charges its slot to the function's budget when it passes. */
static void apply_policy(h2s_function *f, h2s_site *site) {
  site->verdict = site->analysed;
  site->placement = H2S_PLACE_CONSTANT;
  if (!h2s_open(site))
    return;
  if (f->blocker.reason != H2S_PROMOTED) {
    site->verdict = f->blocker;
    return;
  }
  check_alignment(f, site);
  if (!h2s_open(site) || (!site->facts.has_size && !place_runtime_sized(f, site)))
    return;
  uint64_t size = site->size;
  if (site->facts.has_size) {
    site->size = size = h2s_constant_size(site); /* an earlier round may have made room */
    if (size <= f->opts->max_size)
      make_room_to_grow(f, site);
  }
  uint64_t cost = slot_cost(site);
  if (site->size > f->opts->max_size)
    refuse_with_limit(site, H2S_TOO_LARGE, site->size, f->opts->max_size);
  else if (!fits_budget(f, site))
    refuse_with_limit(site, has_recursive_budget(f) ? H2S_RECURSIVE : H2S_OVER_BUDGET,
                      cost, f->budget);
  else {
    f->spent += cost;
    site->verdict.amount = size;
    site->verdict.limit = site->placement == H2S_PLACE_ROOMY ? site->size : 0;
  }
}

/* Decides every site analysis left open.  A site the policy keeps on the
 * heap can tie another one to the heap through a shared free (frees.c),
 * which frees budget; the budget is then granted again from the start,
 * until the shared frees settle.  Each round makes at least one more
 * refusal final, so this ends. */
void h2s_decide_policy(h2s_function *f) {
  for (size_t i = 0; i < f->nsites; ++i) {
    h2s_site *site = &f->sites[i];
    site->analysed = site->verdict;
    if (h2s_open(site))
      site->bound = h2s_size_bound(f, site);
  }
  do {
    f->spent = 0;
    for (size_t i = 0; i < f->nsites; ++i)
      apply_policy(f, &f->sites[i]);
  } while (h2s_settle_shared_frees(f));
}
