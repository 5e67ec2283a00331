; A function of another file handed to a call as a callback (a comparator
; given to qsort, a handler given to atexit or __cxa_atexit, or to a
; nocallback declaration that keeps it) may call back by name any function
; the module exports (recursion.c): the exported function that hands it
; over may recurse, and with no-room its block stays on the heap.  A
; callback of this module that reaches nothing back, or a declaration
; declared as the C library declares its own (nounwind), leads nowhere
; that comes back, and the block is promoted.
; RUN: opt -passes='heap2stack<no-cleanup;no-room>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup;no-room>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @sort_by_other(ptr %kids, i64 %n) {
; CHECK-LABEL: @sort_by_other(
; CHECK: call ptr @malloc(i64 16)
; CHECK-NOT: alloca
  %buf = call ptr @malloc(i64 16)
  call void @fill(ptr %buf)
  call void @qsort(ptr %kids, i64 %n, i64 8, ptr @cmp_elsewhere)
  call void @free(ptr %buf)
  ret void
}

define void @clean_up_elsewhere() {
; CHECK-LABEL: @clean_up_elsewhere(
; CHECK: call ptr @malloc(i64 32)
; CHECK-NOT: alloca
  %buf = call ptr @malloc(i64 32)
  call void @fill(ptr %buf)
  %r = call i32 @__cxa_atexit(ptr @dtor_elsewhere, ptr null, ptr null)
  call void @free(ptr %buf)
  ret void
}

define void @register_elsewhere() {
; CHECK-LABEL: @register_elsewhere(
; CHECK: call ptr @malloc(i64 48)
; CHECK-NOT: alloca
  %buf = call ptr @malloc(i64 48)
  call void @fill(ptr %buf)
  call void @keep.nocallback(ptr @handler_elsewhere)
  call void @free(ptr %buf)
  ret void
}

define void @sort_by_own(ptr %kids, i64 %n) {
; CHECK-LABEL: @sort_by_own(
; CHECK: alloca [64 x i8], align 16
; CHECK-NOT: call ptr @malloc
  %buf = call ptr @malloc(i64 64)
  call void @fill(ptr %buf)
  call void @qsort(ptr %kids, i64 %n, i64 8, ptr @cmp_own)
  call void @free(ptr %buf)
  ret void
}

define void @sort_by_libc(ptr %kids, i64 %n) {
; CHECK-LABEL: @sort_by_libc(
; CHECK: alloca [80 x i8], align 16
; CHECK-NOT: call ptr @malloc
  %buf = call ptr @malloc(i64 80)
  call void @fill(ptr %buf)
  call void @qsort(ptr %kids, i64 %n, i64 8, ptr @cmp_libc)
  call void @free(ptr %buf)
  ret void
}

define internal i32 @cmp_own(ptr %a, ptr %b) {
  %x = load i64, ptr %a
  %y = load i64, ptr %b
  %lt = icmp slt i64 %x, %y
  %r = zext i1 %lt to i32
  ret i32 %r
}

; REMARK-DAG: remark: <unknown>:0:0: not promoted: the function may be recursive and a 16-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-DAG: remark: <unknown>:0:0: not promoted: the function may be recursive and a 32-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-DAG: remark: <unknown>:0:0: not promoted: the function may be recursive and a 48-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-DAG: remark: <unknown>:0:0: moved 64-byte 'malloc' block to the stack
; REMARK-DAG: remark: <unknown>:0:0: moved 80-byte 'malloc' block to the stack

declare i32 @cmp_elsewhere(ptr, ptr)
declare i32 @cmp_libc(ptr, ptr) nounwind
declare void @dtor_elsewhere(ptr)
declare void @handler_elsewhere()
declare i32 @__cxa_atexit(ptr, ptr, ptr)
declare void @keep.nocallback(ptr) nocallback
declare void @fill(ptr nocapture) nofree nocallback
declare void @qsort(ptr, i64, i64, ptr)
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"
