; An array of structs indexed at run time is read at one offset within each
; element, stride bytes apart, but only when the GEP cannot wrap: without
; inbounds (or nusw) the offset is taken modulo 2^64, and a stride that is
; not a power of two does not divide that.  With 24-byte elements,
; k = -768614336404564651 makes 24 * k + 8 == 0 (mod 2^64), so &h[k].f1 is
; &h[0].f0, where the block's pointer is: the load may return it, and the
; block stays on the heap.  Inbounds, or with a power-of-two stride (16
; bytes: 16 * k + 8 is 8 modulo 16 even after wrapping), the field apart
; from the pointer's is never read, and the block gets its slot.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

%triple = type { ptr, i64, i64 }
%pair = type { ptr, i64 }

define ptr @keeps_read_at_wrapping_index(i64 %k) {
; CHECK-LABEL: @keeps_read_at_wrapping_index(
; CHECK:         %b = call noalias ptr @malloc(i64 16)
;
  %h = alloca [2 x %triple], align 8
  %b = call noalias ptr @malloc(i64 16)
  store i8 42, ptr %b, align 1
  store ptr %b, ptr %h, align 8
  %q = getelementptr %triple, ptr %h, i64 %k, i32 1
  %v = load ptr, ptr %q, align 8
  ret ptr %v
}

define ptr @promotes_read_at_inbounds_index(i64 %k) {
; CHECK-LABEL: @promotes_read_at_inbounds_index(
; CHECK-NOT:     @malloc
; CHECK:         ret ptr %v
;
  %h = alloca [2 x %triple], align 8
  %b = call noalias ptr @malloc(i64 16)
  store i8 42, ptr %b, align 1
  store ptr %b, ptr %h, align 8
  %q = getelementptr inbounds %triple, ptr %h, i64 %k, i32 1
  %v = load ptr, ptr %q, align 8
  ret ptr %v
}

define ptr @promotes_read_at_wrapping_power_of_two_index(i64 %k) {
; CHECK-LABEL: @promotes_read_at_wrapping_power_of_two_index(
; CHECK-NOT:     @malloc
; CHECK:         ret ptr %v
;
  %h = alloca [2 x %pair], align 8
  %b = call noalias ptr @malloc(i64 16)
  store i8 42, ptr %b, align 1
  store ptr %b, ptr %h, align 8
  %q = getelementptr %pair, ptr %h, i64 %k, i32 1
  %v = load ptr, ptr %q, align 8
  ret ptr %v
}

; REMARK:      remark: <unknown>:0:0: not promoted: returned from the function
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; its pointer is kept in a local variable

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
