; What libc.c says of a C library function holds for the library's, a
; declaration: a function the module defines under the same name (a static
; strchr in a file that does not include <string.h>) is the program's own,
; and its body speaks for it.  This one remembers every string it searches
; in a global, so the line stays on the heap; the same search by the
; library's strrchr, a declaration, promotes it.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@remembered = internal global ptr null, align 8

define internal ptr @strchr(ptr %s, i32 %c) noinline {
  store ptr %s, ptr @remembered, align 8
  %r = call ptr @memchr(ptr %s, i32 %c, i64 32)
  ret ptr %r
}

define i32 @keeps_line_searched_by_own_strchr() {
; CHECK-LABEL: @keeps_line_searched_by_own_strchr(
; CHECK:         %line = call noalias ptr @malloc(i64 32)
;
  %line = call noalias ptr @malloc(i64 32)
  store i8 0, ptr %line, align 1
  %p = call ptr @strchr(ptr %line, i32 44)
  %found = icmp ne ptr %p, null
  %n = zext i1 %found to i32
  ret i32 %n
}

define i32 @promotes_line_searched_by_library_strrchr() {
; CHECK-LABEL: @promotes_line_searched_by_library_strrchr(
; CHECK-NOT:     @malloc
; CHECK:         ret i32
;
  %line = call noalias ptr @malloc(i64 32)
  store i8 0, ptr %line, align 1
  %p = call ptr @strrchr(ptr %line, i32 44)
  %found = icmp ne ptr %p, null
  %n = zext i1 %found to i32
  call void @free(ptr %line)
  ret i32 %n
}

; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'strchr', which may keep it
; REMARK: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr) allockind("free") "alloc-family"="malloc"
declare ptr @memchr(ptr, i32, i64)
declare ptr @strrchr(ptr, i32)
