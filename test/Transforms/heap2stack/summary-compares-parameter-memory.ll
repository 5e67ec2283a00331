; print<heap2stack-summaries> lists, apart from the bytes a function reads
; as data, those it only looks at as characters during the call ("compares"):
; what strlen, strcmp, memcmp or printf's %s read of the parameter's
; memory, forward from where they are given.  A pointer's address stored
; there is seen, but nothing is copied out.  sprintf's %s copies the
; characters into its destination, so those bytes are read as data.  A
; count that printf's %n may write is a write of those bytes as well.  A
; format the pass cannot read may print the address with %p, and may hand
; the pointer to a handler the program registered for a conversion of its
; own, which may do anything with that memory.
; RUN: opt -passes='print<heap2stack-summaries>' -disable-output < %s 2>&1 | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@fmt_s = private constant [3 x i8] c"%s\00"
@fmt_n = private constant [3 x i8] c"%n\00"

; struct rec { char *name; char tag[16]; }

; CHECK-LABEL: heap2stack summaries for module
; CHECK:       measures_tag parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes nothing; reads as data nothing; compares [8, end){{$}}
define i64 @measures_tag(ptr %r) {
  %tag = getelementptr inbounds i8, ptr %r, i64 8
  %n = call i64 @strlen(ptr %tag)
  ret i64 %n
}

; CHECK:       compares_records parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes nothing; reads as data nothing; compares [0, end){{$}}
; CHECK:       compares_records parameter 1: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes nothing; reads as data nothing; compares [0, end){{$}}
define i32 @compares_records(ptr %a, ptr %b, i64 %n) {
  %c = call i32 @memcmp(ptr %a, ptr %b, i64 %n)
  ret i32 %c
}

; CHECK:       prints_tag parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes nothing; reads as data nothing; compares [8, end){{$}}
define void @prints_tag(ptr %r) {
  %tag = getelementptr inbounds i8, ptr %r, i64 8
  %c = call i32 (ptr, ...) @printf(ptr @fmt_s, ptr %tag)
  ret void
}

; CHECK:       formats_tag parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes nothing; reads as data [8, end){{$}}
define void @formats_tag(ptr %r, ptr %out) {
  %tag = getelementptr inbounds i8, ptr %r, i64 8
  %c = call i32 (ptr, i64, ptr, ...) @snprintf(ptr %out, i64 32, ptr @fmt_s, ptr %tag)
  ret void
}

; CHECK:       counts_into_parameter parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes [8, end); reads as data nothing; compares [8, end){{$}}
define void @counts_into_parameter(ptr %r) {
  %tag = getelementptr inbounds i8, ptr %r, i64 8
  %c = call i32 (ptr, ...) @printf(ptr @fmt_n, ptr %tag)
  ret void
}

; CHECK:       prints_with_unknown_format parameter 0: never freed, may keep{{$}}
; CHECK-NEXT:    its memory: loaded pointers may be freed, may be kept; writes any bytes; reads as data any bytes; stores blocks it allocates{{$}}
define void @prints_with_unknown_format(ptr %r, ptr %fmt) {
  %tag = getelementptr inbounds i8, ptr %r, i64 8
  %c = call i32 (ptr, ...) @printf(ptr %fmt, ptr %tag)
  ret void
}

declare i64 @strlen(ptr)
declare i32 @memcmp(ptr, ptr, i64)
declare i32 @printf(ptr, ...)
declare i32 @snprintf(ptr, i64, ptr, ...)
