; print<heap2stack-summaries> says too what a function does through the
; pointers it loads from a parameter's memory, by offset from each loaded
; pointer (summaries.c): which bytes it may write there, read as data or
; only compare, or that it loads pointers from there in turn, which it
; follows no further ("loads pointers").  A callee given a loaded pointer
; contributes its summary of that pointer's memory, moved by the
; pointer's offset; a callee given the parameter contributes what it does
; through the pointers it loads.  A function that loads no pointers says
; nothing of it.
; RUN: opt -passes='print<heap2stack-summaries>' -disable-output < %s 2>&1 | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; struct sb { char *p; i64 n; char buf[16]; }

; CHECK-LABEL: heap2stack summaries for module
; CHECK:       hashes_text parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loaded pointers never freed, never kept; writes nothing; reads as data [8, 16){{$}}
; CHECK-NEXT:    through loaded pointers: writes nothing; reads as data [0, end){{$}}
define i32 @hashes_text(ptr %b) {
entry:
  %p = load ptr, ptr %b, align 8
  %n.addr = getelementptr inbounds nuw i8, ptr %b, i64 8
  %n = load i64, ptr %n.addr, align 8
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %h = phi i32 [ 5381, %entry ], [ %h.next, %loop ]
  %at = getelementptr inbounds nuw i8, ptr %p, i64 %i
  %c = load i8, ptr %at, align 1
  %cz = zext i8 %c to i32
  %h33 = mul i32 %h, 33
  %h.next = add i32 %h33, %cz
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %done

done:
  ret i32 %h.next
}

; CHECK:       marks_text parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loaded pointers never freed, never kept; writes nothing; reads as data nothing{{$}}
; CHECK-NEXT:    through loaded pointers: writes [2, 3); reads as data [0, 1); compares [4, end){{$}}
define void @marks_text(ptr %b) {
  %p = load ptr, ptr %b, align 8
  %c = load i8, ptr %p, align 1
  %at = getelementptr inbounds nuw i8, ptr %p, i64 2
  store i8 %c, ptr %at, align 1
  %rest = getelementptr inbounds nuw i8, ptr %p, i64 4
  %len = call i64 @strlen(ptr %rest)
  ret void
}

; CHECK:       calls_marks_text parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loaded pointers never freed, never kept; writes nothing; reads as data nothing{{$}}
; CHECK-NEXT:    through loaded pointers: writes [2, 3); reads as data [0, 1); compares [4, end){{$}}
define void @calls_marks_text(ptr %b) {
  call void @marks_text(ptr %b)
  ret void
}

; CHECK:       loads_through_loaded parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loaded pointers never freed, never kept; writes nothing; reads as data nothing{{$}}
; CHECK-NEXT:    through loaded pointers: loads pointers{{$}}
define i8 @loads_through_loaded(ptr %b) {
  %p = load ptr, ptr %b, align 8
  %q = load ptr, ptr %p, align 8
  %c = load i8, ptr %q, align 1
  ret i8 %c
}

; CHECK:       reads_length parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes nothing; reads as data [8, 16){{$}}
; CHECK-NOT:     through loaded pointers
define i64 @reads_length(ptr %b) {
  %n.addr = getelementptr inbounds nuw i8, ptr %b, i64 8
  %n = load i64, ptr %n.addr, align 8
  ret i64 %n
}

declare i64 @strlen(ptr) nounwind
