; llvm.objectsize (UBSan's bounds checks, __builtin_object_size) only asks
; how big the block is, which the slot answers the same way: the block is
; promoted, and the query now sees the slot.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

define i64 @size_queried() {
; CHECK-LABEL: @size_queried(
; CHECK-NEXT: %h2s.slot = alloca [24 x i8], align 16
; CHECK: call i64 @llvm.objectsize.i64.p0(ptr %h2s.slot, i1 false, i1 false, i1 false)
  %buf = call ptr @malloc(i64 24)
  %size = call i64 @llvm.objectsize.i64.p0(ptr %buf, i1 false, i1 false, i1 false)
  store i8 1, ptr %buf
  call void @free(ptr %buf)
  ret i64 %size
}

declare i64 @llvm.objectsize.i64.p0(ptr, i1 immarg, i1 immarg, i1 immarg)
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"
