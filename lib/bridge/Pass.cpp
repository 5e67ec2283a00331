//===- Pass.cpp - Run the C core over a module ----------------------------===//
//
// Fetches what the core needs (the call graph's cycles, per-function
// analyses), runs h2s_promote_function over every function with a body, and
// then, for the functions it changed and only those, the simplifications
// that turn small stack slots into registers.
//
//===----------------------------------------------------------------------===//
#include "Pass.h"
#include "FunctionContext.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SCCIterator.h"
#include "llvm/Analysis/CallGraph.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/InstCombine/InstCombine.h"
#include "llvm/Transforms/Scalar/EarlyCSE.h"
#include "llvm/Transforms/Scalar/SROA.h"
#include "llvm/Transforms/Scalar/SimplifyCFG.h"

using namespace llvm;
using namespace heap2stack;

// Functions on a cycle of the call graph, including direct self-recursion.
static DenseSet<const Function *> recursiveFunctions(CallGraph &CG) {
  DenseSet<const Function *> Result;
  for (auto SCC = scc_begin(&CG); !SCC.isAtEnd(); ++SCC)
    if (SCC.hasCycle())
      for (CallGraphNode *Node : *SCC)
        if (const Function *F = Node->getFunction())
          Result.insert(F);
  return Result;
}

static FunctionPassManager cleanupPipeline() {
  FunctionPassManager FPM;
  FPM.addPass(SROAPass(SROAOptions::ModifyCFG));
  FPM.addPass(EarlyCSEPass());
  FPM.addPass(InstCombinePass());
  FPM.addPass(SimplifyCFGPass());
  return FPM;
}

PreservedAnalyses HeapToStackPass::run(Module &M, ModuleAnalysisManager &MAM) {
  auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  DenseSet<const Function *> Recursive =
      recursiveFunctions(MAM.getResult<CallGraphAnalysis>(M));
  FunctionPassManager Cleanup = cleanupPipeline();
  bool Changed = false;
  for (Function &F : M) {
    if (F.isDeclaration() || F.hasOptNone())
      continue;
    h2s_fn_ctx Ctx{F, FAM, Recursive.contains(&F)};
    if (!h2s_promote_function(&Ctx, wrap(&F), &Opts.Limits))
      continue;
    Changed = true;
    FAM.invalidate(F, PreservedAnalyses::none());
    if (Opts.Cleanup)
      FAM.invalidate(F, Cleanup.run(F, FAM));
  }
  if (!Changed)
    return PreservedAnalyses::all();
  // Function analyses of changed functions were invalidated above.
  PreservedAnalyses PA;
  PA.preserve<FunctionAnalysisManagerModuleProxy>();
  return PA;
}
