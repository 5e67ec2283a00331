; A free wrapper's call that frees one block and returns a pointer into
; another block of the function (captures(ret: ...)) is not that block's
; free: the guarded rewrite of the call would replace its result by a phi
; that the other block's own rewrite does not know.  The returned block is
; still promoted, and so is a block freed by a call whose result points
; elsewhere.
; REQUIRES: capture-components
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@other = global [8 x i8] zeroinitializer, align 8

define internal ptr @close_first_return_second(ptr %s, ptr captures(ret: address, provenance) %t) {
entry:
  call void @free(ptr %s)
  ret ptr %t
}

define void @keeps_block_freed_by_call_returning_another(i64 %n) {
; CHECK-LABEL: @keeps_block_freed_by_call_returning_another(
; CHECK:         %s = call noalias ptr @malloc(i64 noundef 16)
; CHECK:         %r = call ptr @close_first_return_second(ptr %s,
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 16)
  %t = call noalias ptr @malloc(i64 noundef %n)
  %r = call ptr @close_first_return_second(ptr %s, ptr %t)
  store i8 1, ptr %r, align 1
  call void @free(ptr %t)
  ret void
}

define void @promotes_block_freed_by_call_returning_elsewhere() {
; CHECK-LABEL: @promotes_block_freed_by_call_returning_elsewhere(
; CHECK:         %h2s.slot = alloca [16 x i8], align 16
; CHECK:         %r = call ptr @close_first_return_second.h2s.nofree0(ptr %h2s.slot, ptr @other)
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 16)
  %r = call ptr @close_first_return_second(ptr %s, ptr @other)
  store i8 1, ptr %r, align 1
  ret void
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef captures(none)) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

; REMARK: remark: <unknown>:0:0: not promoted: the call of 'close_first_return_second' also frees or returns another block
; REMARK: remark: <unknown>:0:0: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; 'close_first_return_second' frees it, and is called as a copy that does not
