; aligned_alloc and memalign blocks get a slot aligned to the requested
; alignment, and never less than 16 bytes; an alignment that is not a power
; of two is not a valid request and keeps the block on the heap.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @aligned_alloc_64() {
; CHECK-LABEL: @aligned_alloc_64(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 64
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store <8 x i64> zeroinitializer, ptr %h2s.slot, align 64
; CHECK-NOT:     @aligned_alloc
; CHECK-NOT:     @free
; CHECK:         ret void
;
entry:
  %buf = tail call noalias align 64 dereferenceable_or_null(128) ptr @aligned_alloc(i64 noundef 64, i64 noundef 128) #3
  store <8 x i64> zeroinitializer, ptr %buf, align 64
  tail call void @free(ptr noundef %buf) #4
  ret void
}

define void @aligned_alloc_below_malloc_alignment() {
; CHECK-LABEL: @aligned_alloc_below_malloc_alignment(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     @aligned_alloc
; CHECK:         ret void
;
entry:
  %buf = tail call noalias align 8 ptr @aligned_alloc(i64 noundef 8, i64 noundef 32) #3
  store i64 1, ptr %buf, align 8
  tail call void @free(ptr noundef %buf) #4
  ret void
}

define void @memalign_32() {
; CHECK-LABEL: @memalign_32(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 32
; CHECK-NOT:     @memalign
; CHECK-NOT:     @free
; CHECK:         ret void
;
entry:
  %buf = tail call noalias align 32 dereferenceable_or_null(64) ptr @memalign(i64 noundef 32, i64 noundef 64) #3
  store <4 x i64> zeroinitializer, ptr %buf, align 32
  tail call void @free(ptr noundef %buf) #4
  ret void
}

define void @alignment_not_power_of_two() {
; CHECK-LABEL: @alignment_not_power_of_two(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = tail call noalias ptr @aligned_alloc(i64 noundef 24, i64 noundef 48)
; CHECK-NEXT:    store i64 1, ptr %buf, align 8
; CHECK-NEXT:    tail call void @free(ptr noundef %buf)
;
entry:
  %buf = tail call noalias ptr @aligned_alloc(i64 noundef 24, i64 noundef 48) #3
  store i64 1, ptr %buf, align 8
  tail call void @free(ptr noundef %buf) #4
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 128-byte 'aligned_alloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'aligned_alloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 64-byte 'memalign' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: alignment is not a power of two

declare noalias noundef ptr @aligned_alloc(i64 allocalign noundef, i64 noundef) #0
declare noalias noundef ptr @memalign(i64 allocalign noundef, i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized,aligned") allocsize(1) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { nounwind allocsize(1) }
attributes #4 = { nounwind }
