//===- Compat.h - The differences between the LLVM versions we build for --===//
//
// heap2stack builds against LLVM 22 (the default) and LLVM 19.  Every API
// that changed between them is wrapped here once, so the rest of the bridge
// reads the same for both.  LLVM 19 has no CaptureComponents (an argument
// is nocapture or not, and a returned argument is captured), its pass
// builder's extension points do not say which LTO phase they run in, its
// remark serializers need no finalization, and llvm.lifetime.* still take
// the object's size.
//
//===----------------------------------------------------------------------===//
#ifndef HEAP2STACK_BRIDGE_COMPAT_H
#define HEAP2STACK_BRIDGE_COMPAT_H

#include "heap2stack/bridge.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/Support/KnownBits.h"

namespace heap2stack {

#if LLVM_VERSION_MAJOR >= 20
using OffsetVariables = llvm::SmallMapVector<llvm::Value *, llvm::APInt, 4>;
#else
using OffsetVariables = llvm::MapVector<llvm::Value *, llvm::APInt>;
#endif

inline llvm::KnownBits knownBitsAt(const llvm::Value *V, const llvm::DataLayout &DL,
                                   const llvm::Instruction *At,
                                   const llvm::DominatorTree *DT) {
#if LLVM_VERSION_MAJOR >= 21
  return llvm::computeKnownBits(V, DL, /*AC=*/nullptr, At, DT);
#else
  return llvm::computeKnownBits(V, DL, /*Depth=*/0, /*AC=*/nullptr, At, DT);
#endif
}

// How argument 'Arg' of 'CB' may be captured: through the return value,
// and otherwise.
h2s_capture_info argCaptureInfo(const llvm::CallBase &CB, unsigned Arg);

inline llvm::CallInst *createLifetime(llvm::IRBuilder<> &B, llvm::Value *Ptr, bool Start) {
  return Start ? B.CreateLifetimeStart(Ptr) : B.CreateLifetimeEnd(Ptr);
}

} // namespace heap2stack

#endif // HEAP2STACK_BRIDGE_COMPAT_H
