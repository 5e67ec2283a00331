/*===- frees.c - Do the block's frees free only promoted blocks? ----------===*
 *
 * A free found by the escape walk is deleted by the rewrite, so it must never
 * release a block that stays on the heap.  Its family must match the
 * allocation's (an allocator without a family pairs with nothing), and its
 * operand must be, through phis, selects and freezes, only null, this
 * allocation or other allocation sites of the function.  The last case is
 * common: when both branches of an if free their own block, SimplifyCFG
 * sinks the two frees into one free of a phi.  Such a shared free ties the
 * sites together: h2s_settle_shared_frees() keeps all of them on the heap
 * when one of them stays there.
 *
 * Only a free of the allocation's own value surely frees the block of this
 * very execution; a merged operand may be null or another block while this
 * one lives on, so only the former may end the slot's lifetime.
 *
 *===----------------------------------------------------------------------===*/
#include "site.h"

#include <string.h>

static bool is_merge(LLVMValueRef v) {
  return LLVMIsAPHINode(v) || LLVMIsASelectInst(v) || LLVMIsAFreezeInst(v);
}

typedef struct h2s_sources {
  h2s_function *f;
  h2s_site *site;
  h2s_free *fr;
  h2s_valset seen; /* merges visited; breaks cycles of phis */
  bool ok;
} h2s_sources;

/* Visits every value that reaches 'v' through merges; clears 'ok' on a
 * source that is neither null nor an allocation site, and records sites
 * other than 'site' in fr->others. */
static void collect_sources(h2s_sources *s, LLVMValueRef v) {
  if (!s->ok || v == s->site->call || LLVMIsAConstantPointerNull(v))
    return;
  if (!is_merge(v)) {
    if (!h2s_site_of(s->f, v) || !h2s_values_push(&s->fr->others, v))
      s->ok = false;
    return;
  }
  int added = h2s_valset_add(&s->seen, v);
  if (added < 0)
    s->ok = false;
  if (added <= 0)
    return;
  if (LLVMIsAPHINode(v)) {
    for (unsigned i = 0, n = LLVMCountIncoming(v); i < n; ++i)
      collect_sources(s, LLVMGetIncomingValue(v, i));
  } else if (LLVMIsASelectInst(v)) {
    collect_sources(s, LLVMGetOperand(v, 1));
    collect_sources(s, LLVMGetOperand(v, 2));
  } else {
    collect_sources(s, LLVMGetOperand(v, 0));
  }
}

static bool frees_only_sites(h2s_function *f, h2s_site *site, h2s_free *fr) {
  h2s_sources s = {.f = f, .site = site, .fr = fr, .ok = true};
  collect_sources(&s, fr->freed);
  h2s_valset_free(&s.seen);
  return s.ok;
}

/* Refuses 'site' unless each of its frees belongs to its family and frees
 * only null or allocation sites; marks the frees that end this execution's
 * block and records the other sites each free may release. */
void h2s_check_frees(h2s_function *f, h2s_site *site) {
  for (size_t i = 0; i < site->nfrees && h2s_open(site); ++i) {
    h2s_free *fr = &site->frees[i];
    if (!*site->facts.family || strcmp(fr->family, site->facts.family) != 0)
      h2s_refuse(site, H2S_FREE_OTHER_FAMILY, fr->call);
    else if (!frees_only_sites(f, site, fr))
      h2s_refuse(site, H2S_FREE_MIXED, fr->call);
    else
      fr->ends_lifetime = fr->freed == site->call;
  }
}

/* Refuses an open site with a free shared with a site that is not open;
 * returns true when it did. */
static bool refuse_if_partner_kept(h2s_function *f, h2s_site *site) {
  for (size_t i = 0; i < site->nfrees; ++i)
    for (size_t j = 0; j < site->frees[i].others.len; ++j)
      if (!h2s_open(h2s_site_of(f, site->frees[i].others.items[j]))) {
        h2s_refuse(site, H2S_FREE_SHARED, site->frees[i].call);
        return true;
      }
  return false;
}

/* Keeps on the heap every site that shares a free with a site kept on the
 * heap, until nothing changes: that free must stay for the heap block, and
 * would then be handed a stack slot.  Such a refusal is final (it is also
 * written to 'analysed').  Returns true when it refused any site. */
bool h2s_settle_shared_frees(h2s_function *f) {
  bool any = false, changed = true;
  while (changed) {
    changed = false;
    for (size_t i = 0; i < f->nsites; ++i) {
      h2s_site *site = &f->sites[i];
      if (h2s_open(site) && refuse_if_partner_kept(f, site)) {
        site->analysed = site->verdict;
        changed = any = true;
      }
    }
  }
  return any;
}
