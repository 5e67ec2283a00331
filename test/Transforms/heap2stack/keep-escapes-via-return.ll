; A block returned from the function, directly, through a GEP or through a
; phi, outlives the frame: it stays on the heap.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define ptr @escapes_via_return() {
; CHECK-LABEL: @escapes_via_return(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store i8 0, ptr %buf, align 1
; CHECK-NEXT:    ret ptr %buf
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 0, ptr %buf, align 1
  ret ptr %buf
}

define ptr @escapes_via_return_of_interior_pointer() {
; CHECK-LABEL: @escapes_via_return_of_interior_pointer(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %tail = getelementptr inbounds i8, ptr %buf, i64 4
; CHECK-NEXT:    ret ptr %tail
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %tail = getelementptr inbounds i8, ptr %buf, i64 4
  ret ptr %tail
}

define ptr @escapes_via_return_through_phi(i1 %cond) {
; CHECK-LABEL: @escapes_via_return_through_phi(
; CHECK-NOT:     alloca
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK:         %res = phi ptr [ %buf, %then ], [ null, %entry ]
; CHECK-NEXT:    ret ptr %res
;
entry:
  br i1 %cond, label %then, label %join

then:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  br label %join

join:
  %res = phi ptr [ %buf, %then ], [ null, %entry ]
  ret ptr %res
}

; REMARK:      remark: <unknown>:0:0: not promoted: returned from the function
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: returned from the function
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: returned from the function

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
