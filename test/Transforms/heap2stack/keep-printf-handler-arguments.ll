; glibc lets a program register handlers for printf conversions
; (register_printf_specifier); a handler receives the conversion's argument
; and may keep it.  A block printed with a conversion glibc does not define
; (%W) may reach such a handler, registered in any file, and stays on the
; heap, as one printed with %p does; one printed with %s or %-10.3ls does
; not.  In a module that registers handlers, which may redefine even the
; standard conversions, every block given to the printf family stays on
; the heap.
; RUN: rm -rf %t && split-file %s %t
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %t/plain.ll | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %t/plain.ll 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %t/registers.ll | FileCheck %s --check-prefix=REGISTERS
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks-missed=heap2stack -disable-output < %t/registers.ll 2>&1 | FileCheck %s --check-prefix=REGISTERS-REMARK

;--- plain.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@fmt.w = private unnamed_addr constant [5 x i8] c"[%W]\00"
@fmt.s = private unnamed_addr constant [10 x i8] c"[%-10.3s]\00"

define void @printed_with_registered_letter() {
; CHECK-LABEL: @printed_with_registered_letter(
; CHECK: call ptr @malloc(i64 16)
; CHECK-NOT: alloca
  %buf = call ptr @malloc(i64 16)
  store i8 0, ptr %buf
  %n = call i32 (ptr, ...) @printf(ptr @fmt.w, ptr %buf)
  call void @free(ptr %buf)
  ret void
}

define void @printed_with_standard_letter() {
; CHECK-LABEL: @printed_with_standard_letter(
; CHECK: alloca [32 x i8], align 16
; CHECK-NOT: call ptr @malloc
  %buf = call ptr @malloc(i64 32)
  store i8 0, ptr %buf
  %n = call i32 (ptr, ...) @printf(ptr @fmt.s, ptr %buf)
  call void @free(ptr %buf)
  ret void
}

declare i32 @printf(ptr, ...)
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"

; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 2 to 'printf', which may keep it
; REMARK: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack

;--- registers.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@fmt.s = private unnamed_addr constant [5 x i8] c"[%s]\00"

define void @install(ptr %handler) {
  %r = call i32 @register_printf_specifier(i32 115, ptr %handler, ptr null)
  ret void
}

define void @printed_with_redefined_letter() {
; REGISTERS-LABEL: @printed_with_redefined_letter(
; REGISTERS: call ptr @malloc(i64 16)
; REGISTERS-NOT: alloca
  %buf = call ptr @malloc(i64 16)
  store i8 0, ptr %buf
  %n = call i32 (ptr, ...) @printf(ptr @fmt.s, ptr %buf)
  call void @free(ptr %buf)
  ret void
}

declare i32 @register_printf_specifier(i32, ptr, ptr)
declare i32 @printf(ptr, ...)
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"

; REGISTERS-REMARK: remark: <unknown>:0:0: not promoted: passed as argument 2 to 'printf', which may keep it
