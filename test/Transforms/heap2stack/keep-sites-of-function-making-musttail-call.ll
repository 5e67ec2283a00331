; A musttail call runs its callee after the caller's frame is gone.  A
; block passed to it stays on the heap for that reason alone; but the
; callee may also reach a block through memory, such as a holder too large
; for a slot that it is given, so a function that makes a musttail call
; promotes nothing, with the MustTail remark.  The same function returning
; through a plain call promotes the small block.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define internal i64 @consume(ptr %holder) noinline {
  %text = load ptr, ptr %holder, align 8
  %n = call i64 @strlen(ptr %text)
  ret i64 %n
}

define i64 @keeps_block_held_for_musttail_callee(ptr %unused) {
; CHECK-LABEL: @keeps_block_held_for_musttail_callee(
; CHECK:         %text = call noalias ptr @malloc(i64 32)
; CHECK:         musttail call i64 @consume(ptr %big)
;
  %big = call noalias ptr @malloc(i64 4096)
  %text = call noalias ptr @malloc(i64 32)
  store i8 0, ptr %text, align 1
  store ptr %text, ptr %big, align 8
  %r = musttail call i64 @consume(ptr %big)
  ret i64 %r
}

define i64 @promotes_block_held_for_plain_callee(ptr %unused) {
; CHECK-LABEL: @promotes_block_held_for_plain_callee(
; CHECK:         %h2s.slot = alloca [32 x i8], align 16
; CHECK:         %r = call i64 @consume(ptr %big)
;
  %big = call noalias ptr @malloc(i64 4096)
  %text = call noalias ptr @malloc(i64 32)
  store i8 0, ptr %text, align 1
  store ptr %text, ptr %big, align 8
  %r = call i64 @consume(ptr %big)
  ret i64 %r
}

; REMARK:      remark: <unknown>:0:0: not promoted: passed to a musttail call of 'consume'
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: the function makes a musttail call of 'consume', which may reach a slot through memory after the frame is gone
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: a 4096-byte block exceeds the 1024-byte limit per block (max-size)
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; its pointer is kept in the 'malloc' block

declare i64 @strlen(ptr) nocallback nofree nounwind willreturn memory(argmem: read)
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
