//===- Compat.h - The differences between the LLVM versions we build for --===//
//
// heap2stack builds against LLVM 22 (the default) and LLVM 19.  The APIs
// that changed between them and that the bridge uses in several places are
// wrapped here once; a difference that touches one function only is an #if
// in that function.  LLVM 19 has no CaptureComponents (an argument is
// nocapture or not, and a returned argument is captured: Bridge.cpp's
// argCaptureInfo), its pass builder's extension points do not say which LTO
// phase they run in (Plugin.cpp), its remark serializers need no
// finalization (Record.cpp), and llvm.lifetime.* still take the object's
// size (createLifetime, below).
//
//===----------------------------------------------------------------------===//
#ifndef HEAP2STACK_BRIDGE_COMPAT_H
#define HEAP2STACK_BRIDGE_COMPAT_H

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

inline llvm::CallInst *createLifetime(llvm::IRBuilder<> &B, llvm::Value *Ptr, bool Start) {
  return Start ? B.CreateLifetimeStart(Ptr) : B.CreateLifetimeEnd(Ptr);
}

} // namespace heap2stack

#endif // HEAP2STACK_BRIDGE_COMPAT_H
