/*===- frees.c - Do the block's frees free only this block? --------------===*
 *
 * A free found by the escape walk is removed by the rewrite, so it must never
 * release anything but this block (or null): its family must match the
 * allocation's (an allocator without a family pairs with nothing), and its
 * operand must be the allocation itself, possibly
 * through phis, selects and freezes whose other inputs are null or again the
 * allocation.  An offset pointer or a merge with another block keeps the site
 * on the heap.  Only a free of the allocation's own value surely frees the
 * block of this very execution; a merged operand may be null while the block
 * lives on, so only the former may end the slot's lifetime.
 *
 *===----------------------------------------------------------------------===*/
#include "site.h"

#include <string.h>

static bool is_null_pointer(LLVMValueRef v) {
  return LLVMIsAConstantPointerNull(v) != NULL;
}

static bool is_merge(LLVMValueRef v) {
  return LLVMIsAPHINode(v) || LLVMIsASelectInst(v) || LLVMIsAFreezeInst(v);
}

/* True when every value that can reach 'v' through merges is 'alloc' or a
 * null pointer.  'seen' breaks cycles of phis. */
static bool only_block_or_null(LLVMValueRef v, LLVMValueRef alloc,
                               h2s_valset *seen) {
  if (v == alloc || is_null_pointer(v))
    return true;
  if (!is_merge(v))
    return false;
  int added = h2s_valset_add(seen, v);
  if (added <= 0)
    return added == 0; /* revisiting a phi adds no new input */
  if (LLVMIsAPHINode(v)) {
    for (unsigned i = 0, n = LLVMCountIncoming(v); i < n; ++i)
      if (!only_block_or_null(LLVMGetIncomingValue(v, i), alloc, seen))
        return false;
    return true;
  }
  if (LLVMIsASelectInst(v))
    return only_block_or_null(LLVMGetOperand(v, 1), alloc, seen) &&
           only_block_or_null(LLVMGetOperand(v, 2), alloc, seen);
  return only_block_or_null(LLVMGetOperand(v, 0), alloc, seen);
}

static bool frees_only_this_block(const h2s_site *site, const h2s_free *fr) {
  h2s_valset seen = {0};
  bool only = only_block_or_null(fr->freed, site->call, &seen);
  h2s_valset_free(&seen);
  return only;
}

/* Refuses 'site' unless each of its frees belongs to its family and frees
 * only this block or null; marks the frees that end this execution's block. */
void h2s_check_frees(h2s_site *site) {
  for (size_t i = 0; i < site->nfrees && h2s_open(site); ++i) {
    h2s_free *fr = &site->frees[i];
    if (!*site->facts.family || strcmp(fr->family, site->facts.family) != 0)
      h2s_refuse(site, H2S_FREE_OTHER_FAMILY, fr->call);
    else if (!frees_only_this_block(site, fr))
      h2s_refuse(site, H2S_FREE_MIXED, fr->call);
    else
      fr->ends_lifetime = fr->freed == site->call;
  }
}
