/*===- heap2stack/core.h - The promotion pipeline's data and entry point -===*
 *
 * What one allocation site carries through the pipeline, and the one call that
 * runs the pipeline over a function.  Every refusal is data: an h2s_reason,
 * the instruction that caused it and the numbers that explain it.  Remarks,
 * tests and any later report read these fields; nothing else decides why a
 * site stayed on the heap.
 *
 *===----------------------------------------------------------------------===*/
#ifndef HEAP2STACK_CORE_H
#define HEAP2STACK_CORE_H

#include "heap2stack/bridge.h"
#include "heap2stack/recursion.h"
#include "heap2stack/summaries.h"
#include "heap2stack/wrappers.h"

#include <llvm-c/Core.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Limits that keep promoted code safe on small stacks.  Documented in
 * docs/reference.md; the defaults are H2S_DEFAULT_*. */
typedef struct h2s_options {
  uint64_t max_size;         /* largest block promoted, in bytes */
  uint64_t frame_budget;     /* promoted bytes per function */
  uint64_t recursive_budget; /* promoted bytes per function that may recurse */
  uint64_t max_uses;         /* uses the escape walk may visit per site */
  uint64_t guard_size;       /* slot of a run-time sized block; 0: none */
  uint64_t room_percent;     /* share of a thread's stack in which split
                                recursive functions take their slots */
  uint64_t factory_size;     /* instructions of the largest allocation
                                wrapper inlined where its block is freed;
                                0: none (factories.c) */
  uint64_t helper_size;      /* instructions of the largest helper of a
                                local object inlined where the object's
                                block is allocated and freed; 0: none
                                (helpers.c) */
  int room;                  /* split recursive functions (room guards) */
  int pin_slots;             /* an inliner may run after the pass (LLVM 19's
                                LTO pre-link): functions that get slots are
                                marked noinline, always_inline ones get none */
} h2s_options;

enum {
  H2S_DEFAULT_MAX_SIZE = 1024,
  H2S_DEFAULT_FRAME_BUDGET = 2048,
  H2S_DEFAULT_RECURSIVE_BUDGET = 0,
  H2S_DEFAULT_MAX_USES = 2000,
  H2S_DEFAULT_GUARD_SIZE = 128, /* docs/guard-size.md */
  H2S_DEFAULT_ROOM_PERCENT = 5, /* docs/design.md, "Room guards" */
  H2S_DEFAULT_FACTORY_SIZE = 100, /* docs/design.md, "Allocation wrappers" */
  H2S_DEFAULT_HELPER_SIZE = 100,  /* docs/design.md, "Helpers of local objects" */
  /* glibc's malloc guarantees 16 bytes on x86-64 and AArch64 (and on i386);
   * a promoted block is never aligned less. */
  H2S_MIN_ALIGN = 16
};

/* The largest slot alignment: LLVMSetAlignment takes an unsigned. */
#define H2S_MAX_ALIGN ((uint64_t)1 << 31)

/* Why a site was not promoted.  H2S_PROMOTED means it was.  The wording of
 * each reason lives in remarks.c, in one table. */
typedef enum h2s_reason {
  H2S_PROMOTED = 0,
  /* discovery */
  H2S_REALLOC,           /* resizes a block that is not a site's */
  H2S_RESIZES_SITE,      /* resizes the block of the site 'blocker' */
  H2S_UNKNOWN_CONTENTS,  /* the new block holds data the pass cannot copy */
  H2S_SIZE_WRAPS,        /* constant operands whose product overflows */
  H2S_PAGE_ALIGNED,      /* valloc/pvalloc: alignment is the page size */
  H2S_ALLOCATOR_DEFINED, /* the allocator's body is in this module */
  H2S_ADDRESS_SPACE,     /* the block is not in the stack's address space */
  /* escape analysis */
  H2S_STORED,            /* written to memory the function does not own */
  H2S_HOLDER_EXPOSED,    /* written to a local object whose contents may
                            leave through 'blocker' */
  H2S_HOLDER_PASSED,     /* the same, through a call given the object */
  H2S_HOLDER_STORED,     /* written to a local object whose address is
                            stored to memory */
  H2S_HOLDER_RETURNED,   /* ... whose address is returned */
  H2S_HOLDER_TO_INTEGER, /* ... whose address is converted to an integer */
  H2S_HOLDER_UNMODELLED, /* ... used by an instruction the walk does not
                            model */
  H2S_HOLDER_UNFOLLOWED, /* ... with more uses, or rounds of pointers to
                            itself, than the walk follows */
  H2S_READ_AS_INTEGER,   /* read back from a local object as an integer */
  H2S_RETURNED,          /* the pointer is returned */
  H2S_CAPTURED_BY_CALL,  /* passed to a call that may keep it */
  H2S_FREED_BY_CALL,     /* passed to a call that may free it */
  H2S_MUSTTAIL,          /* passed to a musttail call */
  H2S_TO_SANITIZED_CALLEE, /* passed to a function built with ASan/MSan */
  H2S_INLINE_ASM,        /* passed to inline assembly */
  H2S_TO_INTEGER,        /* converted to an integer */
  H2S_ATOMIC,            /* accessed by an atomic instruction */
  H2S_UNMODELLED_USE,    /* used by an instruction the walk does not model */
  H2S_TOO_MANY_USES,     /* the walk's budget ran out */
  /* frees */
  H2S_FREE_OTHER_FAMILY, /* freed by a deallocator of another family */
  H2S_FREE_MIXED,        /* a free may receive a block from elsewhere */
  H2S_FREE_SHARED,       /* a free shared with a site that stays on the heap */
  H2S_FREE_SHARED_CALL,  /* a free wrapper's call also frees another
                            argument, or returns into another block */
  H2S_REALLOC_MIXED,     /* a realloc may resize another block too */
  /* lifetime */
  H2S_LOOP_CARRIED,      /* a block may be live when the site runs again */
  /* policy */
  H2S_SIZE_NOT_CONSTANT, /* size known only at run time, guarded slots off */
  H2S_GUARD_TOO_LARGE,   /* guard_size above max_size */
  H2S_ALIGN_NOT_CONSTANT,/* alignment known only at run time */
  H2S_ALIGN_INVALID,     /* alignment is not a power of two */
  H2S_ALIGN_TOO_LARGE,   /* alignment above max_size or H2S_MAX_ALIGN */
  H2S_TOO_LARGE,         /* size above max_size */
  H2S_OVER_BUDGET,       /* would exceed the function's budget */
  H2S_RECURSIVE,         /* the same, in a function that may recurse */
  H2S_RETURNS_TWICE,     /* the function calls setjmp/vfork */
  H2S_MUSTTAIL_CALLER,   /* the function makes a musttail call */
  H2S_COROUTINE,         /* the function is a coroutine before splitting */
  H2S_SANITIZED,         /* the function is built with ASan, HWASan or MSan */
  H2S_REALTIME,          /* RealtimeSanitizer reports the function's heap calls */
  H2S_OPTED_OUT,         /* annotate("heap2stack-off") on the function */
  H2S_ALWAYS_INLINE,     /* always_inline, and an inliner may run after us */
  H2S_NUM_REASONS
} h2s_reason;

/* The outcome for one site: the reason, the instruction that caused it (or
 * NULL) and up to two numbers the wording needs (sizes, limits). */
typedef struct h2s_verdict {
  h2s_reason reason;
  LLVMValueRef blocker;
  uint64_t amount;
  uint64_t limit;
} h2s_verdict;

/* Runs discovery, escape analysis, the lifetime check, the policy, the
 * rewrite and the remarks over 'fn', after inlining the allocation
 * wrappers whose blocks it frees.  Returns true when it changed 'fn'.
 * 'ctx' answers the questions only LLVM's C++ API can; 'recursion' is the
 * module's h2s_recursion_analyse() result, 'summaries' the module's
 * summaries of its functions (h2s_summaries_new), 'wrappers' its copies of
 * free wrappers (h2s_wrappers_new). */
bool h2s_promote_function(h2s_fn_ctx *ctx, LLVMValueRef fn,
                              const h2s_options *opts,
                              const h2s_recursion *recursion,
                              h2s_summaries *summaries, h2s_wrappers *wrappers);

#ifdef __cplusplus
}
#endif

#endif /* HEAP2STACK_CORE_H */
