; Pointers derived from the block through GEP chains, phis, selects and
; freezes are followed by the escape walk; when none of them escapes, the
; block is promoted and they all derive from the slot.  One escaping derived
; pointer keeps it on the heap.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@sink = global ptr null, align 8

define i32 @gep_chain(i64 %i) {
; CHECK-LABEL: @gep_chain(
; CHECK:         %row = getelementptr inbounds [4 x i32], ptr %h2s.slot, i64 %i
; CHECK-NEXT:    %cell = getelementptr inbounds i32, ptr %row, i64 1
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret i32
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 64)
  %row = getelementptr inbounds [4 x i32], ptr %buf, i64 %i
  %cell = getelementptr inbounds i32, ptr %row, i64 1
  store i32 5, ptr %cell, align 4
  %val = load i32, ptr %cell, align 4
  call void @free(ptr noundef %buf)
  ret i32 %val
}

define i32 @phi_walks_the_block(i64 %n) {
; CHECK-LABEL: @phi_walks_the_block(
; CHECK:       loop:
; CHECK-NEXT:    %cur = phi ptr [ %h2s.slot, %entry ], [ %next, %loop ]
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret i32
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 64)
  %end = getelementptr inbounds i8, ptr %buf, i64 64
  br label %loop

loop:
  %cur = phi ptr [ %buf, %entry ], [ %next, %loop ]
  store i32 0, ptr %cur, align 4
  %next = getelementptr inbounds i32, ptr %cur, i64 1
  %done = icmp eq ptr %next, %end
  br i1 %done, label %exit, label %loop

exit:
  %val = load i32, ptr %buf, align 4
  call void @free(ptr noundef %buf)
  ret i32 %val
}

define i32 @select_of_two_offsets(i1 %cond) {
; CHECK-LABEL: @select_of_two_offsets(
; CHECK:         %lo = getelementptr inbounds i8, ptr %h2s.slot, i64 4
; CHECK-NEXT:    %hi = getelementptr inbounds i8, ptr %h2s.slot, i64 12
; CHECK-NEXT:    %pick = select i1 %cond, ptr %lo, ptr %hi
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret i32
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %lo = getelementptr inbounds i8, ptr %buf, i64 4
  %hi = getelementptr inbounds i8, ptr %buf, i64 12
  %pick = select i1 %cond, ptr %lo, ptr %hi
  store i32 3, ptr %pick, align 4
  %val = load i32, ptr %pick, align 4
  call void @free(ptr noundef %buf)
  ret i32 %val
}

define void @freeze_of_block() {
; CHECK-LABEL: @freeze_of_block(
; CHECK:         %fr = freeze ptr %h2s.slot
; CHECK-NEXT:    store i8 1, ptr %fr, align 1
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %fr = freeze ptr %buf
  store i8 1, ptr %fr, align 1
  call void @free(ptr noundef %buf)
  ret void
}

define void @escape_at_end_of_chain(i1 %cond) {
; CHECK-LABEL: @escape_at_end_of_chain(
; CHECK-NOT:     alloca
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK:         store ptr %pick, ptr @sink, align 8
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %mid = getelementptr inbounds i8, ptr %buf, i64 8
  %pick = select i1 %cond, ptr %buf, ptr %mid
  %fr = freeze ptr %pick
  store ptr %pick, ptr @sink, align 8
  ret void
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
