//===- Record.h - The pass's own remark file --------------------*- C++ -*-===//
//
// With -heap2stack-record=PATH (or the pass parameter record=PATH) the pass
// writes its own remarks, and only those, to an LLVM remark file through
// LLVM's remark serializer (YAML, or bitstream with record-format=bitstream),
// whatever other remark consumers exist.  A directory PATH gets one file per
// module, named after the module's source file and the process, so parallel
// compilations never write the same file.  The record only listens: the
// code generated is the same with and without it.
//
//===----------------------------------------------------------------------===//
#ifndef HEAP2STACK_RECORD_H
#define HEAP2STACK_RECORD_H

#include "llvm/ADT/StringRef.h"
#include "llvm/IR/LLVMRemarkStreamer.h"
#include "llvm/Remarks/RemarkFormat.h"
#include "llvm/Remarks/RemarkStreamer.h"
#include "llvm/Support/ToolOutputFile.h"

#include <memory>

namespace llvm {
class DiagnosticInfoOptimizationBase;
class Module;
} // namespace llvm

namespace heap2stack {

class RemarkRecord {
public:
  // Opens the record of 'M' at 'Path'; a one-line fatal error when the file
  // cannot be written.
  RemarkRecord(llvm::StringRef Path, llvm::remarks::Format Format,
               const llvm::Module &M);
  ~RemarkRecord();
  void emit(const llvm::DiagnosticInfoOptimizationBase &Remark);

private:
  std::unique_ptr<llvm::ToolOutputFile> File;
  std::unique_ptr<llvm::remarks::RemarkStreamer> Streamer;
  std::unique_ptr<llvm::LLVMRemarkStreamer> Converter;
};

} // namespace heap2stack

#endif // HEAP2STACK_RECORD_H
