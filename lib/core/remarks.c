/*===- remarks.c - What the user is told about each site ------------------===*
 *
 * Every site the pass examines gets exactly one remark: Passed when it was
 * promoted, Missed with one concrete reason otherwise.  The wording of every
 * reason is in reason_table below and nowhere else; a promoted site's
 * wording says where it went (placement_table), and a realloc that resizes
 * a promoted block is told so as a Passed remark of its own.  A call that
 * trial.c keeps out of line gets a Missed remark.  A message is a template
 * whose {placeholders} become named remark arguments, so that optimization
 * records (-fsave-optimization-record) carry the size, the callee and the
 * blocking instruction's location as data.  The blocker's location, when it
 * has one, is appended as " (file:line:col)".
 *
 *===----------------------------------------------------------------------===*/
#include "site.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

typedef struct h2s_reason_text {
  const char *name;     /* the remark's identifier */
  const char *message;  /* template; see expand() */
} h2s_reason_text;

/* {callee}: the allocation function; {blocker}: the callee of the blocking
 * call, or the blocking instruction's opcode; {amount} and {limit}: the
 * verdict's numbers; {arg}: the verdict's amount as the number of the
 * argument through which a call may keep or free the block.  H2S_PROMOTED's wording is placement_table's. */
static const h2s_reason_text reason_table[H2S_NUM_REASONS] = {
    [H2S_REALLOC] = {"Realloc", "not promoted: '{callee}' resizes an existing block"},
    [H2S_RESIZES_SITE] = {"Realloc", "not promoted: '{callee}' resizes the '{blocker}' block, which stays on the heap"},
    [H2S_UNKNOWN_CONTENTS] = {"UnknownContents", "not promoted: '{callee}' fills the block with data the pass does not model"},
    [H2S_SIZE_WRAPS] = {"SizeWraps", "not promoted: the size overflows, so '{callee}' always fails"},
    [H2S_PAGE_ALIGNED] = {"PageAligned", "not promoted: '{callee}' returns page-aligned memory"},
    [H2S_ALLOCATOR_DEFINED] = {"AllocatorDefined", "not promoted: '{callee}' is defined in this module"},
    [H2S_ADDRESS_SPACE] = {"AddressSpace", "not promoted: the block is not in the stack's address space"},
    [H2S_STORED] = {"Escapes", "not promoted: stored to memory"},
    [H2S_HOLDER_EXPOSED] = {"Escapes", "not promoted: stored into an object that '{blocker}' may let out"},
    [H2S_HOLDER_PASSED] = {"Escapes", "not promoted: stored into an object passed as argument {arg} to '{blocker}', which may let it out"},
    [H2S_HOLDER_STORED] = {"Escapes", "not promoted: stored into an object whose address is stored to memory"},
    [H2S_HOLDER_RETURNED] = {"Escapes", "not promoted: stored into an object whose address is returned"},
    [H2S_HOLDER_TO_INTEGER] = {"Escapes", "not promoted: stored into an object whose address is converted to an integer"},
    [H2S_HOLDER_UNMODELLED] = {"Unmodelled", "not promoted: stored into an object used by '{blocker}', which the pass does not model"},
    [H2S_HOLDER_UNFOLLOWED] = {"TooManyUses", "not promoted: stored into an object whose uses are more than the pass follows"},
    [H2S_READ_AS_INTEGER] = {"Escapes", "not promoted: stored to memory and read back as an integer"},
    [H2S_RETURNED] = {"Escapes", "not promoted: returned from the function"},
    [H2S_CAPTURED_BY_CALL] = {"Escapes", "not promoted: passed as argument {arg} to '{blocker}', which may keep it"},
    [H2S_FREED_BY_CALL] = {"Escapes", "not promoted: passed as argument {arg} to '{blocker}', which may free it"},
    [H2S_MUSTTAIL] = {"Escapes", "not promoted: passed to a musttail call of '{blocker}'"},
    [H2S_TO_SANITIZED_CALLEE] = {"Sanitized", "not promoted: passed to '{blocker}', which is built with a sanitizer that checks heap accesses"},
    [H2S_INLINE_ASM] = {"Escapes", "not promoted: passed to inline assembly"},
    [H2S_TO_INTEGER] = {"Escapes", "not promoted: converted to an integer"},
    [H2S_ATOMIC] = {"Unmodelled", "not promoted: accessed by an atomic '{blocker}'"},
    [H2S_UNMODELLED_USE] = {"Unmodelled", "not promoted: used by '{blocker}', which the pass does not model"},
    [H2S_TOO_MANY_USES] = {"TooManyUses", "not promoted: more than {limit} uses to analyse"},
    [H2S_FREE_OTHER_FAMILY] = {"FreeMismatch", "not promoted: freed by '{blocker}', which does not pair with '{callee}'"},
    [H2S_FREE_MIXED] = {"FreeMismatch", "not promoted: '{blocker}' may free another block too"},
    [H2S_FREE_SHARED] = {"FreeShared", "not promoted: '{blocker}' also frees a block that stays on the heap"},
    [H2S_FREE_SHARED_CALL] = {"FreeShared", "not promoted: the call of '{blocker}' also frees or returns another block"},
    [H2S_REALLOC_MIXED] = {"FreeMismatch", "not promoted: '{blocker}' may resize another block too"},
    [H2S_LOOP_CARRIED] = {"LoopCarried", "not promoted: a block may still be in use when the next one is allocated"},
    [H2S_SIZE_NOT_CONSTANT] = {"DynamicSize", "not promoted: size is known only at run time and guarded slots are off (guard-size=0)"},
    [H2S_GUARD_TOO_LARGE] = {"TooLarge", "not promoted: the {amount}-byte guarded slot exceeds the {limit}-byte limit per block (max-size)"},
    [H2S_ALIGN_NOT_CONSTANT] = {"DynamicAlign", "not promoted: alignment is not a compile-time constant"},
    [H2S_ALIGN_INVALID] = {"BadAlign", "not promoted: alignment is not a power of two"},
    [H2S_ALIGN_TOO_LARGE] = {"BadAlign", "not promoted: {amount}-byte alignment exceeds the {limit}-byte limit per block (max-size)"},
    [H2S_TOO_LARGE] = {"TooLarge", "not promoted: a {amount}-byte block exceeds the {limit}-byte limit per block (max-size)"},
    [H2S_OVER_BUDGET] = {"OverBudget", "not promoted: a {amount}-byte slot would exceed the function's {limit}-byte stack budget (frame-budget)"},
    [H2S_RECURSIVE] = {"Recursive", "not promoted: the function may be recursive and a {amount}-byte slot exceeds its {limit}-byte budget (recursive-budget)"},
    [H2S_RETURNS_TWICE] = {"ReturnsTwice", "not promoted: the function calls '{blocker}', which returns twice"},
    [H2S_MUSTTAIL_CALLER] = {"MustTail", "not promoted: the function makes a musttail call of '{blocker}', which may reach a slot through memory after the frame is gone"},
    [H2S_COROUTINE] = {"Coroutine", "not promoted: the function is a coroutine that is not yet split"},
    [H2S_SANITIZED] = {"Sanitized", "not promoted: the function is built with a sanitizer that checks heap accesses"},
    [H2S_REALTIME] = {"Sanitized", "not promoted: the function is nonblocking under RealtimeSanitizer, which reports its heap calls"},
    [H2S_OPTED_OUT] = {"OptedOut", "not promoted: the function is annotated 'heap2stack-off'"},
    [H2S_ALWAYS_INLINE] = {"AlwaysInline", "not promoted: the function is always_inline, and an inliner may still move it into a recursive caller"},
};

/* The Passed wording of a promoted site, by where its block went; copies
 * (strdup) and guarded slots say so.  H2S_RESIZED_IN_SLOT words a realloc
 * whose block was promoted. */
enum { H2S_COPIED = H2S_PLACE_ROOMY + 1, H2S_COPIED_GUARDED, H2S_RESIZED_IN_SLOT,
       H2S_NUM_PLACEMENT_TEXTS };
static const h2s_reason_text placement_table[H2S_NUM_PLACEMENT_TEXTS] = {
    [H2S_PLACE_CONSTANT] = {"Promoted", "moved {amount}-byte '{callee}' block to the stack"},
    [H2S_PLACE_BOUNDED] = {"Promoted", "moved '{callee}' block of at most {amount} bytes to the stack"},
    [H2S_PLACE_GUARDED] = {"PromotedGuarded", "moved '{callee}' block to a {amount}-byte stack slot when it fits, to the heap when larger"},
    [H2S_PLACE_ROOMY] = {"Promoted", "moved {amount}-byte '{callee}' block to a {limit}-byte stack slot, in which it grows while it fits"},
    [H2S_COPIED] = {"Promoted", "copied the {amount}-byte '{callee}' string to the stack"},
    [H2S_COPIED_GUARDED] = {"PromotedGuarded", "copied the '{callee}' string to a {amount}-byte stack slot when it fits, to the heap when longer"},
    [H2S_RESIZED_IN_SLOT] = {"ReallocInSlot", "'{callee}' keeps the '{blocker}' block in its stack slot while it fits"},
};

/* What a promoted site of a split function (split.c) adds to its wording. */
static const char room_name[] = "PromotedWithRoom";
static const char room_condition[] =
    "; the function may recurse, so only while the thread's stack has room";

enum { MAX_PATH_STEPS = 24, MAX_ARGS = 16 + 2 * (MAX_PATH_STEPS + 2), TEXT_CAP = 4096 };

/* A message under construction: pieces pointing into 'text'. */
typedef struct h2s_message {
  h2s_remark_arg args[MAX_ARGS];
  size_t nargs;
  char text[TEXT_CAP];
  size_t used;
} h2s_message;

static void add_piece(h2s_message *m, const char *key, const char *s, size_t len) {
  if (m->nargs == MAX_ARGS || m->used + len + 1 > TEXT_CAP)
    return;
  char *dst = m->text + m->used;
  memcpy(dst, s, len);
  dst[len] = '\0';
  m->used += len + 1;
  m->args[m->nargs++] = (h2s_remark_arg){key, dst, NULL};
}

static void add_text(h2s_message *m, const char *s) {
  add_piece(m, NULL, s, strlen(s));
}

static void blocker_name(LLVMValueRef blocker, char *out, size_t cap) {
  if (blocker && h2s_is_call(blocker) && *h2s_callee_name(blocker))
    snprintf(out, cap, "%s", h2s_callee_name(blocker));
  else if (blocker && h2s_is_call(blocker))
    snprintf(out, cap, "an indirect call");
  else if (blocker)
    snprintf(out, cap, "%s", h2s_bridge_opcode_name(blocker));
  else
    snprintf(out, cap, "?");
}

/* Writes 'file:line:col' of 'inst' into 'out'; false when it has none. */
static bool source_location(LLVMValueRef inst, char *out, size_t cap) {
  unsigned len = 0;
  const char *file = inst ? LLVMGetDebugLocFilename(inst, &len) : NULL;
  if (!file || !len || !LLVMGetDebugLocLine(inst))
    return false;
  snprintf(out, cap, "%.*s:%u:%u", (int)len, file, LLVMGetDebugLocLine(inst),
           LLVMGetDebugLocColumn(inst));
  return true;
}

static void expand_placeholder(h2s_message *m, const char *name, size_t len,
                               const h2s_site *site) {
  char buf[256];
  const char *key;
  if (len == 6 && !strncmp(name, "callee", len)) {
    key = "Callee";
    snprintf(buf, sizeof buf, "%s", h2s_callee_name(site->call));
  } else if (len == 7 && !strncmp(name, "blocker", len)) {
    key = "Blocker";
    blocker_name(site->verdict.blocker, buf, sizeof buf);
  } else if (len == 3 && !strncmp(name, "arg", len)) {
    key = "Argument";
    snprintf(buf, sizeof buf, "%" PRIu64, site->verdict.amount);
  } else if (len == 6 && !strncmp(name, "amount", len)) {
    key = "Bytes";
    snprintf(buf, sizeof buf, "%" PRIu64, site->verdict.amount);
  } else {
    key = "Limit";
    snprintf(buf, sizeof buf, "%" PRIu64, site->verdict.limit);
  }
  add_piece(m, key, buf, strlen(buf));
}

/* Turns 'template' into pieces: literal text, then one named piece per
 * {placeholder}. */
static void expand(h2s_message *m, const char *template, const h2s_site *site) {
  const char *p = template;
  while (*p) {
    const char *open = strchr(p, '{');
    if (!open) {
      add_text(m, p);
      return;
    }
    if (open > p)
      add_piece(m, NULL, p, (size_t)(open - p));
    const char *close = strchr(open, '}');
    expand_placeholder(m, open + 1, (size_t)(close - open - 1), site);
    p = close + 1;
  }
}

static void append_location(h2s_message *m, LLVMValueRef blocker) {
  char loc[256];
  if (!source_location(blocker, loc, sizeof loc))
    return;
  add_text(m, " (");
  add_piece(m, "BlockerLoc", loc, strlen(loc));
  add_text(m, ")");
}

/* One step of an escape path, an argument "Path" at the step's location:
 * "call to 'consume'", "store", "phi". */
static void add_step(h2s_message *m, LLVMValueRef inst) {
  char text[256];
  if (!inst)
    snprintf(text, sizeof text, "...");
  else if (h2s_is_call(inst) && h2s_called_function(inst))
    snprintf(text, sizeof text, "call to '%s'", h2s_callee_name(inst));
  else
    snprintf(text, sizeof text, "%s", h2s_bridge_opcode_name(inst));
  size_t before = m->nargs;
  add_piece(m, "Path", text, strlen(text));
  if (m->nargs > before)
    m->args[before].at = inst;
}

/* The escape path of a site escape.c refused, for records only (Go's
 * -m=2), as " (escape path: step -> step)" so that a viewer showing every
 * argument reads it as text; "PathSep" pieces are the punctuation.  A long
 * path keeps its two ends around a "..." step. */
static void append_path(h2s_message *m, const h2s_site *site) {
  const h2s_values *path = &site->path;
  size_t half = MAX_PATH_STEPS / 2;
  for (size_t i = 0; i < path->len; ++i) {
    const char *sep = i ? " -> " : " (escape path: ";
    add_piece(m, "PathSep", sep, strlen(sep));
    if (path->len > MAX_PATH_STEPS && i == half) {
      add_step(m, NULL);
      add_piece(m, "PathSep", " -> ", 4);
      i = path->len - half;
    }
    add_step(m, path->items[i]);
  }
  if (path->len)
    add_piece(m, "PathSep", ")", 1);
}

/* A promoted site whose pointer waits in another object says which one:
 * the site whose block holds it, or a local variable. */
static void append_holder(h2s_message *m, h2s_function *f, const h2s_site *site) {
  for (size_t i = 0; i < site->nheld; ++i) {
    LLVMValueRef base = site->held[i].holder->base;
    if (base == site->call)
      continue;
    const h2s_site *owner = h2s_site_of(f, base);
    char loc[256];
    if (!owner) {
      add_text(m, "; its pointer is kept in a local variable");
      return;
    }
    add_text(m, "; its pointer is kept in the '");
    const char *callee = h2s_callee_name(base);
    add_piece(m, "Holder", callee, strlen(callee));
    add_text(m, "' block");
    if (source_location(base, loc, sizeof loc)) {
      add_text(m, " allocated at ");
      add_piece(m, "HolderLoc", loc, strlen(loc));
    }
    return;
  }
}

/* A promoted site freed through a free wrapper says which, and where that
 * call now calls the wrapper's copy (the first such call). */
static void append_wrapper(h2s_message *m, const h2s_site *site) {
  for (size_t i = 0; i < site->nfrees; ++i) {
    if (!site->frees[i].copy)
      continue;
    const char *name = h2s_callee_name(site->frees[i].call);
    char loc[256];
    add_text(m, "; '");
    add_piece(m, "Wrapper", name, strlen(name));
    add_text(m, "' frees it, and is called as a copy that does not");
    if (source_location(site->frees[i].call, loc, sizeof loc)) {
      add_text(m, " at ");
      add_piece(m, "WrapperLoc", loc, strlen(loc));
    }
    return;
  }
}

/* The wording of a promoted 'site'. */
static const h2s_reason_text *promoted_text(const h2s_site *site) {
  if (site->copy == H2S_COPY_NONE)
    return &placement_table[site->placement];
  return &placement_table[site->placement == H2S_PLACE_GUARDED ? H2S_COPIED_GUARDED
                                                                : H2S_COPIED];
}

/* True when 'site' is a realloc that resizes a block promoted elsewhere. */
static bool resizes_promoted_block(h2s_function *f, const h2s_site *site) {
  return site->verdict.reason == H2S_RESIZES_SITE &&
         h2s_open(h2s_site_of(f, site->verdict.blocker));
}

/* Emits the one remark for 'site', at the allocation call. */
void h2s_remark_site(h2s_function *f, const h2s_site *site) {
  h2s_verdict verdict = site->verdict;
  bool passed = h2s_open(site) || resizes_promoted_block(f, site);
  const h2s_reason_text *text = &reason_table[verdict.reason];
  if (h2s_open(site))
    text = promoted_text(site);
  else if (passed)
    text = &placement_table[H2S_RESIZED_IN_SLOT];
  h2s_message m = {.nargs = 0, .used = 0};
  expand(&m, text->message, site);
  const char *name = text->name;
  if (h2s_open(site) && f->room_split) {
    add_text(&m, room_condition);
    name = room_name;
  }
  if (h2s_open(site)) {
    append_holder(&m, f, site);
    append_wrapper(&m, site);
  }
  append_location(&m, verdict.blocker);
  size_t first_extra = m.nargs;
  if (!passed)
    append_path(&m, site);
  h2s_bridge_emit_remark(f->ctx, passed ? H2S_REMARK_PASSED : H2S_REMARK_MISSED,
                         name, site->call, m.args, m.nargs, first_extra);
}

/* The remark of a call trial.c left out of line, at the call: after a
 * trial in a copy of the function, or without one. */
void h2s_remark_kept_call(h2s_function *f, LLVMValueRef call, bool copied) {
  const char *callee = h2s_callee_name(call);
  h2s_message m = {.nargs = 0, .used = 0};
  add_text(&m, "not inlined '");
  add_piece(&m, "Callee", callee, strlen(callee));
  add_text(&m, copied ? "': inlining it would promote no more blocks here"
                      : "': the function takes the address of its blocks, and is not copied for a trial");
  h2s_bridge_emit_remark(f->ctx, H2S_REMARK_MISSED, "NotInlined", call, m.args, m.nargs,
                         m.nargs);
}
