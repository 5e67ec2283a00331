; The C library's formatted I/O keeps none of its pointer arguments, the
; variadic ones included, which LLVM's attributes cannot say: a block
; printed with "%s" or filled by sscanf is promoted.  printf's "%p" writes
; the address out as text, so it counts as an escape, and so does a format
; that is not a constant string (it may contain "%p"); "%%p" prints a
; literal "%p".  The fortified wrappers of _FORTIFY_SOURCE behave like the
; functions they wrap.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@fmt.s = private unnamed_addr constant [4 x i8] c"%s\0A\00"
@fmt.p = private unnamed_addr constant [7 x i8] c"%s %p\0A\00"
@fmt.pp = private unnamed_addr constant [8 x i8] c"%s %%p\0A\00"
@fmt.d = private unnamed_addr constant [3 x i8] c"%d\00"

define void @printed_with_s() {
; CHECK-LABEL: @printed_with_s(
; CHECK-NEXT: %h2s.slot = alloca [16 x i8], align 16
  %buf = call ptr @malloc(i64 16)
  store i8 0, ptr %buf
  %n = call i32 (ptr, ...) @printf(ptr @fmt.s, ptr %buf)
  call void @free(ptr %buf)
  ret void
}

define void @printed_with_p() {
; CHECK-LABEL: @printed_with_p(
; CHECK-NEXT: %buf = call ptr @malloc(i64 16)
; CHECK-NOT: alloca
  %buf = call ptr @malloc(i64 16)
  store i8 0, ptr %buf
  %n = call i32 (ptr, ...) @printf(ptr @fmt.p, ptr %buf, ptr %buf)
  call void @free(ptr %buf)
  ret void
}

define void @printed_with_literal_percent_p() {
; CHECK-LABEL: @printed_with_literal_percent_p(
; CHECK-NEXT: %h2s.slot = alloca [16 x i8], align 16
  %buf = call ptr @malloc(i64 16)
  store i8 0, ptr %buf
  %n = call i32 (ptr, ...) @printf(ptr @fmt.pp, ptr %buf)
  call void @free(ptr %buf)
  ret void
}

define void @printed_with_unknown_format(ptr %fmt) {
; CHECK-LABEL: @printed_with_unknown_format(
; CHECK-NEXT: %buf = call ptr @malloc(i64 16)
; CHECK-NOT: alloca
  %buf = call ptr @malloc(i64 16)
  store i8 0, ptr %buf
  %n = call i32 (ptr, ...) @printf(ptr %fmt, ptr %buf)
  call void @free(ptr %buf)
  ret void
}

define i32 @filled_by_sscanf(ptr %text) {
; CHECK-LABEL: @filled_by_sscanf(
; CHECK-NEXT: %h2s.slot = alloca [4 x i8], align 16
  %buf = call ptr @malloc(i64 4)
  %n = call i32 (ptr, ptr, ...) @__isoc99_sscanf(ptr %text, ptr @fmt.d, ptr %buf)
  %v = load i32, ptr %buf
  call void @free(ptr %buf)
  ret i32 %v
}

define void @formatted_by_fortified_snprintf() {
; CHECK-LABEL: @formatted_by_fortified_snprintf(
; CHECK-NEXT: %h2s.slot = alloca [16 x i8], align 16
  %buf = call ptr @malloc(i64 16)
  %n = call i32 (ptr, i64, i32, i64, ptr, ...) @__snprintf_chk(ptr %buf, i64 16, i32 2, i64 16, ptr @fmt.d, i32 7)
  %m = call i32 (i32, ptr, ...) @__printf_chk(i32 2, ptr @fmt.s, ptr %buf)
  call void @free(ptr %buf)
  ret void
}

declare i32 @printf(ptr noundef readonly nocapture, ...) nofree
declare i32 @__isoc99_sscanf(ptr noundef, ptr noundef, ...)
declare i32 @__snprintf_chk(ptr noundef, i64 noundef, i32 noundef, i64 noundef, ptr noundef, ...)
declare i32 @__printf_chk(i32 noundef, ptr noundef, ...)
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"
