; A callee's facts about its parameter's memory are moved by the offset of
; the pointer the caller gives it: a move that would carry a range past the
; ends of int64_t makes the caller's facts every byte, not a range that
; wrapped around to the other end.
; RUN: opt -passes='print<heap2stack-summaries>' -disable-output < %s 2>&1 | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK-LABEL: heap2stack summaries for module
; CHECK:       writes_len parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes [8, 16); reads as data nothing{{$}}
define void @writes_len(ptr %b) {
  %len = getelementptr inbounds i8, ptr %b, i64 8
  store i64 0, ptr %len, align 8
  ret void
}

; 9223372036854775800 + 8 is past INT64_MAX.
; CHECK:       near_the_end parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes any bytes; reads as data nothing{{$}}
define void @near_the_end(ptr %p) {
  %q = getelementptr i8, ptr %p, i64 9223372036854775800
  call void @writes_len(ptr %q)
  ret void
}

; The same move by a small offset stays a range.
; CHECK:       small_offset parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes [40, 48); reads as data nothing{{$}}
define void @small_offset(ptr %p) {
  %q = getelementptr i8, ptr %p, i64 32
  call void @writes_len(ptr %q)
  ret void
}

; Below INT64_MIN: -9223372036854775808 + 8 fits, so it stays a range.
; CHECK:       at_the_start parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes [-9223372036854775800, -9223372036854775792); reads as data nothing{{$}}
define void @at_the_start(ptr %p) {
  %q = getelementptr i8, ptr %p, i64 -9223372036854775808
  call void @writes_len(ptr %q)
  ret void
}
