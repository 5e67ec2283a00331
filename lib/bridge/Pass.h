//===- Pass.h - The heap2stack module pass ----------------------*- C++ -*-===//
//
// The new-pass-manager face of heap2stack.  run() fetches analyses, hands
// each function to the C core (h2s_promote_function) and cleans up the
// functions the core changed; it decides nothing itself.
//
//===----------------------------------------------------------------------===//
#ifndef HEAP2STACK_PASS_H
#define HEAP2STACK_PASS_H

#include "heap2stack/core.h"

#include "llvm/IR/PassManager.h"
#include "llvm/Remarks/RemarkFormat.h"

#include <string>

namespace heap2stack {

struct PassOptions {
  h2s_options Limits;
  bool Cleanup = true; // run SROA and friends over changed functions
  std::string RecordPath; // the pass's own remark file (Record.h), or ""
  llvm::remarks::Format RecordFormat = llvm::remarks::Format::YAML;
};

class HeapToStackPass : public llvm::PassInfoMixin<HeapToStackPass> {
public:
  explicit HeapToStackPass(PassOptions Opts) : Opts(Opts) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
  // Prints the pass as -passes= accepts it, with every parameter, so that
  // -print-pipeline-passes output can be fed back to opt.
  void printPipeline(llvm::raw_ostream &OS,
                     llvm::function_ref<llvm::StringRef(llvm::StringRef)>);
  static bool isRequired() { return false; }

private:
  PassOptions Opts;
};

// print<heap2stack-summaries>: the module's summaries (summaries.h), one
// line per pointer parameter of each defined function, for tests.
class SummaryPrinterPass : public llvm::PassInfoMixin<SummaryPrinterPass> {
public:
  explicit SummaryPrinterPass(llvm::raw_ostream &OS) : OS(OS) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
  static bool isRequired() { return true; }

private:
  llvm::raw_ostream &OS;
};

} // namespace heap2stack

#endif // HEAP2STACK_PASS_H
