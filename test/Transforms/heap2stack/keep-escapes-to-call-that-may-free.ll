; A block passed to a call that keeps no copy of the pointer but is not
; known not to free it (no nofree on the call, callee or parameter) stays on
; the heap: the callee could free a stack slot.  reallocarray is such a
; call: unlike realloc (realloc-in-slot.ll), the pass does not rewrite it.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @consume_buffer(ptr noundef nocapture) #2

define void @passed_to_call_without_nofree() {
; CHECK-LABEL: @passed_to_call_without_nofree(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    call void @consume_buffer(ptr noundef %buf)
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  call void @consume_buffer(ptr noundef %buf)
  call void @free(ptr noundef %buf)
  ret void
}

define void @passed_to_reallocarray() {
; CHECK-LABEL: @passed_to_reallocarray(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %grown = call ptr @reallocarray(ptr noundef %buf, i64 noundef 4, i64 noundef 8)
; CHECK-NEXT:    call void @free(ptr noundef %grown)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %grown = call ptr @reallocarray(ptr noundef %buf, i64 noundef 4, i64 noundef 8)
  call void @free(ptr noundef %grown)
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: passed as argument 1 to 'consume_buffer', which may free it
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'reallocarray', which may free it
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'reallocarray' resizes an existing block

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
declare noalias noundef ptr @reallocarray(ptr allocptr noundef nocapture, i64 noundef, i64 noundef) #4
attributes #2 = { nounwind }
attributes #4 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1,2) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
