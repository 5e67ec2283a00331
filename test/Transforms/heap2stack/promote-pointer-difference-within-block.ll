; The difference of two addresses in the same block (C's p - q, lowered to
; a sub of two ptrtoints) is the same wherever the block lives, so it does
; not keep the block on the heap.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i64 @difference_within_block(i64 %i) {
; CHECK-LABEL: @difference_within_block(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 16
; CHECK:         %end.addr = ptrtoint ptr %end to i64
; CHECK-NEXT:    %start.addr = ptrtoint ptr %h2s.slot to i64
; CHECK-NEXT:    %len = sub i64 %end.addr, %start.addr
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret i64 %len
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 64)
  %end = getelementptr inbounds i8, ptr %buf, i64 %i
  store i8 0, ptr %end, align 1
  %end.addr = ptrtoint ptr %end to i64
  %start.addr = ptrtoint ptr %buf to i64
  %len = sub i64 %end.addr, %start.addr
  call void @free(ptr noundef %buf)
  ret i64 %len
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
