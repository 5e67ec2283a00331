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

LLVMTypeRef h2s_size_type(h2s_function *f) {
  return LLVMIntPtrTypeInContext(h2s_context(f),
                                 LLVMGetModuleDataLayout(h2s_module(f)));
}

/* The product of 'x' and 'y', with its unsigned overflow bit in '*wrapped'. */
static LLVMValueRef multiply_checked(LLVMBuilderRef b, h2s_function *f,
                                     LLVMValueRef x, LLVMValueRef y,
                                     LLVMValueRef *wrapped) {
  LLVMValueRef args[] = {x, y};
  LLVMValueRef pair = h2s_build_intrinsic(b, f, "llvm.umul.with.overflow", LLVMTypeOf(x),
                                          args, 2, "h2s.mul");
  *wrapped = LLVMBuildExtractValue(b, pair, 1, "h2s.wrapped");
  return LLVMBuildExtractValue(b, pair, 0, "h2s.size");
}

/* strlen(s) + 1, or strnlen(s, limit) + 1: the C library's (sites.c kept
 * the sites of modules that define their own). */
static LLVMValueRef copied_length(LLVMBuilderRef b, h2s_function *f,
                                  const h2s_site *site) {
  LLVMValueRef args[] = {LLVMGetOperand(site->call, 0),
                         LLVMGetOperand(site->call, 1)};
  bool prefix = site->copy == H2S_COPY_PREFIX;
  unsigned nargs = prefix ? 2 : 1;
  LLVMTypeRef size = h2s_size_type(f);
  LLVMTypeRef params[] = {LLVMPointerTypeInContext(h2s_context(f), 0), size};
  LLVMValueRef len = h2s_build_libc_call(b, f, prefix ? "strnlen" : "strlen",
                                         LLVMFunctionType(size, params, nargs, 0), args,
                                         nargs, "h2s.len");
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
