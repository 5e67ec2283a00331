; A malloc'd block that does not escape and is freed becomes a static stack
; slot of the same size, aligned to at least 16 bytes (what malloc
; guarantees); the malloc and the free are gone.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i32 @malloc_then_free() {
; CHECK-LABEL: @malloc_then_free(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store i32 7, ptr %h2s.slot, align 4
; CHECK-NEXT:    %val = load i32, ptr %h2s.slot, align 4
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    ret i32 %val
;
entry:
  %buf = tail call noalias dereferenceable_or_null(16) ptr @malloc(i64 noundef 16) #3
  store i32 7, ptr %buf, align 4
  %val = load i32, ptr %buf, align 4
  tail call void @free(ptr noundef %buf) #4
  ret i32 %val
}

; An odd size is kept exactly; the slot is still 16-byte aligned.
define i8 @odd_size_block(i8 %byte) {
; CHECK-LABEL: @odd_size_block(
; CHECK:         %h2s.slot = alloca [13 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret i8
;
entry:
  %buf = tail call noalias dereferenceable_or_null(13) ptr @malloc(i64 noundef 13) #3
  %last = getelementptr inbounds i8, ptr %buf, i64 12
  store i8 %byte, ptr %last, align 1
  %val = load i8, ptr %last, align 1
  tail call void @free(ptr noundef %buf) #4
  ret i8 %val
}

; malloc(0) may return a unique pointer; a one-byte slot provides one.
define void @zero_size_block() {
; CHECK-LABEL: @zero_size_block(
; CHECK:         %h2s.slot = alloca [1 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void
;
entry:
  %buf = tail call noalias ptr @malloc(i64 noundef 0) #3
  tail call void @free(ptr noundef %buf) #4
  ret void
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { nounwind allocsize(0) }
attributes #4 = { nounwind }
