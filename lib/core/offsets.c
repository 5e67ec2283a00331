/*===- offsets.c - Integers made from the block's addresses ---------------===*
 *
 * A ptrtoint of a pointer into the block gives the caller the block's
 * address, unless the address cancels out: p - q within the block is the
 * same wherever the block lives.  LLVM reassociates such differences
 * (len - (p - s) becomes (len + s) - p) and sinks them into phis and
 * selects, so the test is algebraic, not syntactic.  Every integer reached
 * from the casts through add, sub, select and phi is "tainted" and has a
 * coefficient: how many times the block's address is in it (casts count
 * one, adds add, subs subtract; other integers count zero, including
 * addresses from outside the block).  The INVARIANT: a tainted value with a
 * coefficient other than zero is used only by other tainted arithmetic, or
 * by a comparison with a value of the same coefficient (p < q within the
 * block).  Where the coefficients of a select's or phi's inputs differ, or
 * a cycle of phis leaves one unknown, the value counts as not cancelling.
 * Arithmetic wraps, and the algebra holds modulo 2^64 just the same.
 *
 * A cast counts the address once only when its pointer points into the
 * block wherever it runs ('reach' below).  A string search may return
 * null, and a phi or select may choose null, and then p - q is p's
 * address: where such a pointer q is not known to be non-null (by a
 * dominating test), the integers computed from its cast "hang on" q, and
 * must not be used but by more arithmetic, unless a select on whether q is
 * null picks them only when it is not (q ? q - p : -1, as LLVM speculates
 * the difference out of the test).  A pointer that may point elsewhere (a
 * phi of this block and another) cancels nothing.  A pointer read back
 * from a holder counts as the block's, as memflow.c follows it.
 *
 * Three more uses learn nothing about where the block lives:
 *   - the low bits below malloc's alignment (x & 7, an alignment check):
 *     every block, on the heap or in a slot, is at least H2S_MIN_ALIGN
 *     aligned, so they are those of the offset alone (coefficient zero);
 *   - a test for null of one address plus an offset (p + k == 0, clang's
 *     pointer-overflow check of a GEP, whose result wraps to null only
 *     when k is out of the block's range, wherever the block lives);
 *   - a runtime function that keeps nothing it is given (runtime.c), such
 *     as UndefinedBehaviorSanitizer's handlers, which only format the value
 *     into their report while the block is live.
 *
 *===----------------------------------------------------------------------===*/
#include "libc.h"
#include "runtime.h"
#include "site.h"

#include <stdint.h>
#include <stdlib.h>

#define UNKNOWN INT64_MIN

/* Where a pointer of the walk points: into the block, into the block or
 * null, or maybe elsewhere.  Ordered: a join is the larger. */
typedef enum h2s_reach { REACH_BLOCK, REACH_BLOCK_OR_NULL, REACH_ELSEWHERE } h2s_reach;

/* What an integer computed from casts of the block's pointers holds: the
 * block's address 'times' times, when 'nullable', a pointer that may be
 * null, is not (NULL: it hangs on no such pointer; SEVERAL: on more than
 * one).  Where that pointer is null, its cast is 0 and the sum is off. */
typedef struct h2s_term {
  int64_t times;
  LLVMValueRef nullable;
} h2s_term;

static char several_pointers;
#define SEVERAL ((LLVMValueRef)(void *)&several_pointers)

typedef struct h2s_offsets {
  h2s_fn_ctx *ctx;
  LLVMValueRef root;          /* the block's own pointer */
  const h2s_valset *pointers; /* every pointer into the block */
  h2s_reach *reach;           /* by slot of 'pointers' */
  h2s_valset tainted;
  h2s_values order;           /* the tainted values, to check each once */
  h2s_term *term;             /* by slot of 'tainted' */
  bool *known, *pending;      /* by slot of 'tainted' */
  bool out_of_memory;
} h2s_offsets;

static bool is_opcode(LLVMValueRef v, LLVMOpcode op) {
  return LLVMIsAInstruction(v) && LLVMGetInstructionOpcode(v) == op;
}

/* The pointer, bar constant offsets and casts, that 'v' is computed from. */
static LLVMValueRef strip_offsets(LLVMValueRef v) {
  while (is_opcode(v, LLVMGetElementPtr) || is_opcode(v, LLVMBitCast))
    v = LLVMGetOperand(v, 0);
  return v;
}

static LLVMValueRef null_source(LLVMValueRef v);

/* The pointer a select's condition tests for null, or NULL; '*when_null'
 * is the operand the select picks then. */
static LLVMValueRef null_tested(LLVMValueRef select, unsigned *when_null) {
  LLVMValueRef cond = LLVMGetOperand(select, 0);
  if (!is_opcode(cond, LLVMICmp) || !LLVMIsAConstantPointerNull(LLVMGetOperand(cond, 1)))
    return NULL;
  LLVMIntPredicate p = LLVMGetICmpPredicate(cond);
  if (p != LLVMIntEQ && p != LLVMIntNE)
    return NULL;
  *when_null = p == LLVMIntEQ ? 1 : 2;
  return null_source(LLVMGetOperand(cond, 0));
}

/* The pointer whose being null makes 'v' null: 'v' bar constant offsets
 * and casts, or what a select on a pointer's being null picks from when
 * it picks null then (p ? p + 1 : NULL). */
static LLVMValueRef null_source(LLVMValueRef v) {
  v = strip_offsets(v);
  unsigned when_null = 0;
  LLVMValueRef tested = LLVMIsASelectInst(v) ? null_tested(v, &when_null) : NULL;
  if (tested && LLVMIsAConstantPointerNull(LLVMGetOperand(v, when_null)) &&
      null_source(LLVMGetOperand(v, 3 - when_null)) == tested)
    return tested;
  return v;
}

/* True when the edge from 'from' to 'to' is taken only when pointer 'v'
 * is not null: 'from' ends in a branch on v == null (or != null) whose
 * other successor is not 'to'. */
static bool nonnull_on_edge(LLVMValueRef v, LLVMBasicBlockRef from, LLVMBasicBlockRef to) {
  LLVMValueRef br = LLVMGetBasicBlockTerminator(from);
  if (!is_opcode(br, LLVMBr) || !LLVMIsConditional(br))
    return false;
  LLVMValueRef cond = LLVMGetCondition(br);
  if (!is_opcode(cond, LLVMICmp) || !LLVMIsAConstantPointerNull(LLVMGetOperand(cond, 1)) ||
      null_source(LLVMGetOperand(cond, 0)) != null_source(v))
    return false;
  LLVMIntPredicate p = LLVMGetICmpPredicate(cond);
  if (p != LLVMIntEQ && p != LLVMIntNE)
    return false;
  unsigned when_nonnull = p == LLVMIntEQ ? 1 : 0;
  return LLVMGetSuccessor(br, when_nonnull) == to && LLVMGetSuccessor(br, 1 - when_nonnull) != to;
}

static h2s_reach join(h2s_reach a, h2s_reach b) { return a > b ? a : b; }

/* Where 'v', an operand of the instruction 'at', points when 'at' runs,
 * as far as the reaches found so far say. */
static h2s_reach operand_reach(const h2s_offsets *o, LLVMValueRef v, LLVMValueRef at) {
  if (LLVMIsAConstantPointerNull(v))
    return REACH_BLOCK_OR_NULL;
  long slot = h2s_valset_slot(o->pointers, v);
  if (slot < 0)
    return REACH_ELSEWHERE;
  h2s_reach r = o->reach[slot];
  return r == REACH_BLOCK_OR_NULL && h2s_bridge_known_nonnull_at(o->ctx, v, at) ? REACH_BLOCK : r;
}

/* strchr and the other string functions libc.c knows return null or a
 * pointer into their first argument; a realloc of the block returns null
 * or the block again (where it moved to). */
static h2s_reach call_reach(const h2s_offsets *o, LLVMValueRef call) {
  char name[H2S_FAMILY_CAP];
  LLVMValueRef from = h2s_bridge_reallocated_operand(o->ctx, call);
  if (!from && h2s_bridge_library_function(o->ctx, call, name) &&
      h2s_libc_returns_into_first(name))
    from = LLVMGetOperand(call, 0);
  return from ? join(REACH_BLOCK_OR_NULL, operand_reach(o, from, call)) : REACH_ELSEWHERE;
}

/* Where a phi points; an input that may be null is not on an edge taken
 * only when it is not. */
static h2s_reach phi_reach(const h2s_offsets *o, LLVMValueRef phi) {
  h2s_reach r = REACH_BLOCK;
  LLVMBasicBlockRef here = LLVMGetInstructionParent(phi);
  for (unsigned i = 0, n = LLVMCountIncoming(phi); i < n; ++i) {
    LLVMValueRef in = LLVMGetIncomingValue(phi, i);
    LLVMBasicBlockRef from = LLVMGetIncomingBlock(phi, i);
    h2s_reach in_reach = operand_reach(o, in, LLVMGetBasicBlockTerminator(from));
    if (in_reach == REACH_BLOCK_OR_NULL && nonnull_on_edge(in, from, here))
      in_reach = REACH_BLOCK;
    r = join(r, in_reach);
  }
  return r;
}

/* Where a select points: a select on whether pointer P is null picks its
 * other input only when P is not, so that input is not null then. */
static h2s_reach select_reach(const h2s_offsets *o, LLVMValueRef select) {
  unsigned when_null = 0;
  LLVMValueRef tested = null_tested(select, &when_null);
  h2s_reach r = REACH_BLOCK;
  for (unsigned i = 1; i <= 2; ++i) {
    LLVMValueRef in = LLVMGetOperand(select, i);
    h2s_reach in_reach = operand_reach(o, in, select);
    if (in_reach == REACH_BLOCK_OR_NULL && tested && i != when_null && null_source(in) == tested)
      in_reach = REACH_BLOCK;
    r = join(r, in_reach);
  }
  return r;
}

/* Where pointer 'v' of the walk points, from its operands' reaches. */
static h2s_reach derived_reach(const h2s_offsets *o, LLVMValueRef v) {
  if (v == o->root || LLVMIsAArgument(v) || LLVMIsALoadInst(v))
    return REACH_BLOCK;
  switch (LLVMIsAInstruction(v) ? LLVMGetInstructionOpcode(v) : LLVMRet) {
  case LLVMGetElementPtr:
  case LLVMBitCast:
  case LLVMFreeze:
    return operand_reach(o, LLVMGetOperand(v, 0), v);
  case LLVMSelect:
    return select_reach(o, v);
  case LLVMPHI:
    return phi_reach(o, v);
  case LLVMCall:
  case LLVMInvoke:
    return call_reach(o, v);
  default:
    return REACH_ELSEWHERE;
  }
}

/* Finds every pointer's reach: from REACH_BLOCK up, until nothing moves
 * (each can move at most twice, so this ends). */
static void find_reaches(h2s_offsets *o) {
  for (bool moved = true; moved;) {
    moved = false;
    for (size_t i = 0; i < o->pointers->cap; ++i) {
      LLVMValueRef v = o->pointers->slots[i];
      h2s_reach r = v ? join(o->reach[i], derived_reach(o, v)) : REACH_BLOCK;
      moved |= r != o->reach[i];
      o->reach[i] = r;
    }
  }
}

static bool is_cast_of_block(const h2s_offsets *o, LLVMValueRef v) {
  return is_opcode(v, LLVMPtrToInt) && h2s_valset_has(o->pointers, LLVMGetOperand(v, 0));
}

/* True when 'v' keeps only bits below the alignment every block has:
 * x & m with m + 1 a power of two no larger than H2S_MIN_ALIGN. */
static bool keeps_aligned_low_bits(LLVMValueRef v) {
  if (!is_opcode(v, LLVMAnd))
    return false;
  LLVMValueRef mask = LLVMGetOperand(v, 1);
  if (!LLVMIsAConstantInt(mask) || LLVMGetIntTypeWidth(LLVMTypeOf(mask)) > 64)
    return false;
  uint64_t m = LLVMConstIntGetZExtValue(mask);
  return m < H2S_MIN_ALIGN && h2s_is_power_of_two(m + 1);
}

/* True when 'use' carries the block's address on to its user's result:
 * an operand of add, sub or phi, a value (not the condition) of a select,
 * or the masked operand of an alignment test, whose result it carries
 * zero times. */
static bool carries_address(LLVMUseRef use) {
  LLVMValueRef user = LLVMGetUser(use);
  if (is_opcode(user, LLVMSelect))
    return h2s_operand_index(use) != 0;
  if (keeps_aligned_low_bits(user))
    return h2s_operand_index(use) == 0;
  return is_opcode(user, LLVMAdd) || is_opcode(user, LLVMSub) || is_opcode(user, LLVMPHI);
}

/* True when 'v' computes a new integer from offsets (an element count
 * from a byte difference, a narrower index): from an address it would
 * keep some of its bits, from an offset that hangs on a pointer being
 * non-null it makes another. */
static bool is_offset_arithmetic(LLVMValueRef v) {
  static const LLVMOpcode ops[] = {LLVMTrunc, LLVMZExt, LLVMSExt, LLVMMul,  LLVMShl,
                                   LLVMSDiv,  LLVMUDiv, LLVMAShr, LLVMLShr};
  for (size_t i = 0; i < sizeof ops / sizeof *ops; ++i)
    if (is_opcode(v, ops[i]))
      return true;
  return false;
}

/* True when 'use' makes its user one more value to check: it carries the
 * address, or computes from an offset. */
static bool taints_user(LLVMUseRef use) {
  return carries_address(use) || is_offset_arithmetic(LLVMGetUser(use));
}

/* True when 'use' hands the value to a runtime function that keeps
 * nothing it is given (runtime.c: UBSan's handlers, which only report it). */
static bool given_to_runtime(LLVMUseRef use) {
  LLVMValueRef call = LLVMGetUser(use);
  return LLVMIsACallInst(call) &&
         h2s_runtime_arg_use(call, h2s_operand_index(use)) == H2S_RUNTIME_KEEPS_NOTHING;
}

static void taint(h2s_offsets *o, LLVMValueRef v) {
  int added = h2s_valset_add(&o->tainted, v);
  if (added < 0 || (added && !h2s_values_push(&o->order, v)))
    o->out_of_memory = true;
}

/* Taints every integer the casts reach through carrying arithmetic. */
static void collect_tainted(h2s_offsets *o, const h2s_values *casts) {
  for (size_t i = 0; i < casts->len; ++i)
    taint(o, casts->items[i]);
  for (size_t next = 0; next < o->order.len && !o->out_of_memory; ++next)
    for (LLVMUseRef use = LLVMGetFirstUse(o->order.items[next]); use;
         use = LLVMGetNextUse(use))
      if (taints_user(use))
        taint(o, LLVMGetUser(use));
}

static int64_t combine(int64_t a, int64_t b, int sign) {
  if (a == UNKNOWN || b == UNKNOWN)
    return UNKNOWN;
  return (int64_t)((uint64_t)a + (uint64_t)(sign * b));
}

/* Of the pointers two values hang on, the one both hang on. */
static LLVMValueRef merge_nullable(LLVMValueRef a, LLVMValueRef b) {
  if (!a || a == b)
    return b;
  return b ? SEVERAL : a;
}

static h2s_term term_of(h2s_offsets *o, LLVMValueRef v);

/* A cast of a pointer into the block counts it once; one that may be null
 * there hangs on that pointer, and one that may point elsewhere is
 * UNKNOWN. */
static h2s_term cast_term(const h2s_offsets *o, LLVMValueRef v) {
  LLVMValueRef ptr = LLVMGetOperand(v, 0);
  switch (operand_reach(o, ptr, v)) {
  case REACH_BLOCK:
    return (h2s_term){1, NULL};
  case REACH_BLOCK_OR_NULL:
    return (h2s_term){1, null_source(ptr)};
  default:
    return (h2s_term){UNKNOWN, NULL};
  }
}

/* True when the input 'i' of select or phi 'v', whose term hangs on
 * pointer 'nullable', is picked only when that pointer is not null: a
 * select on whether it is null, or a phi's edge taken only when it is
 * not.  The term holds there. */
static bool picked_when_nonnull(LLVMValueRef v, unsigned i, LLVMValueRef nullable) {
  if (!nullable || nullable == SEVERAL)
    return false;
  if (LLVMIsAPHINode(v))
    return nonnull_on_edge(nullable, LLVMGetIncomingBlock(v, i), LLVMGetInstructionParent(v));
  unsigned when_null = 0;
  return null_tested(v, &when_null) == nullable && i != when_null;
}

/* The term shared by the inputs of a select or phi, or UNKNOWN; an input
 * picked only where the pointer it hangs on is not null hangs on nothing
 * there. */
static h2s_term common_term(h2s_offsets *o, LLVMValueRef v) {
  bool select = LLVMIsASelectInst(v);
  unsigned first = select ? 1 : 0;
  unsigned n = select ? 3 : LLVMCountIncoming(v);
  h2s_term common = {UNKNOWN, NULL};
  for (unsigned i = first; i < n; ++i) {
    LLVMValueRef in = select ? LLVMGetOperand(v, i) : LLVMGetIncomingValue(v, i);
    h2s_term t = term_of(o, in);
    if (t.times == UNKNOWN || (i > first && t.times != common.times))
      return (h2s_term){UNKNOWN, NULL};
    if (picked_when_nonnull(v, i, t.nullable))
      t.nullable = NULL;
    common.times = t.times;
    common.nullable = i > first ? merge_nullable(common.nullable, t.nullable) : t.nullable;
  }
  return common;
}

/* The term of offset arithmetic: an offset, hanging on what its operands
 * hang on, or UNKNOWN when an operand holds the address. */
static h2s_term offset_term(h2s_offsets *o, LLVMValueRef v) {
  h2s_term t = {0, NULL};
  for (unsigned i = 0, n = (unsigned)LLVMGetNumOperands(v); i < n; ++i) {
    h2s_term in = term_of(o, LLVMGetOperand(v, i));
    if (in.times != 0)
      return (h2s_term){UNKNOWN, NULL};
    t.nullable = merge_nullable(t.nullable, in.nullable);
  }
  return t;
}

static h2s_term compute_term(h2s_offsets *o, LLVMValueRef v) {
  if (is_cast_of_block(o, v))
    return cast_term(o, v);
  if (keeps_aligned_low_bits(v))
    return (h2s_term){0, NULL};
  if (is_offset_arithmetic(v))
    return offset_term(o, v);
  if (is_opcode(v, LLVMAdd) || is_opcode(v, LLVMSub)) {
    h2s_term a = term_of(o, LLVMGetOperand(v, 0)), b = term_of(o, LLVMGetOperand(v, 1));
    return (h2s_term){combine(a.times, b.times, is_opcode(v, LLVMAdd) ? 1 : -1),
                      merge_nullable(a.nullable, b.nullable)};
  }
  return common_term(o, v);
}

/* How many times the block's address is in 'v', and what it hangs on;
 * UNKNOWN on a cycle. */
static h2s_term term_of(h2s_offsets *o, LLVMValueRef v) {
  long slot = h2s_valset_slot(&o->tainted, v);
  if (slot < 0)
    return (h2s_term){0, NULL};
  if (o->known[slot])
    return o->term[slot];
  if (o->pending[slot])
    return (h2s_term){UNKNOWN, NULL};
  o->pending[slot] = true;
  h2s_term t = compute_term(o, v);
  o->pending[slot] = false;
  o->known[slot] = true;
  o->term[slot] = t;
  return t;
}

/* True when 'cmp' is an equality test of its first operand against 0. */
static bool is_null_test(LLVMValueRef cmp) {
  LLVMIntPredicate p = LLVMGetICmpPredicate(cmp);
  LLVMValueRef zero = LLVMGetOperand(cmp, 1);
  return (p == LLVMIntEQ || p == LLVMIntNE) && LLVMIsAConstantInt(zero) &&
         LLVMConstIntGetZExtValue(zero) == 0 && LLVMGetIntTypeWidth(LLVMTypeOf(zero)) <= 64;
}

/* True when 'use' of a value of term 't' (not a plain zero) lets nothing
 * of the address out. */
static bool may_use(h2s_offsets *o, LLVMUseRef use, h2s_term t) {
  LLVMValueRef user = LLVMGetUser(use);
  if (carries_address(use) || given_to_runtime(use))
    return true;
  if (is_offset_arithmetic(user))
    return t.times == 0;
  if (!is_opcode(user, LLVMICmp) || t.times == UNKNOWN)
    return false;
  if (t.times == 1 && is_null_test(user))
    return true;
  h2s_term a = term_of(o, LLVMGetOperand(user, 0)), b = term_of(o, LLVMGetOperand(user, 1));
  return a.times == b.times && !a.nullable && !b.nullable;
}

/* Returns the first tainted value that lets the address out, or NULL. */
static LLVMValueRef first_leak(h2s_offsets *o) {
  for (size_t i = 0; i < o->order.len; ++i) {
    LLVMValueRef v = o->order.items[i];
    h2s_term t = term_of(o, v);
    if (t.times == 0 && !t.nullable)
      continue;
    for (LLVMUseRef use = LLVMGetFirstUse(v); use; use = LLVMGetNextUse(use))
      if (!may_use(o, use, t))
        return v;
  }
  return NULL;
}

LLVMValueRef h2s_address_leak(h2s_fn_ctx *ctx, LLVMValueRef root, const h2s_valset *pointers,
                              const h2s_values *casts) {
  h2s_offsets o = {.ctx = ctx, .root = root, .pointers = pointers};
  collect_tainted(&o, casts);
  size_t cap = o.tainted.cap;
  o.term = calloc(cap ? cap : 1, sizeof *o.term);
  o.known = calloc(cap ? cap : 1, sizeof *o.known);
  o.pending = calloc(cap ? cap : 1, sizeof *o.pending);
  o.reach = calloc(pointers->cap ? pointers->cap : 1, sizeof *o.reach);
  LLVMValueRef leak = casts->len ? casts->items[0] : NULL;
  if (!o.out_of_memory && o.term && o.known && o.pending && o.reach) {
    find_reaches(&o);
    leak = first_leak(&o);
  }
  free(o.reach);
  free(o.term);
  free(o.known);
  free(o.pending);
  h2s_valset_free(&o.tainted);
  h2s_values_free(&o.order);
  return leak;
}
