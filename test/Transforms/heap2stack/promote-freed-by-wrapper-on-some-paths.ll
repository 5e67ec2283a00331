; A free wrapper may free its parameter on some paths only: maybe_release
; frees the block when asked, and returns 0 without freeing otherwise,
; after which the caller reads the block and releases it for good.  Each
; call is pointed at the copy without the free, but neither ends the
; slot's lifetime: after the first, the block is still in use, and a
; lifetime end there would let a later local share the slot.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define internal i32 @maybe_release(ptr %p, i32 %flag) noinline {
entry:
  %keep = icmp eq i32 %flag, 0
  br i1 %keep, label %return, label %release

release:
  call void @free(ptr %p)
  br label %return

return:
  %r = phi i32 [ 1, %release ], [ 0, %entry ]
  ret i32 %r
}

define void @promotes_block_used_after_wrapper_kept_it(i32 %flag) {
; CHECK-LABEL: @promotes_block_used_after_wrapper_kept_it(
; CHECK:         %h2s.slot = alloca [32 x i8], align 16
; CHECK:         %released = call i32 @maybe_release.h2s.nofree0(ptr %h2s.slot, i32 %flag)
; CHECK-NOT:     @llvm.lifetime.end
; CHECK:       still.used:
; CHECK-NEXT:    %v = load i8, ptr %h2s.slot, align 1
; CHECK-NEXT:    call void @report(i8 %v)
; CHECK-NEXT:    %done = call i32 @maybe_release.h2s.nofree0(ptr %h2s.slot, i32 1)
; CHECK-NOT:     @llvm.lifetime.end
; CHECK:         ret void
;
entry:
  %p = call noalias ptr @malloc(i64 32)
  store i8 1, ptr %p, align 1
  %released = call i32 @maybe_release(ptr %p, i32 %flag)
  %kept = icmp eq i32 %released, 0
  br i1 %kept, label %still.used, label %exit

still.used:
  %v = load i8, ptr %p, align 1
  call void @report(i8 %v)
  %done = call i32 @maybe_release(ptr %p, i32 1)
  br label %exit

exit:
  ret void
}

; REMARK: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; 'maybe_release' frees it, and is called as a copy that does not

declare void @report(i8) nocallback
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr) allockind("free") "alloc-family"="malloc"
