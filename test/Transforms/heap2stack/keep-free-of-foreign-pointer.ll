; A free whose operand may be a pointer from outside the function (merged
; with the block through a phi) or is not the block's own value (an offset
; pointer) cannot be deleted, so the block stays on the heap.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @free_of_phi_with_argument(i1 %cond, ptr %given) {
; CHECK-LABEL: @free_of_phi_with_argument(
; CHECK-NOT:     alloca
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK:         %either = phi ptr [ %buf, %then ], [ %given, %entry ]
; CHECK-NEXT:    call void @free(ptr noundef %either)
;
entry:
  br i1 %cond, label %then, label %join

then:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  br label %join

join:
  %either = phi ptr [ %buf, %then ], [ %given, %entry ]
  call void @free(ptr noundef %either)
  ret void
}

define void @free_of_offset_pointer() {
; CHECK-LABEL: @free_of_offset_pointer(
; CHECK-NOT:     alloca
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK:         %same = getelementptr inbounds i8, ptr %buf, i64 0
; CHECK-NEXT:    call void @free(ptr noundef %same)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  %same = getelementptr inbounds i8, ptr %buf, i64 0
  call void @free(ptr noundef %same)
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: 'free' may free another block too
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'free' may free another block too

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
