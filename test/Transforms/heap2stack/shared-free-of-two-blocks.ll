; A free whose operand merges two allocation sites (SimplifyCFG sinks the
; frees of an if/else into one free of a phi) ties the sites together: when
; both can be promoted, both are and the shared free is deleted, with no
; lifetime.end since it frees neither slot for sure; when either stays on the
; heap, the free must stay for it, so both stay.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@escaped = global ptr null, align 8

define void @free_of_phi_of_two_blocks(i1 %cond) {
; CHECK-LABEL: @free_of_phi_of_two_blocks(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %[[LEFT:h2s.slot[0-9]*]] = alloca [16 x i8], align 16
; CHECK-DAG:     %[[RIGHT:h2s.slot[0-9]*]] = alloca [32 x i8], align 16
; CHECK:       join:
; CHECK-NEXT:    %either = phi ptr [ %[[LEFT]], %then ], [ %[[RIGHT]], %else ]
; CHECK-NEXT:    ret void
;
entry:
  br i1 %cond, label %then, label %else

then:
  %left = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %left, align 1
  br label %join

else:
  %right = call noalias ptr @malloc(i64 noundef 32)
  store i8 2, ptr %right, align 1
  br label %join

join:
  %either = phi ptr [ %left, %then ], [ %right, %else ]
  call void @free(ptr noundef %either)
  ret void
}

define void @free_of_select_of_two_blocks(i1 %cond) {
; CHECK-LABEL: @free_of_select_of_two_blocks(
; CHECK-NOT:     @malloc
; CHECK:         %either = select i1 %cond, ptr %h2s.slot{{[0-9]*}}, ptr %h2s.slot{{[0-9]*}}
; CHECK-NOT:     @free
; CHECK-NOT:     @llvm.lifetime.end
; CHECK:         ret void
;
entry:
  %first = call noalias ptr @malloc(i64 noundef 16)
  %second = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %first, align 1
  store i8 2, ptr %second, align 1
  %either = select i1 %cond, ptr %first, ptr %second
  call void @free(ptr noundef %either)
  ret void
}

define void @partner_escapes(i1 %cond) {
; CHECK-LABEL: @partner_escapes(
; CHECK-NOT:     alloca
; CHECK:         %kept = call noalias ptr @malloc(i64 noundef 16)
; CHECK:         %leaked = call noalias ptr @malloc(i64 noundef 16)
; CHECK:         %either = phi ptr [ %kept, %then ], [ %leaked, %else ]
; CHECK-NEXT:    call void @free(ptr noundef %either)
;
entry:
  br i1 %cond, label %then, label %else

then:
  %kept = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %kept, align 1
  br label %join

else:
  %leaked = call noalias ptr @malloc(i64 noundef 16)
  store ptr %leaked, ptr @escaped, align 8
  br label %join

join:
  %either = phi ptr [ %kept, %then ], [ %leaked, %else ]
  call void @free(ptr noundef %either)
  ret void
}

define void @partner_too_large(i1 %cond) {
; CHECK-LABEL: @partner_too_large(
; CHECK-NOT:     alloca
; CHECK:         %small = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %large = call noalias ptr @malloc(i64 noundef 4096)
; CHECK:         %either = select i1 %cond, ptr %small, ptr %large
; CHECK-NEXT:    call void @free(ptr noundef %either)
;
entry:
  %small = call noalias ptr @malloc(i64 noundef 16)
  %large = call noalias ptr @malloc(i64 noundef 4096)
  store i8 1, ptr %small, align 1
  store i8 2, ptr %large, align 1
  %either = select i1 %cond, ptr %small, ptr %large
  call void @free(ptr noundef %either)
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'free' also frees a block that stays on the heap
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'free' also frees a block that stays on the heap
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: a 4096-byte block exceeds the 1024-byte limit per block (max-size)

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
