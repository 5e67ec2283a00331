; memset, memcpy and memmove only touch the block during the call: a block
; filled, copied into, copied out of or moved within is still promoted, and
; the intrinsic calls then operate on the slot.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @memset_block() {
; CHECK-LABEL: @memset_block(
; CHECK:         %h2s.slot = alloca [64 x i8], align 16
; CHECK:         call void @llvm.memset.p0.i64(ptr align 1 %h2s.slot, i8 7, i64 64, i1 false)
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 64)
  call void @llvm.memset.p0.i64(ptr align 1 %buf, i8 7, i64 64, i1 false)
  call void @free(ptr noundef %buf)
  ret void
}

define void @memcpy_into_block(ptr %src) {
; CHECK-LABEL: @memcpy_into_block(
; CHECK:         %h2s.slot = alloca [64 x i8], align 16
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr align 1 %h2s.slot, ptr align 1 %src, i64 64, i1 false)
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 64)
  call void @llvm.memcpy.p0.p0.i64(ptr align 1 %buf, ptr align 1 %src, i64 64, i1 false)
  call void @free(ptr noundef %buf)
  ret void
}

define void @memcpy_out_of_block(ptr %dst) {
; CHECK-LABEL: @memcpy_out_of_block(
; CHECK:         %h2s.slot = alloca [64 x i8], align 16
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr align 1 %dst, ptr align 1 %h2s.slot, i64 64, i1 false)
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 64)
  call void @llvm.memset.p0.i64(ptr align 1 %buf, i8 0, i64 64, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr align 1 %dst, ptr align 1 %buf, i64 64, i1 false)
  call void @free(ptr noundef %buf)
  ret void
}

define void @memmove_within_block() {
; CHECK-LABEL: @memmove_within_block(
; CHECK:         %h2s.slot = alloca [64 x i8], align 16
; CHECK:         %upper = getelementptr inbounds i8, ptr %h2s.slot, i64 8
; CHECK-NEXT:    call void @llvm.memmove.p0.p0.i64(ptr align 1 %upper, ptr align 1 %h2s.slot, i64 56, i1 false)
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 64)
  %upper = getelementptr inbounds i8, ptr %buf, i64 8
  call void @llvm.memmove.p0.p0.i64(ptr align 1 %upper, ptr align 1 %buf, i64 56, i1 false)
  call void @free(ptr noundef %buf)
  ret void
}

declare void @llvm.memset.p0.i64(ptr writeonly nocapture, i8, i64, i1 immarg) #2
declare void @llvm.memcpy.p0.p0.i64(ptr noalias writeonly nocapture, ptr noalias readonly nocapture, i64, i1 immarg) #3
declare void @llvm.memmove.p0.p0.i64(ptr writeonly nocapture, ptr readonly nocapture, i64, i1 immarg) #3

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nocallback nofree nounwind willreturn memory(argmem: write) }
attributes #3 = { nocallback nofree nounwind willreturn memory(argmem: readwrite) }
