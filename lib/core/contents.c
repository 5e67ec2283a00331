/*===- contents.c - A block's run-time size and initial contents as IR ----===*
 *
 * A promoted block must start as the allocation promised: calloc's zeros
 * over the size that was asked for, strdup's copy of the string with its
 * terminating zero, strndup's copy of at most its limit and a zero.  Sizes
 * known only at run time are rebuilt from the call's operands: the product
 * of the allocsize operands (with its overflow, which a guard must see,
 * since calloc fails rather than wraps), or strlen (strnlen) plus one.
 *
 *===----------------------------------------------------------------------===*/
#include "rewrite.h"

#include <llvm-c/Target.h>
#include <string.h>

LLVMTypeRef h2s_size_type(h2s_function *f) {
  return LLVMIntPtrTypeInContext(h2s_context(f),
                                 LLVMGetModuleDataLayout(h2s_module(f)));
}

/* A call to the C library's 'name' (strlen, strnlen), declared if the
 * module does not have it; sites.c kept the sites of modules that define
 * their own. */
static LLVMValueRef call_string_length(LLVMBuilderRef b, h2s_function *f,
                                       const char *name, LLVMValueRef *args,
                                       unsigned nargs) {
  LLVMTypeRef size = h2s_size_type(f);
  LLVMTypeRef params[] = {LLVMPointerTypeInContext(h2s_context(f), 0), size};
  LLVMTypeRef type = LLVMFunctionType(size, params, nargs, 0);
  LLVMValueRef fn = LLVMGetNamedFunction(h2s_module(f), name);
  if (!fn)
    fn = LLVMAddFunction(h2s_module(f), name, type);
  return LLVMBuildCall2(b, type, fn, args, nargs, "h2s.len");
}

/* The product of 'a' and 'b', with its unsigned overflow bit in '*wrapped'. */
static LLVMValueRef multiply_checked(LLVMBuilderRef b, h2s_function *f,
                                     LLVMValueRef x, LLVMValueRef y,
                                     LLVMValueRef *wrapped) {
  static const char name[] = "llvm.umul.with.overflow";
  LLVMTypeRef type = LLVMTypeOf(x);
  unsigned id = LLVMLookupIntrinsicID(name, sizeof name - 1);
  LLVMValueRef decl = LLVMGetIntrinsicDeclaration(h2s_module(f), id, &type, 1);
  LLVMTypeRef fn = LLVMIntrinsicGetType(h2s_context(f), id, &type, 1);
  LLVMValueRef args[] = {x, y};
  LLVMValueRef pair = LLVMBuildCall2(b, fn, decl, args, 2, "h2s.mul");
  *wrapped = LLVMBuildExtractValue(b, pair, 1, "h2s.wrapped");
  return LLVMBuildExtractValue(b, pair, 0, "h2s.size");
}

/* strlen(s) + 1, or strnlen(s, limit) + 1. */
static LLVMValueRef copied_length(LLVMBuilderRef b, h2s_function *f,
                                  const h2s_site *site) {
  LLVMValueRef args[] = {LLVMGetOperand(site->call, 0),
                         LLVMGetOperand(site->call, 1)};
  bool prefix = site->copy == H2S_COPY_PREFIX;
  LLVMValueRef len = call_string_length(b, f, prefix ? "strnlen" : "strlen",
                                        args, prefix ? 2 : 1);
  return LLVMBuildNUWAdd(b, len, LLVMConstInt(LLVMTypeOf(len), 1, 0), "h2s.size");
}

LLVMValueRef h2s_build_size(LLVMBuilderRef b, h2s_function *f,
                            const h2s_site *site, LLVMValueRef *overflow) {
  const int *arg = site->facts.size_arg;
  *overflow = NULL;
  if (site->facts.has_size)
    return LLVMConstInt(h2s_size_type(f), site->facts.size, 0);
  if (site->copy != H2S_COPY_NONE)
    return copied_length(b, f, site);
  LLVMValueRef size = LLVMGetOperand(site->call, (unsigned)arg[0]);
  if (arg[1] < 0)
    return size;
  return multiply_checked(b, f, size, LLVMGetOperand(site->call, (unsigned)arg[1]),
                          overflow);
}

static LLVMValueRef byte(h2s_function *f, unsigned long long value) {
  return LLVMConstInt(LLVMInt8TypeInContext(h2s_context(f)), value, 0);
}

void h2s_build_contents(LLVMBuilderRef b, h2s_function *f, const h2s_site *site,
                        LLVMValueRef ptr, LLVMValueRef size) {
  unsigned align = (unsigned)site->align;
  LLVMValueRef source = LLVMGetOperand(site->call, 0);
  LLVMValueRef wrapped;
  if (!site->facts.zero_init && site->copy == H2S_COPY_NONE)
    return;
  if (!size)
    size = h2s_build_size(b, f, site, &wrapped);
  switch (site->copy) {
  case H2S_COPY_NONE:
    LLVMBuildMemSet(b, ptr, byte(f, 0), size, align);
    return;
  case H2S_COPY_STRING:
    LLVMBuildMemCpy(b, ptr, align, source, 1, size);
    return;
  case H2S_COPY_PREFIX: {
    LLVMValueRef prefix = LLVMBuildNUWSub(
        b, size, LLVMConstInt(LLVMTypeOf(size), 1, 0), "h2s.prefix");
    LLVMBuildMemCpy(b, ptr, align, source, 1, prefix);
    LLVMTypeRef i8 = LLVMInt8TypeInContext(h2s_context(f));
    LLVMBuildStore(b, byte(f, 0), LLVMBuildGEP2(b, i8, ptr, &prefix, 1, "h2s.end"));
    return;
  }
  }
}

void h2s_build_lifetime(LLVMBuilderRef b, h2s_function *f, const char *name,
                        LLVMValueRef slot) {
  LLVMTypeRef ptr = LLVMTypeOf(slot);
  unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
  LLVMValueRef decl = LLVMGetIntrinsicDeclaration(h2s_module(f), id, &ptr, 1);
  LLVMTypeRef type = LLVMIntrinsicGetType(h2s_context(f), id, &ptr, 1);
  LLVMBuildCall2(b, type, decl, &slot, 1, "");
}
