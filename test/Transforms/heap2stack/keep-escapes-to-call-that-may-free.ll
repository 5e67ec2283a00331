; A block passed to a call that keeps no copy of the pointer but is not
; known not to free it (no nofree on the call, callee or parameter) stays on
; the heap: the callee could free a stack slot.  The same call marked
; nofree is harmless, and its block is promoted.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @consume_buffer(ptr noundef nocapture) #2

define void @passed_to_call_without_nofree() {
; CHECK-LABEL: @passed_to_call_without_nofree(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    call void @consume_buffer(ptr noundef %buf)
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  call void @consume_buffer(ptr noundef %buf)
  call void @free(ptr noundef %buf)
  ret void
}

define void @passed_to_nofree_call() {
; CHECK-LABEL: @passed_to_nofree_call(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @consume_buffer(ptr noundef %h2s.slot) #[[NOFREE:[0-9]+]]
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    ret void
; CHECK:       attributes #[[NOFREE]] = { nofree }
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  call void @consume_buffer(ptr noundef %buf) nofree
  call void @free(ptr noundef %buf)
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: passed as argument 1 to 'consume_buffer', which may free it
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nounwind }
