; Whatever max-size and frame-budget say, a function's slots take at most
; 1 GiB (policy.c): a larger frame overflows any stack, and codegen's
; 32-bit frame offsets wrap past 2 GiB, which put such a slot over the
; caller's frame.  A slot whose size rounded up to its alignment does not
; fit 64 bits costs more than any budget.
; RUN: opt -passes='heap2stack<no-cleanup;max-size=18446744073709551615;frame-budget=18446744073709551615>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup;max-size=18446744073709551615;frame-budget=18446744073709551615>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @beyond_cap() {
; CHECK-LABEL: @beyond_cap(
; CHECK: call ptr @malloc(i64 2147483648)
; CHECK-NOT: alloca
  %buf = call ptr @malloc(i64 2147483648)
  call void @fill(ptr %buf)
  call void @free(ptr %buf)
  ret void
}

define void @cost_wraps() {
; CHECK-LABEL: @cost_wraps(
; CHECK: call ptr @malloc(i64 -8)
; CHECK-NOT: alloca
  %buf = call ptr @malloc(i64 -8)
  call void @fill(ptr %buf)
  call void @free(ptr %buf)
  ret void
}

define void @within_cap() {
; CHECK-LABEL: @within_cap(
; CHECK: alloca [65536 x i8], align 16
; CHECK-NOT: call ptr @malloc
  %buf = call ptr @malloc(i64 65536)
  call void @fill(ptr %buf)
  call void @free(ptr %buf)
  ret void
}

; REMARK: remark: <unknown>:0:0: not promoted: a 2147483648-byte slot would exceed the function's 1073741824-byte stack budget (frame-budget)
; REMARK: remark: <unknown>:0:0: not promoted: a 18446744073709551615-byte slot would exceed the function's 1073741824-byte stack budget (frame-budget)
; REMARK: remark: <unknown>:0:0: moved 65536-byte 'malloc' block to the stack

declare void @fill(ptr nocapture) nofree nocallback
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"
