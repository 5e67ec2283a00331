; A function may add at most frame-budget (2048) bytes of promoted slots,
; granted to sites in program order; each slot costs its size rounded up to
; its alignment.  The site that would exceed the budget stays on the heap
; with the OverBudget remark; blocks kept for other reasons cost nothing,
; and each function has a budget of its own.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@sink = global ptr null, align 8

define void @third_block_over_budget() {
; CHECK-LABEL: @third_block_over_budget(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %h2s.slot = alloca [1024 x i8], align 16
; CHECK-DAG:     %h2s.slot1 = alloca [1024 x i8], align 16
; CHECK-NOT:     alloca
; CHECK:         %third = call noalias ptr @malloc(i64 noundef 1024)
; CHECK-NOT:     call noalias ptr @malloc
; CHECK:         call void @free(ptr noundef %third)
; CHECK-NOT:     call void @free
; CHECK:         ret void
;
entry:
  %first = call noalias ptr @malloc(i64 noundef 1024)
  %second = call noalias ptr @malloc(i64 noundef 1024)
  %third = call noalias ptr @malloc(i64 noundef 1024)
  store i8 1, ptr %first, align 1
  store i8 2, ptr %second, align 1
  store i8 3, ptr %third, align 1
  call void @free(ptr noundef %first)
  call void @free(ptr noundef %second)
  call void @free(ptr noundef %third)
  ret void
}

; 1000 bytes cost 1008 (a multiple of 16): two fit, the third does not.
define void @cost_rounded_to_alignment() {
; CHECK-LABEL: @cost_rounded_to_alignment(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %h2s.slot = alloca [1000 x i8], align 16
; CHECK-DAG:     %h2s.slot1 = alloca [1000 x i8], align 16
; CHECK-NOT:     alloca
; CHECK:         %third = call noalias ptr @malloc(i64 noundef 1000)
; CHECK:         ret void
;
entry:
  %first = call noalias ptr @malloc(i64 noundef 1000)
  %second = call noalias ptr @malloc(i64 noundef 1000)
  %third = call noalias ptr @malloc(i64 noundef 1000)
  store i8 1, ptr %first, align 1
  store i8 2, ptr %second, align 1
  store i8 3, ptr %third, align 1
  call void @free(ptr noundef %first)
  call void @free(ptr noundef %second)
  call void @free(ptr noundef %third)
  ret void
}

define void @escaping_block_costs_nothing() {
; CHECK-LABEL: @escaping_block_costs_nothing(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %h2s.slot = alloca [1024 x i8], align 16
; CHECK-DAG:     %h2s.slot1 = alloca [1024 x i8], align 16
; CHECK-NEXT:    %leaked = call noalias ptr @malloc(i64 noundef 1024)
; CHECK-NOT:     call noalias ptr @malloc
; CHECK:         ret void
;
entry:
  %leaked = call noalias ptr @malloc(i64 noundef 1024)
  %first = call noalias ptr @malloc(i64 noundef 1024)
  %second = call noalias ptr @malloc(i64 noundef 1024)
  store ptr %leaked, ptr @sink, align 8
  store i8 1, ptr %first, align 1
  store i8 2, ptr %second, align 1
  call void @free(ptr noundef %first)
  call void @free(ptr noundef %second)
  ret void
}

define void @budget_is_per_function() {
; CHECK-LABEL: @budget_is_per_function(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %h2s.slot = alloca [1024 x i8], align 16
; CHECK-DAG:     %h2s.slot1 = alloca [1024 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret void
;
entry:
  %first = call noalias ptr @malloc(i64 noundef 1024)
  %second = call noalias ptr @malloc(i64 noundef 1024)
  store i8 1, ptr %first, align 1
  store i8 2, ptr %second, align 1
  call void @free(ptr noundef %first)
  call void @free(ptr noundef %second)
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 1024-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 1024-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: a 1024-byte slot would exceed the function's 2048-byte stack budget (frame-budget)
; REMARK-NEXT: remark: <unknown>:0:0: moved 1000-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 1000-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: a 1008-byte slot would exceed the function's 2048-byte stack budget (frame-budget)
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory
; REMARK-NEXT: remark: <unknown>:0:0: moved 1024-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 1024-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 1024-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 1024-byte 'malloc' block to the stack

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
