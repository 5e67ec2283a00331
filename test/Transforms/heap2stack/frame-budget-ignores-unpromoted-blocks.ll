; Only slots that are actually created count against the frame budget: a
; block that stays on the heap because it shares a free with a kept block
; costs nothing, so two more 1024-byte blocks still fit in 2048 bytes.
; (policy.c once charged such a site before the shared-free check kept it.)
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@saved = global ptr null, align 8

define void @shared_free_refusal_costs_nothing(i1 %cond) {
; CHECK-LABEL: @shared_free_refusal_costs_nothing(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %h2s.slot = alloca [1024 x i8], align 16
; CHECK-DAG:     %h2s.slot1 = alloca [1024 x i8], align 16
; CHECK-NEXT:    %first = call noalias ptr @malloc(i64 noundef 1024)
; CHECK-NEXT:    %leaked = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NOT:     call noalias ptr @malloc
; CHECK:         ret void
;
entry:
  %first = call noalias ptr @malloc(i64 noundef 1024)
  %leaked = call noalias ptr @malloc(i64 noundef 16)
  %third = call noalias ptr @malloc(i64 noundef 1024)
  %fourth = call noalias ptr @malloc(i64 noundef 1024)
  store ptr %leaked, ptr @saved, align 8
  %either = select i1 %cond, ptr %first, ptr %leaked
  call void @free(ptr noundef %either)
  store i8 0, ptr %third, align 1
  store i8 0, ptr %fourth, align 1
  call void @free(ptr noundef %third)
  call void @free(ptr noundef %fourth)
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: 'free' also frees a block that stays on the heap
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory
; REMARK-NEXT: remark: <unknown>:0:0: moved 1024-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 1024-byte 'malloc' block to the stack

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
