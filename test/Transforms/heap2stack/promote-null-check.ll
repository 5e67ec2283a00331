; Comparing the block's address, against null or another pointer, reveals
; nothing that outlives the frame: such blocks are promoted and the
; comparisons now test the slot.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @out_of_memory() nocallback #2

define void @null_check_after_malloc() {
; CHECK-LABEL: @null_check_after_malloc(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    %failed = icmp eq ptr %h2s.slot, null
; CHECK-NEXT:    br i1 %failed, label %oom, label %use
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  %failed = icmp eq ptr %buf, null
  br i1 %failed, label %oom, label %use

oom:
  call void @out_of_memory()
  ret void

use:
  store i32 0, ptr %buf, align 4
  call void @free(ptr noundef %buf)
  ret void
}

define i1 @compare_with_other_pointer(ptr %other) {
; CHECK-LABEL: @compare_with_other_pointer(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    %end = getelementptr inbounds i8, ptr %h2s.slot, i64 32
; CHECK-NEXT:    %before = icmp ult ptr %other, %end
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  %end = getelementptr inbounds i8, ptr %buf, i64 32
  %before = icmp ult ptr %other, %end
  call void @free(ptr noundef %buf)
  ret i1 %before
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { noreturn nounwind }
