/*===- site.h - One allocation site on its way through the pipeline -------===*
 *
 * The pipeline's stages, in the order promote.c runs them and in the order a
 * reader should open their files:
 *
 *   trial.c     first, calls inlined so that blocks they split with the
 *               function live in its frame, where a copy of the function
 *               shows that this promotes more:
 *     factories.c allocation wrappers whose blocks die in the function
 *     helpers.c   helpers that allocate or free the blocks of its objects
 *     inlining.c  which calls may be inlined at all
 *   sites.c     discovery: which calls allocate, with what size (or bound)
 *               and alignment, and what they copy in (strdup)
 *   escape.c    escape analysis: may the block outlive the frame?
 *     memflow.c   local objects its pointer is stored into and read back from
 *     offsets.c   integers made from its addresses: only differences leave
 *     summaries.c which parameters the module's functions may free or keep
 *                 (a module-wide answer, computed on demand, like
 *                 recursion.c's)
 *       ranges.c  ... which bytes of what a parameter points to they touch
 *     wrappers.c  copies of the helpers that free a block (free wrappers):
 *                 a call of one is the block's free (module-wide too)
 *     libc.c      what C library calls do with the pointers they are given
 *     runtime.c   ... and the C++ runtime, C++ standard libraries and UBSan
 *   frees.c     do the block's frees and reallocs take only promoted blocks?
 *   lifetime.c  can one stack slot serve every execution of the site, also
 *               when its pointer waits in memory?
 *   policy.c    size limits, the function's budget, function-wide blockers,
 *               and the placement: a slot of the size, of its proven bound,
 *               or a guarded slot with a heap fallback
 *   remarks.c   what the user is told, for every site
 *   rewrite.c   the slots, the frees, then the allocations, in that order:
 *     contents.c  the run-time size and the initial contents as IR
 *     guard.c     guarded allocations, frees and reallocs: slot or heap
 *     split.c     a function that may recurse: the body with slots runs
 *                 only while the stack has room, else a plain copy
 *     stackroom.c the run-time test: is the frame in the first share of its
 *                 thread's stack?
 *
 * Each stage reads what earlier stages filled in and either leaves
 * 'verdict.reason' at H2S_PROMOTED or sets the first reason it finds.
 *
 *===----------------------------------------------------------------------===*/
#ifndef HEAP2STACK_SITE_H
#define HEAP2STACK_SITE_H

#include "heap2stack/core.h"
#include "values.h"

/* A callback over values; returning false stops the walk that calls it. */
typedef bool h2s_source_visitor(LLVMValueRef source, void *data);

/* How a call may keep a pointer it is given, as the escape walk sees it. */
typedef enum h2s_capture {
  H2S_CAPTURES_NOTHING,  /* keeps nothing (or only whether it is null) */
  H2S_CAPTURES_RET_ONLY, /* at most through its return value */
  H2S_CAPTURES_MAYBE     /* anything else */
} h2s_capture;

/* A deallocation of the block found by the escape walk: a free, or a call
 * of a free wrapper that the rewrite points at 'copy' (wrappers.c). */
typedef struct h2s_free {
  LLVMValueRef call;
  LLVMValueRef freed;          /* the operand it frees */
  LLVMValueRef copy;           /* a wrapper's copy without the free, or NULL */
  unsigned arg;                /* a wrapper's: the argument it frees */
  char family[H2S_FAMILY_CAP];
  bool ends_lifetime;          /* frees this execution's block for sure */
  h2s_values others;           /* other sites' blocks it may free too */
} h2s_free;

/* What a call copies into the block it allocates. */
typedef enum h2s_copy {
  H2S_COPY_NONE,
  H2S_COPY_STRING, /* strdup(s): strlen(s) + 1 bytes of s */
  H2S_COPY_PREFIX  /* strndup(s, m): at most m bytes of s, then a zero */
} h2s_copy;

/* The bytes of a holder an access may touch: [offset, offset + size), or,
 * with a 'stride', that range moved by any multiple of it (an array of
 * structs indexed at run time; 'offset' is then below 'stride'); any of
 * them when 'known' is false. */
typedef struct h2s_span {
  bool known;
  int64_t offset;
  uint64_t size;
  uint64_t stride; /* 0: exactly one range */
  bool partial;    /* the access may touch only some of these bytes: a
                      copy of a run-time length, an index that is only
                      known not to go back, what a callee may write */
} h2s_span;

/* What a read of a holder does with the bytes it reads. */
typedef enum h2s_read_kind {
  H2S_READ_YIELDS, /* returns them as its value: a load, strtok_r */
  H2S_READ_COPIES, /* copies them where the pass does not follow: memcpy
                      out of the holder, a callee reading them as data */
  H2S_READ_USES,   /* a callee that sees them only during the call: one
                      that loads pointers there only to use them
                      (summaries.c), or compares or prints the bytes
                      (libc.c) */
  H2S_READ_THROUGH, /* the same, of a callee whose accesses through the
                       pointers it loads the holder lists where they are
                       pointers into the holder itself */
  H2S_READ_IN_PLACE /* a std::string member (runtime.c), which may free
                       or keep the string's buffer pointer, harmless only
                       when that points to the string's inline buffer */
} h2s_read_kind;

/* One read or write of a holder's memory. */
typedef struct h2s_access {
  LLVMValueRef inst;  /* a load or store, or a call that reads or writes */
  LLVMValueRef value; /* a read that yields: what it yields (the load, the
                         call); a write: the value stored, or NULL when
                         the call writes what the pass cannot name (memcpy
                         into the holder, a callee) */
  h2s_span span;
  h2s_read_kind kind; /* a read's */
  bool newest;        /* made through a pointer that only GEPs derive
                         from the holder's base, so of the object that base
                         last created, whatever offsets are added
                         (lifetime.c) */
  bool may_miss;      /* made through a pointer that may point to another
                         object (one loaded from the holder itself), so a
                         write may leave the holder's bytes as they were */
} h2s_access;

/* A local object of the function, an alloca or a site's block, into which
 * blocks' pointers may be stored (memflow.c).  Unless 'exposed_by' is set,
 * every access of it is in 'reads' and 'writes'. */
typedef struct h2s_holder {
  LLVMValueRef base;       /* the alloca or the allocation call */
  LLVMValueRef exposed_by; /* the first use through which its contents may
                              leave the function, or NULL */
  h2s_reason exposed_why;  /* how they leave there: H2S_HOLDER_EXPOSED (a
                              call), _STORED, _RETURNED, _TO_INTEGER,
                              _UNMODELLED or _UNFOLLOWED */
  unsigned exposed_arg;    /* when that is a call given the holder: the
                              argument, counting from 1; else 0 */
  h2s_access *reads, *writes;
  size_t nreads, nwrites;
} h2s_holder;

/* A store of a site's pointer into a holder (escape.c records them). */
typedef struct h2s_holding {
  LLVMValueRef store;        /* a store, or a call that writes it out */
  const h2s_holder *holder;
  h2s_span span;
} h2s_holding;

/* Where a promoted block lives: policy.c chooses, the rewrite builds it. */
typedef enum h2s_placement {
  H2S_PLACE_CONSTANT, /* a slot of the compile-time size */
  H2S_PLACE_BOUNDED,  /* a slot of the run-time size's proven bound */
  H2S_PLACE_GUARDED,  /* a guard_size slot when the size fits, else the heap */
  H2S_PLACE_ROOMY     /* a guard_size slot above the compile-time size, in
                         which reallocs grow the block while it fits */
} h2s_placement;

typedef struct h2s_site {
  LLVMValueRef call;       /* the allocation (call or invoke) */
  h2s_alloc_facts facts;
  h2s_copy copy;
  bool resizes_itself;     /* a realloc of a merge of null and its own result */
  uint64_t bound;          /* largest run-time size proven; UINT64_MAX: none */
  uint64_t size;           /* bytes to reserve (at least 1) */
  uint64_t align;          /* alignment of the stack slot */
  h2s_placement placement;
  h2s_values derived;      /* every SSA value that may point into the block */
  h2s_values path;         /* refused by escape.c: the instructions from the
                              allocation to the one that let it escape */
  h2s_values users;        /* calls that receive such a pointer */
  h2s_values reallocs;     /* realloc calls that resize the block */
  h2s_holding *held;       /* stores of its pointer into objects */
  size_t nheld;
  h2s_free *frees;
  size_t nfrees;
  LLVMValueRef slot;       /* the alloca, once rewrite.c built it */
  h2s_verdict verdict;
  h2s_verdict analysed;    /* the verdict before policy, for re-running it */
} h2s_site;

/* What is true of the whole function, computed once. */
typedef struct h2s_function {
  LLVMValueRef fn;
  h2s_fn_ctx *ctx;
  const h2s_options *opts;
  h2s_summaries *summaries; /* what the module's functions free */
  h2s_wrappers *wrappers;   /* copies of free wrappers (wrappers.c) */
  h2s_verdict blocker;     /* H2S_PROMOTED unless nothing may be promoted */
  bool recursive;          /* may be active more than once at a time */
  bool room_split;         /* may recurse, and its slots are taken only while
                              the stack has room (split.c) */
  uint64_t budget;         /* bytes this function may promote */
  uint64_t spent;          /* bytes promoted so far */
  h2s_site *sites;         /* every allocation site, in program order */
  size_t nsites;
  h2s_holder **holders;    /* objects analysed as holders, on demand */
  size_t nholders;
  h2s_valset erased;       /* instructions the rewrite has deleted */
  unsigned inlined;        /* calls inlining.c tried to inline here */
  LLVMValueRef trial_of;   /* for a copy on which trial.c tries inlining,
                              the function copied; NULL otherwise */
  const h2s_valset *kept;  /* calls trial.c leaves out of line, or NULL */
} h2s_function;

static inline void h2s_refuse(h2s_site *site, h2s_reason reason,
                              LLVMValueRef blocker) {
  site->verdict = (h2s_verdict){reason, blocker, 0, 0};
}

static inline bool h2s_open(const h2s_site *site) {
  return site->verdict.reason == H2S_PROMOTED;
}

/* The bytes a block of 'site' of a compile-time size takes (at least 1). */
static inline uint64_t h2s_constant_size(const h2s_site *site) {
  return site->facts.size ? site->facts.size : 1;
}

/* True when a pointer of 'site' may be a heap block although the site is
 * promoted: the guard chose the heap, or a realloc moved it there. */
static inline bool h2s_may_reach_heap(const h2s_site *site) {
  return site->placement == H2S_PLACE_GUARDED || site->reallocs.len > 0 || site->resizes_itself;
}

/* Stages: see the table above. */
/* Inlining a helper to see a block's whole life (inlining.c): true when
 * 'fn' may be inlined into 'f' and has at most 'max_size' instructions;
 * the callee of 'call' when the call may be inlined too, else NULL; how
 * many more calls 'f' may inline; inlines 'calls', counting each with
 * 'count', and says whether it inlined any. */
bool h2s_is_inlinable(const h2s_function *f, LLVMValueRef fn, uint64_t max_size);
LLVMValueRef h2s_inlinable_callee(const h2s_function *f, LLVMValueRef call,
                                  uint64_t max_size);
unsigned h2s_inlines_left(const h2s_function *f);
bool h2s_inline_calls(h2s_function *f, const h2s_values *calls, void (*count)(void));
/* True when 'fn' is an allocation wrapper (factories.c); adds to 'calls'
 * the calls of those whose blocks 'f' frees, as many as 'f' may still
 * inline; inlines them, and says whether it inlined any. */
bool h2s_is_factory(const h2s_function *f, LLVMValueRef fn);
void h2s_find_factory_calls(h2s_function *f, h2s_values *calls);
bool h2s_inline_factories(h2s_function *f);
/* The calls of helpers of 'f''s own objects that allocate a block into
 * one, or free it from there, where 'f' does the rest of the block's life
 * (helpers.c): adds one round's to 'calls' (false when memory ran out, and
 * then 'calls' means nothing); inlines them, round after round, and says
 * whether it inlined any. */
bool h2s_find_helper_calls(h2s_function *f, h2s_values *calls);
bool h2s_inline_object_helpers(h2s_function *f);
/* Inlines those of the calls factories.c and helpers.c choose without
 * which copies of 'f' promote fewer sites, when inlining them all promotes
 * more than leaving them alone (trial.c); says whether it inlined any. */
bool h2s_inline_where_it_promotes(h2s_function *f);
/* How many of 'f''s sites the analysis and policy would promote, with
 * 'f' left as it is (promote.c). */
size_t h2s_count_promotable(const h2s_function *f);
/* True when 'v' is a call that allocates a block, as MemoryBuiltins and
 * the caller's TargetLibraryInfo see it (sites.c). */
bool h2s_is_allocation(h2s_fn_ctx *ctx, LLVMValueRef v);
bool h2s_discover_sites(h2s_function *f);
uint64_t h2s_size_bound(h2s_function *f, const h2s_site *site);
void h2s_analyse_escape(h2s_function *f, h2s_site *site);
/* The first integer computed from 'casts' (ptrtoints of 'pointers', the
 * pointers derived from 'root') from which the block's address could be
 * read back, or NULL (offsets.c). */
LLVMValueRef h2s_address_leak(h2s_fn_ctx *ctx, LLVMValueRef root, const h2s_valset *pointers,
                              const h2s_values *casts);
/* True when 'v' points into an alloca: no heap block, and never freed or
 * resized by a defined program. */
bool h2s_is_stack_pointer(h2s_function *f, LLVMValueRef v);
/* The holder 'address' points into, analysed on first use, and in '*span'
 * the bytes of it an access of 'size' bytes there touches: NULL when it
 * points into nothing the function owns (memflow.c). */
const h2s_holder *h2s_holder_of(h2s_function *f, LLVMValueRef address, uint64_t size,
                                h2s_span *span);
bool h2s_spans_overlap(h2s_span a, h2s_span b);
/* Calls 'visit' on each value a read 'r' of a holder may return: what the
 * writes that overlap it stored, and null when the object starts zeroed;
 * false when a write stored something unnamed or 'visit' said false. */
bool h2s_visit_stored_values(h2s_function *f, const h2s_holder *h,
                             const h2s_access *r,
                             h2s_source_visitor *visit, void *data);
/* False when every path from write 'w' of 'h' to read 'r' passes a write
 * that covers what 'r' reads (lifetime.c): 'r' cannot return what 'w'
 * stored, as when a field is assigned after the struct's initializer. */
bool h2s_write_reaches_read(const h2s_holder *h, const h2s_access *w, const h2s_access *r);
/* The read of a holder whose value is 'v', when it surely reads that one
 * holder at a place the walk knows; sets '*holder'.  NULL when 'v' is no
 * holder's read, or may read another object as well: a load through a
 * select of two objects' pointers, or through a pointer loaded from the
 * holder itself, which may be another object's. */
const h2s_access *h2s_holder_read(h2s_function *f, LLVMValueRef v,
                                  const h2s_holder **holder);
void h2s_free_holders(h2s_function *f);
/* Byte ranges (ranges.c): adds [offset, offset + size) to 'r'; adds the
 * ranges of 'from' moved by 'shift' bytes (all bytes when the shift is not
 * 'known'); compares two sets. */
void h2s_ranges_add(h2s_byte_ranges *r, int64_t offset, uint64_t size);
void h2s_ranges_add_moved(h2s_byte_ranges *r, const h2s_byte_ranges *from, bool known,
                          int64_t shift);
bool h2s_ranges_equal(const h2s_byte_ranges *a, const h2s_byte_ranges *b);
/* The copy of function 'fn' that leaves its parameter 'param' alone, made
 * and checked on first request, or NULL when there is none; sets 'family'
 * to the family of the frees it leaves out (wrappers.c). */
LLVMValueRef h2s_wrapper_copy(h2s_wrappers *w, LLVMValueRef fn, unsigned param,
                              char family[H2S_FAMILY_CAP]);
/* What libc.c says of argument 'index' of library call 'call' to 'name',
 * with the function it hands pointers into that argument to (qsort's
 * comparator) judged by its summary: it captures the argument unless that
 * function keeps and frees nothing.  False when libc.c does not describe
 * 'name' (summaries.c). */
bool h2s_library_arg_capture(h2s_summaries *s, const char *name, LLVMValueRef call,
                             unsigned index, h2s_capture *capture);
void h2s_check_frees(h2s_function *f, h2s_site *site);
bool h2s_settle_shared_frees(h2s_function *f);
void h2s_check_slot_reuse(h2s_function *f, h2s_site *site);
void h2s_assess_function(h2s_function *f);
void h2s_decide_policy(h2s_function *f);
void h2s_remark_site(h2s_function *f, const h2s_site *site);
/* Tells that trial.c left 'call' out of line, after a trial in a copy of
 * the function or, when 'copied' is false, without one (remarks.c). */
void h2s_remark_kept_call(h2s_function *f, LLVMValueRef call, bool copied);
void h2s_rewrite_sites(h2s_function *f);
void h2s_protect_frame(h2s_function *f);
void h2s_free_site(h2s_site *site);

h2s_site *h2s_site_of(h2s_function *f, LLVMValueRef call); /* NULL if none */
/* The site whose block 'v' is: its allocation or one of its reallocs. */
h2s_site *h2s_owner_of(h2s_function *f, LLVMValueRef v); /* NULL if none */
/* The site whose block 'v' points into past its start, by GEPs of constant
 * offsets within the block's compile-time size, or NULL: such a pointer is
 * no block's start, and freeing it would be undefined. */
h2s_site *h2s_site_inside(h2s_function *f, LLVMValueRef v);

/* IR helpers the stages share (ir.c). */
bool h2s_is_call(LLVMValueRef inst);                 /* call or invoke */
LLVMValueRef h2s_called_function(LLVMValueRef call); /* NULL if indirect */
const char *h2s_callee_name(LLVMValueRef call);      /* "" if indirect */
unsigned h2s_operand_index(LLVMUseRef use);          /* among its user's */
unsigned h2s_attr_kind(const char *name);
bool h2s_fn_has_attr(LLVMValueRef fn, const char *name);
/* True when parameter 'param' of 'fn' has one of the 'n' enum attributes
 * 'names'. */
bool h2s_param_has_any_attr(LLVMValueRef fn, unsigned param, const char *const *names,
                            size_t n);
/* True when __attribute__((annotate("'name'"))) is on 'fn'. */
bool h2s_fn_has_annotation(LLVMValueRef fn, const char *name);
bool h2s_is_sanitized(LLVMValueRef fn); /* built with ASan, HWASan or MSan */
/* True when stackroom.c can measure this target's thread stacks. */
bool h2s_target_has_stack_room(h2s_function *f);
/* True when split.c can split 'fn': its arguments can be forwarded by a
 * musttail call, and its body can move to another function. */
bool h2s_can_split(LLVMValueRef fn);
/* True when 'fn' is one of the bodies of a function split.c split. */
bool h2s_is_split_body(LLVMValueRef fn);
/* True when the address of one of the blocks of 'fn' is taken: a
 * blockaddress names a block of 'fn' itself, not of a copy or of a body
 * moved elsewhere. */
bool h2s_has_block_address(LLVMValueRef fn);
/* True when 'fn' has a body the linker keeps: no other definition
 * replaces it (not weak, linkonce or available_externally, and not an
 * exported function that -fsemantic-interposition lets a preloaded
 * library replace). */
bool h2s_has_exact_body(LLVMValueRef fn);
/* True when 'fn' has a body that LLVM's inliner may copy: an exact one, or
 * one the linker may swap only for another copy of the same definition
 * (linkonce_odr and weak_odr: C++'s inline functions and templates;
 * available_externally).  A call's facts may not be taken from such a
 * body, but a copy inlined is that body. */
bool h2s_has_inlinable_body(LLVMValueRef fn);
/* True when declaration 'fn' is the implementation's, not the program's:
 * its name is reserved (__printf_chk, std's members), or it is declared
 * as the C library's headers declare their functions: a C name marked
 * nounwind (glibc's __THROW), which a program's own C prototypes are not
 * (C++ marks its own noexcept ones, so not for a mangled name). */
bool h2s_is_implementation_function(LLVMValueRef fn);
/* "<name of fn><suffix>", to be freed; NULL when memory ran out. */
char *h2s_suffixed_name(LLVMValueRef fn, const char *suffix);
bool h2s_is_power_of_two(uint64_t x);
/* True when the load or store is atomic (any ordering but not-atomic). */
bool h2s_is_atomic_access(LLVMValueRef load_or_store);
bool h2s_is_merge(LLVMValueRef v); /* phi, select or freeze */
/* True when instruction 'inst' is another pointer to where its pointer
 * operand points: a GEP, a bitcast or a merge. */
bool h2s_forwards_pointer(LLVMValueRef inst);
/* True when 'callee' is the intrinsic 'name' (any overload). */
bool h2s_is_intrinsic(LLVMValueRef callee, const char *name);
/* True when 'callee' is an intrinsic that only describes memory it is
 * given: llvm.assume, the lifetime markers, llvm.objectsize. */
bool h2s_is_descriptive_intrinsic(LLVMValueRef callee);
/* True when 'callee' is llvm.memset, llvm.memcpy or llvm.memmove:
 * destination, then source or byte, then length. */
bool h2s_is_memory_intrinsic(LLVMValueRef callee);
/* Calls 'visit' on each value that reaches 'v' through merges, each once,
 * until it returns false; returns false then, or when memory runs out. */
bool h2s_visit_sources(LLVMValueRef v, h2s_source_visitor *visit, void *data);
/* What a use visitor tells h2s_walk_uses() to do next. */
typedef enum h2s_step {
  H2S_STEP_NEXT,   /* go on with the next use */
  H2S_STEP_FOLLOW, /* the user points where the used value does: walk its
                      uses too */
  H2S_STEP_STOP    /* stop the walk */
} h2s_step;
typedef h2s_step h2s_use_visitor(LLVMUseRef use, void *data);
/* Calls 'visit' on every use of 'root' and of every user it was told to
 * follow (each value once, in order), until 'visit' says stop or more than
 * 'max_uses' uses were visited.  True when every use was visited; false when
 * stopped, out of budget or out of memory. */
bool h2s_walk_uses(LLVMValueRef root, uint64_t max_uses, h2s_use_visitor *visit,
                   void *data);
LLVMContextRef h2s_context(const h2s_function *f);
/* The bytes a pointer of address space 0 takes in 'f's module. */
uint64_t h2s_pointer_size(h2s_function *f);
LLVMModuleRef h2s_module(const h2s_function *f);
/* A call of intrinsic 'name' overloaded on 'overload', named 'result'. */
LLVMValueRef h2s_build_intrinsic(LLVMBuilderRef b, const h2s_function *f, const char *name,
                                 LLVMTypeRef overload, LLVMValueRef *args, unsigned nargs,
                                 const char *result);
/* A call of the C library's 'name' of type 'type', declared when the
 * module does not have it, named 'result'. */
LLVMValueRef h2s_build_libc_call(LLVMBuilderRef b, const h2s_function *f, const char *name,
                                 LLVMTypeRef type, LLVMValueRef *args, unsigned nargs,
                                 const char *result);

#endif /* HEAP2STACK_SITE_H */
