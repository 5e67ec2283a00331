/*===- sites.c - Discovery: which calls allocate, and how much -----------===*
 *
 * Finds every call the function makes to an allocation function, as LLVM's
 * MemoryBuiltins sees it (so nobuiltin calls, -fno-builtin and allockind /
 * alloc-family attributes are honoured), and records its size, alignment and
 * initial contents: undefined, zero (calloc), or a copy of a string (strdup,
 * strndup).  A size known only at run time may still have a bound that
 * LLVM's value facts prove (h2s_size_bound).  Sites whose kind the later
 * stages cannot model are refused here; the rest start with verdict
 * H2S_PROMOTED.  A realloc is a site of its own when it reallocates null
 * (then it is a malloc) or grows its own result from null; otherwise it
 * resizes a block, which escape.c attributes to the site that allocated
 * it.
 *
 *===----------------------------------------------------------------------===*/
#include "site.h"

#include <stdlib.h>
#include <string.h>

/* valloc and pvalloc promise page alignment, which MemoryBuiltins does not
 * describe; a 16-byte aligned slot would break that promise. */
static bool promises_page_alignment(LLVMValueRef call) {
  const char *name = h2s_callee_name(call);
  return strcmp(name, "valloc") == 0 || strcmp(name, "pvalloc") == 0;
}

/* A program that defines its own allocator may count or log calls; keep its
 * calls.  A declaration is the C library's (or a replacement we cannot see). */
static bool allocator_defined_here(LLVMValueRef call) {
  LLVMValueRef callee = h2s_called_function(call);
  return callee && !LLVMIsDeclaration(callee);
}

static uint64_t max_u64(uint64_t a, uint64_t b) { return a > b ? a : b; }

/* What the slot's alignment must be at least, before escape.c adds what
 * the block's uses rely on: malloc's guarantee, the requested alignment and
 * an 'align' attribute on the call's result. */
static uint64_t slot_alignment(LLVMValueRef call, const h2s_alloc_facts *facts) {
  uint64_t align = H2S_MIN_ALIGN;
  if (facts->align && LLVMIsAConstantInt(facts->align))
    align = max_u64(align, LLVMConstIntGetZExtValue(facts->align));
  LLVMAttributeRef ret = LLVMGetCallSiteEnumAttribute(
      call, LLVMAttributeReturnIndex, h2s_attr_kind("align"));
  return ret ? max_u64(align, LLVMGetEnumAttributeValue(ret)) : align;
}

/* realloc(NULL, n) allocates afresh, exactly as malloc(n) does. */
static bool reallocates_null(LLVMValueRef old) {
  return old && LLVMIsAConstantPointerNull(old);
}

typedef struct h2s_growth {
  LLVMValueRef realloc;
  bool from_null;
} h2s_growth;

static bool null_or_own_result(LLVMValueRef v, void *data) {
  h2s_growth *g = data;
  g->from_null = g->from_null || LLVMIsAConstantPointerNull(v);
  return v == g->realloc || LLVMIsAConstantPointerNull(v);
}

/* True when 'realloc' grows a buffer that starts as null: its old pointer
 * 'old' is, through phis and selects, only null or its own earlier result
 * (buf = realloc(buf, n) in a loop, buf first null).  Then it is a site of
 * its own (unless invoked: guard.c splits the block after the call).  A
 * buffer that starts as another site's block (malloc, then realloc) is that
 * site's, and the realloc only resizes it. */
static bool grows_from_null(LLVMValueRef realloc, LLVMValueRef old) {
  h2s_growth g = {.realloc = realloc};
  return old && h2s_is_merge(old) && !LLVMIsAInvokeInst(realloc) &&
         h2s_visit_sources(old, null_or_own_result, &g) && g.from_null;
}

/* True when the module defines a function 'name' of its own. */
static bool defines(h2s_function *f, const char *name) {
  LLVMValueRef fn = LLVMGetNamedFunction(h2s_module(f), name);
  return fn && !LLVMIsDeclaration(fn);
}

/* What a call whose initial contents MemoryBuiltins does not describe
 * copies into its block.  The call is an allocation by MemoryBuiltins,
 * which checked its prototype, so the library name settles it.  The copy
 * measures the string with strlen (strnlen), so a module with its own
 * strlen keeps its strdup calls. */
static h2s_copy copied_contents(h2s_function *f, LLVMValueRef call) {
  char name[H2S_FAMILY_CAP];
  if (!h2s_bridge_library_function(f->ctx, call, name))
    return H2S_COPY_NONE;
  if (strcmp(name, "strdup") == 0 && !defines(f, "strlen"))
    return H2S_COPY_STRING;
  if (strcmp(name, "strndup") == 0 && !defines(f, "strnlen"))
    return H2S_COPY_PREFIX;
  return H2S_COPY_NONE;
}

/* True when every size operand is a constant but MemoryBuiltins found no
 * size: their product does not fit in 64 bits, and the call always fails. */
static bool size_always_wraps(const h2s_site *site) {
  const int *arg = site->facts.size_arg;
  if (site->facts.has_size || arg[0] < 0)
    return false;
  for (int i = 0; i < 2 && arg[i] >= 0; ++i)
    if (!LLVMIsAConstantInt(LLVMGetOperand(site->call, (unsigned)arg[i])))
      return false;
  return true;
}

/* Sets the first refusal discovery can already see for 'site'. */
static void refuse_unmodelled_kind(h2s_function *f, h2s_site *site) {
  const h2s_alloc_facts *facts = &site->facts;
  LLVMTypeRef type = LLVMTypeOf(site->call);
  LLVMValueRef old =
      facts->is_realloc ? h2s_bridge_reallocated_operand(f->ctx, site->call) : NULL;
  site->resizes_itself = grows_from_null(site->call, old);
  if (facts->is_realloc && !reallocates_null(old) && !site->resizes_itself)
    h2s_refuse(site, H2S_REALLOC, NULL);
  else if (!facts->init_known && !facts->is_realloc &&
           (site->copy = copied_contents(f, site->call)) == H2S_COPY_NONE)
    h2s_refuse(site, H2S_UNKNOWN_CONTENTS, NULL);
  else if (size_always_wraps(site))
    h2s_refuse(site, H2S_SIZE_WRAPS, NULL);
  else if (promises_page_alignment(site->call))
    h2s_refuse(site, H2S_PAGE_ALIGNED, NULL);
  else if (allocator_defined_here(site->call))
    h2s_refuse(site, H2S_ALLOCATOR_DEFINED, NULL);
  else if (LLVMGetTypeKind(type) != LLVMPointerTypeKind ||
           LLVMGetPointerAddressSpace(type) !=
               h2s_bridge_alloca_address_space(f->ctx))
    h2s_refuse(site, H2S_ADDRESS_SPACE, NULL);
}

static bool add_site(h2s_function *f, LLVMValueRef call,
                     const h2s_alloc_facts *facts, h2s_site **sites,
                     size_t *nsites, size_t *cap) {
  if (*nsites == *cap) {
    size_t bigger = *cap ? *cap * 2 : 8;
    h2s_site *grown = realloc(*sites, bigger * sizeof *grown);
    if (!grown)
      return false;
    *sites = grown;
    *cap = bigger;
  }
  h2s_site *site = &(*sites)[(*nsites)++];
  *site = (h2s_site){.call = call, .facts = *facts, .bound = UINT64_MAX};
  site->size = h2s_constant_size(site);
  site->align = slot_alignment(call, &site->facts);
  refuse_unmodelled_kind(f, site);
  return true;
}

bool h2s_is_allocation(h2s_fn_ctx *ctx, LLVMValueRef v) {
  h2s_alloc_facts facts;
  if (!h2s_is_call(v))
    return false;
  h2s_bridge_describe_alloc(ctx, v, &facts);
  return facts.is_alloc;
}

/* Collects the allocation sites of 'f->fn' in program order into f->sites.
 * Returns false when memory ran out. */
bool h2s_discover_sites(h2s_function *f) {
  size_t cap = 0;
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->fn); bb;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef inst = LLVMGetFirstInstruction(bb); inst;
         inst = LLVMGetNextInstruction(inst)) {
      if (!h2s_is_call(inst))
        continue;
      h2s_alloc_facts facts;
      h2s_bridge_describe_alloc(f->ctx, inst, &facts);
      if (facts.is_alloc && !add_site(f, inst, &facts, &f->sites, &f->nsites, &cap))
        return false;
    }
  return true;
}

/* The largest run-time size of 'site' that the value facts of its size
 * operands prove, or UINT64_MAX.  A copied string's length is not an
 * operand: strdup has no bound. */
uint64_t h2s_size_bound(h2s_function *f, const h2s_site *site) {
  const int *arg = site->facts.size_arg;
  if (site->facts.has_size)
    return site->facts.size;
  if (site->copy != H2S_COPY_NONE || arg[0] < 0)
    return UINT64_MAX;
  uint64_t bound = h2s_bridge_arg_max(f->ctx, site->call, (unsigned)arg[0]);
  if (arg[1] < 0)
    return bound;
  uint64_t count = h2s_bridge_arg_max(f->ctx, site->call, (unsigned)arg[1]);
  if (bound && count > UINT64_MAX / bound)
    return UINT64_MAX;
  return bound * count;
}

h2s_site *h2s_site_of(h2s_function *f, LLVMValueRef call) {
  for (size_t i = 0; i < f->nsites; ++i)
    if (f->sites[i].call == call)
      return &f->sites[i];
  return NULL;
}

h2s_site *h2s_site_inside(h2s_function *f, LLVMValueRef v) {
  h2s_base_offset at;
  h2s_site *site = h2s_site_of(f, h2s_bridge_pointer_base(f->ctx, v, &at));
  return site && at.known && !at.stride && at.offset > 0 && site->facts.has_size &&
                 (uint64_t)at.offset < site->facts.size
             ? site
             : NULL;
}

h2s_site *h2s_owner_of(h2s_function *f, LLVMValueRef v) {
  for (size_t i = 0; i < f->nsites; ++i) {
    h2s_site *site = &f->sites[i];
    if (site->call == v)
      return site->verdict.reason == H2S_RESIZES_SITE
                 ? h2s_site_of(f, site->verdict.blocker)
                 : site;
  }
  return NULL;
}

void h2s_free_site(h2s_site *site) {
  h2s_values_free(&site->derived);
  h2s_values_free(&site->path);
  h2s_values_free(&site->users);
  h2s_values_free(&site->reallocs);
  for (size_t i = 0; i < site->nfrees; ++i)
    h2s_values_free(&site->frees[i].others);
  free(site->frees);
  free(site->held);
  site->held = NULL;
  site->nheld = 0;
  site->frees = NULL;
  site->nfrees = 0;
}
