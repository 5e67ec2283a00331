; The escape walk classifies at most max-uses uses per site; a site with
; more is kept on the heap, since an unfinished walk proves nothing.
; RUN: opt -passes='heap2stack<no-cleanup;max-uses=4>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup;max-uses=4>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @four_uses() {
; CHECK-LABEL: @four_uses(
; CHECK:         alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  store i8 2, ptr %buf, align 1
  store i8 3, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

; Uses of derived pointers count too.
define void @five_uses_through_gep() {
; CHECK-LABEL: @five_uses_through_gep(
; CHECK-NOT:     alloca
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK:         call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %mid = getelementptr inbounds i8, ptr %buf, i64 8
  store i8 1, ptr %buf, align 1
  store i8 2, ptr %mid, align 1
  store i8 3, ptr %mid, align 1
  call void @free(ptr noundef %buf)
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: more than 4 uses to analyse

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
