; Blocks from new-expressions (builtin calls to operator new, new[] and the
; nothrow forms) that are released by the matching delete-expression are
; promoted like malloc/free; new paired with delete[] is not.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i32 @new_then_sized_delete(i32 %val) {
; CHECK-LABEL: @new_then_sized_delete(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [4 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store i32 %val, ptr %h2s.slot, align 4
; CHECK-NEXT:    %copy = load i32, ptr %h2s.slot, align 4
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    ret i32 %copy
;
entry:
  %obj = tail call noalias noundef nonnull dereferenceable(4) ptr @_Znwm(i64 noundef 4) #2
  store i32 %val, ptr %obj, align 4
  %copy = load i32, ptr %obj, align 4
  tail call void @_ZdlPvm(ptr noundef nonnull %obj, i64 noundef 4) #3
  ret i32 %copy
}

define void @new_then_unsized_delete() {
; CHECK-LABEL: @new_then_unsized_delete(
; CHECK:         %h2s.slot = alloca [24 x i8], align 16
; CHECK-NOT:     @_Znwm
; CHECK-NOT:     @_ZdlPv
; CHECK:         ret void
;
entry:
  %obj = tail call noalias noundef nonnull dereferenceable(24) ptr @_Znwm(i64 noundef 24) #2
  store i64 0, ptr %obj, align 8
  tail call void @_ZdlPv(ptr noundef nonnull %obj) #3
  ret void
}

define void @new_array_then_delete_array() {
; CHECK-LABEL: @new_array_then_delete_array(
; CHECK:         %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @_Znam
; CHECK-NOT:     @_ZdaPv
; CHECK:         ret void
;
entry:
  %arr = tail call noalias noundef nonnull dereferenceable(16) ptr @_Znam(i64 noundef 16) #2
  store <4 x i32> zeroinitializer, ptr %arr, align 4
  tail call void @_ZdaPv(ptr noundef nonnull %arr) #3
  ret void
}

define void @nothrow_new_then_delete() {
; CHECK-LABEL: @nothrow_new_then_delete(
; CHECK:         %h2s.slot = alloca [8 x i8], align 16
; CHECK-NOT:     @_ZnwmRKSt9nothrow_t
; CHECK-NOT:     @_ZdlPv
; CHECK:         ret void
;
entry:
  %obj = tail call noalias noundef dereferenceable_or_null(8) ptr @_ZnwmRKSt9nothrow_t(i64 noundef 8, ptr noundef nonnull align 1 dereferenceable(1) @_ZSt7nothrow) #4
  %null = icmp eq ptr %obj, null
  br i1 %null, label %done, label %use

use:
  store i64 1, ptr %obj, align 8
  tail call void @_ZdlPvm(ptr noundef nonnull %obj, i64 noundef 8) #3
  br label %done

done:
  ret void
}

define void @nothrow_new_array_then_nothrow_delete_array() {
; CHECK-LABEL: @nothrow_new_array_then_nothrow_delete_array(
; CHECK:         %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     @_ZnamRKSt9nothrow_t
; CHECK-NOT:     @_ZdaPvRKSt9nothrow_t
; CHECK:         ret void
;
entry:
  %arr = tail call noalias noundef dereferenceable_or_null(32) ptr @_ZnamRKSt9nothrow_t(i64 noundef 32, ptr noundef nonnull align 1 dereferenceable(1) @_ZSt7nothrow) #4
  store i64 1, ptr %arr, align 8
  tail call void @_ZdaPvRKSt9nothrow_t(ptr noundef %arr, ptr noundef nonnull align 1 dereferenceable(1) @_ZSt7nothrow) #3
  ret void
}

; new paired with delete[] is undefined behaviour in C++; keep the code as is.
define void @new_then_delete_array() {
; CHECK-LABEL: @new_then_delete_array(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %obj = tail call noalias noundef nonnull dereferenceable(16) ptr @_Znwm(i64 noundef 16)
; CHECK-NEXT:    store i64 0, ptr %obj, align 8
; CHECK-NEXT:    tail call void @_ZdaPv(ptr noundef nonnull %obj)
;
entry:
  %obj = tail call noalias noundef nonnull dereferenceable(16) ptr @_Znwm(i64 noundef 16) #2
  store i64 0, ptr %obj, align 8
  tail call void @_ZdaPv(ptr noundef nonnull %obj) #3
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 4-byte '_Znwm' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 24-byte '_Znwm' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte '_Znam' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 8-byte '_ZnwmRKSt9nothrow_t' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte '_ZnamRKSt9nothrow_t' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: freed by '_ZdaPv', which does not pair with '_Znwm'

@_ZSt7nothrow = external global i8, align 1

declare noundef nonnull ptr @_Znwm(i64 noundef) #0
declare noundef nonnull ptr @_Znam(i64 noundef) #0
declare noalias noundef ptr @_ZnwmRKSt9nothrow_t(i64 noundef, ptr noundef nonnull align 1 dereferenceable(1)) #5
declare noalias noundef ptr @_ZnamRKSt9nothrow_t(i64 noundef, ptr noundef nonnull align 1 dereferenceable(1)) #5
declare void @_ZdlPv(ptr noundef) #1
declare void @_ZdlPvm(ptr noundef, i64 noundef) #1
declare void @_ZdaPv(ptr noundef) #1
declare void @_ZdaPvRKSt9nothrow_t(ptr noundef, ptr noundef nonnull align 1 dereferenceable(1)) #1

attributes #0 = { nobuiltin allocsize(0) }
attributes #1 = { nobuiltin nounwind }
attributes #2 = { builtin allocsize(0) }
attributes #3 = { builtin nounwind }
attributes #4 = { builtin nounwind allocsize(0) }
attributes #5 = { nobuiltin nounwind allocsize(0) }
