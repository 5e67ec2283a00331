; A promoted calloc block is zero-filled with a memset of its full size
; right after its lifetime starts; a promoted malloc block is not.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i32 @calloc_zero_filled(i64 %idx) {
; CHECK-LABEL: @calloc_zero_filled(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 %h2s.slot, i8 0, i64 32, i1 false)
; CHECK-NEXT:    %elt = getelementptr inbounds i32, ptr %h2s.slot, i64 %idx
; CHECK-NOT:     @calloc
; CHECK-NOT:     @free
; CHECK:         ret i32
;
entry:
  %table = tail call noalias dereferenceable_or_null(32) ptr @calloc(i64 noundef 8, i64 noundef 4) #3
  %elt = getelementptr inbounds i32, ptr %table, i64 %idx
  %val = load i32, ptr %elt, align 4
  tail call void @free(ptr noundef %table) #4
  ret i32 %val
}

; calloc(0, n) gives a one-byte slot; zeroing what was asked writes nothing.
define void @calloc_zero_count() {
; CHECK-LABEL: @calloc_zero_count(
; CHECK:         %h2s.slot = alloca [1 x i8], align 16
; CHECK:         call void @llvm.memset.p0.i64(ptr align 16 %h2s.slot, i8 0, i64 0, i1 false)
; CHECK-NOT:     @calloc
; CHECK:         ret void
;
entry:
  %table = tail call noalias ptr @calloc(i64 noundef 0, i64 noundef 4) #3
  tail call void @free(ptr noundef %table) #4
  ret void
}

define i32 @malloc_not_zero_filled() {
; CHECK-LABEL: @malloc_not_zero_filled(
; CHECK:         %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     @llvm.memset
; CHECK:         ret i32
;
entry:
  %table = tail call noalias ptr @malloc(i64 noundef 32) #5
  store i32 1, ptr %table, align 4
  %val = load i32, ptr %table, align 4
  tail call void @free(ptr noundef %table) #4
  ret i32 %val
}

; n * size overflows: calloc always fails, and the call stays.
define void @calloc_size_overflows() {
; CHECK-LABEL: @calloc_size_overflows(
; CHECK:         %table = tail call noalias ptr @calloc(i64 noundef 4611686018427387904, i64 noundef 8)
; CHECK-NOT:     alloca
; CHECK:         tail call void @free(ptr noundef %table)
;
entry:
  %table = tail call noalias ptr @calloc(i64 noundef 4611686018427387904, i64 noundef 8) #3
  store i8 0, ptr %table, align 1
  tail call void @free(ptr noundef %table) #4
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 32-byte 'calloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 1-byte 'calloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: the size overflows, so 'calloc' always fails

declare noalias noundef ptr @malloc(i64 noundef) #0
declare noalias noundef ptr @calloc(i64 noundef, i64 noundef) #2
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nofree nounwind willreturn allockind("alloc,zeroed") allocsize(0,1) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { nounwind allocsize(0,1) }
attributes #4 = { nounwind }
attributes #5 = { nounwind allocsize(0) }
