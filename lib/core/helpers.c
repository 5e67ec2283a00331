/*===- helpers.c - Helpers of a local object: inlined where it lives ------===*
 *
 * A local struct whose buffer its helpers manage (sb_init(&sb) allocates
 * sb.buf, sb_add(&sb, s) grows it with realloc, sb_release(&sb) frees it)
 * holds a block whose whole life no single frame shows: memflow.c exposes
 * the struct at every call that may free or replace what it holds.  So
 * does a malloc'd object whose release helper frees its fields
 * (text_free(t) freeing t->buf), and a field filled by a factory whose
 * result the caller never frees directly (b->vals = xmalloc(k), then
 * free(b->vals)).  Before discovery, the pass inlines such calls
 * (inlining.c) where, between them and the function's own code, the
 * object's block is both allocated and freed in the function:
 *   - allocated: the function stores a block it allocates into the object,
 *     or a factory's result (factories.c), or calls a helper whose summary
 *     says it may store a block it allocates into what its parameter
 *     points to (summaries.c);
 *   - freed: the function frees a pointer it loads from the object, or
 *     calls a helper whose summary says a pointer it loads from there may
 *     be freed.
 * Without both, the inlined code could not make the block a slot, and the
 * function would only grow.  Nor when a call given the object may let
 * its blocks out (a helper that links the buffer into a list), or the
 * object itself leaves (stored where the function does not own the
 * memory, or returned): the block leaves anyway.
 *
 * An object is an alloca of the function or the result of one of its
 * allocation calls: the holders memflow.c will analyse.  A helper is a
 * function inlining.c may inline, of at most helper_size instructions.
 * All the calls of one object are inlined or none, within the function's
 * budget; since an inlined helper may call further helpers (sb_add calls
 * sb_grow), the search runs again over the new code, a few rounds at most.
 *
 *===----------------------------------------------------------------------===*/
#include "heap2stack/summaries.h"
#include "site.h"

#include <stdlib.h>

enum { H2S_MAX_HELPER_ROUNDS = 4 };

/* What the function and its helpers do with the blocks one object holds. */
typedef struct h2s_object_life {
  LLVMValueRef object;
  bool allocated, freed;
  bool let_out; /* given to a call through which its contents may leave */
  h2s_values calls; /* the helper and factory calls to inline for it */
} h2s_object_life;

typedef struct h2s_lives {
  h2s_function *f;
  h2s_object_life *items;
  size_t len;
  bool failed; /* memory ran out: inline nothing */
} h2s_lives;

typedef struct h2s_object_search {
  h2s_function *f;
  LLVMValueRef object;
} h2s_object_search;

/* Accepts null and pointers into one object (h2s_visit_sources()). */
static bool is_into_one_object(LLVMValueRef v, void *data) {
  h2s_object_search *s = data;
  h2s_base_offset at;
  if (LLVMIsAConstantPointerNull(v))
    return true;
  LLVMValueRef base = h2s_bridge_pointer_base(s->f->ctx, v, &at);
  if (s->object && base != s->object)
    return false;
  s->object = base;
  return true;
}

/* The object 'ptr' points into, through phis and selects that may also
 * give null (a factory's failure): an alloca of the function or one of its
 * allocation calls; else NULL. */
static LLVMValueRef local_object(h2s_function *f, LLVMValueRef ptr) {
  h2s_object_search s = {f, NULL};
  if (!h2s_visit_sources(ptr, is_into_one_object, &s) || !s.object)
    return NULL;
  return LLVMIsAAllocaInst(s.object) || h2s_is_allocation(f->ctx, s.object) ? s.object : NULL;
}

static h2s_object_life *life_of(h2s_lives *l, LLVMValueRef object) {
  for (size_t i = 0; i < l->len; ++i)
    if (l->items[i].object == object)
      return &l->items[i];
  h2s_object_life *grown = realloc(l->items, (l->len + 1) * sizeof *grown);
  if (!grown) {
    l->failed = true;
    return NULL;
  }
  l->items = grown;
  grown[l->len] = (h2s_object_life){.object = object};
  return &grown[l->len++];
}

/* The life of the object 'ptr' points into, or NULL when it points into
 * none (or is no pointer). */
static h2s_object_life *life_at(h2s_lives *l, LLVMValueRef ptr) {
  LLVMValueRef object = LLVMGetTypeKind(LLVMTypeOf(ptr)) == LLVMPointerTypeKind
                            ? local_object(l->f, ptr)
                            : NULL;
  return object ? life_of(l, object) : NULL;
}

static void add_call(h2s_lives *l, h2s_object_life *life, LLVMValueRef call) {
  for (size_t i = 0; i < life->calls.len; ++i)
    if (life->calls.items[i] == call)
      return;
  if (!h2s_values_push(&life->calls, call))
    l->failed = true;
}

typedef struct h2s_stored {
  h2s_lives *l;
  h2s_object_life *life;
} h2s_stored;

/* Notes a source of a value stored into the object (h2s_visit_sources()). */
static bool note_stored_source(LLVMValueRef v, void *data) {
  h2s_stored *s = data;
  h2s_function *f = s->l->f;
  if (h2s_is_allocation(f->ctx, v)) {
    s->life->allocated = true;
    return true;
  }
  LLVMValueRef callee = h2s_is_call(v) ? h2s_inlinable_callee(f, v, f->opts->factory_size) : NULL;
  if (callee && h2s_is_factory(f, callee)) {
    s->life->allocated = true;
    add_call(s->l, s->life, v);
  }
  return true;
}

/* Notes that the object 'ptr' points into (if any) leaves the function:
 * stored where the function does not own the memory, or returned. */
static void note_leaving(h2s_lives *l, LLVMValueRef ptr) {
  h2s_object_life *life = life_at(l, ptr);
  if (life)
    life->let_out = true;
}

static void note_store(h2s_lives *l, LLVMValueRef store) {
  LLVMValueRef value = LLVMGetOperand(store, 0);
  LLVMValueRef object = local_object(l->f, LLVMGetOperand(store, 1));
  if (!object) {
    note_leaving(l, value);
    return;
  }
  if (LLVMGetTypeKind(LLVMTypeOf(value)) != LLVMPointerTypeKind)
    return;
  h2s_stored s = {l, life_of(l, object)};
  if (s.life)
    h2s_visit_sources(value, note_stored_source, &s);
}

/* Notes a source of a freed pointer: a load from an object. */
static bool note_freed_source(LLVMValueRef v, void *data) {
  h2s_lives *l = data;
  h2s_object_life *life = LLVMIsALoadInst(v) ? life_at(l, LLVMGetOperand(v, 0)) : NULL;
  if (life)
    life->freed = true;
  return true;
}

/* True when the function of the module 'callee', given a pointer into an
 * object as its argument 'index', may let the object's blocks out: it may
 * keep the pointer or what it loads through it, or the pass cannot tell;
 * for a helper the pass would inline ('inlined'), by what its body does.
 * A declaration other than the C library's is no better. */
static bool may_let_out(h2s_function *f, LLVMValueRef call, LLVMValueRef callee, unsigned index,
                        bool inlined) {
  char name[H2S_FAMILY_CAP];
  h2s_param_memory m;
  if (!callee || h2s_is_descriptive_intrinsic(callee) || h2s_is_memory_intrinsic(callee))
    return !callee;
  if (LLVMIsDeclaration(callee))
    return !h2s_bridge_library_function(f->ctx, call, name);
  bool keeps = inlined ? h2s_inlined_may_keep(f->summaries, callee, index)
                       : h2s_summary_may_keep(f->summaries, callee, index);
  bool known = inlined ? h2s_inlined_memory(f->summaries, callee, index, &m)
                       : h2s_summary_memory(f->summaries, callee, index, &m);
  return keeps || !known || m.keeps;
}

/* A call given pointers into objects: a helper to inline when its summary
 * says it stores blocks it allocates there (an initializer, a grower), or
 * frees what it loads from there and allocates nothing (a release), and
 * it is small enough; a call that may let the blocks out spoils the
 * object's life. */
static void note_object_call(h2s_lives *l, LLVMValueRef call) {
  h2s_function *f = l->f;
  LLVMValueRef callee = h2s_called_function(call);
  LLVMValueRef helper = h2s_inlinable_callee(f, call, f->opts->helper_size);
  for (unsigned i = 0; i < LLVMGetNumArgOperands(call) && !l->failed; ++i) {
    h2s_object_life *life = life_at(l, LLVMGetOperand(call, i));
    if (!life)
      continue;
    if (may_let_out(f, call, callee, i, helper != NULL)) {
      life->let_out = true;
      continue;
    }
    h2s_param_memory m;
    if (!helper || !h2s_inlined_memory(f->summaries, helper, i, &m) || !(m.allocates || m.frees))
      continue;
    life->allocated = life->allocated || m.allocates;
    life->freed = life->freed || !m.allocates; /* a grower's realloc leaves a block */
    add_call(l, life, call);
  }
}

static void note_call(h2s_lives *l, LLVMValueRef call) {
  char family[H2S_FAMILY_CAP];
  LLVMValueRef freed = h2s_bridge_freed_operand(l->f->ctx, call, family);
  if (freed)
    h2s_visit_sources(freed, note_freed_source, l);
  else
    note_object_call(l, call);
}

/* The calls to inline: those of every object whose block is allocated and
 * freed in the function once they are, while the budget lasts. */
static void choose_calls(h2s_lives *l, h2s_values *chosen) {
  h2s_valset seen = {0};
  unsigned left = h2s_inlines_left(l->f);
  for (size_t i = 0; i < l->len && !l->failed; ++i) {
    const h2s_object_life *life = &l->items[i];
    if (!life->allocated || !life->freed || life->let_out || !life->calls.len ||
        life->calls.len > left)
      continue;
    for (size_t j = 0; j < life->calls.len && !l->failed; ++j) {
      int added = h2s_valset_add(&seen, life->calls.items[j]); /* one call, two objects */
      if (added < 0 || (added && !h2s_values_push(chosen, life->calls.items[j])))
        l->failed = true;
      left -= added > 0;
    }
  }
  h2s_valset_free(&seen);
}

bool h2s_find_helper_calls(h2s_function *f, h2s_values *chosen) {
  h2s_lives l = {.f = f};
  if (!f->opts->helper_size)
    return true;
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->fn); bb && !l.failed;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i && !l.failed;
         i = LLVMGetNextInstruction(i)) {
      if (LLVMIsAStoreInst(i))
        note_store(&l, i);
      else if (h2s_is_call(i))
        note_call(&l, i);
      else if (LLVMIsAReturnInst(i) && LLVMGetNumOperands(i))
        note_leaving(&l, LLVMGetOperand(i, 0));
    }
  choose_calls(&l, chosen);
  for (size_t i = 0; i < l.len; ++i)
    h2s_values_free(&l.items[i].calls);
  free(l.items);
  return !l.failed;
}

/* One round: inlines the calls that complete the objects' lives. */
static bool inline_round(h2s_function *f) {
  h2s_values chosen = {0};
  bool inlined = h2s_find_helper_calls(f, &chosen) &&
                 h2s_inline_calls(f, &chosen, h2s_bridge_count_helper_inlined);
  h2s_values_free(&chosen);
  return inlined;
}

bool h2s_inline_object_helpers(h2s_function *f) {
  bool inlined = false;
  for (unsigned round = 0; round < H2S_MAX_HELPER_ROUNDS && h2s_inlines_left(f); ++round) {
    if (!inline_round(f))
      break;
    inlined = true;
  }
  if (inlined) /* the struct of sb_add(&sb) is now only the function's */
    h2s_bridge_scalarize_locals(f->ctx);
  return inlined;
}
