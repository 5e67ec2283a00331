; A call marked nobuiltin is an ordinary call, not an allocation: a
; nobuiltin malloc call, or a direct call to ::operator new (only
; new-expressions are builtin), is left alone and gets no remark at all,
; while the same calls without nobuiltin are promoted.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @nobuiltin_malloc_call() {
; CHECK-LABEL: @nobuiltin_malloc_call(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16) #[[NOBUILTIN:[0-9]+]]
; CHECK-NEXT:    store i8 0, ptr %buf, align 1
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16) #4
  store i8 0, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

define void @operator_new_called_directly() {
; CHECK-LABEL: @operator_new_called_directly(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %raw = call noalias noundef nonnull dereferenceable(32) ptr @_Znwm(i64 noundef 32)
; CHECK-NEXT:    store i8 0, ptr %raw, align 1
; CHECK-NEXT:    call void @_ZdlPvm(ptr noundef nonnull %raw, i64 noundef 32)
;
entry:
  %raw = call noalias noundef nonnull dereferenceable(32) ptr @_Znwm(i64 noundef 32) #5
  store i8 0, ptr %raw, align 1
  call void @_ZdlPvm(ptr noundef nonnull %raw, i64 noundef 32) #6
  ret void
}

define void @builtin_malloc_call() {
; CHECK-LABEL: @builtin_malloc_call(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 0, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

define void @new_expression() {
; CHECK-LABEL: @new_expression(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     @_Znwm
; CHECK:         ret void
;
entry:
  %raw = call noalias noundef nonnull dereferenceable(32) ptr @_Znwm(i64 noundef 32) #7
  store i8 0, ptr %raw, align 1
  call void @_ZdlPvm(ptr noundef nonnull %raw, i64 noundef 32) #8
  ret void
}

; CHECK: attributes #[[NOBUILTIN]] = { nobuiltin }

; Only the last two functions' sites are examined.
; REMARK-NOT:  remark
; REMARK:      remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte '_Znwm' block to the stack
; REMARK-NOT:  remark

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
declare noundef nonnull ptr @_Znwm(i64 noundef) #2
declare void @_ZdlPvm(ptr noundef, i64 noundef) #3
attributes #2 = { nobuiltin allocsize(0) }
attributes #3 = { nobuiltin nounwind }
attributes #4 = { nobuiltin }
attributes #5 = { allocsize(0) }
attributes #6 = { nounwind }
attributes #7 = { builtin allocsize(0) }
attributes #8 = { builtin nounwind }
