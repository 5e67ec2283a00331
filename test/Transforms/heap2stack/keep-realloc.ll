; realloc and reallocarray resize an existing block (realloc(NULL, n)
; allocates): the new block's contents depend on the old one, so the pass
; does not promote their results.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @realloc_of_null() {
; CHECK-LABEL: @realloc_of_null(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call ptr @realloc(ptr noundef null, i64 noundef 16)
; CHECK-NEXT:    store i8 0, ptr %buf, align 1
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call ptr @realloc(ptr noundef null, i64 noundef 16)
  store i8 0, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

define void @reallocarray_of_null() {
; CHECK-LABEL: @reallocarray_of_null(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call ptr @reallocarray(ptr noundef null, i64 noundef 4, i64 noundef 4)
; CHECK-NEXT:    store i8 0, ptr %buf, align 1
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call ptr @reallocarray(ptr noundef null, i64 noundef 4, i64 noundef 4)
  store i8 0, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: 'realloc' resizes an existing block
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'reallocarray' resizes an existing block

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef captures(none)) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
declare noalias noundef ptr @realloc(ptr allocptr noundef captures(none), i64 noundef) #2
declare noalias noundef ptr @reallocarray(ptr allocptr noundef captures(none), i64 noundef, i64 noundef) #3
attributes #2 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1,2) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
