; A function annotated heap2stack-off, as clang writes
; __attribute__((annotate("heap2stack-off"))), keeps every block on the heap,
; with a remark that says why.  Other functions of the module, and one whose
; annotation only begins with the same letters, are promoted as usual.
; RUN: opt -passes=heap2stack -pass-remarks-missed=heap2stack -pass-remarks=heap2stack -S < %s 2> %t.err | FileCheck %s
; RUN: FileCheck %s --check-prefix=REMARK < %t.err

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@.str = private unnamed_addr constant [15 x i8] c"heap2stack-off\00", section "llvm.metadata"
@.str.1 = private unnamed_addr constant [6 x i8] c"ann.c\00", section "llvm.metadata"
@.str.2 = private unnamed_addr constant [19 x i8] c"heap2stack-offline\00", section "llvm.metadata"
@llvm.global.annotations = appending global [2 x { ptr, ptr, ptr, i32, ptr }] [{ ptr, ptr, ptr, i32, ptr } { ptr @opted_out, ptr @.str, ptr @.str.1, i32 3, ptr null }, { ptr, ptr, ptr, i32, ptr } { ptr @other_annotation, ptr @.str.2, ptr @.str.1, i32 9, ptr null }], section "llvm.metadata"

; REMARK-DAG: remark: <unknown>:0:0: not promoted: the function is annotated 'heap2stack-off'
; REMARK-DAG: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-DAG: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack

; CHECK-LABEL: define void @opted_out(
; CHECK:         call ptr @malloc(i64 16)
; CHECK:         call void @free(
define void @opted_out() {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @other_annotation(
; CHECK-NOT:     @malloc
; CHECK:         ret void
define void @other_annotation() {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @not_annotated(
; CHECK-NOT:     @malloc
; CHECK:         ret void
define void @not_annotated() {
  %p = call ptr @malloc(i64 32)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

declare noalias ptr @malloc(i64) #0
declare void @free(ptr allocptr nocapture) #1
declare void @use(ptr nocapture) nounwind nofree

attributes #0 = { nounwind allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc" }
attributes #1 = { nounwind allockind("free") "alloc-family"="malloc" }
