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
#include "runtime.h"
#include "site.h"

#include <stdint.h>
#include <stdlib.h>

#define UNKNOWN INT64_MIN

typedef struct h2s_offsets {
  const h2s_valset *pointers; /* every pointer into the block */
  h2s_valset tainted;
  h2s_values order;           /* the tainted values, to check each once */
  int64_t *coefficient;       /* by slot of 'tainted'; 0 also: not known yet */
  bool *known, *pending;      /* by slot of 'tainted' */
  bool out_of_memory;
} h2s_offsets;

static bool is_opcode(LLVMValueRef v, LLVMOpcode op) {
  return LLVMIsAInstruction(v) && LLVMGetInstructionOpcode(v) == op;
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
      if (carries_address(use))
        taint(o, LLVMGetUser(use));
}

static int64_t combine(int64_t a, int64_t b, int sign) {
  if (a == UNKNOWN || b == UNKNOWN)
    return UNKNOWN;
  return (int64_t)((uint64_t)a + (uint64_t)(sign * b));
}

static int64_t coefficient_of(h2s_offsets *o, LLVMValueRef v);

/* The coefficient shared by the inputs of a select or phi, or UNKNOWN. */
static int64_t common_coefficient(h2s_offsets *o, LLVMValueRef v) {
  bool select = LLVMIsASelectInst(v);
  unsigned first = select ? 1 : 0;
  unsigned n = select ? 3 : LLVMCountIncoming(v);
  int64_t common = UNKNOWN;
  for (unsigned i = first; i < n; ++i) {
    LLVMValueRef in = select ? LLVMGetOperand(v, i) : LLVMGetIncomingValue(v, i);
    int64_t c = coefficient_of(o, in);
    if (c == UNKNOWN || (i > first && c != common))
      return UNKNOWN;
    common = c;
  }
  return common;
}

static int64_t compute_coefficient(h2s_offsets *o, LLVMValueRef v) {
  if (is_cast_of_block(o, v))
    return 1;
  if (keeps_aligned_low_bits(v))
    return 0;
  if (is_opcode(v, LLVMAdd) || is_opcode(v, LLVMSub))
    return combine(coefficient_of(o, LLVMGetOperand(v, 0)),
                   coefficient_of(o, LLVMGetOperand(v, 1)),
                   is_opcode(v, LLVMAdd) ? 1 : -1);
  return common_coefficient(o, v);
}

/* How many times the block's address is in 'v'; UNKNOWN on a cycle. */
static int64_t coefficient_of(h2s_offsets *o, LLVMValueRef v) {
  long slot = h2s_valset_slot(&o->tainted, v);
  if (slot < 0)
    return 0;
  if (o->known[slot])
    return o->coefficient[slot];
  if (o->pending[slot])
    return UNKNOWN;
  o->pending[slot] = true;
  int64_t c = compute_coefficient(o, v);
  o->pending[slot] = false;
  o->known[slot] = true;
  o->coefficient[slot] = c;
  return c;
}

/* True when 'cmp' is an equality test of its first operand against 0. */
static bool is_null_test(LLVMValueRef cmp) {
  LLVMIntPredicate p = LLVMGetICmpPredicate(cmp);
  LLVMValueRef zero = LLVMGetOperand(cmp, 1);
  return (p == LLVMIntEQ || p == LLVMIntNE) && LLVMIsAConstantInt(zero) &&
         LLVMConstIntGetZExtValue(zero) == 0 && LLVMGetIntTypeWidth(LLVMTypeOf(zero)) <= 64;
}

/* True when 'use' of a value whose coefficient is 'c' (not zero) lets
 * nothing of the address out. */
static bool may_use(h2s_offsets *o, LLVMUseRef use, int64_t c) {
  LLVMValueRef user = LLVMGetUser(use);
  if (carries_address(use) || given_to_runtime(use))
    return true;
  if (!is_opcode(user, LLVMICmp) || c == UNKNOWN)
    return false;
  if (c == 1 && is_null_test(user))
    return true;
  return coefficient_of(o, LLVMGetOperand(user, 0)) ==
         coefficient_of(o, LLVMGetOperand(user, 1));
}

/* Returns the first tainted value that lets the address out, or NULL. */
static LLVMValueRef first_leak(h2s_offsets *o) {
  for (size_t i = 0; i < o->order.len; ++i) {
    LLVMValueRef v = o->order.items[i];
    int64_t c = coefficient_of(o, v);
    if (c == 0)
      continue;
    for (LLVMUseRef use = LLVMGetFirstUse(v); use; use = LLVMGetNextUse(use))
      if (!may_use(o, use, c))
        return v;
  }
  return NULL;
}

LLVMValueRef h2s_address_leak(const h2s_valset *pointers, const h2s_values *casts) {
  h2s_offsets o = {.pointers = pointers};
  collect_tainted(&o, casts);
  size_t cap = o.tainted.cap;
  o.coefficient = calloc(cap ? cap : 1, sizeof *o.coefficient);
  o.known = calloc(cap ? cap : 1, sizeof *o.known);
  o.pending = calloc(cap ? cap : 1, sizeof *o.pending);
  LLVMValueRef leak = casts->len ? casts->items[0] : NULL;
  if (!o.out_of_memory && o.coefficient && o.known && o.pending)
    leak = first_leak(&o);
  free(o.coefficient);
  free(o.known);
  free(o.pending);
  h2s_valset_free(&o.tainted);
  h2s_values_free(&o.order);
  return leak;
}
