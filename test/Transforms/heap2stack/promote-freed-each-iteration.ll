; A block allocated and freed in every iteration of a loop is promoted to
; one static slot in the entry block, reused by each iteration: its lifetime
; starts and ends inside the loop, and the stack does not grow per
; iteration (no dynamic alloca, no stacksave).
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @process(ptr noundef nocapture, i64 noundef) nocallback #2

define void @scratch_freed_each_iteration(i64 %n) {
; CHECK-LABEL: @scratch_freed_each_iteration(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [256 x i8], align 16
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @process(ptr noundef %h2s.slot, i64 noundef %i)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    %i.next = add nuw i64 %i, 1
; CHECK-NOT:     alloca
; CHECK-NOT:     @llvm.stacksave
; CHECK:         ret void
;
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %buf = call noalias ptr @malloc(i64 noundef 256)
  call void @process(ptr noundef %buf, i64 noundef %i)
  call void @free(ptr noundef %buf)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  ret void
}

define void @calloc_zeroed_each_iteration(i64 %n) {
; CHECK-LABEL: @calloc_zeroed_each_iteration(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 16
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK:         call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 %h2s.slot, i8 0, i64 64, i1 false)
; CHECK-NEXT:    call void @process(ptr noundef %h2s.slot, i64 noundef %i)
; CHECK-NOT:     alloca
; CHECK:         ret void
;
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %buf = call noalias ptr @calloc(i64 noundef 16, i64 noundef 4)
  call void @process(ptr noundef %buf, i64 noundef %i)
  call void @free(ptr noundef %buf)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  ret void
}

; Two iterations' blocks are never live together when the previous one is
; freed before the next allocation, even through a phi.
define void @previous_block_freed_before_next_allocation(i64 %n) {
; CHECK-LABEL: @previous_block_freed_before_next_allocation(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
; CHECK-NEXT:    %prev = phi ptr [ null, %entry ], [ %h2s.slot, %loop ]
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @process(ptr noundef %h2s.slot, i64 noundef %i)
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void
;
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %prev = phi ptr [ null, %entry ], [ %buf, %loop ]
  call void @free(ptr noundef %prev)
  %buf = call noalias ptr @malloc(i64 noundef 32)
  call void @process(ptr noundef %buf, i64 noundef %i)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  call void @free(ptr noundef %buf)
  ret void
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
declare noalias noundef ptr @calloc(i64 noundef, i64 noundef) #3
attributes #2 = { nofree nounwind }
attributes #3 = { mustprogress nofree nounwind willreturn allockind("alloc,zeroed") allocsize(0,1) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
