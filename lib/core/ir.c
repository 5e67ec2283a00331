/*===- ir.c - Small questions about IR that every stage asks --------------===*
 *
 * Thin helpers over the LLVM-C API that more than one stage needs; they
 * decide nothing about promotion.
 *
 *===----------------------------------------------------------------------===*/
#include "site.h"

#include <stdlib.h>
#include <string.h>

bool h2s_is_call(LLVMValueRef inst) {
  return LLVMIsACallInst(inst) || LLVMIsAInvokeInst(inst);
}

/* A call whose type is not its callee's (a function called without its
 * prototype in C) passes arguments the callee's parameters do not
 * describe: like LLVM's getCalledFunction(), it counts as indirect. */
LLVMValueRef h2s_called_function(LLVMValueRef call) {
  LLVMValueRef callee = LLVMGetCalledValue(call);
  return LLVMIsAFunction(callee) &&
                 LLVMGlobalGetValueType(callee) == LLVMGetCalledFunctionType(call)
             ? callee
             : NULL;
}

/* The name of the function 'call' names, whatever the call's type. */
const char *h2s_callee_name(LLVMValueRef call) {
  LLVMValueRef callee = LLVMGetCalledValue(call);
  if (!LLVMIsAFunction(callee))
    return "";
  size_t len;
  return LLVMGetValueName2(callee, &len);
}

unsigned h2s_operand_index(LLVMUseRef use) {
  LLVMValueRef user = LLVMGetUser(use);
  unsigned n = (unsigned)LLVMGetNumOperands(user);
  for (unsigned i = 0; i < n; ++i)
    if (LLVMGetOperandUse(user, i) == use)
      return i;
  return n;
}

unsigned h2s_attr_kind(const char *name) {
  return LLVMGetEnumAttributeKindForName(name, strlen(name));
}

bool h2s_fn_has_attr(LLVMValueRef fn, const char *name) {
  return LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                                     h2s_attr_kind(name)) != NULL;
}

bool h2s_param_has_any_attr(LLVMValueRef fn, unsigned param, const char *const *names,
                            size_t n) {
  for (size_t k = 0; k < n; ++k)
    if (LLVMGetEnumAttributeAtIndex(fn, param + 1, h2s_attr_kind(names[k])))
      return true;
  return false;
}

/* The string an annotation's second field points to, or NULL. */
static const char *annotation_text(LLVMValueRef entry, size_t *len) {
  if (LLVMGetNumOperands(entry) < 2)
    return NULL;
  LLVMValueRef text = LLVMGetOperand(entry, 1);
  LLVMValueRef init = LLVMIsAGlobalVariable(text) ? LLVMGetInitializer(text) : NULL;
  return init && LLVMIsAConstantDataSequential(init) && LLVMIsConstantString(init)
             ? LLVMGetAsString(init, len)
             : NULL;
}

/* clang keeps annotate("...") of functions in @llvm.global.annotations, an
 * array of { function, string, file, line, arguments }. */
bool h2s_fn_has_annotation(LLVMValueRef fn, const char *name) {
  LLVMValueRef table = LLVMGetNamedGlobal(LLVMGetGlobalParent(fn), "llvm.global.annotations");
  LLVMValueRef entries = table ? LLVMGetInitializer(table) : NULL;
  if (!entries || !LLVMIsAConstantArray(entries))
    return false;
  size_t want = strlen(name);
  for (int i = 0, n = LLVMGetNumOperands(entries); i < n; ++i) {
    LLVMValueRef entry = LLVMGetOperand(entries, (unsigned)i);
    size_t len = 0;
    const char *text = annotation_text(entry, &len);
    /* The string is stored with its terminating NUL. */
    if (LLVMGetOperand(entry, 0) == fn && text && len >= want &&
        !memcmp(text, name, want) && (len == want || text[want] == '\0'))
      return true;
  }
  return false;
}

bool h2s_is_atomic_access(LLVMValueRef load_or_store) {
  return LLVMGetOrdering(load_or_store) != LLVMAtomicOrderingNotAtomic;
}

bool h2s_is_merge(LLVMValueRef v) {
  return LLVMIsAPHINode(v) || LLVMIsASelectInst(v) || LLVMIsAFreezeInst(v);
}

bool h2s_forwards_pointer(LLVMValueRef inst) {
  return LLVMIsAGetElementPtrInst(inst) || LLVMIsABitCastInst(inst) || h2s_is_merge(inst);
}

bool h2s_is_intrinsic(LLVMValueRef callee, const char *name) {
  unsigned id = callee ? LLVMGetIntrinsicID(callee) : 0;
  return id && id == LLVMLookupIntrinsicID(name, strlen(name));
}

/* llvm.objectsize answers for a stack slot as it did for the heap block
 * (UBSan's bounds checks ask it). */
bool h2s_is_descriptive_intrinsic(LLVMValueRef callee) {
  static const char *const names[] = {"llvm.assume", "llvm.lifetime.start",
                                      "llvm.lifetime.end", "llvm.objectsize"};
  for (size_t i = 0; i < sizeof names / sizeof *names; ++i)
    if (h2s_is_intrinsic(callee, names[i]))
      return true;
  return false;
}

bool h2s_is_memory_intrinsic(LLVMValueRef callee) {
  return h2s_is_intrinsic(callee, "llvm.memset") || h2s_is_intrinsic(callee, "llvm.memcpy") ||
         h2s_is_intrinsic(callee, "llvm.memmove");
}

typedef struct h2s_source_walk {
  h2s_source_visitor *visit;
  void *data;
  h2s_valset seen; /* merges visited; breaks cycles of phis */
} h2s_source_walk;

static bool visit_from(h2s_source_walk *w, LLVMValueRef v) {
  if (!h2s_is_merge(v))
    return w->visit(v, w->data);
  int added = h2s_valset_add(&w->seen, v);
  if (added <= 0)
    return added == 0;
  if (LLVMIsAPHINode(v)) {
    for (unsigned i = 0, n = LLVMCountIncoming(v); i < n; ++i)
      if (!visit_from(w, LLVMGetIncomingValue(v, i)))
        return false;
    return true;
  }
  if (LLVMIsASelectInst(v))
    return visit_from(w, LLVMGetOperand(v, 1)) && visit_from(w, LLVMGetOperand(v, 2));
  return visit_from(w, LLVMGetOperand(v, 0));
}

bool h2s_visit_sources(LLVMValueRef v, h2s_source_visitor *visit, void *data) {
  h2s_source_walk w = {.visit = visit, .data = data};
  bool all = visit_from(&w, v);
  h2s_valset_free(&w.seen);
  return all;
}

typedef struct h2s_use_walk {
  h2s_values values; /* followed values, expanded in order */
  h2s_valset seen;
} h2s_use_walk;

static bool follow(h2s_use_walk *w, LLVMValueRef v) {
  int added = h2s_valset_add(&w->seen, v);
  return added == 0 || (added > 0 && h2s_values_push(&w->values, v));
}

bool h2s_walk_uses(LLVMValueRef root, uint64_t max_uses, h2s_use_visitor *visit,
                   void *data) {
  h2s_use_walk w = {0};
  uint64_t uses = 0;
  bool complete = follow(&w, root);
  for (size_t next = 0; complete && next < w.values.len; ++next)
    for (LLVMUseRef use = LLVMGetFirstUse(w.values.items[next]); complete && use;
         use = LLVMGetNextUse(use)) {
      h2s_step step = ++uses > max_uses ? H2S_STEP_STOP : visit(use, data);
      complete = step == H2S_STEP_NEXT ||
                 (step == H2S_STEP_FOLLOW && follow(&w, LLVMGetUser(use)));
    }
  h2s_values_free(&w.values);
  h2s_valset_free(&w.seen);
  return complete;
}

bool h2s_has_block_address(LLVMValueRef fn) {
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
    for (LLVMUseRef u = LLVMGetFirstUse(LLVMBasicBlockAsValue(bb)); u; u = LLVMGetNextUse(u))
      if (LLVMIsABlockAddress(LLVMGetUser(u)))
        return true;
  return false;
}

bool h2s_has_inlinable_body(LLVMValueRef fn) {
  return !LLVMIsDeclaration(fn) && !h2s_bridge_may_be_interposed(fn);
}

bool h2s_has_exact_body(LLVMValueRef fn) {
  switch (LLVMGetLinkage(fn)) {
  case LLVMExternalLinkage:
  case LLVMInternalLinkage:
  case LLVMPrivateLinkage:
    return !LLVMIsDeclaration(fn) && !h2s_bridge_may_be_interposed(fn);
  default:
    return false;
  }
}

static bool declared_like_c_library(LLVMValueRef fn) {
  return strncmp(LLVMGetValueName(fn), "_Z", 2) != 0 && h2s_fn_has_attr(fn, "nounwind");
}

/* True when 'name' is reserved to the implementation, so that no file of
 * the program defines it: C's __x and _X, and of C++'s mangled names
 * those in std and the allocation functions. */
static bool reserved_name(const char *name) {
  static const char *const implementation[] = {"_ZNSt", "_ZNKSt", "_ZSt", "_Znw",
                                               "_Zna",  "_Zdl",   "_Zda"};
  if (name[0] != '_')
    return false;
  if (name[1] != 'Z')
    return name[1] == '_' || (name[1] >= 'A' && name[1] <= 'Z');
  for (size_t i = 0; i < sizeof implementation / sizeof *implementation; ++i)
    if (strncmp(name, implementation[i], strlen(implementation[i])) == 0)
      return true;
  return false;
}

bool h2s_is_implementation_function(LLVMValueRef fn) {
  return reserved_name(LLVMGetValueName(fn)) || declared_like_c_library(fn);
}

char *h2s_suffixed_name(LLVMValueRef fn, const char *suffix) {
  size_t len;
  const char *name = LLVMGetValueName2(fn, &len);
  char *out = malloc(len + strlen(suffix) + 1);
  if (!out)
    return NULL;
  memcpy(out, name, len);
  strcpy(out + len, suffix);
  return out;
}

bool h2s_is_power_of_two(uint64_t x) { return x && !(x & (x - 1)); }

bool h2s_is_sanitized(LLVMValueRef fn) {
  return h2s_fn_has_attr(fn, "sanitize_address") ||
         h2s_fn_has_attr(fn, "sanitize_hwaddress") ||
         h2s_fn_has_attr(fn, "sanitize_memory");
}

LLVMModuleRef h2s_module(const h2s_function *f) {
  return LLVMGetGlobalParent(f->fn);
}

LLVMContextRef h2s_context(const h2s_function *f) {
  return LLVMGetModuleContext(h2s_module(f));
}

uint64_t h2s_pointer_size(h2s_function *f) {
  return h2s_bridge_store_size(f->ctx, LLVMPointerTypeInContext(h2s_context(f), 0));
}

LLVMValueRef h2s_build_intrinsic(LLVMBuilderRef b, const h2s_function *f, const char *name,
                                 LLVMTypeRef overload, LLVMValueRef *args, unsigned nargs,
                                 const char *result) {
  unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
  LLVMValueRef decl = LLVMGetIntrinsicDeclaration(h2s_module(f), id, &overload, 1);
  LLVMTypeRef type = LLVMIntrinsicGetType(h2s_context(f), id, &overload, 1);
  return LLVMBuildCall2(b, type, decl, args, nargs, result);
}

LLVMValueRef h2s_build_libc_call(LLVMBuilderRef b, const h2s_function *f, const char *name,
                                 LLVMTypeRef type, LLVMValueRef *args, unsigned nargs,
                                 const char *result) {
  LLVMValueRef fn = LLVMGetNamedFunction(h2s_module(f), name);
  if (!fn)
    fn = LLVMAddFunction(h2s_module(f), name, type);
  return LLVMBuildCall2(b, type, fn, args, nargs, result);
}
