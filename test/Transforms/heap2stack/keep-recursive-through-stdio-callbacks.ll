; stdio may call the program back: a stream fopencookie made runs its
; functions inside the stdio calls that write, read, seek, flush or close
; it, and printf's family runs the handlers of conversions the program
; registered (register_printf_specifier).  walk's fputc may call
; cookie_write, and its snprintf print_walk, each of which calls walk, so
; walk may recurse (with no-room, the recursive budget of 0 keeps its
; block).  In a module that gives stdio such functions, the stdio functions
; TargetLibraryInfo names may call back (recursion.c, libc.c); the C
; library's other functions (strlen) still do not, and in a module that
; gives stdio nothing to call, fputc calls nothing back either.
; RUN: rm -rf %t && split-file %s %t
; RUN: opt -passes='heap2stack<no-cleanup;no-room>' -S < %t/cookie.ll | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup;no-room>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %t/cookie.ll 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -passes='heap2stack<no-cleanup;no-room>' -S < %t/printf-handler.ll | FileCheck %s --check-prefix=HANDLER
; RUN: opt -passes='heap2stack<no-cleanup;no-room>' -pass-remarks-missed=heap2stack -disable-output < %t/printf-handler.ll 2>&1 | FileCheck %s --check-prefix=HANDLER-REMARK
; RUN: opt -passes='heap2stack<no-cleanup;no-room>' -S < %t/no-cookie.ll | FileCheck %s --check-prefix=PLAIN
; RUN: opt -passes='heap2stack<no-cleanup;no-room>' -pass-remarks=heap2stack -disable-output < %t/no-cookie.ll 2>&1 | FileCheck %s --check-prefix=PLAIN-REMARK

;--- cookie.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define internal i64 @cookie_write(ptr %cookie, ptr %data, i64 %size) {
  %n = ptrtoint ptr %cookie to i64
  %r = call i64 @walk(i64 %n, ptr null)
  ret i64 %size
}

define i64 @walk(i64 %n, ptr %stream) {
; CHECK-LABEL: @walk(
; CHECK: call ptr @malloc(i64 512)
; CHECK-NOT: alloca
  %buf = call ptr @malloc(i64 512)
  call void @fill.nocallback(ptr %buf)
  %w = call i32 @fputc(i32 120, ptr %stream)
  call void @free(ptr %buf)
  ret i64 0
}

define i64 @measure(ptr %s) {
; CHECK-LABEL: @measure(
; CHECK: alloca [512 x i8], align 16
; CHECK-NOT: call ptr @malloc
  %buf = call ptr @malloc(i64 512)
  call void @fill.nocallback(ptr %buf)
  %len = call i64 @strlen(ptr %s)
  %r = call i64 @walk(i64 %len, ptr null)
  call void @free(ptr %buf)
  ret i64 %len
}

define ptr @open_counter(ptr %cookie) {
  %io = alloca [4 x ptr], align 8
  store ptr null, ptr %io, align 8
  %write = getelementptr inbounds i8, ptr %io, i64 8
  store ptr @cookie_write, ptr %write, align 8
  %f = call ptr @fopencookie(ptr %cookie, ptr null, ptr byval([4 x ptr]) align 8 %io)
  ret ptr %f
}

declare ptr @fopencookie(ptr, ptr, ptr byval([4 x ptr]) align 8)
declare i32 @fputc(i32, ptr)
declare i64 @strlen(ptr)
declare void @fill.nocallback(ptr nocapture) nofree nocallback
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"

; REMARK: remark: <unknown>:0:0: not promoted: the function may be recursive and a 512-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK: remark: <unknown>:0:0: moved 512-byte 'malloc' block to the stack

;--- printf-handler.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define internal i32 @print_walk(ptr %out, ptr %info, ptr %args) {
  %r = call i64 @walk(i64 1)
  ret i32 1
}

define i64 @walk(i64 %n) {
; HANDLER-LABEL: @walk(
; HANDLER: call ptr @malloc(i64 512)
; HANDLER-NOT: alloca
  %buf = call ptr @malloc(i64 512)
  %w = call i32 (ptr, i64, ptr, ...) @snprintf(ptr %buf, i64 512, ptr @format, i64 %n)
  call void @free(ptr %buf)
  ret i64 0
}

define void @install() {
  %r = call i32 @register_printf_specifier(i32 87, ptr @print_walk, ptr null)
  ret void
}

@format = private constant [3 x i8] c"%W\00"

declare i32 @register_printf_specifier(i32, ptr, ptr)
declare i32 @snprintf(ptr, i64, ptr, ...)
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"

; HANDLER-REMARK: remark: <unknown>:0:0: not promoted: the function may be recursive and a 512-byte slot exceeds its 0-byte budget (recursive-budget)

;--- no-cookie.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@writer = global ptr @cookie_write

define internal i64 @cookie_write(ptr %cookie, ptr %data, i64 %size) {
  %n = ptrtoint ptr %cookie to i64
  %r = call i64 @walk(i64 %n, ptr null)
  ret i64 %size
}

define i64 @walk(i64 %n, ptr %stream) {
; PLAIN-LABEL: @walk(
; PLAIN: alloca [512 x i8], align 16
; PLAIN-NOT: call ptr @malloc
  %buf = call ptr @malloc(i64 512)
  call void @fill.nocallback(ptr %buf)
  %w = call i32 @fputc(i32 120, ptr %stream)
  call void @free(ptr %buf)
  ret i64 0
}

declare i32 @fputc(i32, ptr)
declare void @fill.nocallback(ptr nocapture) nofree nocallback
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"

; PLAIN-REMARK: remark: <unknown>:0:0: moved 512-byte 'malloc' block to the stack
