; A block in another address space than the stack's (here a managed heap in
; addrspace(1), as garbage-collected languages use) cannot be replaced by a
; stack slot: it stays on the heap.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @managed_heap_block() {
; CHECK-LABEL: @managed_heap_block(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %obj = call noalias ptr addrspace(1) @gc_alloc(i64 noundef 16)
; CHECK-NEXT:    store i8 0, ptr addrspace(1) %obj, align 1
; CHECK-NEXT:    call void @gc_free(ptr addrspace(1) noundef %obj)
;
entry:
  %obj = call noalias ptr addrspace(1) @gc_alloc(i64 noundef 16)
  store i8 0, ptr addrspace(1) %obj, align 1
  call void @gc_free(ptr addrspace(1) noundef %obj)
  ret void
}

define void @same_family_in_stack_address_space() {
; CHECK-LABEL: @same_family_in_stack_address_space(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @gc_alloc0
; CHECK:         ret void
;
entry:
  %obj = call noalias ptr @gc_alloc0(i64 noundef 16)
  store i8 0, ptr %obj, align 1
  call void @gc_free0(ptr noundef %obj)
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: the block is not in the stack's address space
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'gc_alloc0' block to the stack

declare noalias ptr addrspace(1) @gc_alloc(i64 noundef) nocallback #0
declare void @gc_free(ptr addrspace(1) allocptr noundef nocapture) nocallback #1
declare noalias ptr @gc_alloc0(i64 noundef) nocallback #2
declare void @gc_free0(ptr allocptr noundef nocapture) nocallback #3

attributes #0 = { nounwind allockind("alloc,uninitialized") allocsize(0) "alloc-family"="gc" }
attributes #1 = { nounwind allockind("free") "alloc-family"="gc" }
attributes #2 = { nounwind allockind("alloc,uninitialized") allocsize(0) "alloc-family"="gc0" }
attributes #3 = { nounwind allockind("free") "alloc-family"="gc0" }
