; IR straight from clang's front end (-Xclang -disable-llvm-passes) declares
; malloc and free without the allockind and alloc-family attributes that
; LLVM's MemoryBuiltins recognises them by; inferattrs adds them in clang's
; pipelines.  The pass runs LLVM's InferFunctionAttrs itself, so
; `opt -passes=heap2stack` finds the same sites on such IR.  A function
; built with -fno-builtin-malloc ("no-builtin-malloc") still has no site.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i32 @from_the_front_end() {
; CHECK-LABEL: @from_the_front_end(
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret i32 %v
;
  %p = call noalias ptr @malloc(i64 noundef 16) #1
  store i32 1, ptr %p, align 4
  %v = load i32, ptr %p, align 4
  call void @free(ptr noundef %p) #0
  ret i32 %v
}

define i32 @without_builtin_malloc() #2 {
; CHECK-LABEL: @without_builtin_malloc(
; CHECK-NEXT:    %p = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NOT:     alloca
;
  %p = call noalias ptr @malloc(i64 noundef 16) #1
  store i32 1, ptr %p, align 4
  %v = load i32, ptr %p, align 4
  call void @free(ptr noundef %p) #0
  ret i32 %v
}

; REMARK:     remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NOT: remark:

declare noalias ptr @malloc(i64 noundef) #0
declare void @free(ptr noundef) #0

attributes #0 = { nounwind }
attributes #1 = { nounwind allocsize(0) }
attributes #2 = { nounwind "no-builtin-malloc" }
