/*===- heap2stack/bridge.h - Questions the C core asks LLVM's C++ API ----===*
 *
 * The C core decides; this interface only answers.  Each function asks one
 * question that LLVM can answer only through its C++ API (MemoryBuiltins and
 * TargetLibraryInfo, capture attributes, the dominator tree, the call graph,
 * remark emission, statistics, IR utilities with no C binding) and returns
 * the answer unchanged.  Nothing here chooses whether a block is promoted.
 *
 *===----------------------------------------------------------------------===*/
#ifndef HEAP2STACK_BRIDGE_H
#define HEAP2STACK_BRIDGE_H

#include <llvm-c/Core.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One function under transformation and its analyses (opaque). */
typedef struct h2s_fn_ctx h2s_fn_ctx;

/* The module under transformation, which owns a context per function. */
typedef struct h2s_module_ctx h2s_module_ctx;

/* The context of function 'fn' of the module 'mod' stands for, made on
 * first use and owned by 'mod'. */
h2s_fn_ctx *h2s_bridge_function_context(h2s_module_ctx *mod, LLVMValueRef fn);

enum { H2S_FAMILY_CAP = 64 };

/* What MemoryBuiltins knows about one call.  'is_alloc' is false for calls
 * that are not allocations, including nobuiltin calls and library functions
 * this function's TargetLibraryInfo has disabled (-fno-builtin-malloc). */
typedef struct h2s_alloc_facts {
  int is_alloc;
  int is_realloc;
  int has_size;       /* the size is a compile-time constant */
  uint64_t size;      /* bytes, when 'has_size' */
  LLVMValueRef align; /* the alignment operand, or NULL */
  int init_known;     /* contents start undefined or at a fixed value */
  int zero_init;      /* contents start as zero bytes (calloc) */
  /* The arguments whose product is the size (allocsize), or -1: for
   * malloc size_arg[0] only, for calloc the element size and the count. */
  int size_arg[2];
  char family[H2S_FAMILY_CAP]; /* "malloc", "_Znwm", ...; "" if none */
} h2s_alloc_facts;

/* Fills 'out' for 'call' (a call or invoke). */
void h2s_bridge_describe_alloc(h2s_fn_ctx *ctx, LLVMValueRef call,
                               h2s_alloc_facts *out);

/* Returns the pointer 'call' frees, or NULL when it is not a deallocation;
 * copies the deallocator's family into 'family' (H2S_FAMILY_CAP bytes). */
LLVMValueRef h2s_bridge_freed_operand(h2s_fn_ctx *ctx, LLVMValueRef call,
                                      char *family);

/* Returns the pointer 'call' resizes when it is a realloc-like call
 * (MemoryBuiltins' getReallocatedOperand), or NULL. */
LLVMValueRef h2s_bridge_reallocated_operand(h2s_fn_ctx *ctx, LLVMValueRef call);

/* The largest unsigned value the integer operand 'arg' of 'call' can have
 * when 'call' runs, as far as LLVM's value facts tell (LazyValueInfo's range
 * at the use, known bits, ScalarEvolution's range); UINT64_MAX when they
 * prove nothing smaller. */
uint64_t h2s_bridge_arg_max(h2s_fn_ctx *ctx, LLVMValueRef call, unsigned arg);

/* What of a pointer a callee may capture (LLVM's CaptureComponents). */
typedef enum h2s_captured {
  H2S_CAPTURED_NONE,     /* nothing */
  H2S_CAPTURED_NULLNESS, /* only whether it is null (address_is_null) */
  H2S_CAPTURED_MORE      /* its address or provenance */
} h2s_captured;

typedef struct h2s_capture_info {
  h2s_captured other; /* through memory, globals, ... */
  h2s_captured ret;   /* through the call's return value */
} h2s_capture_info;

/* How argument 'arg' of 'call' may be captured, from the call site's and
 * the callee's attributes (captures(...), nocapture). */
h2s_capture_info h2s_bridge_arg_capture(LLVMValueRef call, unsigned arg);

/* When 'call' calls a C library function that this function's
 * TargetLibraryInfo knows and has not disabled, copies its standard name
 * into 'name' (H2S_FAMILY_CAP bytes) and returns true.  glibc's aliases
 * (__isoc99_sscanf) and _FORTIFY_SOURCE wrappers (__snprintf_chk) answer
 * with the name of the function they stand for. */
int h2s_bridge_library_function(h2s_fn_ctx *ctx, LLVMValueRef call, char *name);

/* True when the linker or the loader may replace the body of 'fn' with
 * another (LLVM's isInterposable: a weak definition, or an exported one
 * under -fsemantic-interposition). */
int h2s_bridge_may_be_interposed(LLVMValueRef fn);

/* True unless 'call' is known not to free argument 'arg' (nofree on the
 * call, its callee or the parameter). */
int h2s_bridge_call_may_free_arg(LLVMValueRef call, unsigned arg);

/* Where a pointer points within the object h2s_bridge_pointer_base()
 * finds for it. */
typedef struct h2s_base_offset {
  int known;       /* only GEPs lead from the object to the pointer */
  int64_t offset;  /* the sum of their constant offsets */
  uint64_t stride; /* the greatest common divisor of the scales of their
                      variable indices; 0 when there are none */
  int forward;     /* every GEP with a variable index is inbounds nuw, so
                      the variable part adds a multiple of 'stride' that is
                      not negative */
} h2s_base_offset;

/* The object 'ptr' points into (ValueTracking's getUnderlyingObject, through
 * GEPs, casts and calls that return an argument, not through phis), and in
 * '*at' where 'ptr' points from its start: when '*known', the object's
 * start plus 'offset' plus a multiple of 'stride'. */
LLVMValueRef h2s_bridge_pointer_base(h2s_fn_ctx *ctx, LLVMValueRef ptr, h2s_base_offset *at);

/* The bytes a store of a value of 'type' writes (DataLayout's store size);
 * UINT64_MAX for a scalable vector. */
uint64_t h2s_bridge_store_size(h2s_fn_ctx *ctx, LLVMTypeRef type);

/* True when pointer 'v' is known not to be null where instruction 'at'
 * runs (ValueTracking's isKnownNonZero, dominating conditions included). */
int h2s_bridge_known_nonnull_at(h2s_fn_ctx *ctx, LLVMValueRef v, LLVMValueRef at);

/* True when instruction 'def' dominates instruction 'user'. */
int h2s_bridge_dominates(h2s_fn_ctx *ctx, LLVMValueRef def, LLVMValueRef user);

/* The address space the target's data layout gives allocas. */
unsigned h2s_bridge_alloca_address_space(h2s_fn_ctx *ctx);

/* Replaces 'invoke' by a call to the same callee followed by a branch to its
 * normal destination (LLVM's changeToCall); returns the new call. */
LLVMValueRef h2s_bridge_invoke_to_call(h2s_fn_ctx *ctx, LLVMValueRef invoke);

/* Splits the block of instruction 'at' before it (BasicBlock's
 * splitBasicBlock): returns the new block, which starts with 'at'; the old
 * one now ends in an unconditional branch to it. */
LLVMBasicBlockRef h2s_bridge_split_block_before(LLVMValueRef at);

/* Puts a new block on the edge from the block of 'invoke' to its normal
 * destination (SplitEdge) and returns it; phis there are updated. */
LLVMBasicBlockRef h2s_bridge_split_normal_edge(h2s_fn_ctx *ctx,
                                               LLVMValueRef invoke);

/* Gives the conditional branch 'br' the weights LLVM uses for
 * __builtin_expect: successor 'likely' (0 or 1) is the likely one. */
void h2s_bridge_weight_branch(LLVMValueRef br, unsigned likely);

/* Builds llvm.lifetime.start (or .end, when 'start' is 0) of the alloca
 * 'ptr' at 'b'. */
void h2s_bridge_build_lifetime(LLVMBuilderRef b, LLVMValueRef ptr, int start);

/* A copy of function 'fn' (CloneFunction) named 'name', placed after it,
 * with internal linkage and in the comdat of 'fn'; its debug info has its
 * own subprogram. */
LLVMValueRef h2s_bridge_clone_function(LLVMValueRef fn, const char *name);

/* Inlines the call 'call' of the function of 'ctx' (InlineFunction) when
 * LLVM says its callee can be inlined there (isInlineViable and the two
 * functions' attributes agree), and forgets the function's analyses.
 * Returns 1 when it inlined. */
int h2s_bridge_inline_call(h2s_fn_ctx *ctx, LLVMValueRef call);

/* Runs SROA over the function of 'ctx', so that the local objects helpers
 * inlined there managed become SSA values, and forgets its analyses. */
void h2s_bridge_scalarize_locals(h2s_fn_ctx *ctx);

/* A context for 'copy', a copy of the function of 'ctx' on which the core
 * tries inlining (trial.c), without a remark record.  h2s_bridge_end_trial
 * deletes the copy, its analyses and the context. */
h2s_fn_ctx *h2s_bridge_trial_context(h2s_fn_ctx *ctx, LLVMValueRef copy);
void h2s_bridge_end_trial(h2s_fn_ctx *trial);

/* Makes the program run 'fn' (void, no parameters) at start-up, before
 * main, in the constructors of priority 'priority' (appendToGlobalCtors):
 * once for the program when 'fn' has a comdat, which the entry joins. */
void h2s_bridge_run_at_start(LLVMValueRef fn, unsigned priority);

/* Deletes function 'fn', which nothing uses, and forgets its analyses and
 * its context in 'mod'. */
void h2s_bridge_erase_function(h2s_module_ctx *mod, LLVMValueRef fn);

/* A new function without a body that takes the place of 'fn' (in the
 * module's list of functions too): its name,
 * linkage, attributes, metadata other than debug info, comdat, and every use
 * of 'fn'.  'fn' keeps its body and debug info, becomes internal and is
 * renamed 'name'. */
LLVMValueRef h2s_bridge_take_place_of(LLVMValueRef fn, const char *name);

typedef enum h2s_remark_kind { H2S_REMARK_PASSED, H2S_REMARK_MISSED } h2s_remark_kind;

/* One piece of a remark's message.  With a 'key' it is also a named argument
 * in optimization records (-fsave-optimization-record), which carries the
 * debug location of 'at' when that is set. */
typedef struct h2s_remark_arg {
  const char *key; /* NULL for plain text */
  const char *text;
  LLVMValueRef at; /* an instruction, or NULL */
} h2s_remark_arg;

/* True when some consumer wants heap2stack's remarks (-pass-remarks*,
 * -Rpass*, an optimization record); building their text costs otherwise. */
int h2s_bridge_remarks_enabled(h2s_fn_ctx *ctx);

/* The opcode of instruction 'inst' as the IR printer spells it ("store"). */
const char *h2s_bridge_opcode_name(LLVMValueRef inst);

/* Emits a remark of pass 'heap2stack' named 'name' at instruction 'at'.
 * The arguments from 'first_extra' on are left out of the message that
 * -Rpass prints and kept in optimization records only. */
void h2s_bridge_emit_remark(h2s_fn_ctx *ctx, h2s_remark_kind kind,
                            const char *name, LLVMValueRef at,
                            const h2s_remark_arg *args, size_t nargs,
                            size_t first_extra);

/* Adds one promoted site of 'bytes' to the -stats counters. */
void h2s_bridge_count_promoted(uint64_t bytes);

/* Adds one site kept on the heap to the -stats counters. */
void h2s_bridge_count_kept(void);

/* Adds one promoted site whose block may still reach the heap (a guarded
 * slot, or a realloc that outgrows the slot) to the -stats counters. */
void h2s_bridge_count_guarded(void);

/* Adds one function split into a room-guarded and a plain body to the
 * -stats counters. */
void h2s_bridge_count_split(void);

/* Adds one call of an allocation wrapper inlined where its block is freed
 * (factories.c) to the -stats counters. */
void h2s_bridge_count_factory_inlined(void);
void h2s_bridge_count_helper_inlined(void);

/* Adds one copy of a free wrapper that calls of promoted blocks use
 * (wrappers.c) to the -stats counters. */
void h2s_bridge_count_wrapper_copy(void);

#ifdef __cplusplus
}
#endif

#endif /* HEAP2STACK_BRIDGE_H */
