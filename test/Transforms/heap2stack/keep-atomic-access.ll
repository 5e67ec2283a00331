; A block accessed by atomic instructions (load, store, atomicrmw, cmpxchg
; on its address) is kept: the pass does not model atomics.  Volatile
; non-atomic accesses are plain memory accesses and do not block promotion.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i32 @atomic_load_from_block() {
; CHECK-LABEL: @atomic_load_from_block(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %val = load atomic i32, ptr %buf seq_cst, align 4
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %val = load atomic i32, ptr %buf seq_cst, align 4
  call void @free(ptr noundef %buf)
  ret i32 %val
}

define void @atomic_store_to_block() {
; CHECK-LABEL: @atomic_store_to_block(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store atomic i32 1, ptr %buf release, align 4
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store atomic i32 1, ptr %buf release, align 4
  call void @free(ptr noundef %buf)
  ret void
}

define i32 @atomicrmw_on_block() {
; CHECK-LABEL: @atomicrmw_on_block(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %old = atomicrmw add ptr %buf, i32 1 seq_cst, align 4
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %old = atomicrmw add ptr %buf, i32 1 seq_cst, align 4
  call void @free(ptr noundef %buf)
  ret i32 %old
}

define void @cmpxchg_on_block() {
; CHECK-LABEL: @cmpxchg_on_block(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %pair = cmpxchg ptr %buf, i32 0, i32 1 acq_rel monotonic, align 4
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %pair = cmpxchg ptr %buf, i32 0, i32 1 acq_rel monotonic, align 4
  call void @free(ptr noundef %buf)
  ret void
}

define i32 @volatile_access_is_fine() {
; CHECK-LABEL: @volatile_access_is_fine(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store volatile i32 1, ptr %h2s.slot, align 4
; CHECK-NEXT:    %val = load volatile i32, ptr %h2s.slot, align 4
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store volatile i32 1, ptr %buf, align 4
  %val = load volatile i32, ptr %buf, align 4
  call void @free(ptr noundef %buf)
  ret i32 %val
}

; REMARK:      remark: <unknown>:0:0: not promoted: accessed by an atomic 'load'
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: accessed by an atomic 'store'
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: accessed by an atomic 'atomicrmw'
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: accessed by an atomic 'cmpxchg'
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
