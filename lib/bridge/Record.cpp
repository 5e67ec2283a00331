//===- Record.cpp - The pass's own remark file ----------------------------===//
//
// See Record.h.  The remarks are the ones the bridge already builds for
// OptimizationRemarkEmitter; LLVM's own LLVMRemarkStreamer turns them into
// remark records, so the file reads like -fsave-optimization-record's.
//
//===----------------------------------------------------------------------===//
#include "Record.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/Module.h"
#include "llvm/Remarks/RemarkSerializer.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include <atomic>

using namespace llvm;
using namespace heap2stack;

[[noreturn]] static void cannotWrite(StringRef Path, const Twine &Why) {
  std::string Message =
      formatv("heap2stack: cannot write the remark record '{0}': {1}", Path, Why.str()).str();
  report_fatal_error(StringRef(Message), /*gen_crash_diag=*/false);
}

// The file for 'M' in 'Path': the path itself, or in a directory a name
// unique to the module's source file, this process and this module.
static std::string fileFor(StringRef Path, remarks::Format Format, const Module &M) {
  if (!sys::fs::is_directory(Path))
    return Path.str();
  static std::atomic<unsigned> Modules{0};
  StringRef Source = M.getSourceFileName().empty() ? M.getModuleIdentifier()
                                                   : M.getSourceFileName();
  SmallString<256> File(Path);
  sys::path::append(File, formatv("{0}.{1}.{2}.heap2stack.{3}", sys::path::filename(Source),
                                  sys::Process::getProcessId(), Modules++,
                                  Format == remarks::Format::Bitstream ? "bitstream" : "yaml")
                              .str());
  return std::string(File);
}

RemarkRecord::RemarkRecord(StringRef Path, remarks::Format Format, const Module &M) {
  std::string Name = fileFor(Path, Format, M);
#if LLVM_VERSION_MAJOR < 21
  // LLVM 19's standalone bitstream serializer writes its string table
  // before the first remark, when the table is still empty.
  if (Format == remarks::Format::Bitstream)
    cannotWrite(Name, "bitstream records need LLVM 21 or later; use record-format=yaml");
#endif
  std::error_code EC;
  File = std::make_unique<ToolOutputFile>(Name, EC, sys::fs::OF_None);
  if (EC)
    cannotWrite(Name, EC.message());
#if LLVM_VERSION_MAJOR >= 21
  Expected<std::unique_ptr<remarks::RemarkSerializer>> Serializer =
      remarks::createRemarkSerializer(Format, File->os());
#else
  Expected<std::unique_ptr<remarks::RemarkSerializer>> Serializer =
      remarks::createRemarkSerializer(Format, remarks::SerializerMode::Standalone,
                                      File->os());
#endif
  if (!Serializer)
    cannotWrite(Name, toString(Serializer.takeError()));
  Streamer = std::make_unique<remarks::RemarkStreamer>(std::move(*Serializer), Name);
  Converter = std::make_unique<LLVMRemarkStreamer>(*Streamer);
}

RemarkRecord::~RemarkRecord() {
  Converter.reset();
#if LLVM_VERSION_MAJOR >= 21
  Streamer->releaseSerializer()->finalize(); // LLVM 19 writes as it goes
#endif
  Streamer.reset();
  File->keep();
}

void RemarkRecord::emit(const DiagnosticInfoOptimizationBase &Remark) {
  Converter->emit(Remark);
}
