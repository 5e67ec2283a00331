; An always_inline function that may recurse is split as any other (room
; guards): its two bodies are noinline, so that the slots stay in the frame
; the dispatcher measured, and lose always_inline, which the verifier
; rejects beside noinline; the dispatcher keeps it.  clang marks OpenMP's
; outlined parallel regions always_inline, and hands their address to the
; runtime, so a region that mallocs and frees a block is one of these.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK-LABEL: define internal void @region(
; CHECK-SAME:    ptr %gtid, ptr %btid) #[[DISPATCHER:[0-9]+]] {
; CHECK:         musttail call void @region.h2s.room(
; CHECK-LABEL: define internal void @region.h2s.room(
; CHECK-SAME:    ptr %gtid, ptr %btid) #[[BODY:[0-9]+]] {
; CHECK:         %h2s.slot = alloca [32 x i8], align 16
; CHECK-LABEL: define internal void @region.h2s.plain(
; CHECK-SAME:    ptr %gtid, ptr %btid) #[[BODY]] {
; CHECK:         call ptr @malloc(i64 32)
; CHECK-DAG: attributes #[[DISPATCHER]] = { alwaysinline }
; CHECK-DAG: attributes #[[BODY]] = { noinline "heap2stack-split" }
define internal void @region(ptr %gtid, ptr %btid) alwaysinline {
  %buf = call ptr @malloc(i64 32)
  call void @fill(ptr %buf)
  call void @fork_call(ptr @region)
  call void @free(ptr %buf)
  ret void
}

define void @run() {
  call void @fork_call(ptr @region)
  ret void
}

; REMARK: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; the function may recurse, so only while the thread's stack has room

declare void @fork_call(ptr)
declare void @fill(ptr nocapture) nofree nocallback
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"
