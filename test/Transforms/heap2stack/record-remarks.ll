; record=PATH (or -heap2stack-record=PATH) writes the pass's own remarks,
; Passed and Missed, to an LLVM remark file with the same named arguments as
; optimization records; record-format=bitstream writes LLVM's bitstream
; format.  A directory gets one file per module.  Nothing but heap2stack's
; remarks is written, and no -pass-remarks option is needed.  A file that
; cannot be written is a one-line error, and so is a bitstream record with
; LLVM 19, whose standalone bitstream serializer cannot write one.
; RUN: rm -rf %t && mkdir -p %t/dir
; RUN: opt -passes='heap2stack<record=%t/record.yaml>' -disable-output < %s
; RUN: FileCheck %s < %t/record.yaml
; RUN: opt -heap2stack-record=%t/dir -passes=heap2stack -disable-output < %s
; RUN: ls %t/dir | FileCheck %s --check-prefix=NAME
; RUN: cat %t/dir/* | FileCheck %s
; RUN: %if bitstream-record %{ opt -passes='heap2stack<record=%t/record.bitstream;record-format=bitstream>' -disable-output < %s %}
; RUN: %if bitstream-record %{ llvm-remarkutil bitstream2yaml %t/record.bitstream | FileCheck %s %}
; RUN: %if bitstream-record %{ true %} %else %{ not opt -passes='heap2stack<record=%t/record.bitstream;record-format=bitstream>' -disable-output < %s 2>&1 | FileCheck %s --check-prefix=NOBITSTREAM %}
; RUN: not opt -passes='heap2stack<record=%t/missing/record.yaml>' -disable-output < %s 2>&1 | FileCheck %s --check-prefix=ERROR
; RUN: opt -passes='heap2stack<record=%t/x.yaml;record-format=bitstream>' -print-pipeline-passes -disable-output < %s | FileCheck %s --check-prefix=PIPELINE

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@saved = global ptr null

define void @one_promoted_one_kept() {
  %small = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %small, align 1
  call void @free(ptr noundef %small)
  %kept = call noalias ptr @malloc(i64 noundef 8)
  store ptr %kept, ptr @saved, align 8
  ret void
}

; CHECK:      --- !Passed
; CHECK-NEXT: Pass: heap2stack
; CHECK-NEXT: Name: Promoted
; CHECK-NEXT: Function: one_promoted_one_kept
; CHECK-NEXT: Args:
; CHECK-NEXT:   - String: 'moved '
; CHECK-NEXT:   - Bytes: '16'
; CHECK-NEXT:   - String: '-byte '''
; CHECK-NEXT:   - Callee: malloc
; CHECK-NEXT:   - String: ''' block to the stack'
; CHECK-NEXT: ...
; CHECK-NEXT: --- !Missed
; CHECK-NEXT: Pass: heap2stack
; CHECK-NEXT: Name: Escapes
; CHECK-NEXT: Function: one_promoted_one_kept
; CHECK-NEXT: Args:
; CHECK-NEXT:   - String: 'not promoted: stored to memory'
; CHECK-NEXT:   - PathSep: ' (escape path: '
; CHECK-NEXT:   - Path: 'call to ''malloc'''
; CHECK-NEXT:   - PathSep: ' -> '
; CHECK-NEXT:   - Path: store
; CHECK-NEXT:   - PathSep: ')'
; CHECK-NEXT: ...
; CHECK-NOT:  Pass:

; NAME: {{^}}<stdin>.{{[0-9]+}}.0.heap2stack.yaml{{$}}
; ERROR: {{^}}LLVM ERROR: heap2stack: cannot write the remark record '{{.*}}missing{{/|\\}}record.yaml': No such file or directory{{$}}
; NOBITSTREAM: {{^}}LLVM {{ERROR}}: heap2stack: cannot write the remark record '{{.*}}record.bitstream': bitstream records need LLVM 21 or later; use record-format=yaml{{$}}
; PIPELINE: heap2stack<{{.*}};record={{.*}}x.yaml;record-format=bitstream;cleanup>

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
