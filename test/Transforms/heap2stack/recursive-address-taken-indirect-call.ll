; LLVM's call graph does not see recursion through function pointers.  A
; function whose address is taken and that makes an indirect call may call
; itself, so it counts as recursive and keeps its blocks; either condition
; alone does not, for an internal function.  An exported one that makes an
; indirect call may be called back by name by the function it calls, which
; may be of another file (an interpreter's handler table defined there).
; Room-guarded blocks (room-guard-*.ll) are off here (no-room): this file
; tests the static budget of functions that may recurse.
; RUN: opt -passes='heap2stack<no-cleanup;no-room>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup;no-room>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@handlers = global [2 x ptr] [ptr @address_taken_with_indirect_call, ptr @address_taken_without_indirect_call], align 8

define void @address_taken_with_indirect_call(ptr %next) {
; CHECK-LABEL: @address_taken_with_indirect_call(
; CHECK-NOT:     alloca
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK:         call void %next(ptr null)
; CHECK:         call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 0, ptr %buf, align 1
  call void %next(ptr null)
  call void @free(ptr noundef %buf)
  ret void
}

define void @address_taken_without_indirect_call(ptr %next) {
; CHECK-LABEL: @address_taken_without_indirect_call(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 0, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

define internal void @indirect_call_not_address_taken(ptr %callback) {
; CHECK-LABEL: @indirect_call_not_address_taken(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK:         call void %callback(ptr null)
; CHECK-NOT:     @malloc
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 0, ptr %buf, align 1
  call void %callback(ptr null)
  call void @free(ptr noundef %buf)
  ret void
}

define void @exported_with_indirect_call(ptr %callback) {
; CHECK-LABEL: @exported_with_indirect_call(
; CHECK-NOT:     alloca
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 0, ptr %buf, align 1
  call void %callback(ptr null)
  call void @free(ptr noundef %buf)
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: the function may be recursive and a 16-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: the function may be recursive and a 16-byte slot exceeds its 0-byte budget (recursive-budget)

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
