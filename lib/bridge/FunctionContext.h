//===- FunctionContext.h - What stands behind an h2s_fn_ctx -----*- C++ -*-===//
//
// The C core sees h2s_fn_ctx as an opaque handle; the bridge and the pass
// share its definition here.  Analyses are fetched from the function analysis
// manager on first use, so a function without allocation sites never builds
// a dominator tree.  The module's context makes one per function, on first
// use, for the stages that look at other functions (summaries).
//
//===----------------------------------------------------------------------===//
#ifndef HEAP2STACK_FUNCTIONCONTEXT_H
#define HEAP2STACK_FUNCTIONCONTEXT_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/IR/PassManager.h"

#include <memory>

namespace heap2stack {
class RemarkRecord;
} // namespace heap2stack

namespace llvm {
class DominatorTree;
class Function;
class LazyValueInfo;
class OptimizationRemarkEmitter;
class ScalarEvolution;
class TargetLibraryInfo;
} // namespace llvm

struct h2s_fn_ctx {
  llvm::Function &F;
  llvm::FunctionAnalysisManager &FAM;
  heap2stack::RemarkRecord *Record; // the pass's own remark file, or null

  llvm::TargetLibraryInfo &tli();
  llvm::DominatorTree &domTree();
  llvm::LazyValueInfo &lazyValues();
  llvm::ScalarEvolution &scalarEvolution();
  llvm::OptimizationRemarkEmitter &remarks();
};

struct h2s_module_ctx {
  h2s_module_ctx(llvm::FunctionAnalysisManager &FAM, heap2stack::RemarkRecord *Record)
      : FAM(FAM), Record(Record) {}

  llvm::FunctionAnalysisManager &FAM;
  heap2stack::RemarkRecord *Record;
  llvm::DenseMap<const llvm::Function *, std::unique_ptr<h2s_fn_ctx>> Functions;
};

#endif // HEAP2STACK_FUNCTIONCONTEXT_H
