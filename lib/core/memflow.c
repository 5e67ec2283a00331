/*===- memflow.c - Local objects that hold a block's pointer --------------===*
 *
 * A block's pointer stored into memory has not escaped when that memory is
 * an object of the function itself, an alloca or another site's block, and
 * nothing lets the object's contents out: then the pointer can only come
 * back through the object's own reads, which escape.c follows as further
 * pointers into the block.  This file analyses such an object, a holder,
 * once per function, and lists every read and write of it with the bytes
 * each touches, so that a store can be matched with the reads that may
 * return what it stored, field by field at constant offsets.
 *
 * The walk over the pointers into a holder is escape.c's walk in miniature,
 * with a stricter rule for what may see the bytes: loads, stores into it,
 * comparisons, the descriptive intrinsics, freeing it, memset/memcpy into
 * it, memcpy/memmove out of it (a read whose bytes go where the pass does
 * not follow, so the pointers stored where it reads escape), the C
 * library calls libc.c describes as only comparing, searching or
 * overwriting them (llvm.lifetime.start counts as a write of undefined
 * bytes), and integers made from its address that offsets.c finds tell
 * nothing of where it lives (UndefinedBehaviorSanitizer's alignment checks
 * of a local variable).  Anything else exposes the holder: its contents may
 * be copied elsewhere, or read as pointers by code the pass cannot see, and
 * every pointer stored into it counts as escaping.
 *
 * A read returns what an overlapping write stored (unless writes that
 * cover it come between them on every path: a field assigned after the
 * struct's initializer), or the object's initial contents: undefined for
 * an alloca or a malloc'd block, zero for calloc, unknown otherwise (a
 * copied string, a realloc'd block).  frees.c asks
 * which values those are (h2s_visit_stored_values), lifetime.c when they
 * were stored.
 *
 *===----------------------------------------------------------------------===*/
#include "libc.h"
#include "site.h"

#include <stdlib.h>
#include <string.h>

typedef struct h2s_holder_walk {
  h2s_function *f;
  h2s_holder *h;
  h2s_valset pointers; /* every pointer into the holder, for offsets.c */
  h2s_values casts;    /* their ptrtoints */
  unsigned arg;        /* the use being classified: its argument, counting
                          from 1, when its user is a call; else 0 */
  bool newest;         /* its pointer is one only GEPs make from the base */
} h2s_holder_walk;

static h2s_step expose(h2s_holder_walk *w, LLVMValueRef user) {
  if (!w->h->exposed_by) {
    w->h->exposed_by = user;
    w->h->exposed_arg = w->arg;
  }
  return H2S_STEP_STOP;
}

static h2s_step add_access(h2s_holder_walk *w, LLVMValueRef user, h2s_access **list,
                           size_t *n, h2s_access access) {
  h2s_access *grown = realloc(*list, (*n + 1) * sizeof *grown);
  if (!grown)
    return expose(w, user); /* out of memory: assume the worst */
  *list = grown;
  grown[(*n)++] = access;
  return H2S_STEP_NEXT;
}

static h2s_step add_read(h2s_holder_walk *w, LLVMValueRef inst, h2s_span span) {
  return add_access(w, inst, &w->h->reads, &w->h->nreads,
                    (h2s_access){inst, inst, span, H2S_READ_YIELDS, w->newest});
}

/* A read by 'call' that yields no value: 'kind' says what it does. */
static h2s_step add_call_read(h2s_holder_walk *w, LLVMValueRef call, h2s_span span,
                              h2s_read_kind kind) {
  return add_access(w, call, &w->h->reads, &w->h->nreads,
                    (h2s_access){call, NULL, span, kind, w->newest});
}

static h2s_step add_write(h2s_holder_walk *w, LLVMValueRef inst, LLVMValueRef value,
                          h2s_span span) {
  return add_access(w, inst, &w->h->writes, &w->h->nwrites,
                    (h2s_access){inst, value, span, H2S_READ_YIELDS, false});
}

static uint64_t pointer_size(h2s_function *f) {
  return h2s_bridge_store_size(f->ctx, LLVMPointerTypeInContext(h2s_context(f), 0));
}

static const h2s_span anywhere = {.known = false};

/* Where an address points: the bridge's base object and offset. */
typedef struct h2s_location {
  LLVMValueRef base;
  int64_t offset;
  uint64_t stride;
  bool known;
  bool forward; /* the multiple of 'stride' added is not negative */
} h2s_location;

/* Where 'address' points by GEPs alone: the bridge's base object and
 * offset. */
static h2s_location locate_exactly(h2s_function *f, LLVMValueRef address) {
  h2s_base_offset off;
  h2s_location at;
  at.base = h2s_bridge_pointer_base(f->ctx, address, &off);
  at.offset = off.offset;
  at.stride = off.stride;
  at.known = off.known;
  at.forward = off.forward;
  return at;
}

typedef struct h2s_merge_search {
  h2s_function *f;
  h2s_location at; /* of the sources seen so far; base NULL before one */
} h2s_merge_search;

/* Accepts null, and sources that all point to one place (h2s_visit_sources()). */
static bool is_same_place(LLVMValueRef v, void *data) {
  h2s_merge_search *s = data;
  if (LLVMIsAConstantPointerNull(v))
    return true;
  h2s_location at = locate_exactly(s->f, v);
  if (!at.known || at.stride)
    return false;
  if (!s->at.base)
    s->at = at;
  return at.base == s->at.base && at.offset == s->at.offset;
}

/* Where 'address' points, also through a phi or select whose other
 * values are null, as a factory inlined with its failure path returns:
 * through null nothing may be accessed, so the access is of the one place
 * the other values name.  Not a pointer into the newest object, though: a
 * phi may carry an earlier one around a loop. */
static h2s_location locate(h2s_function *f, LLVMValueRef address) {
  h2s_location at = locate_exactly(f, address);
  if (!at.known || !h2s_is_merge(at.base))
    return at;
  h2s_merge_search s = {f, {0}};
  if (!h2s_visit_sources(at.base, is_same_place, &s) || !s.at.base ||
      __builtin_add_overflow(at.offset, s.at.offset, &s.at.offset))
    return at;
  s.at.stride = at.stride;
  s.at.forward = at.forward;
  return s.at;
}

/* The bytes of 'h' an access of 'size' bytes at 'at' touches. */
static h2s_span span_at(const h2s_holder *h, h2s_location at, uint64_t size) {
  if (at.base != h->base || !at.known || size == UINT64_MAX)
    return anywhere;
  int64_t offset = at.offset;
  if (at.stride && at.forward) /* at 'offset' or after it */
    return (h2s_span){.known = true,
                      .offset = offset,
                      .size = (uint64_t)INT64_MAX - (uint64_t)(offset > 0 ? offset : 0),
                      .partial = true};
  if (at.stride) { /* the offset within one element, in [0, stride) */
    int64_t s = (int64_t)at.stride, r = offset % s;
    offset = r < 0 ? r + s : r;
  }
  return (h2s_span){.known = true, .offset = offset, .size = size, .stride = at.stride};
}

static bool is_made_from(h2s_function *f, LLVMValueRef ptr, LLVMValueRef base) {
  h2s_location at = locate_exactly(f, ptr);
  return at.base == base && at.known;
}

/* True when 'ptr' points into the object 'base' created last: it is made
 * from 'base' by GEPs alone, or from a phi or select that 'base' dominates
 * whose values are null or so made (the factory's failure path again).
 * Then no path leads from where the pointer is made through 'base' again
 * to a use of it, so it never names an earlier object. */
static bool is_into_newest(h2s_function *f, LLVMValueRef ptr, LLVMValueRef base) {
  h2s_location at = locate_exactly(f, ptr);
  if (at.base == base || !at.known || !h2s_is_merge(at.base) ||
      !h2s_bridge_dominates(f->ctx, base, at.base))
    return at.base == base && at.known;
  LLVMValueRef merge = at.base;
  unsigned first = LLVMIsASelectInst(merge) ? 1 : 0;
  unsigned n = LLVMIsAPHINode(merge) ? LLVMCountIncoming(merge) : (unsigned)LLVMGetNumOperands(merge);
  for (unsigned i = first; i < n; ++i) {
    LLVMValueRef v = LLVMGetOperand(merge, i);
    if (!LLVMIsAConstantPointerNull(v) && !is_made_from(f, v, base))
      return false;
  }
  return true;
}

static h2s_span span_in(h2s_function *f, const h2s_holder *h, LLVMValueRef address,
                        uint64_t size) {
  return span_at(h, locate(f, address), size);
}

/* From llvm.lifetime.start on, an alloca holds nothing: undefined bytes. */
static const h2s_span whole = {.known = true, .offset = 0, .size = INT64_MAX};

/* The bytes from 'ptr' to the end of the holder: what a copy of a length
 * known only at run time, or a C library call that writes a string, may
 * touch.  It still starts where 'ptr' points: a copy out of a small-buffer
 * struct's inline array cannot touch the pointer field before it. */
static h2s_span span_to_end(h2s_holder_walk *w, LLVMValueRef ptr) {
  h2s_span from = span_in(w->f, w->h, ptr, 1);
  if (!from.known || from.stride)
    return anywhere; /* from somewhere in an element: any element after it */
  from.size = (uint64_t)INT64_MAX - (uint64_t)(from.offset > 0 ? from.offset : 0);
  from.partial = true;
  return from;
}

/* The bytes a memory intrinsic's length operand 'len' covers from 'ptr'. */
static h2s_span intrinsic_span(h2s_holder_walk *w, LLVMValueRef ptr, LLVMValueRef len) {
  if (LLVMIsAConstantInt(len))
    return span_in(w->f, w->h, ptr, LLVMConstIntGetZExtValue(len));
  return span_to_end(w, ptr);
}

/* memset, memcpy and memmove write the holder as their destination; a
 * memset of zero bytes stores null pointers.  As the source, memcpy and
 * memmove copy the bytes they read to memory the pass does not follow: a
 * read without a value, which lets out only the pointers stored where it
 * reads (escape.c). */
static h2s_step classify_memory_intrinsic(h2s_holder_walk *w, LLVMValueRef call,
                                          LLVMValueRef ptr, unsigned index) {
  LLVMValueRef len = LLVMGetOperand(call, 2);
  if (index == 1 && !h2s_is_intrinsic(h2s_called_function(call), "llvm.memset"))
    return add_call_read(w, call, intrinsic_span(w, ptr, len), H2S_READ_COPIES);
  if (index != 0)
    return expose(w, call);
  LLVMValueRef byte = LLVMGetOperand(call, 1);
  bool zero = h2s_is_intrinsic(h2s_called_function(call), "llvm.memset") &&
              LLVMIsAConstantInt(byte) && !LLVMConstIntGetZExtValue(byte);
  LLVMValueRef value = zero ? LLVMConstPointerNull(LLVMTypeOf(ptr)) : NULL;
  return add_write(w, call, value, intrinsic_span(w, ptr, len));
}

/* A C library call given a pointer into the holder, as libc.c describes
 * what it does with the bytes there. */
static h2s_step classify_library_call(h2s_holder_walk *w, LLVMValueRef call,
                                      const char *name, LLVMValueRef ptr,
                                      unsigned index) {
  h2s_capture capture = H2S_CAPTURES_MAYBE;
  h2s_libc_arg_capture(name, call, index, &capture);
  h2s_step step = H2S_STEP_NEXT;
  switch (h2s_libc_contents(name, call, index)) {
  case H2S_CONTENTS_EXPOSED:
    return expose(w, call);
  case H2S_CONTENTS_RESUME: {
    h2s_span cell = span_in(w->f, w->h, ptr, pointer_size(w->f));
    if (!h2s_bridge_arg_known_nonnull(w->f->ctx, call, 0))
      step = add_read(w, call, cell);
    return step == H2S_STEP_NEXT ? add_write(w, call, NULL, cell) : step;
  }
  case H2S_CONTENTS_WRITTEN: /* forward from where it is given */
    step = add_write(w, call, NULL, span_to_end(w, ptr));
    break;
  case H2S_CONTENTS_READ:
    break;
  }
  if (step != H2S_STEP_NEXT || capture == H2S_CAPTURES_NOTHING)
    return step;
  /* strchr's result points into the holder; anything else lets it out */
  return capture == H2S_CAPTURES_RET_ONLY ? H2S_STEP_FOLLOW : expose(w, call);
}

/* The bytes of 'h' that 'ranges', by offset from 'at', name. */
static h2s_step add_ranges(h2s_holder_walk *w, LLVMValueRef call, h2s_location at,
                           const h2s_byte_ranges *ranges, bool written) {
  h2s_step step = H2S_STEP_NEXT;
  if (ranges->all)
    return written ? add_write(w, call, NULL, anywhere)
                   : add_call_read(w, call, anywhere, H2S_READ_COPIES);
  for (unsigned i = 0; i < ranges->n && step == H2S_STEP_NEXT; ++i) {
    h2s_location range = at;
    if (__builtin_add_overflow(at.offset, ranges->at[i].offset, &range.offset))
      range.known = false;
    h2s_span span = span_at(w->h, range, ranges->at[i].size);
    span.partial = true; /* what the callee may touch */
    step = written ? add_write(w, call, NULL, span)
                   : add_call_read(w, call, span, H2S_READ_COPIES);
  }
  return step;
}

/* A function of the module given a pointer into the holder as argument
 * 'index': harmless when its summary says it neither keeps nor frees the
 * pointer, and uses the pointers it loads from there only during the call.
 * It may read any of the holder's pointers then; what it reads as data or
 * writes, at offsets from the pointer, summaries.c lists. */
static h2s_step classify_module_call(h2s_holder_walk *w, LLVMValueRef call,
                                     LLVMValueRef callee, LLVMValueRef ptr, unsigned index) {
  h2s_summaries *s = w->f->summaries;
  h2s_param_memory m;
  if (h2s_summary_may_keep(s, callee, index) || /* also past the last parameter */
      h2s_summary_may_free(s, callee, index) || !h2s_summary_memory(s, callee, index, &m) ||
      m.frees || m.keeps)
    return expose(w, call);
  h2s_location at = locate(w->f, ptr);
  h2s_step step = add_call_read(w, call, anywhere, H2S_READ_USES);
  if (step == H2S_STEP_NEXT)
    step = add_ranges(w, call, at, &m.leaked, false);
  return step == H2S_STEP_NEXT ? add_ranges(w, call, at, &m.written, true) : step;
}

static h2s_step classify_call(h2s_holder_walk *w, LLVMValueRef call, LLVMValueRef ptr,
                              unsigned index) {
  char name[H2S_FAMILY_CAP];
  LLVMValueRef callee = h2s_called_function(call);
  if (h2s_is_intrinsic(callee, "llvm.lifetime.start") && ptr == w->h->base)
    return add_write(w, call, LLVMGetUndef(LLVMTypeOf(ptr)), whole);
  if (h2s_is_descriptive_intrinsic(callee))
    return H2S_STEP_NEXT;
  if (index >= LLVMGetNumArgOperands(call) ||
      h2s_bridge_reallocated_operand(w->f->ctx, call) == ptr)
    return expose(w, call); /* a realloc moves the contents to another block */
  if (h2s_bridge_freed_operand(w->f->ctx, call, name) == ptr)
    return H2S_STEP_NEXT; /* freed: nothing reads it afterwards */
  if (h2s_is_memory_intrinsic(callee))
    return classify_memory_intrinsic(w, call, ptr, index);
  if (h2s_bridge_library_function(w->f->ctx, call, name))
    return classify_library_call(w, call, name, ptr, index);
  if (callee && !LLVMIsDeclaration(callee))
    return classify_module_call(w, call, callee, ptr, index);
  return expose(w, call);
}

/* Classifies one use of a pointer into the holder (h2s_walk_uses()). */
static h2s_step classify_use(LLVMUseRef use, void *data) {
  h2s_holder_walk *w = data;
  LLVMValueRef user = LLVMGetUser(use);
  LLVMValueRef ptr = LLVMGetUsedValue(use);
  unsigned index = h2s_operand_index(use);
  w->arg = h2s_is_call(user) && index < LLVMGetNumArgOperands(user) ? index + 1 : 0;
  w->newest = is_into_newest(w->f, ptr, w->h->base);
  if (h2s_valset_add(&w->pointers, ptr) < 0)
    return expose(w, user);
  if (h2s_forwards_pointer(user))
    return H2S_STEP_FOLLOW;
  switch (LLVMGetInstructionOpcode(user)) {
  case LLVMLoad:
    if (h2s_is_atomic_access(user))
      return expose(w, user);
    return add_read(w, user, span_in(w->f, w->h, ptr,
                                         h2s_bridge_store_size(w->f->ctx, LLVMTypeOf(user))));
  case LLVMStore: {
    LLVMValueRef value = LLVMGetOperand(user, 0);
    if (index == 0 || h2s_is_atomic_access(user))
      return expose(w, user); /* the holder's own address is stored */
    uint64_t size = h2s_bridge_store_size(w->f->ctx, LLVMTypeOf(value));
    return add_write(w, user, value, span_in(w->f, w->h, ptr, size));
  }
  case LLVMICmp:
    return H2S_STEP_NEXT;
  case LLVMPtrToInt:
    return h2s_values_push(&w->casts, user) ? H2S_STEP_NEXT : expose(w, user);
  case LLVMCall:
  case LLVMInvoke:
    return classify_call(w, user, ptr, index);
  default: /* returned, converted to an integer, atomics, ...: let out */
    return expose(w, user);
  }
}

/* Fills 'h': every access of its object, or 'exposed_by'. */
static void analyse_holder(h2s_function *f, h2s_holder *h) {
  h2s_holder_walk w = {.f = f, .h = h};
  if (!h2s_walk_uses(h->base, f->opts->max_uses, classify_use, &w) && !h->exposed_by)
    h->exposed_by = h->base; /* out of budget or of memory */
  if (!h->exposed_by && w.casts.len)
    h->exposed_by = h2s_address_leak(&w.pointers, &w.casts);
  h2s_valset_free(&w.pointers);
  h2s_values_free(&w.casts);
}

/* True when 'base' is an object whose whole life the function sees: an
 * alloca, or a block of the C library's allocator.  A block of an
 * allocator the module defines may sit in an arena that other code reads;
 * one outside the stack's address space may be shared memory. */
static bool is_local_object(h2s_function *f, LLVMValueRef base) {
  const h2s_site *site = h2s_site_of(f, base);
  return LLVMIsAAllocaInst(base) ||
         (site && site->verdict.reason != H2S_ALLOCATOR_DEFINED &&
          site->verdict.reason != H2S_ADDRESS_SPACE);
}

static h2s_holder *new_holder(h2s_function *f, LLVMValueRef base) {
  h2s_holder **grown = realloc(f->holders, (f->nholders + 1) * sizeof *grown);
  h2s_holder *h = calloc(1, sizeof *h);
  if (grown)
    f->holders = grown;
  if (!grown || !h) {
    free(h);
    return NULL;
  }
  h->base = base;
  f->holders[f->nholders++] = h;
  analyse_holder(f, h);
  return h;
}

static h2s_holder *holder_at(h2s_function *f, LLVMValueRef base) {
  for (size_t i = 0; i < f->nholders; ++i)
    if (f->holders[i]->base == base)
      return f->holders[i];
  return new_holder(f, base);
}

const h2s_holder *h2s_holder_of(h2s_function *f, LLVMValueRef address, uint64_t size,
                                h2s_span *span) {
  h2s_location at = locate(f, address);
  h2s_holder *h = is_local_object(f, at.base) ? holder_at(f, at.base) : NULL;
  if (h)
    *span = span_at(h, at, size);
  return h;
}

static uint64_t gcd(uint64_t a, uint64_t b) {
  while (b) {
    uint64_t r = a % b;
    a = b;
    b = r;
  }
  return a;
}

bool h2s_spans_overlap(h2s_span a, h2s_span b) {
  if (!a.known || !b.known)
    return true;
  /* In 128 bits, offsets near the ends of int64_t cannot wrap. */
  __int128 a_end = (__int128)a.offset + a.size, b_end = (__int128)b.offset + b.size;
  uint64_t period = gcd(a.stride, b.stride);
  if (!period)
    return a.offset < b_end && b.offset < a_end;
  /* b starts (b.offset - a.offset) + k * period from a, for some integer
   * k: they overlap when one such distance d has -b.size < d < a.size. */
  __int128 p = period, d = ((__int128)b.offset - a.offset) % p;
  if (d < 0)
    d += p;
  return d < (__int128)a.size || p - d < (__int128)b.size;
}

const h2s_access *h2s_holder_read(h2s_function *f, LLVMValueRef v,
                                  const h2s_holder **holder) {
  for (size_t i = 0; i < f->nholders; ++i)
    for (size_t j = 0; j < f->holders[i]->nreads; ++j)
      if (f->holders[i]->reads[j].value == v) {
        *holder = f->holders[i];
        return &f->holders[i]->reads[j];
      }
  return NULL;
}

/* What a read of 'h' returns where no write reached it first: NULL for
 * undefined contents, null for zeroed ones; false when unknown. */
static bool initial_contents(h2s_function *f, const h2s_holder *h, LLVMValueRef *value) {
  *value = NULL;
  if (LLVMIsAAllocaInst(h->base))
    return true;
  const h2s_site *site = h2s_site_of(f, h->base);
  if (site->facts.zero_init)
    *value = LLVMConstPointerNull(LLVMTypeOf(h->base));
  return site->facts.init_known && site->copy == H2S_COPY_NONE;
}

bool h2s_visit_stored_values(h2s_function *f, const h2s_holder *h,
                             const h2s_access *r, h2s_source_visitor *visit,
                             void *data) {
  LLVMValueRef initial;
  if (h->exposed_by || !initial_contents(f, h, &initial))
    return false;
  if (initial && !visit(initial, data))
    return false;
  for (size_t i = 0; i < h->nwrites; ++i) {
    const h2s_access *w = &h->writes[i];
    if (!h2s_spans_overlap(w->span, r->span) || (w->value && LLVMIsUndef(w->value)))
      continue; /* undefined bytes: freeing them is undefined already */
    if (!h2s_write_reaches_read(h, w, r))
      continue; /* overwritten on every way to the read */
    if (!w->value || !visit(w->value, data))
      return false;
  }
  return true;
}

void h2s_free_holders(h2s_function *f) {
  for (size_t i = 0; i < f->nholders; ++i) {
    free(f->holders[i]->reads);
    free(f->holders[i]->writes);
    free(f->holders[i]);
  }
  free(f->holders);
  f->holders = NULL;
  f->nholders = 0;
}
