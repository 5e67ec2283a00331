//===- Pass.cpp - Run the C core over a module ----------------------------===//
//
// Gives the C library's declarations LLVM's attributes (inferattrs), fetches
// what the core needs (which functions may recurse, per-function
// analyses, the module's summaries), runs h2s_promote_function over every function with a body, and
// then, for the functions it changed and only those, the simplifications
// that turn small stack slots into registers.
//
//===----------------------------------------------------------------------===//
#include "Pass.h"
#include "FunctionContext.h"
#include "Record.h"

#include "llvm/IR/Module.h"

#include <optional>
#include "llvm/Transforms/IPO/InferFunctionAttrs.h"
#include "llvm/Transforms/InstCombine/InstCombine.h"
#include "llvm/Transforms/Scalar/EarlyCSE.h"
#include "llvm/Transforms/Scalar/SROA.h"
#include "llvm/Transforms/Scalar/SimplifyCFG.h"

using namespace llvm;
using namespace heap2stack;

static FunctionPassManager cleanupPipeline() {
  FunctionPassManager FPM;
  FPM.addPass(SROAPass(SROAOptions::ModifyCFG));
  FPM.addPass(EarlyCSEPass());
  FPM.addPass(InstCombinePass());
  FPM.addPass(SimplifyCFGPass());
  return FPM;
}

void HeapToStackPass::printPipeline(raw_ostream &OS,
                                    function_ref<StringRef(StringRef)>) {
  const h2s_options &L = Opts.Limits;
  OS << "heap2stack<max-size=" << L.max_size << ";frame-budget=" << L.frame_budget
     << ";recursive-budget=" << L.recursive_budget << ";max-uses=" << L.max_uses
     << ";guard-size=" << L.guard_size << ";room-percent=" << L.room_percent
     << ";factory-size=" << L.factory_size << ";helper-size=" << L.helper_size << ";"
     << (L.room ? "room" : "no-room");
  if (!Opts.RecordPath.empty())
    OS << ";record=" << Opts.RecordPath << ";record-format="
       << (Opts.RecordFormat == remarks::Format::Bitstream ? "bitstream" : "yaml");
  OS << ";" << (Opts.Cleanup ? "cleanup" : "no-cleanup") << ">";
}

PreservedAnalyses HeapToStackPass::run(Module &M, ModuleAnalysisManager &MAM) {
  // MemoryBuiltins knows malloc, calloc, free and friends by the allockind
  // and alloc-family attributes that inferattrs gives the C library's
  // declarations.  clang's pipelines run it first; on IR straight from the
  // front end (opt -passes=heap2stack) the pass runs it itself, so that it
  // sees the allocators TargetLibraryInfo knows (and not the ones
  // -fno-builtin switched off).
  bool Inferred = !InferFunctionAttrsPass().run(M, MAM).areAllPreserved();
  bool Changed = false;
  auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  FunctionPassManager Cleanup = cleanupPipeline();
  std::optional<RemarkRecord> Record;
  if (!Opts.RecordPath.empty())
    Record.emplace(Opts.RecordPath, Opts.RecordFormat, M);
  h2s_module_ctx Mod(FAM, Record ? &*Record : nullptr);
  h2s_recursion *Recursion = h2s_recursion_analyse(&Mod, wrap(&M));
  h2s_summaries *Summaries = h2s_summaries_new(&Mod, Opts.Limits.max_uses);
  h2s_wrappers *Wrappers = h2s_wrappers_new(&Mod, Summaries);
  // The core adds functions (split.c): only those there now are examined.
  std::vector<Function *> Defined;
  for (Function &F : M)
    if (!F.isDeclaration() && !F.hasOptNone())
      Defined.push_back(&F);
  for (Function *FP : Defined) {
    Function &F = *FP;
    h2s_fn_ctx *Ctx = h2s_bridge_function_context(&Mod, wrap(&F));
    if (!h2s_promote_function(Ctx, wrap(&F), &Opts.Limits, Recursion, Summaries,
                              Wrappers))
      continue;
    Changed = true;
    FAM.invalidate(F, PreservedAnalyses::none());
    if (Opts.Cleanup)
      FAM.invalidate(F, Cleanup.run(F, FAM));
  }
  h2s_summaries_free(Summaries);
  h2s_wrappers_free(Wrappers); // after the summaries, which know copies by address
  h2s_recursion_free(Recursion);
  if (Inferred) // new callee attributes: no function analysis is current
    return PreservedAnalyses::none();
  if (!Changed)
    return PreservedAnalyses::all();
  // Function analyses of changed functions were invalidated above.
  PreservedAnalyses PA;
  PA.preserve<FunctionAnalysisManagerModuleProxy>();
  return PA;
}

static void printRanges(raw_ostream &OS, const h2s_byte_ranges &R) {
  if (R.all) {
    OS << "any bytes";
    return;
  }
  if (!R.n)
    OS << "nothing";
  for (unsigned I = 0; I < R.n; ++I) {
    int64_t End;
    OS << (I ? " " : "") << "[" << R.at[I].offset << ", ";
    if (R.at[I].size <= INT64_MAX && !AddOverflow(R.at[I].offset, int64_t(R.at[I].size), End) &&
        End != INT64_MAX)
      OS << End << ")";
    else
      OS << "end)";
  }
}

// "writes RANGES; reads as data RANGES[; compares RANGES]"
static void printAccesses(raw_ostream &OS, const h2s_byte_ranges &Written,
                          const h2s_byte_ranges &Leaked, const h2s_byte_ranges &Compared) {
  OS << "writes ";
  printRanges(OS, Written);
  OS << "; reads as data ";
  printRanges(OS, Leaked);
  if (Compared.all || Compared.n) {
    OS << "; compares ";
    printRanges(OS, Compared);
  }
}

static void printMemory(raw_ostream &OS, h2s_summaries *Summaries, Function &F, unsigned Arg) {
  h2s_param_memory Memory;
  OS << "    its memory: ";
  if (!h2s_summary_memory(Summaries, wrap(&F), Arg, &Memory)) {
    OS << "unknown\n";
    return;
  }
  if (Memory.follows)
    OS << "loaded pointers " << (Memory.frees ? "may be freed" : "never freed") << ", "
       << (Memory.keeps ? "may be kept" : "never kept") << "; ";
  else
    OS << "loads no pointers; ";
  printAccesses(OS, Memory.written, Memory.leaked, Memory.compared);
  OS << (Memory.allocates ? "; stores blocks it allocates\n" : "\n");
  if (!Memory.follows)
    return;
  OS << "    through loaded pointers: ";
  if (Memory.through_follows)
    OS << "loads pointers";
  else
    printAccesses(OS, Memory.through_written, Memory.through_leaked, Memory.through_compared);
  OS << "\n";
}

PreservedAnalyses SummaryPrinterPass::run(Module &M, ModuleAnalysisManager &MAM) {
  auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  h2s_module_ctx Mod(FAM, nullptr);
  h2s_summaries *Summaries = h2s_summaries_new(&Mod, H2S_DEFAULT_MAX_USES);
  OS << "heap2stack summaries for module '" << M.getModuleIdentifier() << "':\n";
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    for (Argument &A : F.args()) {
      if (!A.getType()->isPointerTy())
        continue;
      OS << "  " << F.getName() << " parameter " << A.getArgNo() << ": "
         << (h2s_summary_may_free(Summaries, wrap(&F), A.getArgNo()) ? "may free"
                                                                     : "never freed")
         << ", "
         << (h2s_summary_may_keep(Summaries, wrap(&F), A.getArgNo()) ? "may keep"
                                                                     : "never kept")
         << "\n";
      printMemory(OS, Summaries, F, A.getArgNo());
    }
  }
  h2s_summaries_free(Summaries);
  return PreservedAnalyses::all();
}
