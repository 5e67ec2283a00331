; A helper of a local object that is a C++ inline function (linkonce_odr,
; as std::unique_ptr's destructor is, called in a landing pad where LLVM's
; inliner left it) may be inlined like any other (helpers.c): the linker
; may pick another copy of its definition for the calls, so no call
; trusts what its body says, but a copy inlined is this body.  The block
; the object holds then moves to the stack.  A helper the linker may
; replace by another definition altogether (linkonce, weak) is not
; inlined, and the block stays on the heap.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; struct owner { T *p; }: deletes what it owns.
define linkonce_odr void @owner_release(ptr %o) {
  %p = load ptr, ptr %o, align 8
  %null = icmp eq ptr %p, null
  br i1 %null, label %done, label %free

free:
  call void @_ZdlPvm(ptr %p, i64 24)
  br label %done

done:
  store ptr null, ptr %o, align 8
  ret void
}

define linkonce void @owner_release_replaceable(ptr %o) {
  %p = load ptr, ptr %o, align 8
  call void @_ZdlPvm(ptr %p, i64 24)
  ret void
}

define i32 @promotes_block_released_by_inline_function(i32 %x) {
; CHECK-LABEL: @promotes_block_released_by_inline_function(
; CHECK-NEXT:    %h2s.slot = alloca [24 x i8], align 16
; CHECK-NOT:     call {{.*}}@_Znwm
; CHECK-NOT:     call void @owner_release
; CHECK:         ret i32 %v
;
  %owner = alloca ptr, align 8
  %obj = call noalias noundef nonnull ptr @_Znwm(i64 24)
  store ptr %obj, ptr %owner, align 8
  store i32 %x, ptr %obj, align 4
  %v = load i32, ptr %obj, align 4
  call void @owner_release(ptr %owner)
  ret i32 %v
}

define i32 @keeps_block_released_by_replaceable_function(i32 %x) {
; CHECK-LABEL: @keeps_block_released_by_replaceable_function(
; CHECK:         %obj = call noalias noundef nonnull ptr @_Znwm(i64 24)
; CHECK:         call void @owner_release_replaceable(ptr %owner)
;
  %owner = alloca ptr, align 8
  %obj = call noalias noundef nonnull ptr @_Znwm(i64 24)
  store ptr %obj, ptr %owner, align 8
  store i32 %x, ptr %obj, align 4
  %v = load i32, ptr %obj, align 4
  call void @owner_release_replaceable(ptr %owner)
  ret i32 %v
}

; REMARK: remark: <unknown>:0:0: moved 24-byte '_Znwm' block to the stack{{$}}
; REMARK: remark: <unknown>:0:0: not promoted: stored into an object passed as argument 1 to 'owner_release_replaceable', which may let it out

declare noalias noundef nonnull ptr @_Znwm(i64 noundef) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="_Znwm"
declare void @_ZdlPvm(ptr allocptr noundef, i64 noundef) allockind("free") "alloc-family"="_Znwm"
