; IR the escape analysis does not model is left alone with a remark, never
; a crash: a pointer used by callbr, or by an intrinsic without capture
; attributes (ptrmask, strip.invariant.group), stays on the heap.  Uses it
; does model stay promotable next to unusual IR: a scalable-vector store
; into the block, and an invoke whose landing pad frees the block (both
; frees go).
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @used_by_callbr() {
; CHECK-LABEL: @used_by_callbr(
; CHECK-NEXT: entry:
; CHECK-NEXT: %buf = call ptr @malloc(i64 16)
; CHECK-NOT: alloca
entry:
  %buf = call ptr @malloc(i64 16)
  callbr void asm "", "r,!i"(ptr %buf) to label %fall [label %indirect]
fall:
  call void @free(ptr %buf)
  ret void
indirect:
  call void @free(ptr %buf)
  ret void
}

define i64 @masked_by_ptrmask() {
; CHECK-LABEL: @masked_by_ptrmask(
; CHECK-NEXT: %buf = call ptr @malloc(i64 32)
; CHECK-NOT: alloca
  %buf = call ptr @malloc(i64 32)
  %m = call ptr @llvm.ptrmask.p0.i64(ptr %buf, i64 -16)
  store i64 1, ptr %m
  %v = load i64, ptr %buf
  call void @free(ptr %buf)
  ret i64 %v
}

define void @scalable_vector_access(<vscale x 4 x i32> %v) {
; CHECK-LABEL: @scalable_vector_access(
; CHECK-NEXT: %h2s.slot = alloca [64 x i8], align 16
; CHECK: store <vscale x 4 x i32> %v, ptr %h2s.slot
; CHECK-NOT: call ptr @malloc
  %buf = call ptr @malloc(i64 64)
  store <vscale x 4 x i32> %v, ptr %buf
  call void @use(ptr %buf)
  call void @free(ptr %buf)
  ret void
}

define void @invoke_with_landingpad() personality ptr @__gxx_personality_v0 {
; CHECK-LABEL: @invoke_with_landingpad(
; CHECK-NEXT: entry:
; CHECK-NEXT: %h2s.slot = alloca [16 x i8], align 16
; CHECK: invoke void @may_throw(ptr %h2s.slot)
; CHECK: landingpad
; CHECK-NEXT: cleanup
; CHECK-NOT: call void @free
; CHECK: resume
entry:
  %buf = call ptr @malloc(i64 16)
  invoke void @may_throw(ptr %buf) to label %ok unwind label %lpad
ok:
  call void @free(ptr %buf)
  ret void
lpad:
  %lp = landingpad { ptr, i32 } cleanup
  call void @free(ptr %buf)
  resume { ptr, i32 } %lp
}

define ptr @stripped_and_returned() {
; CHECK-LABEL: @stripped_and_returned(
; CHECK-NEXT: %buf = call ptr @malloc(i64 16)
; CHECK-NOT: alloca
  %buf = call ptr @malloc(i64 16)
  %s = call ptr @llvm.strip.invariant.group.p0(ptr %buf)
  ret ptr %s
}

; REMARK: remark: <unknown>:0:0: not promoted: used by 'callbr', which the pass does not model
; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'llvm.ptrmask.p0.i64', which may keep it
; REMARK: remark: <unknown>:0:0: moved 64-byte 'malloc' block to the stack
; REMARK: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'llvm.strip.invariant.group.p0', which may keep it

declare ptr @llvm.ptrmask.p0.i64(ptr, i64)
declare ptr @llvm.strip.invariant.group.p0(ptr)
declare void @use(ptr nocapture) nofree nocallback
declare void @may_throw(ptr nocapture) nofree nocallback
declare i32 @__gxx_personality_v0(...)
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"
