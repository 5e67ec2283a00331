; A call whose function type is not its callee's (C code calling a function
; declared without a prototype) passes arguments that the callee's
; parameters do not describe: here a pointer where @stash takes an i64 that
; it stores to a global.  Its summary says nothing about that argument, so
; the call counts as indirect, as it does for LLVM's getCalledFunction(),
; and both a block passed to it and a local struct holding a block's
; pointer stay on the heap.  A call of the right type to the same kind of
; function keeps nothing and the block gets a slot.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global i64 0

define void @stash(i64 %a) {
  store i64 %a, ptr @g
  ret void
}

define void @reads(ptr %p) {
  %c = load i8, ptr %p
  ret void
}

define void @keeps_block_passed_without_prototype() {
; CHECK-LABEL: @keeps_block_passed_without_prototype(
; CHECK-NEXT:    %p = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    call void @stash(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
;
  %p = call noalias ptr @malloc(i64 noundef 16)
  call void @stash(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @keeps_holder_passed_without_prototype() {
; CHECK-LABEL: @keeps_holder_passed_without_prototype(
; CHECK:         %data = call noalias ptr @malloc(i64 noundef 32)
; CHECK:         call void @free(ptr noundef %back)
;
  %b = alloca { ptr, i64 }, align 8
  %data = call noalias ptr @malloc(i64 noundef 32)
  store ptr %data, ptr %b, align 8
  call void @stash(ptr %b)
  %back = load ptr, ptr %b, align 8
  call void @free(ptr noundef %back)
  ret void
}

define void @promotes_block_passed_with_prototype() {
; CHECK-LABEL: @promotes_block_passed_with_prototype(
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK:         call void @reads(ptr %h2s.slot)
; CHECK-NOT:     call void @free
;
  %p = call noalias ptr @malloc(i64 noundef 16)
  call void @reads(ptr %p)
  call void @free(ptr %p)
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: passed as argument 1 to 'stash', which may keep it
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object passed as argument 1 to 'stash', which may let it out
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
