/*===- escape.c - Escape analysis: may the block outlive the frame? ------===*
 *
 * Decides whether any pointer into the block can survive the function's
 * return, and records along the way every value that may point into it, the
 * calls that receive such a pointer and the frees that may release it.
 * Everything the walk does not understand counts as an escape: a wrong "no"
 * here is a miscompile, a wrong "yes" only a missed promotion.
 *
 * ALGORITHM
 *  1. The allocation call is the first derived value; a worklist holds the
 *     derived values whose uses are still to be classified.
 *  2. classify_use() looks at one use with one switch on the user's opcode:
 *       H2S_USE_HARMLESS  continue: loads, stores into the block, compares,
 *                         calls that neither keep nor free the argument
 *                         (by LLVM's attributes, libc.c, and for the
 *                         module's functions summaries.c);
 *       H2S_USE_DERIVES   the user is another pointer into the block (GEP,
 *                         phi, select, a call returning its argument, a
 *                         realloc resizing it): it is added to the worklist
 *                         once;
 *       H2S_USE_FREES     a deallocation, or a call of a free wrapper the
 *                         rewrite can point at a copy without the free
 *                         (wrappers.c): recorded for frees.c, not followed
 *                         (a free of a pointer other than the allocation's
 *                         value once the walk has found every pointer into
 *                         the block);
 *       H2S_USE_ESCAPES   abort: the verdict names the reason and the user.
 *  3. Each classified use counts against opts->max_uses; running out counts
 *     as an escape.
 *  4. A store of the pointer into a local object that keeps its contents
 *     in (memflow.c) is harmless, and every read of the object that may
 *     return it is another pointer into the block; the store is recorded
 *     for lifetime.c.  A store anywhere else is an escape.
 *  5. A ptrtoint is harmless only when the block's address cancels out of
 *     what is computed from it (a difference within the block, offsets.c),
 *     which can only be checked once every pointer into the block is
 *     known: it is deferred to the end of the walk.
 *  6. The walk remembers how it reached each derived value (h2s_origin), so
 *     that a use that escapes leaves its path from the allocation in
 *     site->path, which the remark carries (remarks.c).
 *
 *===----------------------------------------------------------------------===*/
#include "libc.h"
#include "runtime.h"
#include "site.h"

#include <stdlib.h>
#include <string.h>

typedef enum h2s_use_kind {
  H2S_USE_HARMLESS,
  H2S_USE_DERIVES,
  H2S_USE_FREES,
  H2S_USE_ESCAPES
} h2s_use_kind;

/* How the walk reached site->derived[i]: from derived[from], directly or
 * through the store 'via' into a holder that the value reads back. */
typedef struct h2s_origin {
  size_t from;
  LLVMValueRef via;
} h2s_origin;

typedef struct h2s_walk {
  h2s_function *f;
  h2s_site *site;
  h2s_valset seen; /* derived values already queued */
  h2s_origin *origins; /* by index of site->derived */
  size_t norigins;     /* entries allocated */
  h2s_values casts; /* ptrtoints of derived values, checked at the end */
  h2s_values deferred_frees; /* frees of another pointer than the
                                allocation's value, decided at the end */
  size_t next;     /* the next entry of site->derived to expand */
  uint64_t uses;   /* uses classified so far */
  bool out_of_memory;
} h2s_walk;

static h2s_use_kind escapes(h2s_walk *w, h2s_reason reason, LLVMValueRef user) {
  h2s_refuse(w->site, reason, user);
  return H2S_USE_ESCAPES;
}

/* The same, for a call that may keep or free its argument 'index': the
 * remark names the argument (counting from 1). */
static h2s_use_kind escapes_through_argument(h2s_walk *w, h2s_reason reason,
                                             LLVMValueRef call, unsigned index) {
  escapes(w, reason, call);
  w->site->verdict.amount = index + 1;
  return H2S_USE_ESCAPES;
}

/* Queues 'v', reached from the value being expanded (through the store
 * 'via', or directly when it is NULL). */
static void queue_derived(h2s_walk *w, LLVMValueRef v, LLVMValueRef via) {
  int added = h2s_valset_add(&w->seen, v);
  if (added == 0)
    return;
  h2s_values *derived = &w->site->derived;
  if (added < 0 || !h2s_values_push(derived, v)) {
    w->out_of_memory = true;
    return;
  }
  if (w->norigins < derived->cap) {
    h2s_origin *grown = realloc(w->origins, derived->cap * sizeof *grown);
    if (!grown) {
      w->out_of_memory = true;
      return;
    }
    w->origins = grown;
    w->norigins = derived->cap;
  }
  w->origins[derived->len - 1] = (h2s_origin){w->next ? w->next - 1 : 0, via};
}

/* Records in site->path how the pointer reached 'user', which made the
 * walk give up: the allocation, each value that carried the pointer (and
 * the store that put it into a holder it was read back from), the user
 * and, when another instruction is to blame, the verdict's blocker. */
static void record_path(h2s_walk *w, LLVMValueRef user) {
  h2s_values *path = &w->site->path;
  bool ok = true;
  for (size_t i = w->next - 1;; i = w->origins[i].from) {
    ok &= h2s_values_push(path, w->site->derived.items[i]);
    if (w->origins[i].via)
      ok &= h2s_values_push(path, w->origins[i].via);
    if (i == 0)
      break;
  }
  if (!ok) {
    h2s_values_free(path); /* a remark without its path, rather than half */
    return;
  }
  for (size_t i = 0, j = path->len - 1; i < j; ++i, --j) {
    LLVMValueRef t = path->items[i];
    path->items[i] = path->items[j];
    path->items[j] = t;
  }
  ok &= h2s_values_push(path, user);
  LLVMValueRef blocker = w->site->verdict.blocker;
  if (blocker && blocker != user && LLVMIsAInstruction(blocker))
    ok &= h2s_values_push(path, blocker);
  if (!ok)
    h2s_values_free(path); /* a remark without its path, rather than half */
}

static void record_holding(h2s_walk *w, LLVMValueRef store, const h2s_holder *h,
                           h2s_span span) {
  h2s_site *site = w->site;
  h2s_holding *grown = realloc(site->held, (site->nheld + 1) * sizeof *grown);
  if (!grown) {
    w->out_of_memory = true;
    return;
  }
  site->held = grown;
  site->held[site->nheld++] = (h2s_holding){store, h, span};
}

/* True when 'store' writes into holder 'h', at 'field', the buffer pointer
 * of the std::string that string member read 'member' spans in the site's
 * own block, pointing to the string's inline buffer there: the string's
 * members use it without letting it out, and never free it (runtime.h). */
static bool is_inline_buffer_pointer(h2s_walk *w, LLVMValueRef store, const h2s_holder *h,
                                     const h2s_access *member, h2s_span field) {
  h2s_base_offset at;
  return h->base == w->site->call && LLVMIsAStoreInst(store) &&
         h2s_bridge_pointer_base(w->f->ctx, LLVMGetOperand(store, 0), &at) == h->base &&
         at.known && !at.stride &&
         h2s_is_inline_buffer_pointer(member->inst, h2s_pointer_size(w->f), member->span, field,
                                      at.offset);
}

/* 'store' writes the block's pointer, 'size' bytes of it, to 'address': a
 * store instruction, or a call that stores it through an argument
 * (strtol's *endptr).  Harmless when 'address' is in a holder whose
 * contents stay in the function (memflow.c); then each read of the holder
 * that overlaps the stored bytes may return the pointer, and must be a
 * pointer itself. */
static h2s_use_kind classify_store_into(h2s_walk *w, LLVMValueRef store,
                                        LLVMValueRef address, uint64_t size) {
  h2s_span span;
  const h2s_holder *h = h2s_holder_of(w->f, address, size, &span);
  if (!h)
    return escapes(w, H2S_STORED, store);
  if (h->exposed_by && h->exposed_arg)
    return escapes_through_argument(w, H2S_HOLDER_PASSED, h->exposed_by, h->exposed_arg - 1);
  if (h->exposed_by)
    return escapes(w, h->exposed_why, h->exposed_by);
  for (size_t i = 0; i < h->nreads; ++i) {
    const h2s_access *r = &h->reads[i];
    if (!h2s_spans_overlap(span, r->span))
      continue;
    /* by a callee, during the call */
    if (r->kind == H2S_READ_USES || r->kind == H2S_READ_THROUGH)
      continue;
    if (r->kind == H2S_READ_COPIES) /* to memory the pass does not follow */
      return escapes(w, H2S_HOLDER_EXPOSED, r->inst);
    if (r->kind == H2S_READ_IN_PLACE) { /* a std::string member */
      if (is_inline_buffer_pointer(w, store, h, r, span))
        continue;
      return escapes(w, H2S_HOLDER_EXPOSED, r->inst);
    }
    if (LLVMGetTypeKind(LLVMTypeOf(r->value)) != LLVMPointerTypeKind)
      return escapes(w, H2S_READ_AS_INTEGER, r->inst);
    queue_derived(w, r->value, store);
    if (h2s_is_call(r->inst)) /* strtok_r stores back what it read */
      record_holding(w, r->inst, h, r->span);
  }
  record_holding(w, store, h, span);
  return H2S_USE_HARMLESS;
}

/* Records 'call' as a free of the block, given 'freed'; 'copy' is a free
 * wrapper's copy for its argument 'arg', or NULL for a deallocation. */
static bool record_free(h2s_walk *w, LLVMValueRef call, LLVMValueRef freed,
                        const char *family, LLVMValueRef copy, unsigned arg) {
  h2s_site *site = w->site;
  h2s_free *grown = realloc(site->frees, (site->nfrees + 1) * sizeof *grown);
  if (!grown)
    return false;
  site->frees = grown;
  h2s_free *fr = &site->frees[site->nfrees++];
  *fr = (h2s_free){.call = call, .freed = freed, .copy = copy, .arg = arg};
  memcpy(fr->family, family, H2S_FAMILY_CAP);
  return true;
}

/* A free of the block's pointer 'ptr'; one of a pointer other than the
 * allocation's own value waits for the end of the walk
 * (settle_deferred_frees()). */
static h2s_use_kind classify_free(h2s_walk *w, LLVMValueRef call, LLVMValueRef ptr,
                                  const char *family) {
  if (ptr != w->site->call) {
    if (!h2s_values_push(&w->deferred_frees, call))
      w->out_of_memory = true;
    return H2S_USE_HARMLESS;
  }
  return record_free(w, call, ptr, family, NULL, 0) ? H2S_USE_FREES
                                                    : escapes(w, H2S_TOO_MANY_USES, call);
}

/* True when every pointer into the block that holder read 'load' may
 * return points inside it past its start: each store of the block's
 * pointer into bytes the load reads (site->held, complete once the walk
 * ends) stored such a pointer. */
static bool loads_only_interior(h2s_walk *w, LLVMValueRef load) {
  const h2s_holder *h;
  const h2s_access *r = h2s_holder_read(w->f, load, &h);
  for (size_t i = 0; r && i < w->site->nheld; ++i) {
    const h2s_holding *held = &w->site->held[i];
    if (held->holder != h || !h2s_spans_overlap(held->span, r->span))
      continue;
    if (!LLVMIsAStoreInst(held->store) ||
        h2s_site_inside(w->f, LLVMGetOperand(held->store, 0)) != w->site)
      return false;
  }
  return r != NULL;
}

/* Accepts a source of a freed pointer that is no start of the site's
 * block (h2s_visit_sources()): one the walk never found to point into the
 * block (it found every one), one that points inside it past its start,
 * or a load that returns only such pointers. */
static bool is_no_start_of_block(LLVMValueRef v, void *data) {
  h2s_walk *w = data;
  return !h2s_valset_has(&w->seen, v) || h2s_site_inside(w->f, v) == w->site ||
         (LLVMIsALoadInst(v) && loads_only_interior(w, v));
}

/* Records as the block's frees the deferred frees that may free it.  One
 * whose pointer is, through merges, never the block's start frees no
 * block of this site, since freeing a pointer inside it would be
 * undefined (a small-buffer object's `if (p != buf) free(p)`, with p
 * loaded or merged from buf and a heap block; std::string's destructor):
 * it is left to the blocks it may free instead. */
static void settle_deferred_frees(h2s_walk *w) {
  char family[H2S_FAMILY_CAP];
  for (size_t i = 0; i < w->deferred_frees.len && h2s_open(w->site); ++i) {
    LLVMValueRef call = w->deferred_frees.items[i];
    LLVMValueRef ptr = h2s_bridge_freed_operand(w->f->ctx, call, family);
    if (!h2s_visit_sources(ptr, is_no_start_of_block, w) &&
        !record_free(w, call, ptr, family, NULL, 0))
      h2s_refuse(w->site, H2S_TOO_MANY_USES, call);
  }
}

/* The slot must honour every alignment the IR already relies on: a load
 * or store marked 'align 32', an 'align' parameter attribute, an assume
 * "align" bundle.  A malloc happened to satisfy them (or an allocator that
 * aligns by size class did); the slot is aligned to the largest of them.
 * An offset from the block's start only lowers what a claim implies, so
 * taking the largest claim on any pointer into the block is enough. */
static void require_alignment(h2s_walk *w, uint64_t align) {
  /* Not a power of two: no alignment LLVM could rely on. */
  if (h2s_is_power_of_two(align) && align > w->site->align)
    w->site->align = align;
}

static uint64_t param_alignment(LLVMValueRef call, unsigned index) {
  unsigned kind = h2s_attr_kind("align");
  LLVMAttributeRef attr = LLVMGetCallSiteEnumAttribute(call, index + 1, kind);
  LLVMValueRef callee = h2s_called_function(call);
  if (!attr && callee && index < LLVMCountParams(callee))
    attr = LLVMGetEnumAttributeAtIndex(callee, index + 1, kind);
  return attr ? LLVMGetEnumAttributeValue(attr) : 0;
}

/* The alignments that "align" bundles of an llvm.assume claim for 'ptr'. */
static void require_assumed_alignment(h2s_walk *w, LLVMValueRef assume,
                                      LLVMValueRef ptr) {
  for (unsigned i = 0, n = LLVMGetNumOperandBundles(assume); i < n; ++i) {
    LLVMOperandBundleRef bundle = LLVMGetOperandBundleAtIndex(assume, i);
    size_t len;
    const char *tag = LLVMGetOperandBundleTag(bundle, &len);
    if (len == 5 && !memcmp(tag, "align", 5) &&
        LLVMGetNumOperandBundleArgs(bundle) >= 2 &&
        LLVMGetOperandBundleArgAtIndex(bundle, 0) == ptr) {
      LLVMValueRef align = LLVMGetOperandBundleArgAtIndex(bundle, 1);
      if (LLVMIsAConstantInt(align))
        require_alignment(w, LLVMConstIntGetZExtValue(align));
    }
    LLVMDisposeOperandBundle(bundle);
  }
}

/* Learning whether the pointer is null tells a callee nothing it could use
 * once the block is gone. */
static h2s_capture from_attributes(h2s_capture_info info) {
  if (info.other == H2S_CAPTURED_MORE)
    return H2S_CAPTURES_MAYBE;
  return info.ret == H2S_CAPTURED_MORE ? H2S_CAPTURES_RET_ONLY : H2S_CAPTURES_NOTHING;
}

/* True unless 'call' is known not to free its argument 'index': by LLVM's
 * nofree, or, for a function of the module, by its summary. */
static bool call_may_free_arg(h2s_walk *w, LLVMValueRef call, unsigned index) {
  LLVMValueRef callee = h2s_called_function(call);
  if (!h2s_bridge_call_may_free_arg(call, index))
    return false;
  return !callee || LLVMIsDeclaration(callee) ||
         h2s_summary_may_free(w->f->summaries, callee, index);
}

/* True when 'call' calls a function of the module whose summary says it
 * does not keep its argument 'index', whatever LLVM's attributes say. */
static bool summary_keeps_nothing(h2s_walk *w, LLVMValueRef call, unsigned index) {
  LLVMValueRef callee = h2s_called_function(call);
  return callee && !LLVMIsDeclaration(callee) &&
         !h2s_summary_may_keep(w->f->summaries, callee, index);
}

/* How argument 'index' of 'call' may be captured and whether the call may
 * free it: from the C library's specification when libc.c knows 'library'
 * (the callee's name as a library function, or NULL), from runtime.c's
 * table for the language runtimes, else from LLVM's attributes and the
 * module's summaries. */
static h2s_capture arg_capture(h2s_walk *w, LLVMValueRef call, const char *library,
                               unsigned index, bool *may_free) {
  h2s_capture capture;
  if (library && h2s_library_arg_capture(w->f->summaries, library, call, index, &capture)) {
    *may_free = false;
    return capture;
  }
  h2s_runtime_use runtime = h2s_runtime_arg_use(call, index);
  if (runtime != H2S_RUNTIME_UNKNOWN) {
    *may_free = runtime == H2S_RUNTIME_FREES;
    return h2s_runtime_capture(runtime);
  }
  *may_free = call_may_free_arg(w, call, index);
  capture = from_attributes(h2s_bridge_arg_capture(call, index));
  if (capture == H2S_CAPTURES_MAYBE && summary_keeps_nothing(w, call, index))
    return H2S_CAPTURES_NOTHING;
  return capture;
}

/* A realloc (reallocarray) of the block resizes it, and its result is the
 * same site's block again: recorded for frees.c and guard.c, and followed.
 * The realloc is itself a site refused by discovery; it now stands for
 * this one.  A realloc discovery refused for anything else (defined in
 * this module, in another address space), or an invoked one (guard.c
 * splits the block after it), is left a call that may free the block. */
static h2s_use_kind classify_resize(h2s_walk *w, LLVMValueRef call, unsigned index) {
  h2s_site *resize = h2s_site_of(w->f, call);
  if (resize == w->site) /* buf = realloc(buf, n): the site grows itself */
    return H2S_USE_DERIVES;
  h2s_reason was = resize ? resize->verdict.reason : H2S_PROMOTED;
  if ((was != H2S_REALLOC && was != H2S_RESIZES_SITE) || LLVMIsAInvokeInst(call) ||
      resize->facts.size_arg[0] < 0)
    return escapes_through_argument(w, H2S_FREED_BY_CALL, call, index);
  if (!h2s_values_push(&w->site->reallocs, call))
    w->out_of_memory = true;
  if (was == H2S_REALLOC)
    h2s_refuse(resize, H2S_RESIZES_SITE, w->site->call);
  return H2S_USE_DERIVES;
}

/* A library call that stores a pointer into its argument 'index' through
 * another argument (strtol's *endptr, strtok_r's *saveptr) stores it into
 * what that argument points to, unless that is null. */
static h2s_use_kind stores_through_argument(h2s_walk *w, LLVMValueRef call,
                                            const char *library, unsigned index) {
  LLVMValueRef cell = h2s_libc_pointer_out(library, call, index);
  if (!cell)
    return H2S_USE_HARMLESS;
  return classify_store_into(w, call, cell, h2s_pointer_size(w->f));
}

/* A call that may free the block it is given as argument 'index': the
 * block's free when it keeps nothing (its result included, which the walk
 * would otherwise follow) and wrappers.c has a copy of the callee that
 * leaves the block alone.  An invoke is not one: the rewrite would have to
 * split its unwind edge as well. */
static h2s_use_kind classify_free_wrapper(h2s_walk *w, LLVMValueRef call, LLVMValueRef ptr,
                                          unsigned index, h2s_capture capture) {
  LLVMValueRef callee = h2s_called_function(call);
  char family[H2S_FAMILY_CAP];
  LLVMValueRef copy = NULL;
  if (capture == H2S_CAPTURES_NOTHING && callee && LLVMIsACallInst(call))
    copy = h2s_wrapper_copy(w->f->wrappers, callee, index, family);
  if (!copy)
    return escapes_through_argument(w, H2S_FREED_BY_CALL, call, index);
  return record_free(w, call, ptr, family, copy, index) ? H2S_USE_FREES
                                                        : escapes(w, H2S_TOO_MANY_USES, call);
}

/* Classifies the block's pointer appearing as operand 'index' of 'call'. */
static h2s_use_kind classify_call_use(h2s_walk *w, LLVMValueRef call,
                                      LLVMValueRef ptr, unsigned index) {
  LLVMValueRef callee = h2s_called_function(call);
  if (h2s_is_descriptive_intrinsic(callee)) {
    require_assumed_alignment(w, call, ptr);
    return H2S_USE_HARMLESS;
  }
  if (LLVMIsAInlineAsm(LLVMGetCalledValue(call)))
    return escapes(w, H2S_INLINE_ASM, call);
  if (index >= LLVMGetNumArgOperands(call)) /* callee or bundle operand */
    return escapes(w, H2S_UNMODELLED_USE, call);

  if (h2s_bridge_reallocated_operand(w->f->ctx, call) == ptr)
    return classify_resize(w, call, index);
  char family[H2S_FAMILY_CAP];
  if (h2s_bridge_freed_operand(w->f->ctx, call, family) == ptr)
    return classify_free(w, call, ptr, family);
  if (LLVMIsACallInst(call) && LLVMGetTailCallKind(call) == LLVMTailCallKindMustTail)
    return escapes(w, H2S_MUSTTAIL, call);

  /* A sanitized callee checks the block best on the heap (see policy.c);
   * a sanitized caller is refused as a whole there, with its own remark. */
  if (callee && h2s_is_sanitized(callee) && !h2s_is_sanitized(w->f->fn))
    return escapes(w, H2S_TO_SANITIZED_CALLEE, call);
  require_alignment(w, param_alignment(call, index));
  char name[H2S_FAMILY_CAP];
  const char *library = h2s_bridge_library_function(w->f->ctx, call, name) ? name : NULL;
  if (library && stores_through_argument(w, call, library, index) == H2S_USE_ESCAPES)
    return H2S_USE_ESCAPES;
  bool may_free;
  h2s_capture capture = arg_capture(w, call, library, index, &may_free);
  if (capture == H2S_CAPTURES_MAYBE)
    return escapes_through_argument(w, H2S_CAPTURED_BY_CALL, call, index);
  if (may_free)
    return classify_free_wrapper(w, call, ptr, index, capture);
  if (!h2s_values_push(&w->site->users, call))
    w->out_of_memory = true;
  return capture == H2S_CAPTURES_RET_ONLY ? H2S_USE_DERIVES : H2S_USE_HARMLESS;
}

/* Refuses the site when an integer the walk deferred lets the block's
 * address out (offsets.c): only differences within the block may leave.
 * Checked after the walk, when every pointer into the block is known. */
static void check_deferred_casts(h2s_walk *w) {
  LLVMValueRef leak = w->casts.len ? h2s_address_leak(w->f->ctx, w->site->call, &w->seen, &w->casts) : NULL;
  if (leak)
    h2s_refuse(w->site, H2S_TO_INTEGER, leak);
}

/* Classifies one use of a pointer into the block (see ALGORITHM). */
static h2s_use_kind classify_use(h2s_walk *w, LLVMUseRef use) {
  LLVMValueRef user = LLVMGetUser(use);
  LLVMValueRef ptr = LLVMGetUsedValue(use);
  switch (LLVMGetInstructionOpcode(user)) {
  case LLVMLoad: /* reads the block */
    require_alignment(w, LLVMGetAlignment(user));
    return h2s_is_atomic_access(user) ? escapes(w, H2S_ATOMIC, user) : H2S_USE_HARMLESS;
  case LLVMStore: /* operand 0 is the value stored: the pointer itself */
    if (h2s_is_atomic_access(user))
      return escapes(w, H2S_ATOMIC, user);
    if (h2s_operand_index(use) == 0)
      return classify_store_into(w, user, LLVMGetOperand(user, 1),
                                 h2s_bridge_store_size(w->f->ctx, LLVMTypeOf(ptr)));
    require_alignment(w, LLVMGetAlignment(user));
    return H2S_USE_HARMLESS;
  case LLVMAtomicRMW:
  case LLVMAtomicCmpXchg: /* as a value it is stored; as an address, atomic */
    return h2s_operand_index(use) == 0 ? escapes(w, H2S_ATOMIC, user)
                                   : escapes(w, H2S_STORED, user);
  case LLVMICmp: /* null checks and comparisons reveal nothing lasting */
    return H2S_USE_HARMLESS;
  case LLVMGetElementPtr:
  case LLVMBitCast:
  case LLVMPHI:
  case LLVMSelect:
  case LLVMFreeze: /* another pointer into the same block */
    return H2S_USE_DERIVES;
  case LLVMRet:
    return escapes(w, H2S_RETURNED, user);
  case LLVMPtrToInt: /* harmless only in p - q; see check_deferred_casts() */
    if (!h2s_values_push(&w->casts, user))
      w->out_of_memory = true;
    return H2S_USE_HARMLESS;
  case LLVMCall:
  case LLVMInvoke:
    return classify_call_use(w, user, ptr, h2s_operand_index(use));
  default: /* addrspacecast, callbr, insertvalue, ...: assume the worst */
    return escapes(w, H2S_UNMODELLED_USE, user);
  }
}

/* Classifies every use of 'ptr'; returns false once the site escapes. */
static bool walk_uses_of(h2s_walk *w, LLVMValueRef ptr) {
  for (LLVMUseRef use = LLVMGetFirstUse(ptr); use; use = LLVMGetNextUse(use)) {
    if (++w->uses > w->f->opts->max_uses) {
      h2s_refuse(w->site, H2S_TOO_MANY_USES, NULL);
      w->site->verdict.limit = w->f->opts->max_uses;
      return false;
    }
    switch (classify_use(w, use)) {
    case H2S_USE_ESCAPES:
      record_path(w, LLVMGetUser(use));
      return false;
    case H2S_USE_DERIVES:
      queue_derived(w, LLVMGetUser(use), NULL);
      break;
    case H2S_USE_HARMLESS:
    case H2S_USE_FREES:
      break;
    }
    if (w->out_of_memory) {
      h2s_refuse(w->site, H2S_TOO_MANY_USES, NULL);
      return false;
    }
  }
  return true;
}

/* Walks every pointer derived from 'site'; on return the site's verdict says
 * whether it escapes, and 'derived', 'users' and 'frees' are filled in. */
void h2s_analyse_escape(h2s_function *f, h2s_site *site) {
  h2s_walk w = {.f = f, .site = site};
  queue_derived(&w, site->call, NULL);
  while (!w.out_of_memory && w.next < site->derived.len)
    if (!walk_uses_of(&w, site->derived.items[w.next++]))
      break;
  if (h2s_open(site))
    settle_deferred_frees(&w);
  if (h2s_open(site))
    check_deferred_casts(&w);
  h2s_valset_free(&w.seen);
  h2s_values_free(&w.casts);
  h2s_values_free(&w.deferred_frees);
  free(w.origins);
}
