; A block passed to a function of the module that keeps no copy of it
; (nocapture, as FunctionAttrs infers) is promoted when the function's
; summary (summaries.c) shows it never frees the parameter, even though
; the function frees blocks of its own and so carries no nofree.  When the
; function frees the parameter, directly or through another function of
; the module, the block stays on the heap (here: the parameter or null,
; through a select, so it is not a free wrapper either, see
; promote-freed-by-wrapper.ll).
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; Copies 'text' into a scratch block of its own, hashes it, frees the copy.
define i32 @hash_with_scratch(ptr noundef readonly nocapture %text) {
  %scratch = call noalias ptr @malloc(i64 noundef 64)
  call void @llvm.memcpy.p0.p0.i64(ptr %scratch, ptr %text, i64 16, i1 false)
  %word = load i32, ptr %scratch, align 4
  call void @free(ptr noundef %scratch)
  ret i32 %word
}

define void @release(ptr noundef nocapture %p) {
  call void @free(ptr noundef %p)
  ret void
}

define i32 @release_after_use(ptr noundef nocapture %p) {
  %v = load i32, ptr %p, align 4
  %odd = trunc i32 %v to i1
  %q = select i1 %odd, ptr %p, ptr null
  call void @release(ptr noundef %q)
  ret i32 %v
}

define i32 @passed_to_function_that_frees_its_own_block() {
; CHECK-LABEL: @passed_to_function_that_frees_its_own_block(
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store i32 7, ptr %h2s.slot, align 4
; CHECK-NEXT:    %h = call i32 @hash_with_scratch(ptr noundef %h2s.slot)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    ret i32 %h
;
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i32 7, ptr %buf, align 4
  %h = call i32 @hash_with_scratch(ptr noundef %buf)
  call void @free(ptr noundef %buf)
  ret i32 %h
}

define i32 @passed_to_function_that_frees_it_through_another() {
; CHECK-LABEL: @passed_to_function_that_frees_it_through_another(
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store i32 7, ptr %buf, align 4
; CHECK-NEXT:    %v = call i32 @release_after_use(ptr noundef %buf)
; CHECK-NEXT:    ret i32 %v
;
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i32 7, ptr %buf, align 4
  %v = call i32 @release_after_use(ptr noundef %buf)
  ret i32 %v
}

; REMARK:      remark: <unknown>:0:0: moved 64-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'release_after_use', which may free it

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare void @llvm.memcpy.p0.p0.i64(ptr noalias writeonly nocapture, ptr noalias readonly nocapture, i64, i1 immarg)

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
