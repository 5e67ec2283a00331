; 'tail' on a call promises that the callee touches no alloca of the
; caller.  A call that receives a pointer into a promoted block now receives
; a pointer into the frame, so it loses its 'tail' marker; so does every
; other call of a function that gets a slot, since a callee may reach the
; slot through memory (a holder kept on the heap that it reads).  Calls of
; a function that promotes nothing keep theirs.
; REQUIRES: capture-components
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare i64 @strlen(ptr noundef nocapture) #2
declare void @log_event(i32 noundef) #3
declare noundef ptr @skip_spaces(ptr noundef readonly captures(ret: address, provenance)) #4

define i64 @tail_dropped_on_call_receiving_slot() {
; CHECK-LABEL: @tail_dropped_on_call_receiving_slot(
; CHECK:         %len = call i64 @strlen(ptr noundef %h2s.slot)
; CHECK-NOT:     tail call i64 @strlen
; CHECK:         ret i64 %len
;
entry:
  %buf = tail call noalias ptr @malloc(i64 noundef 16)
  store i8 0, ptr %buf, align 1
  %len = tail call i64 @strlen(ptr noundef %buf)
  tail call void @free(ptr noundef %buf)
  ret i64 %len
}

define i64 @tail_dropped_on_call_receiving_interior_pointer() {
; CHECK-LABEL: @tail_dropped_on_call_receiving_interior_pointer(
; CHECK:         %mid = getelementptr inbounds i8, ptr %h2s.slot, i64 8
; CHECK-NEXT:    store i8 0, ptr %mid, align 1
; CHECK-NEXT:    %len = call i64 @strlen(ptr noundef %mid)
; CHECK:         ret i64 %len
;
entry:
  %buf = tail call noalias ptr @malloc(i64 noundef 16)
  %mid = getelementptr inbounds i8, ptr %buf, i64 8
  store i8 0, ptr %mid, align 1
  %len = tail call i64 @strlen(ptr noundef %mid)
  tail call void @free(ptr noundef %buf)
  ret i64 %len
}

define i64 @tail_dropped_along_returned_pointer() {
; CHECK-LABEL: @tail_dropped_along_returned_pointer(
; CHECK:         %word = call ptr @skip_spaces(ptr noundef %h2s.slot)
; CHECK-NEXT:    %len = call i64 @strlen(ptr noundef %word)
; CHECK:         ret i64 %len
;
entry:
  %buf = tail call noalias ptr @malloc(i64 noundef 16)
  store i8 0, ptr %buf, align 1
  %word = tail call ptr @skip_spaces(ptr noundef %buf)
  %len = tail call i64 @strlen(ptr noundef %word)
  tail call void @free(ptr noundef %buf)
  ret i64 %len
}

define void @tail_dropped_on_unrelated_call() {
; CHECK-LABEL: @tail_dropped_on_unrelated_call(
; CHECK:         %h2s.slot = alloca [16 x i8], align 16
; CHECK:         call void @log_event(i32 noundef 1)
; CHECK-NOT:     tail call
; CHECK:         ret void
;
entry:
  %buf = tail call noalias ptr @malloc(i64 noundef 16)
  store i8 0, ptr %buf, align 1
  tail call void @log_event(i32 noundef 1)
  tail call void @free(ptr noundef %buf)
  ret void
}

; The slot's pointer waits in a block too large for a slot of its own,
; which a callee reads: it reaches the slot without being given it.
define void @tail_dropped_on_call_given_heap_holder() {
; CHECK-LABEL: @tail_dropped_on_call_given_heap_holder(
; CHECK:         %h2s.slot = alloca [32 x i8], align 16
; CHECK:         %big = call noalias ptr @malloc(i64 noundef 4096)
; CHECK:         call void @print_held(ptr %big)
; CHECK-NOT:     tail call
; CHECK:         ret void
;
entry:
  %big = call noalias ptr @malloc(i64 noundef 4096)
  %text = call noalias ptr @malloc(i64 noundef 32)
  store i8 0, ptr %text, align 1
  store ptr %text, ptr %big, align 8
  tail call void @print_held(ptr %big)
  ret void
}

define internal void @print_held(ptr %holder) noinline {
  %text = load ptr, ptr %holder, align 8
  %n = call i64 @strlen(ptr noundef %text)
  call void @log_event(i32 noundef 2)
  ret void
}

define void @tail_kept_where_nothing_is_promoted(ptr %p) {
; CHECK-LABEL: @tail_kept_where_nothing_is_promoted(
; CHECK:         tail call void @log_event(i32 noundef 1)
; CHECK:         ret void
;
entry:
  tail call void @log_event(i32 noundef 1)
  tail call void @free(ptr noundef %p)
  ret void
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nocallback nofree nounwind willreturn memory(argmem: read) }
attributes #3 = { nounwind }
attributes #4 = { nofree norecurse nosync nounwind memory(argmem: read) }
