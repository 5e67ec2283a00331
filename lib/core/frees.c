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
 * A pointer loaded from a holder (memflow.c) is, in the same way, any of
 * the values stored where the load reads, and null for a zeroed object;
 * a holder written with what the pass cannot name (memcpy) fails.  A
 * pointer into an alloca among them is no heap block: freeing it would be
 * undefined.
 *
 * A call of a free wrapper (wrappers.c) is a free like the others, of the
 * family of the frees its copy leaves out.  Its copy leaves one parameter
 * alone, so a call that is the free of blocks given as two of its
 * arguments keeps them on the heap, as does one that returns a pointer
 * into another site's block.
 *
 * Only a free of the allocation's own value surely frees the block of this
 * very execution; a merged operand may be null or another block while this
 * one lives on, so only the former may end the slot's lifetime.
 *
 * The site's block is its allocation's value or the value of one of its
 * reallocs (escape.c).  A realloc must resize only that block (or null):
 * guard.c tells the slot from the heap by comparing with the site's slot
 * alone.  (A realloc that is its own site resizes only null or its own
 * result: discovery saw to that.)
 *
 *===----------------------------------------------------------------------===*/
#include "site.h"

#include <string.h>

/* True when 'v' is the block of 'site': its allocation or a realloc. */
static bool is_own_block(const h2s_site *site, LLVMValueRef v) {
  if (v == site->call)
    return true;
  for (size_t i = 0; i < site->reallocs.len; ++i)
    if (site->reallocs.items[i] == v)
      return true;
  return false;
}

typedef struct h2s_sources {
  h2s_function *f;
  h2s_site *site;
  h2s_values *others; /* other sites' allocations met; NULL: none allowed */
  h2s_valset reads;   /* holder reads already looked through */
} h2s_sources;

static bool accept_source(LLVMValueRef v, void *data);

static bool accept_sources_of(LLVMValueRef v, void *data) {
  return h2s_visit_sources(v, accept_source, data);
}

/* Accepts a source that is null, the block of 'site', a pointer into the
 * stack or inside a site's block past its start (freeing either would be
 * undefined), one of another site, which it records in 'others' (when
 * they are allowed), and a read of a holder whose stored values it
 * accepts in turn. */
static bool accept_source(LLVMValueRef v, void *data) {
  h2s_sources *s = data;
  if (is_own_block(s->site, v) || LLVMIsAConstantPointerNull(v) ||
      h2s_is_stack_pointer(s->f, v) || h2s_site_inside(s->f, v))
    return true;
  h2s_site *owner = h2s_owner_of(s->f, v);
  if (owner)
    return s->others && h2s_values_push(s->others, owner->call);
  const h2s_holder *h;
  const h2s_access *read = h2s_holder_read(s->f, v, &h);
  int added = read ? h2s_valset_add(&s->reads, v) : -1;
  if (added <= 0)
    return added == 0; /* a read met again adds nothing new */
  return h2s_visit_stored_values(s->f, h, read, accept_sources_of, s);
}

/* True when 'v' is, through merges and holders, only null or sites'
 * blocks; records the other sites in 'others', or fails on them when it is
 * NULL. */
static bool only_site_blocks(h2s_function *f, h2s_site *site, LLVMValueRef v,
                             h2s_values *others) {
  h2s_sources s = {.f = f, .site = site, .others = others};
  bool only = accept_sources_of(v, &s);
  h2s_valset_free(&s.reads);
  return only;
}

static bool derives(const h2s_site *site, LLVMValueRef v) {
  for (size_t i = 0; i < site->derived.len; ++i)
    if (site->derived.items[i] == v)
      return true;
  return false;
}

/* True when the call of free wrapper 'fr' is also the free of a block
 * given as another of its arguments (one copy leaves one parameter alone),
 * or returns a pointer into a site's block (the guarded rewrite replaces
 * its result by a phi, which that site's own rewrite would not see). */
static bool shares_wrapper_call(const h2s_function *f, const h2s_free *fr) {
  for (size_t i = 0; i < f->nsites; ++i) {
    if (derives(&f->sites[i], fr->call))
      return true;
    for (size_t j = 0; j < f->sites[i].nfrees; ++j) {
      const h2s_free *other = &f->sites[i].frees[j];
      if (other->call == fr->call && other->copy && other->arg != fr->arg)
        return true;
    }
  }
  return false;
}

static bool pairs_with(const h2s_site *site, const char *family) {
  return *site->facts.family && strcmp(family, site->facts.family) == 0;
}

/* Refuses 'site' unless each of its frees belongs to its family and frees
 * only null or allocation sites' blocks, and each realloc resizes only its
 * own block; marks the frees that end this execution's block and records
 * the other sites each free may release.  Runs after every site's escape
 * walk, which found the reallocs that make up other sites' blocks. */
void h2s_check_frees(h2s_function *f, h2s_site *site) {
  for (size_t i = 0; i < site->nfrees && h2s_open(site); ++i) {
    h2s_free *fr = &site->frees[i];
    if (!pairs_with(site, fr->family))
      h2s_refuse(site, H2S_FREE_OTHER_FAMILY, fr->call);
    else if (!only_site_blocks(f, site, fr->freed, &fr->others))
      h2s_refuse(site, H2S_FREE_MIXED, fr->call);
    else if (fr->copy && shares_wrapper_call(f, fr))
      h2s_refuse(site, H2S_FREE_SHARED_CALL, fr->call);
    else /* a free wrapper may free on some paths only, then the caller
          * goes on using the block */
      fr->ends_lifetime = fr->freed == site->call && !fr->copy;
  }
  for (size_t i = 0; i < site->reallocs.len && h2s_open(site); ++i) {
    LLVMValueRef realloc = site->reallocs.items[i];
    LLVMValueRef old = h2s_bridge_reallocated_operand(f->ctx, realloc);
    if (!pairs_with(site, h2s_site_of(f, realloc)->facts.family))
      h2s_refuse(site, H2S_FREE_OTHER_FAMILY, realloc);
    else if (!only_site_blocks(f, site, old, NULL))
      h2s_refuse(site, H2S_REALLOC_MIXED, realloc);
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
