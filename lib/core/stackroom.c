/*===- stackroom.c - Is this frame in the first share of its thread's stack? =*
 *
 * The dispatcher of a split function (split.c) asks at run time whether the
 * stack pointer is in the first room_percent of this thread's stack, with
 * 'need' bytes to spare, built inline so that asking costs no frame:
 *
 *     if (!floor_P) floor_P = __heap2stack_room_floor_P_find();  once per thread
 *     room = floor_P + need < sp && sp <= hi;
 *
 * where the helper finds the thread's bounds 'lo' and 'hi' (once per
 * thread, __heap2stack_stack_bounds) and stores floor_P = hi - min(hi - lo,
 * 8 MiB) * P / 100, P being room_percent (the main thread's bounds are
 * found at start-up, so that its tests call nothing, even in a signal
 * handler).  'lo', 'hi' and floor_P are thread-local;
 * they and the helpers are added to the module once, linkonce_odr and
 * hidden, so that a program holds one copy per shared object and the user
 * links nothing extra.  __heap2stack_stack_bounds asks
 * glibc (pthread_getattr_np, which also describes the main thread, and
 * pthread_attr_getstack) and records [1, 1) when it cannot tell.  A stack
 * pointer outside the recorded bounds (a signal handler on sigaltstack, a
 * makecontext/swapcontext or coroutine stack) has no room.  The stack grows
 * down on every target this is built for (Linux x86-64 and AArch64).
 *
 *===----------------------------------------------------------------------===*/
#include "rewrite.h"

#include <llvm-c/Comdat.h>
#include <stdio.h>
#include <string.h>

static const char bounds_name[] = "__heap2stack_stack_bounds";
static const char lo_name[] = "__heap2stack_stack_lo";
static const char hi_name[] = "__heap2stack_stack_hi";
static const char at_start_name[] = "__heap2stack_stack_bounds_at_start";

/* Before the constructors a program writes (101 is the first priority C
 * code may use), so that none of theirs runs a first test. */
enum { AT_START_PRIORITY = 101 };

/* pthread_attr_t is 56 bytes on x86-64 and 64 on AArch64 (glibc). */
/* The most of a stack the share is taken of: glibc reports an unlimited
 * main stack (ulimit -s unlimited) as the whole gap below it, terabytes,
 * whose share would be gigabytes of slots; this is the default limit. */
enum { PTHREAD_ATTR_BYTES = 64, ROOM_SPAN_CAP = 8 << 20 };
static LLVMTypeRef i64_type(h2s_function *f) { return LLVMInt64TypeInContext(h2s_context(f)); }
static LLVMTypeRef ptr_type(h2s_function *f) { return LLVMPointerTypeInContext(h2s_context(f), 0); }

/* One copy per program, invisible outside its shared object. */
static void make_shared_hidden(LLVMValueRef global) {
  LLVMSetLinkage(global, LLVMLinkOnceODRLinkage);
  LLVMSetVisibility(global, LLVMHiddenVisibility);
}

/* The thread-local cell 'name' (lo, hi or a floor), created on first use. */
static LLVMValueRef bound_global(h2s_function *f, const char *name) {
  LLVMValueRef g = LLVMGetNamedGlobal(h2s_module(f), name);
  if (g)
    return g;
  g = LLVMAddGlobal(h2s_module(f), i64_type(f), name);
  LLVMSetInitializer(g, LLVMConstInt(i64_type(f), 0, 0));
  LLVMSetThreadLocal(g, 1);
  make_shared_hidden(g);
  return g;
}

/* The address of this thread's copy of thread-local 'g'. */
static LLVMValueRef thread_address(LLVMBuilderRef b, h2s_function *f, LLVMValueRef g) {
  return h2s_build_intrinsic(b, f, "llvm.threadlocal.address", ptr_type(f), &g, 1, "");
}

static LLVMValueRef load_bound(LLVMBuilderRef b, h2s_function *f, const char *name) {
  return LLVMBuildLoad2(b, i64_type(f), thread_address(b, f, bound_global(f, name)), name);
}

static void store_bound(LLVMBuilderRef b, h2s_function *f, const char *name, LLVMValueRef v) {
  LLVMBuildStore(b, v, thread_address(b, f, bound_global(f, name)));
}

/* A call to the C library's 'name' returning 'ret' with 'nargs' args. */
static LLVMValueRef call_libc(LLVMBuilderRef b, h2s_function *f, const char *name,
                              LLVMTypeRef ret, LLVMTypeRef *params, LLVMValueRef *args,
                              unsigned nargs) {
  return h2s_build_libc_call(b, f, name, LLVMFunctionType(ret, params, nargs, 0), args,
                             nargs, "");
}

static void add_function_attribute(h2s_function *f, LLVMValueRef fn, const char *name) {
  LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                          LLVMCreateEnumAttribute(h2s_context(f), h2s_attr_kind(name), 0));
}

static LLVMValueRef new_function(h2s_function *f, const char *name, LLVMTypeRef ret) {
  LLVMValueRef fn = LLVMAddFunction(h2s_module(f), name, LLVMFunctionType(ret, NULL, 0, 0));
  make_shared_hidden(fn);
  add_function_attribute(f, fn, "nounwind");
  return fn;
}

/* __heap2stack_stack_bounds: lo and hi from glibc, or [1, 1). */
static LLVMValueRef build_bounds_function(LLVMBuilderRef b, h2s_function *f) {
  LLVMContextRef ctx = h2s_context(f);
  LLVMValueRef fn = new_function(f, bounds_name, LLVMVoidTypeInContext(ctx));
  add_function_attribute(f, fn, "noinline");
  add_function_attribute(f, fn, "cold");
  LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(ctx, fn, "entry");
  LLVMBasicBlockRef query = LLVMAppendBasicBlockInContext(ctx, fn, "query");
  LLVMBasicBlockRef known = LLVMAppendBasicBlockInContext(ctx, fn, "known");
  LLVMBasicBlockRef unknown = LLVMAppendBasicBlockInContext(ctx, fn, "unknown");
  LLVMTypeRef i32 = LLVMInt32TypeInContext(ctx), i64 = i64_type(f), ptr = ptr_type(f);

  LLVMPositionBuilderAtEnd(b, entry);
  LLVMValueRef attr = LLVMBuildAlloca(b, LLVMArrayType2(LLVMInt8TypeInContext(ctx), PTHREAD_ATTR_BYTES), "attr");
  LLVMSetAlignment(attr, 16);
  LLVMValueRef addr = LLVMBuildAlloca(b, ptr, "addr");
  LLVMValueRef size = LLVMBuildAlloca(b, i64, "size");
  LLVMValueRef self = call_libc(b, f, "pthread_self", i64, NULL, NULL, 0);
  LLVMTypeRef getattr_params[] = {i64, ptr};
  LLVMValueRef getattr_args[] = {self, attr};
  LLVMValueRef got = call_libc(b, f, "pthread_getattr_np", i32, getattr_params, getattr_args, 2);
  LLVMValueRef zero32 = LLVMConstInt(i32, 0, 0);
  LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, got, zero32, "ok"), query, unknown);

  LLVMPositionBuilderAtEnd(b, query);
  LLVMTypeRef stack_params[] = {ptr, ptr, ptr};
  LLVMValueRef stack_args[] = {attr, addr, size};
  LLVMValueRef read = call_libc(b, f, "pthread_attr_getstack", i32, stack_params, stack_args, 3);
  call_libc(b, f, "pthread_attr_destroy", i32, stack_params, stack_args, 1);
  LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, read, zero32, "ok"), known, unknown);

  LLVMPositionBuilderAtEnd(b, known);
  LLVMValueRef lo = LLVMBuildPtrToInt(b, LLVMBuildLoad2(b, ptr, addr, "base"), i64, "lo");
  LLVMValueRef hi = LLVMBuildAdd(b, lo, LLVMBuildLoad2(b, i64, size, "bytes"), "hi");
  store_bound(b, f, lo_name, lo);
  store_bound(b, f, hi_name, hi);
  LLVMBuildRetVoid(b);

  LLVMPositionBuilderAtEnd(b, unknown);
  LLVMValueRef one = LLVMConstInt(i64, 1, 0);
  store_bound(b, f, lo_name, one);
  store_bound(b, f, hi_name, one);
  LLVMBuildRetVoid(b);
  return fn;
}

/* Loads the thread-local 'cell' at 'b' and, when it is still 0 in this
 * thread, calls 'find' first, on a cold path.  Returns what the cell holds
 * then, named 'result': the load, or what 'find' returns (NULL when it
 * returns nothing and the caller loads what it filled in).  Leaves 'b'
 * where the paths join. */
static LLVMValueRef load_or_find(LLVMBuilderRef b, h2s_function *f, const char *cell,
                                 LLVMValueRef find, const char *result) {
  LLVMContextRef ctx = h2s_context(f);
  LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInsertBlock(b));
  LLVMBasicBlockRef here = LLVMGetInsertBlock(b);
  LLVMBasicBlockRef first = LLVMAppendBasicBlockInContext(ctx, fn, "first");
  LLVMBasicBlockRef known = LLVMAppendBasicBlockInContext(ctx, fn, "known");
  LLVMValueRef cached = load_bound(b, f, cell);
  LLVMValueRef unset = LLVMBuildICmp(b, LLVMIntEQ, cached, LLVMConstInt(i64_type(f), 0, 0),
                                     "unset");
  h2s_bridge_weight_branch(LLVMBuildCondBr(b, unset, first, known), 1);
  LLVMPositionBuilderAtEnd(b, first);
  LLVMTypeRef type = LLVMGlobalGetValueType(find);
  bool returns = LLVMGetTypeKind(LLVMGetReturnType(type)) != LLVMVoidTypeKind;
  LLVMValueRef found = LLVMBuildCall2(b, type, find, NULL, 0, returns ? "found" : "");
  LLVMSetInstructionCallConv(found, LLVMGetFunctionCallConv(find));
  LLVMBuildBr(b, known);
  LLVMPositionBuilderAtEnd(b, known);
  if (!returns)
    return NULL;
  LLVMValueRef value = LLVMBuildPhi(b, i64_type(f), result);
  LLVMValueRef values[] = {cached, found};
  LLVMBasicBlockRef from[] = {here, first};
  LLVMAddIncoming(value, values, from, 2);
  return value;
}

/* "__heap2stack_room_floor_<percent>": the floor's cell and its helper are
 * named by the percent, so modules built with different room_percent
 * share nothing that differs. */
static void floor_name(h2s_function *f, const char *suffix, char *out, size_t cap) {
  snprintf(out, cap, "__heap2stack_room_floor_%u%s", (unsigned)f->opts->room_percent, suffix);
}

/* pthread_getattr_np allocates (and for the main thread reads
 * /proc/self/maps through stdio), which is not async-signal-safe: a first
 * test in a signal handler that interrupted malloc could corrupt the
 * heap.  So the main thread's bounds are found at start-up, once for the
 * program (the function's comdat), before any handler can run; another
 * thread still finds its own at its first test. */
static void find_bounds_at_start(h2s_function *f, LLVMValueRef bounds) {
  LLVMContextRef ctx = h2s_context(f);
  LLVMValueRef fn = new_function(f, at_start_name, LLVMVoidTypeInContext(ctx));
  LLVMSetComdat(fn, LLVMGetOrInsertComdat(h2s_module(f), at_start_name));
  LLVMBuilderRef b = LLVMCreateBuilderInContext(ctx);
  LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(ctx, fn, "entry"));
  load_or_find(b, f, lo_name, bounds, NULL);
  LLVMBuildRetVoid(b);
  LLVMDisposeBuilder(b);
  h2s_bridge_run_at_start(fn, AT_START_PRIORITY);
}

/* The helper that finds this thread's floor, once: the bounds (asked of
 * glibc on the first call in the thread), then hi minus room_percent of
 * the stack (of at most ROOM_SPAN_CAP of it), stored in the floor's cell
 * and returned. */
static LLVMValueRef build_floor_function(LLVMBuilderRef b, h2s_function *f, const char *name,
                                         const char *cell) {
  LLVMContextRef ctx = h2s_context(f);
  LLVMTypeRef i64 = i64_type(f);
  LLVMValueRef bounds = LLVMGetNamedFunction(h2s_module(f), bounds_name);
  if (!bounds) {
    bounds = build_bounds_function(b, f);
    find_bounds_at_start(f, bounds);
  }
  LLVMValueRef fn = new_function(f, name, i64);
  add_function_attribute(f, fn, "noinline");
  add_function_attribute(f, fn, "cold");
  LLVMSetFunctionCallConv(fn, LLVMPreserveMostCallConv);
  LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(ctx, fn, "entry"));
  load_or_find(b, f, lo_name, bounds, NULL);
  LLVMValueRef lo = load_bound(b, f, lo_name);
  LLVMValueRef hi = load_bound(b, f, hi_name);
  LLVMValueRef stack = LLVMBuildSub(b, hi, lo, "stack");
  LLVMValueRef cap = LLVMConstInt(i64, ROOM_SPAN_CAP, 0);
  LLVMValueRef span = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntUGT, stack, cap, "huge"),
                                      cap, stack, "span");
  LLVMValueRef share = LLVMBuildUDiv(
      b, LLVMBuildMul(b, span, LLVMConstInt(i64, f->opts->room_percent, 0), ""),
      LLVMConstInt(i64, 100, 0), "share");
  LLVMValueRef floor = LLVMBuildSub(b, hi, share, "floor");
  store_bound(b, f, cell, floor);
  LLVMBuildRet(b, floor);
  return fn;
}

/* This thread's floor, loaded at 'b'; the first call in the thread finds
 * it.  Leaves 'b' at the end of a block it adds to the function. */
static LLVMValueRef load_floor(LLVMBuilderRef b, h2s_function *f) {
  char cell[64], helper[64];
  floor_name(f, "", cell, sizeof cell);
  floor_name(f, "_find", helper, sizeof helper);
  LLVMValueRef find = LLVMGetNamedFunction(h2s_module(f), helper);
  if (!find) {
    LLVMBuilderRef own = LLVMCreateBuilderInContext(h2s_context(f));
    find = build_floor_function(own, f, helper, cell);
    LLVMDisposeBuilder(own);
  }
  return load_or_find(b, f, cell, find, "floor");
}

LLVMValueRef h2s_build_stack_has_room(LLVMBuilderRef b, h2s_function *f, uint64_t need) {
  LLVMTypeRef i64 = i64_type(f);
  LLVMValueRef floor = load_floor(b, f);
  LLVMValueRef hi = load_bound(b, f, hi_name);
  LLVMValueRef sp = LLVMBuildPtrToInt(
      b, h2s_build_intrinsic(b, f, "llvm.stacksave", ptr_type(f), NULL, 0, ""), i64, "sp");
  LLVMValueRef lowest = LLVMBuildAdd(b, floor, LLVMConstInt(i64, need, 0), "lowest");
  LLVMValueRef above = LLVMBuildICmp(b, LLVMIntUGT, sp, lowest, "above");
  LLVMValueRef below = LLVMBuildICmp(b, LLVMIntULE, sp, hi, "below");
  return LLVMBuildAnd(b, above, below, "h2s.room");
}

bool h2s_target_has_stack_room(h2s_function *f) {
  const char *triple = LLVMGetTarget(h2s_module(f));
  bool on_linux = strstr(triple, "-linux") != NULL;
  return on_linux && (strncmp(triple, "x86_64", 6) == 0 || strncmp(triple, "aarch64", 7) == 0);
}
