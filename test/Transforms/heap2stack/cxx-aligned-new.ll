; Over-aligned new-expressions (operator new with std::align_val_t) get a
; slot with the requested alignment, at least 16, when released by an
; aligned delete, sized or not; a plain delete does not pair with aligned new.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @aligned_new_then_aligned_delete() {
; CHECK-LABEL: @aligned_new_then_aligned_delete(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 64
; CHECK-NOT:     @_ZnwmSt11align_val_t
; CHECK-NOT:     @_ZdlPvSt11align_val_t
; CHECK:         ret void
;
entry:
  %obj = tail call noalias noundef nonnull align 64 dereferenceable(64) ptr @_ZnwmSt11align_val_t(i64 noundef 64, i64 noundef 64) #2
  store <8 x i64> zeroinitializer, ptr %obj, align 64
  tail call void @_ZdlPvSt11align_val_t(ptr noundef nonnull %obj, i64 noundef 64) #3
  ret void
}

define void @aligned_new_then_sized_aligned_delete() {
; CHECK-LABEL: @aligned_new_then_sized_aligned_delete(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 32
; CHECK-NOT:     @_ZnwmSt11align_val_t
; CHECK-NOT:     @_ZdlPvmSt11align_val_t
; CHECK:         ret void
;
entry:
  %obj = tail call noalias noundef nonnull align 32 dereferenceable(64) ptr @_ZnwmSt11align_val_t(i64 noundef 64, i64 noundef 32) #2
  store <4 x i64> zeroinitializer, ptr %obj, align 32
  tail call void @_ZdlPvmSt11align_val_t(ptr noundef nonnull %obj, i64 noundef 64, i64 noundef 32) #3
  ret void
}

define void @aligned_new_array_then_aligned_delete_array() {
; CHECK-LABEL: @aligned_new_array_then_aligned_delete_array(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 64
; CHECK-NOT:     @_ZnamSt11align_val_t
; CHECK-NOT:     @_ZdaPvSt11align_val_t
; CHECK:         ret void
;
entry:
  %arr = tail call noalias noundef nonnull align 64 dereferenceable(128) ptr @_ZnamSt11align_val_t(i64 noundef 128, i64 noundef 64) #2
  store <8 x i64> zeroinitializer, ptr %arr, align 64
  tail call void @_ZdaPvSt11align_val_t(ptr noundef nonnull %arr, i64 noundef 64) #3
  ret void
}

define void @aligned_new_below_malloc_alignment() {
; CHECK-LABEL: @aligned_new_below_malloc_alignment(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [8 x i8], align 16
; CHECK-NOT:     @_ZnwmSt11align_val_t
; CHECK:         ret void
;
entry:
  %obj = tail call noalias noundef nonnull align 4 dereferenceable(8) ptr @_ZnwmSt11align_val_t(i64 noundef 8, i64 noundef 4) #2
  store i64 0, ptr %obj, align 4
  tail call void @_ZdlPvSt11align_val_t(ptr noundef nonnull %obj, i64 noundef 4) #3
  ret void
}

define void @aligned_new_then_plain_delete() {
; CHECK-LABEL: @aligned_new_then_plain_delete(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %obj = tail call noalias noundef nonnull align 64 dereferenceable(64) ptr @_ZnwmSt11align_val_t(i64 noundef 64, i64 noundef 64)
; CHECK-NEXT:    store <8 x i64> zeroinitializer, ptr %obj, align 64
; CHECK-NEXT:    tail call void @_ZdlPv(ptr noundef nonnull %obj)
;
entry:
  %obj = tail call noalias noundef nonnull align 64 dereferenceable(64) ptr @_ZnwmSt11align_val_t(i64 noundef 64, i64 noundef 64) #2
  store <8 x i64> zeroinitializer, ptr %obj, align 64
  tail call void @_ZdlPv(ptr noundef nonnull %obj) #3
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 64-byte '_ZnwmSt11align_val_t' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 64-byte '_ZnwmSt11align_val_t' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 128-byte '_ZnamSt11align_val_t' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 8-byte '_ZnwmSt11align_val_t' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: freed by '_ZdlPv', which does not pair with '_ZnwmSt11align_val_t'

declare noalias noundef nonnull ptr @_ZnwmSt11align_val_t(i64 noundef, i64 noundef) #0
declare noalias noundef nonnull ptr @_ZnamSt11align_val_t(i64 noundef, i64 noundef) #0
declare void @_ZdlPvSt11align_val_t(ptr noundef, i64 noundef) #1
declare void @_ZdlPvmSt11align_val_t(ptr noundef, i64 noundef, i64 noundef) #1
declare void @_ZdaPvSt11align_val_t(ptr noundef, i64 noundef) #1
declare void @_ZdlPv(ptr noundef) #1

attributes #0 = { nobuiltin allocsize(0) }
attributes #1 = { nobuiltin nounwind }
attributes #2 = { builtin allocsize(0) }
attributes #3 = { builtin nounwind }
