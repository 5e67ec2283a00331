; A free of a pointer loaded from a local variable frees whatever the
; writes of the loaded bytes stored there.  A memcpy into those bytes
; stores what the pass cannot name, so the free may release another block
; and the block stored beside it stays on the heap.  A memcpy into another
; field, and a memset of zeroes (null pointers), leave the free to release
; only the block or null: the block gets a slot and the free goes.  A memset
; of another byte is as unknown as a memcpy, but only where the load may
; see it: a struct initialized so, then given the block's pointer on every
; path to the load, still frees only the block.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; When %copy is true, %back is whatever pointer %src held.
define void @keeps_free_of_field_written_by_memcpy(ptr %src, i1 %copy) {
; CHECK-LABEL: @keeps_free_of_field_written_by_memcpy(
; CHECK-NOT:     alloca [
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store ptr %buf, ptr %holder, align 8
; CHECK:       overwrite:
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 8 %holder, ptr align 8 %src, i64 16, i1 false)
; CHECK:       join:
; CHECK-NEXT:    %back = load ptr, ptr %holder, align 8
; CHECK-NEXT:    call void @free(ptr noundef %back)
;
entry:
  %holder = alloca { ptr, i64 }, align 8
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store ptr %buf, ptr %holder, align 8
  br i1 %copy, label %overwrite, label %join

overwrite:
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %holder, ptr align 8 %src, i64 16, i1 false)
  br label %join

join:
  %back = load ptr, ptr %holder, align 8
  call void @free(ptr noundef %back)
  ret void
}

define void @promotes_memcpy_into_other_field(ptr %src) {
; CHECK-LABEL: @promotes_memcpy_into_other_field(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %holder = alloca { ptr, i64 }, align 8
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store ptr %h2s.slot, ptr %holder, align 8
; CHECK-NEXT:    %len = getelementptr inbounds i8, ptr %holder, i64 8
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 8 %len, ptr align 1 %src, i64 8, i1 false)
; CHECK-NEXT:    %back = load ptr, ptr %holder, align 8
; CHECK-NEXT:    ret void
;
entry:
  %holder = alloca { ptr, i64 }, align 8
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store ptr %buf, ptr %holder, align 8
  %len = getelementptr inbounds i8, ptr %holder, i64 8
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %len, ptr align 1 %src, i64 8, i1 false)
  %back = load ptr, ptr %holder, align 8
  call void @free(ptr noundef %back)
  ret void
}

define void @promotes_free_of_field_after_memset_zero() {
; CHECK-LABEL: @promotes_free_of_field_after_memset_zero(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %holder = alloca { ptr, i64 }, align 8
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 8 %holder, i8 0, i64 16, i1 false)
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store ptr %h2s.slot, ptr %holder, align 8
; CHECK-NEXT:    %back = load ptr, ptr %holder, align 8
; CHECK-NEXT:    ret void
;
entry:
  %holder = alloca { ptr, i64 }, align 8
  call void @llvm.memset.p0.i64(ptr align 8 %holder, i8 0, i64 16, i1 false)
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store ptr %buf, ptr %holder, align 8
  %back = load ptr, ptr %holder, align 8
  call void @free(ptr noundef %back)
  ret void
}

define void @promotes_free_of_field_assigned_after_memset_nonzero() {
; CHECK-LABEL: @promotes_free_of_field_assigned_after_memset_nonzero(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %holder = alloca { ptr, i64 }, align 8
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 8 %holder, i8 1, i64 16, i1 false)
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store ptr %h2s.slot, ptr %holder, align 8
; CHECK-NEXT:    %back = load ptr, ptr %holder, align 8
; CHECK-NEXT:    ret void
;
entry:
  %holder = alloca { ptr, i64 }, align 8
  call void @llvm.memset.p0.i64(ptr align 8 %holder, i8 1, i64 16, i1 false)
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store ptr %buf, ptr %holder, align 8
  %back = load ptr, ptr %holder, align 8
  call void @free(ptr noundef %back)
  ret void
}

; The memset comes after the store on one path to the load.
define void @keeps_free_of_field_memset_nonzero_after_store(i1 %now) {
; CHECK-LABEL: @keeps_free_of_field_memset_nonzero_after_store(
; CHECK-NOT:     alloca [
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store ptr %buf, ptr %holder, align 8
; CHECK:       wipe:
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 8 %holder, i8 1, i64 16, i1 false)
; CHECK:       join:
; CHECK-NEXT:    %back = load ptr, ptr %holder, align 8
; CHECK-NEXT:    call void @free(ptr noundef %back)
;
entry:
  %holder = alloca { ptr, i64 }, align 8
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store ptr %buf, ptr %holder, align 8
  br i1 %now, label %wipe, label %join

wipe:
  call void @llvm.memset.p0.i64(ptr align 8 %holder, i8 1, i64 16, i1 false)
  br label %join

join:
  %back = load ptr, ptr %holder, align 8
  call void @free(ptr noundef %back)
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: 'free' may free another block too
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'free' may free another block too

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
