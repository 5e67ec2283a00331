//===- Statistics.cpp - The -stats counters -------------------------------===//
//
// Debian's LLVM is a release build: its STATISTIC machinery prints
// "Statistics are disabled" and nothing else.  heap2stack keeps its own
// counters and, when -stats is given, prints them at exit in LLVM's format,
// so that `opt -stats` and `clang -mllvm -stats` show them on any build.
//
//===----------------------------------------------------------------------===//
#include "heap2stack/bridge.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>

using namespace llvm;

namespace {

struct Counter {
  const char *Desc;
  std::atomic<uint64_t> Value{0};
};

struct Counters {
  Counter Promoted{"Number of heap allocations moved to the stack"};
  Counter Bytes{"Number of bytes moved from the heap to the stack"};
  Counter Kept{"Number of heap allocations kept on the heap"};
  Counter Guarded{"Number of moved allocations that take the heap when larger "
                  "than their slot"};
  Counter Split{"Number of functions that may recurse split into a body with "
                "slots, taken while the stack has room, and a plain body"};
  Counter FactoriesInlined{"Number of calls of allocation wrappers inlined "
                           "where their blocks are freed"};
  Counter HelpersInlined{"Number of calls of helpers of local objects inlined "
                         "where the objects' blocks are allocated and freed"};
  Counter WrapperCopies{"Number of copies of free wrappers that leave promoted "
                        "blocks alone"};

  ~Counters() {
    if (!AreStatisticsEnabled() || !(Promoted.Value || Kept.Value))
      return;
    raw_ostream &OS = errs();
    OS << "===" << std::string(73, '-') << "===\n"
       << "                    ... heap2stack Statistics Collected ...\n"
       << "===" << std::string(73, '-') << "===\n\n";
    for (const Counter *C : {&Promoted, &Bytes, &Kept, &Guarded, &Split, &FactoriesInlined,
                            &HelpersInlined, &WrapperCopies})
      OS << format("%8llu", (unsigned long long)C->Value.load())
         << " heap2stack - " << C->Desc << "\n";
    OS << "\n";
    OS.flush();
  }
};

Counters Stats;

} // namespace

extern "C" void h2s_bridge_count_promoted(uint64_t Bytes) {
  ++Stats.Promoted.Value;
  Stats.Bytes.Value += Bytes;
}

extern "C" void h2s_bridge_count_kept(void) { ++Stats.Kept.Value; }

extern "C" void h2s_bridge_count_guarded(void) { ++Stats.Guarded.Value; }

extern "C" void h2s_bridge_count_split(void) { ++Stats.Split.Value; }

extern "C" void h2s_bridge_count_wrapper_copy(void) { ++Stats.WrapperCopies.Value; }

extern "C" void h2s_bridge_count_factory_inlined(void) { ++Stats.FactoriesInlined.Value; }

extern "C" void h2s_bridge_count_helper_inlined(void) { ++Stats.HelpersInlined.Value; }
