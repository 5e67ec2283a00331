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
 * library calls libc.c describes as only comparing, searching, printing or
 * overwriting them (a comparison sees a stored pointer's address, so it is
 * a read of it, if one without a value; llvm.lifetime.start counts as a
 * write of undefined bytes), the std::string members runtime.c describes,
 * given a string in the holder, and integers made from its address that
 * offsets.c finds tell nothing of where it lives (UndefinedBehaviorSanitizer's
 * alignment checks of a local variable).  Anything else exposes the
 * holder: its contents may be copied elsewhere, or read as pointers by
 * code the pass cannot see, and every pointer stored into it counts as
 * escaping.
 *
 * A pointer into the holder stored into the holder itself (a small-buffer
 * struct's b->p = b->inline_buf) lets nothing out by itself: the loads
 * that may return it are pointers into the holder too, and the walk runs
 * again following them, until a round finds what the one before did.
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
#include "runtime.h"
#include "site.h"

#include <stdlib.h>
#include <string.h>

/* Where an address points: the bridge's base object and offset. */
typedef struct h2s_location {
  LLVMValueRef base;
  int64_t offset;
  uint64_t stride;
  bool known;
  bool forward; /* the multiple of 'stride' added is not negative */
  bool certain; /* when used, the address surely points there: it is not
                   one loaded from the holder, which may be another
                   object's, nor a merge with such values */
} h2s_location;

/* A write into the holder of a pointer into the holder itself (a
 * small-buffer struct's b->p = b->inline_buf): where it writes, and where
 * that pointer points. */
typedef struct h2s_self_write {
  h2s_span span;
  h2s_location to;
} h2s_self_write;

/* What one round of the walk found of the holder's pointers to itself. */
typedef struct h2s_self {
  h2s_valset pointers; /* every pointer into the holder the round met */
  h2s_self_write *writes;
  size_t nwrites;
  LLVMValueRef elsewhere; /* a store of one to no place known to be in the
                             holder, or NULL */
} h2s_self;

typedef struct h2s_holder_walk {
  h2s_function *f;
  h2s_holder *h;
  h2s_valset pointers; /* every pointer into the holder, for offsets.c */
  h2s_values casts;    /* their ptrtoints */
  unsigned arg;        /* the use being classified: its argument, counting
                          from 1, when its user is a call; else 0 */
  bool newest;         /* its pointer is one only GEPs make from the base */
  bool certain;        /* its pointer surely points into the holder */
  const h2s_self *last;    /* the previous round's pointers to itself */
  h2s_values self_stores;  /* stores of a pointer into the holder */
  h2s_values loads;        /* loads that may return one, followed */
  h2s_location *loaded_at; /* where each of them may point */
} h2s_holder_walk;

/* Records 'by' as the first use that lets the contents of 'h' out, and
 * 'why'. */
static void set_exposed(h2s_holder *h, LLVMValueRef by, h2s_reason why) {
  if (h->exposed_by || !by)
    return;
  h->exposed_by = by;
  h->exposed_why = why;
}

/* How a use of a pointer into a holder that the walk does not follow lets
 * the holder's contents out. */
static h2s_reason exposure_by(LLVMValueRef user) {
  if (h2s_is_call(user))
    return H2S_HOLDER_EXPOSED;
  switch (LLVMGetInstructionOpcode(user)) {
  case LLVMStore:
    return h2s_is_atomic_access(user) ? H2S_HOLDER_UNMODELLED : H2S_HOLDER_STORED;
  case LLVMLoad: /* a pointer into it read back as an integer */
    return h2s_is_atomic_access(user) ? H2S_HOLDER_UNMODELLED : H2S_HOLDER_TO_INTEGER;
  case LLVMRet:
    return H2S_HOLDER_RETURNED;
  case LLVMPtrToInt:
    return H2S_HOLDER_TO_INTEGER;
  default:
    return H2S_HOLDER_UNMODELLED;
  }
}

static h2s_step expose(h2s_holder_walk *w, LLVMValueRef user) {
  if (!w->h->exposed_by)
    w->h->exposed_arg = w->arg;
  set_exposed(w->h, user, exposure_by(user));
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
                    (h2s_access){inst, inst, span, H2S_READ_YIELDS, w->newest, !w->certain});
}

/* A read by 'call' that yields no value: 'kind' says what it does. */
static h2s_step add_call_read(h2s_holder_walk *w, LLVMValueRef call, h2s_span span,
                              h2s_read_kind kind) {
  return add_access(w, call, &w->h->reads, &w->h->nreads,
                    (h2s_access){call, NULL, span, kind, w->newest, !w->certain});
}

static h2s_step add_write(h2s_holder_walk *w, LLVMValueRef inst, LLVMValueRef value,
                          h2s_span span) {
  return add_access(w, inst, &w->h->writes, &w->h->nwrites,
                    (h2s_access){inst, value, span, H2S_READ_YIELDS, w->newest, !w->certain});
}

static const h2s_span anywhere = {.known = false};

static uint64_t gcd(uint64_t a, uint64_t b) {
  while (b) {
    uint64_t r = a % b;
    a = b;
    b = r;
  }
  return a;
}

static bool same_location(h2s_location a, h2s_location b) {
  return a.base == b.base && a.known == b.known && a.offset == b.offset &&
         a.stride == b.stride && a.forward == b.forward && a.certain == b.certain;
}

/* Where a pointer 'at' from the start of a loaded pointer that may point
 * to 'from' points. */
static h2s_location beyond(h2s_location from, h2s_location at) {
  h2s_location r = from;
  r.known = from.known && at.known && !__builtin_add_overflow(from.offset, at.offset, &r.offset);
  r.stride = gcd(from.stride, at.stride);
  r.forward = (!from.stride || from.forward) && (!at.stride || at.forward);
  r.certain = false;
  return r;
}

/* Where the walk's load 'v' may point into the holder, or NULL when 'v'
 * is not such a load. */
static const h2s_location *loaded_location(const h2s_holder_walk *w, LLVMValueRef v) {
  for (size_t i = 0; w && i < w->loads.len; ++i)
    if (w->loads.items[i] == v)
      return &w->loaded_at[i];
  return NULL;
}

/* Where 'address' points by GEPs alone: the bridge's base object and
 * offset, or for GEPs from a load the walk 'w' follows (NULL outside a
 * walk), the place in the holder that load may return. */
static h2s_location locate_exactly(h2s_function *f, const h2s_holder_walk *w,
                                   LLVMValueRef address) {
  h2s_base_offset off;
  h2s_location at;
  at.base = h2s_bridge_pointer_base(f->ctx, address, &off);
  at.offset = off.offset;
  at.stride = off.stride;
  at.known = off.known;
  at.forward = off.forward;
  at.certain = true;
  const h2s_location *loaded = at.known ? loaded_location(w, at.base) : NULL;
  return loaded ? beyond(*loaded, at) : at;
}

typedef struct h2s_merge_search {
  h2s_function *f;
  const h2s_holder_walk *w;
  h2s_location at; /* of the sources seen so far; base NULL before one */
  bool skipped;    /* a source that does not point into the holder */
} h2s_merge_search;

/* True when the walk 'w' knows that 'v' does not point into its holder:
 * once the holder stores pointers to itself, the round before found every
 * pointer that does. */
static bool is_elsewhere(const h2s_holder_walk *w, LLVMValueRef v) {
  return w && w->last->nwrites && !h2s_valset_has(&w->last->pointers, v);
}

/* Accepts null, values elsewhere, and sources that all point to one place
 * (h2s_visit_sources()). */
static bool is_same_place(LLVMValueRef v, void *data) {
  h2s_merge_search *s = data;
  if (LLVMIsAConstantPointerNull(v))
    return true;
  if (is_elsewhere(s->w, v)) {
    s->skipped = true;
    return true;
  }
  h2s_location at = locate_exactly(s->f, s->w, v);
  if (!at.known || at.stride)
    return false;
  if (!s->at.base)
    s->at = at;
  return at.base == s->at.base && at.offset == s->at.offset;
}

/* Where 'address' points, also through a phi or select whose other
 * values are null, as a factory inlined with its failure path returns:
 * through null nothing may be accessed, so the access is of the one place
 * the other values name.  Values that point elsewhere may stand there too
 * (a small-buffer struct's pointer merged with its heap block): then the
 * access may miss the holder.  Not a pointer into the newest object,
 * though: a phi may carry an earlier one around a loop. */
static h2s_location locate(h2s_function *f, const h2s_holder_walk *w, LLVMValueRef address) {
  h2s_location at = locate_exactly(f, w, address);
  if (!at.known || !h2s_is_merge(at.base))
    return at;
  h2s_merge_search s = {f, w, {0}, false};
  if (!h2s_visit_sources(at.base, is_same_place, &s) || !s.at.base ||
      __builtin_add_overflow(at.offset, s.at.offset, &s.at.offset))
    return at;
  s.at.stride = at.stride;
  s.at.forward = at.forward;
  s.at.certain &= !s.skipped;
  return s.at;
}

/* Some of the bytes from 'offset' to the end of the holder. */
static h2s_span onward_from(int64_t offset) {
  return (h2s_span){.known = true,
                    .offset = offset,
                    .size = (uint64_t)INT64_MAX - (uint64_t)(offset > 0 ? offset : 0),
                    .partial = true};
}

/* The bytes of 'h' an access of 'size' bytes at 'at' touches. */
static h2s_span span_at(const h2s_holder *h, h2s_location at, uint64_t size) {
  if (at.base != h->base || !at.known || size == UINT64_MAX)
    return anywhere;
  int64_t offset = at.offset;
  if (at.stride && at.forward) /* at 'offset' or after it */
    return onward_from(offset);
  if (at.stride) { /* the offset within one element, in [0, stride) */
    int64_t s = (int64_t)at.stride, r = offset % s;
    offset = r < 0 ? r + s : r;
  }
  return (h2s_span){.known = true, .offset = offset, .size = size, .stride = at.stride};
}

static bool is_made_from(h2s_function *f, LLVMValueRef ptr, LLVMValueRef base) {
  h2s_location at = locate_exactly(f, NULL, ptr);
  return at.base == base && at.known;
}

/* True when 'ptr' points into the object 'base' created last: it is made
 * from 'base' by GEPs alone, or from a phi or select that 'base' dominates
 * whose values are null or so made (the factory's failure path again).
 * Then no path leads from where the pointer is made through 'base' again
 * to a use of it, so it never names an earlier object. */
static bool is_into_newest(h2s_function *f, LLVMValueRef ptr, LLVMValueRef base) {
  h2s_location at = locate_exactly(f, NULL, ptr);
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

static h2s_span span_in(const h2s_holder_walk *w, LLVMValueRef address, uint64_t size) {
  return span_at(w->h, locate(w->f, w, address), size);
}

/* From llvm.lifetime.start on, an alloca holds nothing: undefined bytes. */
static const h2s_span whole = {.known = true, .offset = 0, .size = INT64_MAX};

/* The bytes from 'ptr' to the end of the holder: what a copy of a length
 * known only at run time, or a C library call that writes a string, may
 * touch.  It still starts where 'ptr' points: a copy out of a small-buffer
 * struct's inline array cannot touch the pointer field before it. */
static h2s_span span_to_end(h2s_holder_walk *w, LLVMValueRef ptr) {
  h2s_span from = span_in(w, ptr, 1);
  if (!from.known || from.stride)
    return anywhere; /* from somewhere in an element: any element after it */
  return onward_from(from.offset);
}

/* The bytes a memory intrinsic's length operand 'len' covers from 'ptr'. */
static h2s_span intrinsic_span(h2s_holder_walk *w, LLVMValueRef ptr, LLVMValueRef len) {
  if (LLVMIsAConstantInt(len))
    return span_in(w, ptr, LLVMConstIntGetZExtValue(len));
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
    h2s_span cell = span_in(w, ptr, h2s_pointer_size(w->f));
    if (!h2s_bridge_known_nonnull_at(w->f->ctx, LLVMGetOperand(call, 0), call))
      step = add_read(w, call, cell);
    return step == H2S_STEP_NEXT ? add_write(w, call, NULL, cell) : step;
  }
  case H2S_CONTENTS_READ_OR_WRITTEN: {
    h2s_span rest = span_to_end(w, ptr);
    step = add_write(w, call, NULL, rest);
    if (step == H2S_STEP_NEXT)
      step = add_call_read(w, call, rest, H2S_READ_USES);
    break;
  }
  case H2S_CONTENTS_READ: /* the bytes are seen, a pointer's address too */
    step = add_call_read(w, call, span_to_end(w, ptr), H2S_READ_USES);
    break;
  case H2S_CONTENTS_COPIED:
    step = add_call_read(w, call, span_to_end(w, ptr), H2S_READ_COPIES);
    break;
  case H2S_CONTENTS_WRITTEN: /* forward from where it is given */
    step = add_write(w, call, NULL, span_to_end(w, ptr));
    break;
  }
  if (step != H2S_STEP_NEXT || capture == H2S_CAPTURES_NOTHING)
    return step;
  /* strchr's result points into the holder; anything else lets it out */
  return capture == H2S_CAPTURES_RET_ONLY ? H2S_STEP_FOLLOW : expose(w, call);
}

/* A std::string member given the string object in the holder
 * (runtime.c): it reads and writes the object's bytes, some of them
 * perhaps as they were, and loads its buffer pointer to use, free or keep
 * it, which check_self_pointers() allows only for libstdc++'s pointer to
 * the string's own inline buffer.  What it returns is the object again. */
static h2s_step classify_string_member(h2s_holder_walk *w, LLVMValueRef call,
                                       LLVMValueRef ptr) {
  h2s_string_layout layout = h2s_runtime_string_layout(call, h2s_pointer_size(w->f));
  h2s_location at = locate(w->f, w, ptr);
  h2s_span object = span_at(w->h, at, layout.size);
  if (!at.certain || !object.known || object.stride)
    return expose(w, call);
  object.partial = true;
  h2s_step step = add_write(w, call, NULL, object);
  if (step == H2S_STEP_NEXT)
    step = add_call_read(w, call, object, H2S_READ_IN_PLACE);
  if (step != H2S_STEP_NEXT || LLVMGetTypeKind(LLVMTypeOf(call)) != LLVMPointerTypeKind)
    return step;
  return H2S_STEP_FOLLOW;
}

/* What a callee does with bytes its summary names. */
typedef enum h2s_callee_access {
  H2S_CALLEE_WRITES, /* writes values the pass cannot name */
  H2S_CALLEE_COPIES, /* reads them as data, copied or kept */
  H2S_CALLEE_SEES    /* compares or prints them during the call */
} h2s_callee_access;

static h2s_step add_callee_access(h2s_holder_walk *w, LLVMValueRef call, h2s_span span,
                                  h2s_callee_access access) {
  switch (access) {
  case H2S_CALLEE_WRITES:
    return add_write(w, call, NULL, span);
  case H2S_CALLEE_COPIES:
    return add_call_read(w, call, span, H2S_READ_COPIES);
  case H2S_CALLEE_SEES:
    break;
  }
  return add_call_read(w, call, span, H2S_READ_USES);
}

/* The bytes of 'h' that 'ranges', by offset from 'at', name, accessed as
 * 'access' says. */
static h2s_step add_ranges(h2s_holder_walk *w, LLVMValueRef call, h2s_location at,
                           const h2s_byte_ranges *ranges, h2s_callee_access access) {
  h2s_step step = H2S_STEP_NEXT;
  if (ranges->all)
    return add_callee_access(w, call, anywhere, access);
  for (unsigned i = 0; i < ranges->n && step == H2S_STEP_NEXT; ++i) {
    h2s_location range = at;
    if (__builtin_add_overflow(at.offset, ranges->at[i].offset, &range.offset))
      range.known = false;
    h2s_span span = span_at(w->h, range, ranges->at[i].size);
    span.partial = true; /* what the callee may touch */
    step = add_callee_access(w, call, span, access);
  }
  return step;
}

/* The bytes of the holder a callee may touch, at offsets from 'at', as
 * its summary's 'leaked', 'compared' and 'written' say. */
static h2s_step add_callee_ranges(h2s_holder_walk *w, LLVMValueRef call, h2s_location at,
                                  const h2s_byte_ranges *leaked,
                                  const h2s_byte_ranges *compared,
                                  const h2s_byte_ranges *written) {
  h2s_step step = add_ranges(w, call, at, leaked, H2S_CALLEE_COPIES);
  if (step == H2S_STEP_NEXT)
    step = add_ranges(w, call, at, compared, H2S_CALLEE_SEES);
  return step == H2S_STEP_NEXT ? add_ranges(w, call, at, written, H2S_CALLEE_WRITES) : step;
}

/* What a callee that loads pointers from the holder does through them
 * (summaries.c's through_...), where the round before found the holder
 * pointing into itself: the bytes it may touch from the place each such
 * pointer points to, through a pointer that may be another object's. */
static h2s_step add_accesses_through(h2s_holder_walk *w, LLVMValueRef call,
                                     const h2s_param_memory *m) {
  bool certain = w->certain, newest = w->newest;
  w->certain = w->newest = false;
  h2s_step step = H2S_STEP_NEXT;
  for (size_t i = 0; i < w->last->nwrites && step == H2S_STEP_NEXT; ++i)
    step = add_callee_ranges(w, call, w->last->writes[i].to, &m->through_leaked,
                             &m->through_compared, &m->through_written);
  w->certain = certain;
  w->newest = newest;
  return step;
}

/* A function of the module given a pointer into the holder as argument
 * 'index': harmless when its summary says it neither keeps nor frees the
 * pointer, and uses the pointers it loads from there only during the call.
 * It may read any of the holder's pointers then, unless it loads none;
 * what it reads as data or writes, at offsets from the pointer,
 * summaries.c lists, and for a callee that loads no pointer through the
 * pointers it loads, what it does through them (H2S_READ_THROUGH). */
static h2s_step classify_module_call(h2s_holder_walk *w, LLVMValueRef call,
                                     LLVMValueRef callee, LLVMValueRef ptr, unsigned index) {
  h2s_summaries *s = w->f->summaries;
  h2s_param_memory m;
  if (h2s_summary_may_keep(s, callee, index) || /* also past the last parameter */
      h2s_summary_may_free(s, callee, index) || !h2s_summary_memory(s, callee, index, &m) ||
      m.frees || m.keeps)
    return expose(w, call);
  h2s_location at = locate(w->f, w, ptr);
  h2s_read_kind kind = m.through_follows ? H2S_READ_USES : H2S_READ_THROUGH;
  h2s_step step = m.follows ? add_call_read(w, call, anywhere, kind) : H2S_STEP_NEXT;
  if (step == H2S_STEP_NEXT)
    step = add_callee_ranges(w, call, at, &m.leaked, &m.compared, &m.written);
  if (step == H2S_STEP_NEXT && m.follows && !m.through_follows)
    step = add_accesses_through(w, call, &m);
  return step;
}

static h2s_step classify_call(h2s_holder_walk *w, LLVMValueRef call, LLVMValueRef ptr,
                              unsigned index) {
  char name[H2S_FAMILY_CAP];
  LLVMValueRef callee = h2s_called_function(call);
  if (h2s_is_intrinsic(callee, "llvm.lifetime.start") && ptr == w->h->base)
    return add_write(w, call, LLVMGetUndef(LLVMTypeOf(ptr)), whole);
  if (h2s_is_descriptive_intrinsic(callee))
    return H2S_STEP_NEXT;
  bool resized = h2s_bridge_reallocated_operand(w->f->ctx, call) == ptr;
  if (resized && !w->certain && LLVMIsAAllocaInst(w->h->base))
    return H2S_STEP_NEXT; /* resizing the stack is undefined: the other object */
  if (index >= LLVMGetNumArgOperands(call) || resized)
    return expose(w, call); /* a realloc moves the contents to another block */
  if (h2s_bridge_freed_operand(w->f->ctx, call, name) == ptr)
    return H2S_STEP_NEXT; /* freed: nothing reads it afterwards */
  if (h2s_is_memory_intrinsic(callee))
    return classify_memory_intrinsic(w, call, ptr, index);
  if (h2s_bridge_library_function(w->f->ctx, call, name))
    return classify_library_call(w, call, name, ptr, index);
  if (callee && !LLVMIsDeclaration(callee))
    return classify_module_call(w, call, callee, ptr, index);
  if (h2s_runtime_arg_use(call, index) == H2S_RUNTIME_STRING_OBJECT)
    return classify_string_member(w, call, ptr);
  return expose(w, call);
}

/* A load that may return a pointer into the holder, which the round
 * before saw stored where the load reads: its uses are the holder's
 * too, at the place those stores' pointers point to. */
static h2s_step follow_if_self(h2s_holder_walk *w, LLVMValueRef load, h2s_span span) {
  h2s_location to = {0};
  bool any = false;
  for (size_t i = 0; i < w->last->nwrites; ++i) {
    const h2s_self_write *sw = &w->last->writes[i];
    if (!h2s_spans_overlap(sw->span, span))
      continue;
    if (!any)
      to = sw->to;
    else if (!same_location(to, sw->to))
      to.known = false;
    any = true;
  }
  if (!any)
    return H2S_STEP_NEXT;
  if (LLVMGetTypeKind(LLVMTypeOf(load)) != LLVMPointerTypeKind)
    return expose(w, load); /* the holder's address read as an integer */
  h2s_location *grown = realloc(w->loaded_at, (w->loads.len + 1) * sizeof *grown);
  if (!grown)
    return expose(w, load);
  w->loaded_at = grown;
  if (!h2s_values_push(&w->loads, load))
    return expose(w, load);
  to.certain = false;
  grown[w->loads.len - 1] = to;
  return H2S_STEP_FOLLOW;
}

/* Classifies one use of a pointer into the holder (h2s_walk_uses()). */
static h2s_step classify_use(LLVMUseRef use, void *data) {
  h2s_holder_walk *w = data;
  LLVMValueRef user = LLVMGetUser(use);
  LLVMValueRef ptr = LLVMGetUsedValue(use);
  unsigned index = h2s_operand_index(use);
  w->arg = h2s_is_call(user) && index < LLVMGetNumArgOperands(user) ? index + 1 : 0;
  w->newest = is_into_newest(w->f, ptr, w->h->base);
  /* only a holder that points into itself has pointers that may miss it */
  w->certain = !w->last->nwrites || locate(w->f, w, ptr).certain;
  if (h2s_valset_add(&w->pointers, ptr) < 0)
    return expose(w, user);
  if (h2s_forwards_pointer(user))
    return H2S_STEP_FOLLOW;
  switch (LLVMGetInstructionOpcode(user)) {
  case LLVMLoad: {
    if (h2s_is_atomic_access(user))
      return expose(w, user);
    h2s_span span = span_in(w, ptr, h2s_bridge_store_size(w->f->ctx, LLVMTypeOf(user)));
    h2s_step step = add_read(w, user, span);
    return step == H2S_STEP_NEXT ? follow_if_self(w, user, span) : step;
  }
  case LLVMStore: {
    LLVMValueRef value = LLVMGetOperand(user, 0);
    if (h2s_is_atomic_access(user))
      return expose(w, user);
    if (index == 0) /* the holder's own address: checked after the walk */
      return h2s_values_push(&w->self_stores, user) ? H2S_STEP_NEXT : expose(w, user);
    uint64_t size = h2s_bridge_store_size(w->f->ctx, LLVMTypeOf(value));
    return add_write(w, user, value, span_in(w, ptr, size));
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

static const h2s_access *write_of(const h2s_holder *h, LLVMValueRef inst) {
  for (size_t i = 0; i < h->nwrites; ++i)
    if (h->writes[i].inst == inst)
      return &h->writes[i];
  return NULL;
}

/* Lists in 'now' the round's writes of pointers into the holder into the
 * holder itself; counts in 'now->elsewhere' the stores of such pointers
 * that write no place the round knows to be in the holder. */
static void collect_self_writes(h2s_holder_walk *w, h2s_self *now) {
  for (size_t i = 0; i < w->self_stores.len && !w->h->exposed_by; ++i) {
    const h2s_access *write = write_of(w->h, w->self_stores.items[i]);
    if (!write) {
      now->elsewhere = w->self_stores.items[i];
      continue;
    }
    h2s_self_write *grown = realloc(now->writes, (now->nwrites + 1) * sizeof *grown);
    if (!grown) {
      set_exposed(w->h, w->h->base, H2S_HOLDER_UNFOLLOWED); /* out of memory */
      break;
    }
    now->writes = grown;
    grown[now->nwrites++] = (h2s_self_write){write->span, locate(w->f, w, write->value)};
  }
}

/* True when a std::string member's read 'r' of the holder 'h' may see
 * the pointer that self write 'sw' stored: only the string's own pointer
 * to its inline buffer, which the member writes through within the bytes
 * it writes anyway, and does not free. */
static bool string_member_may_read(h2s_function *f, const h2s_holder *h,
                                   const h2s_access *r, const h2s_self_write *sw) {
  return r->kind == H2S_READ_IN_PLACE && sw->to.base == h->base && sw->to.known &&
         !sw->to.stride &&
         h2s_is_inline_buffer_pointer(r->inst, h2s_pointer_size(f), r->span, sw->span,
                                      sw->to.offset);
}

/* Once the rounds agree: a store of a pointer into the holder elsewhere
 * exposes the holder, as does a read of such a pointer other than a load
 * the walk follows, a callee whose accesses through it the walk added, or
 * a std::string member reading its own buffer pointer: a copy to memory
 * the pass does not follow, or a callee, which may write through the
 * pointer it reads. */
static void check_self_pointers(h2s_function *f, h2s_holder *h, const h2s_self *self) {
  if (self->elsewhere) {
    set_exposed(h, self->elsewhere, H2S_HOLDER_STORED);
    return;
  }
  for (size_t i = 0; i < h->nreads && !h->exposed_by; ++i) {
    const h2s_access *r = &h->reads[i];
    bool followed = (r->kind == H2S_READ_YIELDS && LLVMIsALoadInst(r->inst)) ||
                    r->kind == H2S_READ_THROUGH;
    for (size_t j = 0; !followed && j < self->nwrites && !h->exposed_by; ++j)
      if (h2s_spans_overlap(self->writes[j].span, r->span) &&
          !string_member_may_read(f, h, r, &self->writes[j]))
        set_exposed(h, r->inst, exposure_by(r->inst));
  }
}

/* One walk over the pointers into 'h', knowing what the round before
 * found in 'last': fills 'h' (or sets 'exposed_by') and 'now'. */
static void walk_holder(h2s_function *f, h2s_holder *h, const h2s_self *last, h2s_self *now) {
  h2s_holder_walk w = {.f = f, .h = h, .last = last};
  if (!h2s_walk_uses(h->base, f->opts->max_uses, classify_use, &w) && !h->exposed_by)
    set_exposed(h, h->base, H2S_HOLDER_UNFOLLOWED); /* out of budget or of memory */
  if (!h->exposed_by && w.casts.len)
    set_exposed(h, h2s_address_leak(f->ctx, h->base, &w.pointers, &w.casts),
                H2S_HOLDER_TO_INTEGER);
  *now = (h2s_self){.pointers = w.pointers};
  if (!h->exposed_by)
    collect_self_writes(&w, now);
  h2s_values_free(&w.casts);
  h2s_values_free(&w.self_stores);
  h2s_values_free(&w.loads);
  free(w.loaded_at);
}

static void free_self(h2s_self *self) {
  h2s_valset_free(&self->pointers);
  free(self->writes);
  *self = (h2s_self){0};
}

static bool same_span(h2s_span a, h2s_span b) {
  return a.known == b.known && a.offset == b.offset && a.size == b.size &&
         a.stride == b.stride && a.partial == b.partial;
}

static bool same_pointers(const h2s_valset *a, const h2s_valset *b) {
  if (a->used != b->used)
    return false;
  for (size_t i = 0; i < a->cap; ++i)
    if (a->slots[i] && !h2s_valset_has(b, a->slots[i]))
      return false;
  return true;
}

/* True when two rounds agree: the later round followed exactly the loads
 * and located exactly the accesses that its own findings call for. */
static bool same_self(const h2s_self *a, const h2s_self *b) {
  if (a->nwrites != b->nwrites || a->elsewhere != b->elsewhere ||
      !same_pointers(&a->pointers, &b->pointers))
    return false;
  for (size_t i = 0; i < a->nwrites; ++i)
    if (!same_span(a->writes[i].span, b->writes[i].span) ||
        !same_location(a->writes[i].to, b->writes[i].to))
      return false;
  return true;
}

static void forget_accesses(h2s_holder *h) {
  free(h->reads);
  free(h->writes);
  h->reads = h->writes = NULL;
  h->nreads = h->nwrites = 0;
}

enum { H2S_MAX_SELF_ROUNDS = 4 };

/* Fills 'h': every access of its object, or 'exposed_by'.  A holder that
 * stores pointers to itself is walked again, following the loads that may
 * return them, until a round finds what the one before it did; only then
 * are the places it found complete. */
static void analyse_holder(h2s_function *f, h2s_holder *h) {
  h2s_self last = {0}, now;
  for (unsigned round = 1;; ++round) {
    walk_holder(f, h, &last, &now);
    bool settled = h->exposed_by || (!now.nwrites && !now.elsewhere) || same_self(&last, &now);
    free_self(&last);
    last = now;
    if (settled)
      break;
    if (round == H2S_MAX_SELF_ROUNDS) {
      set_exposed(h, h->base, H2S_HOLDER_UNFOLLOWED);
      break;
    }
    forget_accesses(h);
  }
  if (!h->exposed_by)
    check_self_pointers(f, h, &last);
  free_self(&last);
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

bool h2s_is_stack_pointer(h2s_function *f, LLVMValueRef v) {
  return LLVMIsAAllocaInst(locate_exactly(f, NULL, v).base) != NULL;
}

const h2s_holder *h2s_holder_of(h2s_function *f, LLVMValueRef address, uint64_t size,
                                h2s_span *span) {
  h2s_location at = locate(f, NULL, address);
  h2s_holder *h = is_local_object(f, at.base) ? holder_at(f, at.base) : NULL;
  if (h)
    *span = span_at(h, at, size);
  return h;
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
  const h2s_access *found = NULL;
  for (size_t i = 0; i < f->nholders; ++i)
    for (size_t j = 0; j < f->holders[i]->nreads; ++j) {
      const h2s_access *r = &f->holders[i]->reads[j];
      if (r->value != v)
        continue;
      if (found || r->may_miss || !r->span.known)
        return NULL; /* it may read another object */
      found = r;
      *holder = f->holders[i];
    }
  return found;
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
