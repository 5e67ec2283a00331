/*===- sites.c - Discovery: which calls allocate, and how much -----------===*
 *
 * Finds every call the function makes to an allocation function, as LLVM's
 * MemoryBuiltins sees it (so nobuiltin calls, -fno-builtin and allockind /
 * alloc-family attributes are honoured), and records its size, alignment and
 * initial contents.  Sites whose kind the later stages cannot model are
 * refused here; the rest start with verdict H2S_PROMOTED.
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

/* Sets the first refusal discovery can already see for 'site'. */
static void refuse_unmodelled_kind(h2s_function *f, h2s_site *site) {
  const h2s_alloc_facts *facts = &site->facts;
  LLVMTypeRef type = LLVMTypeOf(site->call);
  if (facts->is_realloc)
    h2s_refuse(site, H2S_REALLOC, NULL);
  else if (!facts->init_known)
    h2s_refuse(site, H2S_UNKNOWN_CONTENTS, NULL);
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
  *site = (h2s_site){.call = call, .facts = *facts};
  site->size = site->facts.size ? site->facts.size : 1;
  site->align = slot_alignment(call, &site->facts);
  refuse_unmodelled_kind(f, site);
  return true;
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

h2s_site *h2s_site_of(h2s_function *f, LLVMValueRef call) {
  for (size_t i = 0; i < f->nsites; ++i)
    if (f->sites[i].call == call)
      return &f->sites[i];
  return NULL;
}

void h2s_free_site(h2s_site *site) {
  h2s_values_free(&site->derived);
  h2s_values_free(&site->users);
  for (size_t i = 0; i < site->nfrees; ++i)
    h2s_values_free(&site->frees[i].others);
  free(site->frees);
  site->frees = NULL;
  site->nfrees = 0;
}
