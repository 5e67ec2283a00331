; A block whose address is written to memory the function does not own (a
; global, a parameter's pointee, or as the value operand of an atomicrmw or
; cmpxchg) may be reached after the function returns: it stays on the heap.
; Storing other values into the block is fine.  Stores into local objects:
; promote-stored-in-*.ll; of the block's address into itself:
; promote-holder-pointing-into-itself.ll.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@global_slot = global ptr null, align 8

define void @escapes_via_store_to_global() {
; CHECK-LABEL: @escapes_via_store_to_global(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store ptr %buf, ptr @global_slot, align 8
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store ptr %buf, ptr @global_slot, align 8
  call void @free(ptr noundef %buf)
  ret void
}

define void @escapes_via_store_of_interior_pointer(ptr %out) {
; CHECK-LABEL: @escapes_via_store_of_interior_pointer(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %mid = getelementptr inbounds i8, ptr %buf, i64 8
; CHECK-NEXT:    store ptr %mid, ptr %out, align 8
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %mid = getelementptr inbounds i8, ptr %buf, i64 8
  store ptr %mid, ptr %out, align 8
  ret void
}

define void @escapes_via_atomicrmw_value() {
; CHECK-LABEL: @escapes_via_atomicrmw_value(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %old = atomicrmw xchg ptr @global_slot, ptr %buf seq_cst, align 8
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %old = atomicrmw xchg ptr @global_slot, ptr %buf seq_cst, align 8
  ret void
}

define void @escapes_via_cmpxchg_value() {
; CHECK-LABEL: @escapes_via_cmpxchg_value(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %pair = cmpxchg ptr @global_slot, ptr null, ptr %buf seq_cst seq_cst, align 8
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %pair = cmpxchg ptr @global_slot, ptr null, ptr %buf seq_cst seq_cst, align 8
  ret void
}

define ptr @stores_into_block_are_fine(ptr %other) {
; CHECK-LABEL: @stores_into_block_are_fine(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store ptr %other, ptr %h2s.slot, align 8
; CHECK-NEXT:    %back = load ptr, ptr %h2s.slot, align 8
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    ret ptr %back
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store ptr %other, ptr %buf, align 8
  %back = load ptr, ptr %buf, align 8
  call void @free(ptr noundef %buf)
  ret ptr %back
}

; REMARK:      remark: <unknown>:0:0: not promoted: stored to memory
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
