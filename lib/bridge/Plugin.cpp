//===- Plugin.cpp - Plugin entry, pipeline registration and options -------===//
//
// Loaded by `clang -fpass-plugin=HeapToStack.so` or
// `opt -load-pass-plugin=HeapToStack.so`.  It
//   * registers `heap2stack` and `heap2stack<params>` for -passes=, and
//     `print<heap2stack-summaries>`, which prints the module's summaries;
//   * adds the pass to clang's -O1..-O3/-Os/-Oz pipelines at the extension
//     point docs/design.md explains (never at -O0);
//   * defines the -mllvm options that set the defaults of both.
// A bad parameter is a one-line error that names it and what is accepted.
//
//===----------------------------------------------------------------------===//
#include "Pass.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Remarks/RemarkFormat.h"
#if LLVM_VERSION_MAJOR >= 22
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FormatVariadic.h"

using namespace llvm;
using namespace heap2stack;

static cl::OptionCategory Category("heap2stack options");

static cl::opt<uint64_t> MaxSize(
    "heap2stack-max-size", cl::init(H2S_DEFAULT_MAX_SIZE), cl::cat(Category),
    cl::desc("Largest heap block, in bytes, that heap2stack moves to the stack"));

static cl::opt<uint64_t> FrameBudget(
    "heap2stack-frame-budget", cl::init(H2S_DEFAULT_FRAME_BUDGET), cl::cat(Category),
    cl::desc("Bytes of promoted blocks heap2stack may add to one function"));

static cl::opt<uint64_t> RecursiveBudget(
    "heap2stack-recursive-budget", cl::init(H2S_DEFAULT_RECURSIVE_BUDGET),
    cl::cat(Category),
    cl::desc("Bytes of promoted blocks heap2stack may add to a function that "
             "may be recursive"));

static cl::opt<uint64_t> MaxUses(
    "heap2stack-max-uses", cl::init(H2S_DEFAULT_MAX_USES), cl::cat(Category),
    cl::desc("Uses the escape analysis may visit per allocation site before "
             "it keeps the block on the heap"));

static cl::opt<uint64_t> GuardSize(
    "heap2stack-guard-size", cl::init(H2S_DEFAULT_GUARD_SIZE), cl::cat(Category),
    cl::desc("Bytes of the stack slot a block sized at run time takes when "
             "it fits (else it stays on the heap); 0 turns guarded slots off"));

static cl::opt<bool> Room(
    "heap2stack-room", cl::init(true), cl::cat(Category),
    cl::desc("Promote in functions that may recurse, in frames within the "
             "first room-percent of the thread's stack (room guards)"));

static cl::opt<uint64_t> RoomPercent(
    "heap2stack-room-percent", cl::init(H2S_DEFAULT_ROOM_PERCENT), cl::cat(Category),
    cl::desc("Share of each thread's stack, in percent (0 to 100), in which "
             "functions that may recurse take their stack slots"));

static cl::opt<uint64_t> FactorySize(
    "heap2stack-factory-size", cl::init(H2S_DEFAULT_FACTORY_SIZE), cl::cat(Category),
    cl::desc("Instructions of the largest allocation wrapper of the module that "
             "heap2stack inlines where the block it returns is freed; 0 "
             "inlines none"));

static cl::opt<uint64_t> HelperSize(
    "heap2stack-helper-size", cl::init(H2S_DEFAULT_HELPER_SIZE), cl::cat(Category),
    cl::desc("Instructions of the largest helper of a local object (one that "
             "allocates into it or frees from it) that heap2stack inlines where "
             "the object's block is allocated and freed; 0 inlines none"));

static cl::opt<std::string> RecordPath(
    "heap2stack-record", cl::init(""), cl::cat(Category), cl::value_desc("path"),
    cl::desc("Write heap2stack's own remarks to this file, or to one file per "
             "module in this directory"));

static cl::opt<remarks::Format> RecordFormat(
    "heap2stack-record-format", cl::init(remarks::Format::YAML), cl::cat(Category),
    cl::desc("Format of the -heap2stack-record file"),
    cl::values(clEnumValN(remarks::Format::YAML, "yaml", "YAML (default)"),
               clEnumValN(remarks::Format::Bitstream, "bitstream", "LLVM bitstream")));

static cl::opt<bool> Cleanup(
    "heap2stack-cleanup", cl::init(true), cl::cat(Category),
    cl::desc("Run SROA and simplifications over functions heap2stack changed"));

enum class ExtensionPoint { BeforeInlining, OptimizerEarly, OptimizerLast, Off };

static cl::opt<ExtensionPoint> EP(
    "heap2stack-ep", cl::init(ExtensionPoint::OptimizerEarly), cl::cat(Category),
    cl::desc("Where heap2stack joins clang's default pipelines"),
    cl::values(clEnumValN(ExtensionPoint::BeforeInlining, "before-inlining",
                          "early simplification, before the inliner"),
               clEnumValN(ExtensionPoint::OptimizerEarly, "optimizer-early",
                          "before the module optimization pipeline (default)"),
               clEnumValN(ExtensionPoint::OptimizerLast, "optimizer-last",
                          "at the end of the optimization pipeline"),
               clEnumValN(ExtensionPoint::Off, "off",
                          "not at all; -passes=heap2stack still works")));

static PassOptions optionsFromCommandLine() {
  if (RoomPercent > 100)
    report_fatal_error(formatv("invalid -heap2stack-room-percent={0}: expected a "
                               "percentage from 0 to 100",
                               RoomPercent.getValue()),
                       /*gen_crash_diag=*/false);
  PassOptions O;
  O.Limits = {MaxSize,     FrameBudget, RecursiveBudget, MaxUses,
              GuardSize,   RoomPercent, FactorySize,     HelperSize,
              Room,        /*pin_slots=*/0};
  O.Cleanup = Cleanup;
  O.RecordPath = RecordPath;
  O.RecordFormat = RecordFormat;
  return O;
}

static Error badParameter(StringRef Param, StringRef Accepted) {
  return make_error<StringError>(
      formatv("invalid heap2stack parameter '{0}': expected {1}", Param, Accepted)
          .str(),
      inconvertibleErrorCode());
}

// Parses "max-size=N;frame-budget=N;recursive-budget=N;max-uses=N;
// guard-size=N;room-percent=N;factory-size=N;helper-size=N;no-room;
// no-cleanup".
static Expected<PassOptions> parseParameters(StringRef Params) {
  PassOptions O = optionsFromCommandLine();
  const char *Accepted =
      "max-size=N, frame-budget=N, recursive-budget=N, max-uses=N, "
      "guard-size=N, factory-size=N, helper-size=N (N a non-negative integer), "
      "room-percent=N (0 to "
      "100), room or "
      "no-room, cleanup or no-cleanup, record=PATH, record-format=yaml or "
      "record-format=bitstream";
  while (!Params.empty()) {
    StringRef Param;
    std::tie(Param, Params) = Params.split(';');
    auto [Name, Value] = Param.split('=');
    uint64_t *Field = StringSwitch<uint64_t *>(Name)
                          .Case("max-size", &O.Limits.max_size)
                          .Case("frame-budget", &O.Limits.frame_budget)
                          .Case("recursive-budget", &O.Limits.recursive_budget)
                          .Case("max-uses", &O.Limits.max_uses)
                          .Case("guard-size", &O.Limits.guard_size)
                          .Case("room-percent", &O.Limits.room_percent)
                          .Case("factory-size", &O.Limits.factory_size)
                          .Case("helper-size", &O.Limits.helper_size)
                          .Default(nullptr);
    if (Field && Value.getAsInteger(10, *Field))
      return badParameter(Param, "a non-negative integer");
    if (Field == &O.Limits.room_percent && *Field > 100)
      return badParameter(Param, "a percentage from 0 to 100");
    if (Field)
      continue;
    if (Name == "record" && !Value.empty()) {
      O.RecordPath = Value.str();
      continue;
    }
    if (Name == "record-format" && (Value == "yaml" || Value == "bitstream")) {
      O.RecordFormat = Value == "yaml" ? remarks::Format::YAML : remarks::Format::Bitstream;
      continue;
    }
    if (Param == "cleanup" || Param == "no-cleanup")
      O.Cleanup = Param == "cleanup";
    else if (Param == "room" || Param == "no-room")
      O.Limits.room = Param == "room";
    else
      return badParameter(Param, Accepted);
  }
  return O;
}

static bool parsePipelineElement(StringRef Name, ModulePassManager &MPM,
                                 ArrayRef<PassBuilder::PipelineElement>) {
  if (Name == "print<heap2stack-summaries>") {
    MPM.addPass(SummaryPrinterPass(errs()));
    return true;
  }
  if (!PassBuilder::checkParametrizedPassName(Name, "heap2stack"))
    return false;
  Expected<PassOptions> Opts =
      PassBuilder::parsePassParameters(parseParameters, Name, "heap2stack");
  if (!Opts)
    report_fatal_error(Opts.takeError(), /*gen_crash_diag=*/false);
  MPM.addPass(HeapToStackPass(*Opts));
  return true;
}

// In an LTO build the pass waits for the link: a pre-link run would be
// followed by link-time inlining, which could move promoted slots into other
// functions, recursive ones included, past every limit the policy checked.
static bool isPreLink(ThinOrFullLTOPhase Phase) {
  return Phase == ThinOrFullLTOPhase::ThinLTOPreLink ||
         Phase == ThinOrFullLTOPhase::FullLTOPreLink;
}

// 'PhaseKnown' is false where the pipeline does not say whether it is a
// pre-link one: then the functions that get slots are pinned (noinline).
static void addToDefaultPipeline(ModulePassManager &MPM, OptimizationLevel Level,
                                 ThinOrFullLTOPhase Phase, ExtensionPoint At,
                                 bool PhaseKnown = true) {
  if (EP != At || Level == OptimizationLevel::O0 || isPreLink(Phase))
    return;
  PassOptions O = optionsFromCommandLine();
  O.Limits.pin_slots = !PhaseKnown;
  MPM.addPass(HeapToStackPass(O));
}

#if LLVM_VERSION_MAJOR >= 20
// The callbacks say which LTO phase they run in.
#define H2S_EP_CALLBACK(At)                                                    \
  [](ModulePassManager &MPM, OptimizationLevel Level, ThinOrFullLTOPhase Phase) { \
    addToDefaultPipeline(MPM, Level, Phase, At);                               \
  }
#else
// LLVM 19's callbacks do not say; its ThinLTO and full LTO pre-link
// pipelines run the optimizer-early and -last points too, so there the pass
// runs at compile time as well as at the link (README.md, "LLVM 19").
#define H2S_EP_CALLBACK(At)                                                    \
  [](ModulePassManager &MPM, OptimizationLevel Level) {                        \
    addToDefaultPipeline(MPM, Level, ThinOrFullLTOPhase::None, At,             \
                         /*PhaseKnown=*/false);                                \
  }
#endif

static void registerCallbacks(PassBuilder &PB) {
  PB.registerPipelineParsingCallback(parsePipelineElement);
  PB.registerPipelineEarlySimplificationEPCallback(
      H2S_EP_CALLBACK(ExtensionPoint::BeforeInlining));
  // Also ThinLTO's link-time optimization pipeline, after its inliner.
  PB.registerOptimizerEarlyEPCallback(H2S_EP_CALLBACK(ExtensionPoint::OptimizerEarly));
  PB.registerOptimizerLastEPCallback(H2S_EP_CALLBACK(ExtensionPoint::OptimizerLast));
  // Full LTO's link-time pipeline has no optimizer-early point; its last one
  // comes after the link-time inliner.
  PB.registerFullLinkTimeOptimizationLastEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel Level) {
        if (EP != ExtensionPoint::Off)
          addToDefaultPipeline(MPM, Level, ThinOrFullLTOPhase::FullLTOPostLink, EP);
      });
}

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "HeapToStack", "0.1", registerCallbacks};
}
