; A free whose operand is the block or null, merged through a phi or a
; select, frees nothing else: the block is promoted and the free removed.
; No lifetime.end is placed there, since the operand may be null while the
; block is still live.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @free_of_phi_with_null(i1 %cond) {
; CHECK-LABEL: @free_of_phi_with_null(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK:       join:
; CHECK-NEXT:    %maybe = phi ptr [ %h2s.slot, %then ], [ null, %entry ]
; CHECK-NEXT:    ret void
;
entry:
  br i1 %cond, label %then, label %join

then:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  br label %join

join:
  %maybe = phi ptr [ %buf, %then ], [ null, %entry ]
  call void @free(ptr noundef %maybe)
  ret void
}

define void @free_of_select_with_null(i1 %cond) {
; CHECK-LABEL: @free_of_select_with_null(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store i8 1, ptr %h2s.slot, align 1
; CHECK-NEXT:    %maybe = select i1 %cond, ptr null, ptr %h2s.slot
; CHECK-NEXT:    ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  %maybe = select i1 %cond, ptr null, ptr %buf
  call void @free(ptr noundef %maybe)
  ret void
}

define void @free_of_frozen_block() {
; CHECK-LABEL: @free_of_frozen_block(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    %fr = freeze ptr %h2s.slot
; CHECK-NEXT:    ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %fr = freeze ptr %buf
  call void @free(ptr noundef %fr)
  ret void
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
