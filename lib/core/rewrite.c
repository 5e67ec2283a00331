/*===- rewrite.c - Turn a promoted site into a stack slot -----------------===*
 *
 * For a site every earlier stage accepted:
 *   1. a static alloca [size x i8] at the top of the entry block, aligned at
 *      least to what malloc guarantees;
 *   2. llvm.lifetime.start where the allocation was, then zero-fill for
 *      calloc-like sites, and the allocation's uses pointed at the slot;
 *   3. llvm.lifetime.end before each free that surely frees this execution's
 *      block (frees.c), and every free of the block deleted;
 *   4. calls that receive the pointer lose their 'tail' marker, which
 *      promised that the callee touches no alloca of this frame;
 *   5. a function under -fstack-protector (ssp) becomes sspstrong, see
 *      h2s_protect_frame().
 * The stack never grows per iteration: the slot is static.
 *
 *===----------------------------------------------------------------------===*/
#include "site.h"

#include <string.h>

static LLVMValueRef build_slot(LLVMBuilderRef b, h2s_function *f, const h2s_site *site) {
  LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(f->fn);
  LLVMValueRef first = LLVMGetFirstInstruction(entry);
  while (first && LLVMIsAAllocaInst(first))
    first = LLVMGetNextInstruction(first);
  if (first)
    LLVMPositionBuilderBefore(b, first);
  else
    LLVMPositionBuilderAtEnd(b, entry);
  LLVMContextRef ctx = LLVMGetModuleContext(LLVMGetGlobalParent(f->fn));
  LLVMTypeRef bytes = LLVMArrayType2(LLVMInt8TypeInContext(ctx), site->size);
  LLVMValueRef slot = LLVMBuildAlloca(b, bytes, "h2s.slot");
  LLVMSetAlignment(slot, (unsigned)site->align); /* policy.c: <= H2S_MAX_ALIGN */
  return slot;
}

static void build_lifetime_marker(LLVMBuilderRef b, LLVMValueRef fn,
                                  const char *name, LLVMValueRef slot) {
  LLVMModuleRef mod = LLVMGetGlobalParent(fn);
  LLVMTypeRef ptr = LLVMTypeOf(slot);
  unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
  LLVMValueRef decl = LLVMGetIntrinsicDeclaration(mod, id, &ptr, 1);
  LLVMTypeRef type = LLVMIntrinsicGetType(LLVMGetModuleContext(mod), id, &ptr, 1);
  LLVMBuildCall2(b, type, decl, &slot, 1, "");
}

/* Turns an invoke into a plain call so that it can be deleted like one. */
static LLVMValueRef as_call(h2s_function *f, LLVMValueRef inst) {
  return LLVMIsAInvokeInst(inst) ? h2s_bridge_invoke_to_call(f->ctx, inst) : inst;
}

/* Deletes 'inst' and remembers that it is gone: a free shared by several
 * sites, or an allocation that is also a user of another site, must be
 * neither deleted twice nor touched once deleted. */
static void erase(h2s_function *f, LLVMValueRef original, LLVMValueRef inst) {
  h2s_valset_add(&f->erased, original);
  LLVMInstructionEraseFromParent(inst);
}

static void drop_tail_markers(h2s_function *f, const h2s_site *site) {
  for (size_t i = 0; i < site->users.len; ++i) {
    LLVMValueRef call = site->users.items[i];
    if (h2s_valset_has(&f->erased, call))
      continue;
    if (LLVMIsACallInst(call) && LLVMGetTailCallKind(call) == LLVMTailCallKindTail)
      LLVMSetTailCallKind(call, LLVMTailCallKindNone);
  }
}

static void remove_frees(LLVMBuilderRef b, h2s_function *f, const h2s_site *site,
                         LLVMValueRef slot) {
  for (size_t i = 0; i < site->nfrees; ++i) {
    LLVMValueRef original = site->frees[i].call;
    if (h2s_valset_has(&f->erased, original))
      continue;
    LLVMValueRef call = as_call(f, original);
    if (site->frees[i].ends_lifetime) {
      LLVMPositionBuilderBefore(b, call);
      build_lifetime_marker(b, f->fn, "llvm.lifetime.end", slot);
    }
    erase(f, original, call);
  }
}

/* Replaces the allocation of 'site' by a stack slot (see the steps above). */
void h2s_rewrite_site(h2s_function *f, h2s_site *site) {
  LLVMBuilderRef b = LLVMCreateBuilderInContext(
      LLVMGetModuleContext(LLVMGetGlobalParent(f->fn)));
  LLVMValueRef slot = build_slot(b, f, site);
  drop_tail_markers(f, site);
  remove_frees(b, f, site, slot);

  LLVMValueRef original = site->call;
  LLVMValueRef alloc = as_call(f, original);
  LLVMPositionBuilderBefore(b, alloc);
  build_lifetime_marker(b, f->fn, "llvm.lifetime.start", slot);
  if (site->facts.zero_init) {
    LLVMValueRef zero = LLVMConstInt(LLVMInt8TypeInContext(LLVMGetTypeContext(LLVMTypeOf(slot))), 0, 0);
    LLVMValueRef len = LLVMConstInt(LLVMInt64TypeInContext(LLVMGetTypeContext(LLVMTypeOf(slot))), site->size, 0);
    LLVMBuildMemSet(b, slot, zero, len, (unsigned)site->align);
  }
  LLVMReplaceAllUsesWith(alloc, slot);
  erase(f, original, alloc);
  LLVMDisposeBuilder(b);
}

/* A heap overflow of a promoted block is now a stack overflow.  Under
 * -fstack-protector (ssp) only character arrays of 8 bytes or more get a
 * canary, and SROA may reshape a slot into something else; sspstrong
 * protects every frame with a local array or address-taken local, so an
 * overflow of a promoted block is caught as one of a stack buffer would be.
 * Functions without stack protection, or with sspstrong/sspreq, keep their
 * setting. */
void h2s_protect_frame(h2s_function *f) {
  LLVMAttributeIndex fn = LLVMAttributeFunctionIndex;
  if (!h2s_fn_has_attr(f->fn, "ssp"))
    return;
  LLVMRemoveEnumAttributeAtIndex(f->fn, fn, h2s_attr_kind("ssp"));
  LLVMContextRef ctx = LLVMGetModuleContext(LLVMGetGlobalParent(f->fn));
  LLVMAddAttributeAtIndex(f->fn, fn,
                          LLVMCreateEnumAttribute(ctx, h2s_attr_kind("sspstrong"), 0));
}
