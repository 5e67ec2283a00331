; realloc(NULL, n) allocates afresh, exactly as malloc(n) does, so it is an
; allocation site of its own: a constant size gets a slot of that size and
; the call and its free are gone; a size known only at run time gets a
; guarded slot with the original realloc(NULL, n) as the heap path.
; reallocarray(NULL, n, m) is malloc(n * m) in the same way.  A block that
; escapes stays on the heap.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i8 @realloc_of_null_constant_size() {
; CHECK-LABEL: @realloc_of_null_constant_size(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store i8 7, ptr %h2s.slot, align 1
; CHECK-NEXT:    %v = load i8, ptr %h2s.slot, align 1
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    ret i8 %v
;
entry:
  %buf = call ptr @realloc(ptr noundef null, i64 noundef 16)
  store i8 7, ptr %buf, align 1
  %v = load i8, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret i8 %v
}

define i8 @realloc_of_null_runtime_size(i64 %n) {
; CHECK-LABEL: @realloc_of_null_runtime_size(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 16
; CHECK-NEXT:    %h2s.fits = icmp ule i64 %n, 128
; CHECK-NEXT:    br i1 %h2s.fits, label %h2s.stack, label %[[HEAP:h2s.cont[0-9]*]], !prof
; CHECK:       h2s.stack:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    br label %[[JOIN:h2s.cont[0-9]*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %buf = call ptr @realloc(ptr noundef null, i64 noundef %n)
; CHECK-NEXT:    br label %[[JOIN]]
; CHECK:       [[JOIN]]:
; CHECK-NEXT:    %h2s.block = phi ptr [ %h2s.slot, %h2s.stack ], [ %buf, %[[HEAP]] ]
; CHECK-NEXT:    store i8 7, ptr %h2s.block, align 1
; CHECK-NEXT:    %v = load i8, ptr %h2s.block, align 1
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    %h2s.heap = icmp ne ptr %h2s.block, %h2s.slot
; CHECK-NEXT:    br i1 %h2s.heap, label %[[FREE:h2s.cont[0-9]*]], label %{{h2s.cont[0-9]*}}, !prof
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr noundef %h2s.block)
;
entry:
  %buf = call ptr @realloc(ptr noundef null, i64 noundef %n)
  store i8 7, ptr %buf, align 1
  %v = load i8, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret i8 %v
}

define i8 @reallocarray_of_null_constant_size() {
; CHECK-LABEL: @reallocarray_of_null_constant_size(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store i8 7, ptr %h2s.slot, align 1
; CHECK-NOT:     @reallocarray
; CHECK-NOT:     @free
; CHECK:         ret i8 %v
;
entry:
  %buf = call ptr @reallocarray(ptr noundef null, i64 noundef 4, i64 noundef 4)
  store i8 7, ptr %buf, align 1
  %v = load i8, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret i8 %v
}

define void @realloc_of_null_escapes(ptr %out) {
; CHECK-LABEL: @realloc_of_null_escapes(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call ptr @realloc(ptr noundef null, i64 noundef 16)
; CHECK-NEXT:    store ptr %buf, ptr %out, align 8
; CHECK-NEXT:    ret void
;
entry:
  %buf = call ptr @realloc(ptr noundef null, i64 noundef 16)
  store ptr %buf, ptr %out, align 8
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 16-byte 'realloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 'realloc' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'reallocarray' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory
; REMARK-NOT:  remark

declare void @free(ptr allocptr noundef nocapture) #1
declare noalias noundef ptr @realloc(ptr allocptr noundef nocapture, i64 noundef) #2
declare noalias noundef ptr @reallocarray(ptr allocptr noundef nocapture, i64 noundef, i64 noundef) #3

attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1,2) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
