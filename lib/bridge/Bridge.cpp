//===- Bridge.cpp - Answers to the C core's questions, from LLVM's C++ API ===//
//
// Each function below unwraps its handles, asks LLVM one question and wraps
// the answer.  None of them decides anything about promotion: see
// include/heap2stack/bridge.h for the contract of each.
//
//===----------------------------------------------------------------------===//
#include "Compat.h"
#include "FunctionContext.h"
#include "Record.h"
#include "heap2stack/bridge.h"

#include "llvm/Analysis/InlineCost.h"
#include "llvm/Analysis/LazyValueInfo.h"
#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/Analysis/TargetTransformInfo.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Transforms/Scalar/SROA.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/Local.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

#include <cstring>
#include <numeric>

using namespace llvm;

#define DEBUG_TYPE "heap2stack"

TargetLibraryInfo &h2s_fn_ctx::tli() {
  return FAM.getResult<TargetLibraryAnalysis>(F);
}

DominatorTree &h2s_fn_ctx::domTree() {
  return FAM.getResult<DominatorTreeAnalysis>(F);
}

LazyValueInfo &h2s_fn_ctx::lazyValues() {
  return FAM.getResult<LazyValueAnalysis>(F);
}

ScalarEvolution &h2s_fn_ctx::scalarEvolution() {
  return FAM.getResult<ScalarEvolutionAnalysis>(F);
}

OptimizationRemarkEmitter &h2s_fn_ctx::remarks() {
  return FAM.getResult<OptimizationRemarkEmitterAnalysis>(F);
}

extern "C" h2s_fn_ctx *h2s_bridge_function_context(h2s_module_ctx *Mod,
                                                   LLVMValueRef Fn) {
  Function &F = *cast<Function>(unwrap(Fn));
  std::unique_ptr<h2s_fn_ctx> &Ctx = Mod->Functions[&F];
  if (!Ctx)
    Ctx.reset(new h2s_fn_ctx{F, Mod->FAM, Mod->Record});
  return Ctx.get();
}

static CallBase *asCall(LLVMValueRef V) { return dyn_cast<CallBase>(unwrap(V)); }

// A call to a library function that this function's TargetLibraryInfo has
// switched off (-fno-builtin, -fno-builtin-malloc) is not the library's.
static bool isBuiltinCall(const CallBase &CB, const TargetLibraryInfo &TLI) {
  if (CB.isNoBuiltin())
    return false;
  const Function *Callee = CB.getCalledFunction();
  LibFunc LF;
  return !Callee || !TLI.getLibFunc(Callee->getName(), LF) || TLI.has(LF);
}

static void copyName(std::optional<StringRef> Name, char *Out) {
  StringRef Text = Name.value_or("");
  size_t Len = std::min<size_t>(Text.size(), H2S_FAMILY_CAP - 1);
  std::memcpy(Out, Text.data(), Len);
  Out[Len] = '\0';
}

extern "C" void h2s_bridge_describe_alloc(h2s_fn_ctx *Ctx, LLVMValueRef Call,
                                          h2s_alloc_facts *Out) {
  *Out = h2s_alloc_facts{};
  Out->size_arg[0] = Out->size_arg[1] = -1;
  CallBase *CB = asCall(Call);
  const TargetLibraryInfo &TLI = Ctx->tli();
  if (!CB || !isAllocationFn(CB, &TLI) || !isBuiltinCall(*CB, TLI))
    return;
  Out->is_alloc = 1;
  const Function *Callee = CB->getCalledFunction();
  Out->is_realloc = Callee && isReallocLikeFn(Callee);
  if (std::optional<APInt> Size = getAllocSize(CB, &TLI);
      Size && Size->getActiveBits() <= 64) {
    Out->has_size = 1;
    Out->size = Size->getZExtValue();
  }
  Out->align = wrap(getAllocAlignment(CB, &TLI));
  Type *Byte = Type::getInt8Ty(CB->getContext());
  if (Constant *Init = getInitialValueOfAllocation(CB, &TLI, Byte)) {
    Out->init_known = 1;
    Out->zero_init = Init->isNullValue();
  }
  if (Attribute A = CB->getFnAttr(Attribute::AllocSize); A.isValid()) {
    auto [Elem, Count] = A.getAllocSizeArgs();
    Out->size_arg[0] = static_cast<int>(Elem);
    if (Count)
      Out->size_arg[1] = static_cast<int>(*Count);
  }
  copyName(getAllocationFamily(CB, &TLI), Out->family);
}

extern "C" LLVMValueRef h2s_bridge_reallocated_operand(h2s_fn_ctx *Ctx,
                                                       LLVMValueRef Call) {
  CallBase *CB = asCall(Call);
  Value *Resized = CB ? getReallocatedOperand(CB) : nullptr;
  return Resized && isBuiltinCall(*CB, Ctx->tli()) ? wrap(Resized) : nullptr;
}

extern "C" uint64_t h2s_bridge_arg_max(h2s_fn_ctx *Ctx, LLVMValueRef Call,
                                       unsigned Arg) {
  CallBase *CB = asCall(Call);
  const Use &U = CB->getArgOperandUse(Arg);
  if (!U->getType()->isIntegerTy())
    return UINT64_MAX;
  ConstantRange Range =
      Ctx->lazyValues().getConstantRangeAtUse(U, /*UndefAllowed=*/false);
  Range = Range.intersectWith(ConstantRange::fromKnownBits(
      heap2stack::knownBitsAt(U.get(), CB->getDataLayout(), CB, &Ctx->domTree()),
      /*IsSigned=*/false));
  ScalarEvolution &SE = Ctx->scalarEvolution();
  if (SE.isSCEVable(U->getType()))
    Range = Range.intersectWith(SE.getUnsignedRange(SE.getSCEV(U.get())));
  APInt Max = Range.getUnsignedMax();
  return Max.getActiveBits() <= 64 ? Max.getZExtValue() : UINT64_MAX;
}

extern "C" LLVMValueRef h2s_bridge_freed_operand(h2s_fn_ctx *Ctx,
                                                 LLVMValueRef Call,
                                                 char *Family) {
  CallBase *CB = asCall(Call);
  const TargetLibraryInfo &TLI = Ctx->tli();
  Value *Freed = CB ? getFreedOperand(CB, &TLI) : nullptr;
  if (!Freed || !isBuiltinCall(*CB, TLI))
    return nullptr;
  copyName(getAllocationFamily(CB, &TLI), Family);
  return wrap(Freed);
}

extern "C" int h2s_bridge_library_function(h2s_fn_ctx *Ctx, LLVMValueRef Call,
                                           char *Name) {
  CallBase *CB = asCall(Call);
  const TargetLibraryInfo &TLI = Ctx->tli();
  const Function *Callee = CB->getCalledFunction();
  // A function the module defines under a library's name is the program's
  // own (a static strchr of a file without <string.h>); an inline copy of
  // the library's own from a header (available_externally) is the library's.
  if (!Callee || CB->isNoBuiltin() ||
      !(Callee->isDeclaration() || Callee->hasAvailableExternallyLinkage()))
    return 0;
  // glibc's headers redirect calls to aliases of the same function: the
  // scanf family to __isoc99_*, and with _FORTIFY_SOURCE many string and
  // printf functions to checking wrappers __*_chk with extra leading size
  // arguments.  Both are the function they stand for.
  StringRef Called = Callee->getName();
  if (!Called.consume_front("__isoc99_") && Called.starts_with("__") &&
      Called.ends_with("_chk"))
    Called = Called.drop_front(2).drop_back(4);
  LibFunc LF;
  if (!TLI.getLibFunc(Called, LF) || !TLI.has(LF))
    return 0;
  copyName(TLI.getName(LF), Name);
  return 1;
}

#if LLVM_VERSION_MAJOR >= 21
static h2s_captured captured(CaptureComponents CC) {
  if (capturesNothing(CC))
    return H2S_CAPTURED_NONE;
  return CC == CaptureComponents::AddressIsNull ? H2S_CAPTURED_NULLNESS
                                                : H2S_CAPTURED_MORE;
}

// How argument 'Arg' of 'CB' may be captured: through the return value,
// and otherwise.  (LLVM 19 has no capture components; see Compat.h.)
static h2s_capture_info argCaptureInfo(const CallBase &CB, unsigned Arg) {
  CaptureInfo CI = CB.getCaptureInfo(Arg);
  return {captured(CI.getOtherComponents()), captured(CI.getRetComponents())};
}
#else
static h2s_capture_info argCaptureInfo(const CallBase &CB, unsigned Arg) {
  h2s_captured C = CB.doesNotCapture(Arg) ? H2S_CAPTURED_NONE : H2S_CAPTURED_MORE;
  return {C, C};
}
#endif

extern "C" h2s_capture_info h2s_bridge_arg_capture(LLVMValueRef Call,
                                                  unsigned Arg) {
  return argCaptureInfo(*asCall(Call), Arg);
}

extern "C" int h2s_bridge_may_be_interposed(LLVMValueRef Fn) {
  return cast<Function>(unwrap(Fn))->isInterposable();
}

extern "C" int h2s_bridge_call_may_free_arg(LLVMValueRef Call, unsigned Arg) {
  CallBase *CB = asCall(Call);
  return !CB->hasFnAttr(Attribute::NoFree) &&
         !CB->paramHasAttr(Arg, Attribute::NoFree);
}

// Adds the constant part of the offsets of the GEPs from 'P' down to 'Base'
// to 'Off' and folds the scales of their variable indices into 'Stride'
// (their greatest common divisor); clears 'Forward' when a GEP with
// variable indices is not inbounds nuw.  A GEP that may wrap (not nusw)
// adds its variable offsets modulo 2^64, which keeps only their power-of-two
// factor: 24 * k can be any multiple of 8.  False when something other
// than a GEP stands between the two or a scale does not fit.
static bool accumulateOffsets(const DataLayout &DL, const Value *P, const Value *Base,
                              APInt &Off, uint64_t &Stride, int &Forward) {
  while (P != Base) {
    const auto *GEP = dyn_cast<GEPOperator>(P);
    heap2stack::OffsetVariables Variables;
    APInt Constant(Off.getBitWidth(), 0);
    if (!GEP || !GEP->collectOffset(DL, Off.getBitWidth(), Variables, Constant))
      return false;
    Off += Constant;
    if (!Variables.empty() && !(GEP->isInBounds() && GEP->hasNoUnsignedWrap()))
      Forward = 0;
    for (auto &Variable : Variables) {
      APInt Scale = Variable.second.abs();
      if (Scale.getActiveBits() > 62)
        return false;
      uint64_t S = Scale.getZExtValue();
      Stride = std::gcd(Stride, GEP->hasNoUnsignedSignedWrap() ? S : S & -S);
    }
    P = GEP->getPointerOperand();
  }
  return true;
}

extern "C" LLVMValueRef h2s_bridge_pointer_base(h2s_fn_ctx *Ctx, LLVMValueRef Ptr,
                                               h2s_base_offset *At) {
  const DataLayout &DL = Ctx->F.getDataLayout();
  Value *P = unwrap(Ptr);
  const Value *Base = getUnderlyingObject(P);
  APInt Off(DL.getIndexTypeSizeInBits(P->getType()), 0);
  *At = {};
  At->forward = 1;
  At->known = accumulateOffsets(DL, P, Base, Off, At->stride, At->forward) &&
              Off.getSignificantBits() <= 64;
  At->offset = At->known ? Off.getSExtValue() : 0;
  return wrap(Base);
}

extern "C" uint64_t h2s_bridge_store_size(h2s_fn_ctx *Ctx, LLVMTypeRef Type) {
  TypeSize Size = Ctx->F.getDataLayout().getTypeStoreSize(unwrap(Type));
  return Size.isScalable() ? UINT64_MAX : Size.getFixedValue();
}

extern "C" int h2s_bridge_known_nonnull_at(h2s_fn_ctx *Ctx, LLVMValueRef V,
                                           LLVMValueRef At) {
  auto *I = cast<Instruction>(unwrap(At));
  SimplifyQuery Q(I->getDataLayout(), &Ctx->tli(), &Ctx->domTree(), nullptr, I);
  return isKnownNonZero(unwrap(V), Q);
}

extern "C" int h2s_bridge_dominates(h2s_fn_ctx *Ctx, LLVMValueRef Def,
                                    LLVMValueRef User) {
  return Ctx->domTree().dominates(cast<Instruction>(unwrap(Def)),
                                  cast<Instruction>(unwrap(User)));
}

extern "C" unsigned h2s_bridge_alloca_address_space(h2s_fn_ctx *Ctx) {
  return Ctx->F.getDataLayout().getAllocaAddrSpace();
}

extern "C" LLVMValueRef h2s_bridge_invoke_to_call(h2s_fn_ctx *,
                                                  LLVMValueRef Invoke) {
  return wrap(changeToCall(cast<InvokeInst>(unwrap(Invoke))));
}

extern "C" int h2s_bridge_remarks_enabled(h2s_fn_ctx *Ctx) {
  LLVMContext &C = Ctx->F.getContext();
  return Ctx->Record || C.getLLVMRemarkStreamer() ||
         C.getDiagHandlerPtr()->isAnyRemarkEnabled(DEBUG_TYPE);
}

extern "C" const char *h2s_bridge_opcode_name(LLVMValueRef Inst) {
  return cast<Instruction>(unwrap(Inst))->getOpcodeName();
}

template <typename RemarkT>
static RemarkT buildRemark(const char *Name, Instruction *At, const h2s_remark_arg *Args,
                           size_t NArgs, size_t FirstExtra) {
  RemarkT R(DEBUG_TYPE, Name, At);
  for (size_t I = 0; I < NArgs; ++I) {
    if (I == FirstExtra)
      R << ore::setExtraArgs();
    if (!Args[I].key) {
      R << StringRef(Args[I].text);
      continue;
    }
    DiagnosticInfoOptimizationBase::Argument A(Args[I].key, StringRef(Args[I].text));
    const DebugLoc *DL = Args[I].at ? &cast<Instruction>(unwrap(Args[I].at))->getDebugLoc()
                                    : nullptr;
    if (DL && *DL && DL->getLine())
      A.Loc = DiagnosticLocation(*DL);
    R << A;
  }
  return R;
}

// Hands 'R' to the pass's own record, if any, and to the remark emitter.
static void emitTo(h2s_fn_ctx *Ctx, DiagnosticInfoOptimizationBase &&R) {
  if (Ctx->Record)
    Ctx->Record->emit(R);
  Ctx->remarks().emit(R);
}

extern "C" void h2s_bridge_emit_remark(h2s_fn_ctx *Ctx, h2s_remark_kind Kind,
                                       const char *Name, LLVMValueRef At,
                                       const h2s_remark_arg *Args,
                                       size_t NArgs, size_t FirstExtra) {
  Instruction *I = cast<Instruction>(unwrap(At));
  if (Kind == H2S_REMARK_PASSED)
    emitTo(Ctx, buildRemark<OptimizationRemark>(Name, I, Args, NArgs, FirstExtra));
  else
    emitTo(Ctx, buildRemark<OptimizationRemarkMissed>(Name, I, Args, NArgs, FirstExtra));
}

extern "C" LLVMBasicBlockRef h2s_bridge_split_block_before(LLVMValueRef At) {
  Instruction *I = cast<Instruction>(unwrap(At));
  return wrap(I->getParent()->splitBasicBlock(I, "h2s.cont"));
}

extern "C" LLVMBasicBlockRef h2s_bridge_split_normal_edge(h2s_fn_ctx *,
                                                          LLVMValueRef Invoke) {
  auto *II = cast<InvokeInst>(unwrap(Invoke));
  return wrap(SplitEdge(II->getParent(), II->getNormalDest()));
}

extern "C" void h2s_bridge_weight_branch(LLVMValueRef Br, unsigned Likely) {
  MDBuilder MDB(unwrap(Br)->getContext());
  cast<BranchInst>(unwrap(Br))->setMetadata(
      LLVMContext::MD_prof, Likely == 0 ? MDB.createLikelyBranchWeights()
                                        : MDB.createUnlikelyBranchWeights());
}

extern "C" void h2s_bridge_build_lifetime(LLVMBuilderRef B, LLVMValueRef Ptr, int Start) {
  heap2stack::createLifetime(*unwrap(B), unwrap(Ptr), Start != 0);
}

// Renames 'F' and makes it a function of its own module only.
static void makeLocal(Function &F, const char *Name) {
  F.setName(Name);
  F.setLinkage(GlobalValue::InternalLinkage);
  F.setVisibility(GlobalValue::DefaultVisibility);
  F.setDLLStorageClass(GlobalValue::DefaultStorageClass);
}

extern "C" LLVMValueRef h2s_bridge_clone_function(LLVMValueRef Fn, const char *Name) {
  Function &F = *cast<Function>(unwrap(Fn));
  ValueToValueMapTy VMap;
  Function *Copy = CloneFunction(&F, VMap);
  Copy->removeFromParent();
  F.getParent()->getFunctionList().insertAfter(F.getIterator(), Copy);
  makeLocal(*Copy, Name);
  Copy->setComdat(F.getComdat());
  return wrap(Copy);
}

extern "C" int h2s_bridge_inline_call(h2s_fn_ctx *Ctx, LLVMValueRef Call) {
  auto &CB = *cast<CallBase>(unwrap(Call));
  Function *Callee = CB.getCalledFunction();
  Function &Caller = Ctx->F;
  if (!Callee || !isInlineViable(*Callee).isSuccess() ||
      !AttributeFuncs::areInlineCompatible(Caller, *Callee) ||
      !Ctx->FAM.getResult<TargetIRAnalysis>(Caller).areInlineCompatible(&Caller, Callee))
    return 0;
  InlineFunctionInfo IFI;
  if (!InlineFunction(CB, IFI, /*MergeAttributes=*/true).isSuccess())
    return 0;
  Ctx->FAM.invalidate(Caller, PreservedAnalyses::none());
  return 1;
}

extern "C" void h2s_bridge_scalarize_locals(h2s_fn_ctx *Ctx) {
  FunctionPassManager FPM;
  FPM.addPass(SROAPass(SROAOptions::PreserveCFG));
  Ctx->FAM.invalidate(Ctx->F, FPM.run(Ctx->F, Ctx->FAM));
}

extern "C" h2s_fn_ctx *h2s_bridge_trial_context(h2s_fn_ctx *Ctx, LLVMValueRef Copy) {
  return new h2s_fn_ctx{*cast<Function>(unwrap(Copy)), Ctx->FAM, nullptr};
}

extern "C" void h2s_bridge_end_trial(h2s_fn_ctx *Trial) {
  Function &F = Trial->F;
  Trial->FAM.clear(F, F.getName());
  delete Trial;
  F.eraseFromParent();
}

extern "C" void h2s_bridge_run_at_start(LLVMValueRef Fn, unsigned Priority) {
  Function *F = unwrap<Function>(Fn);
  appendToGlobalCtors(*F->getParent(), F, static_cast<int>(Priority),
                      F->hasComdat() ? F : nullptr);
}

extern "C" void h2s_bridge_erase_function(h2s_module_ctx *Mod, LLVMValueRef Fn) {
  Function &F = *cast<Function>(unwrap(Fn));
  Mod->Functions.erase(&F);
  Mod->FAM.clear(F, F.getName());
  F.eraseFromParent();
}

extern "C" LLVMValueRef h2s_bridge_take_place_of(LLVMValueRef Fn, const char *Name) {
  Function &F = *cast<Function>(unwrap(Fn));
  Function *New = Function::Create(F.getFunctionType(), F.getLinkage(),
                                   F.getAddressSpace(), "");
  F.getParent()->getFunctionList().insert(F.getIterator(), New);
  New->copyAttributesFrom(&F);
  New->copyMetadata(&F, 0);
  New->setSubprogram(nullptr);
  New->setComdat(F.getComdat());
  New->takeName(&F);
  for (auto [To, From] : zip(New->args(), F.args()))
    To.setName(From.getName());
  F.replaceAllUsesWith(New);
  makeLocal(F, Name);
  return wrap(New);
}
