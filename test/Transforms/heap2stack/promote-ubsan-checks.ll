; The pointer checks of -fsanitize=undefined turn the checked pointer into an
; integer, but learn nothing from it about where the block lives: the
; alignment check tests bits below malloc's 16-byte alignment, which a
; 16-byte aligned slot shares, the pointer-overflow check compares the
; result with the base and with null, and the handlers only print the
; value.  The blocks are promoted.  A handler of the same name defined in the module is
; the program's own function and keeps the block, as does a mask that
; reaches bit 4.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@data = private global [16 x i8] zeroinitializer

; What clang emits for `r->b = x` under -fsanitize=alignment.
define void @alignment_check_and_handler(double %x) {
; CHECK-LABEL: @alignment_check_and_handler(
; CHECK:         %h2s.slot = alloca [16 x i8], align 16
; CHECK:         %addr = ptrtoint ptr %field to i64
; CHECK:         call void @__ubsan_handle_type_mismatch_v1(ptr @data, i64 %addr)
;
entry:
  %r = call noalias ptr @malloc(i64 noundef 16)
  %field = getelementptr inbounds i8, ptr %r, i64 8
  %addr = ptrtoint ptr %field to i64, !nosanitize !0
  %low = and i64 %addr, 7, !nosanitize !0
  %ok = icmp eq i64 %low, 0, !nosanitize !0
  br i1 %ok, label %store, label %report, !nosanitize !0

report:
  call void @__ubsan_handle_type_mismatch_v1(ptr @data, i64 %addr), !nosanitize !0
  br label %store

store:
  store double %x, ptr %field, align 8
  call void @free(ptr noundef %r)
  ret void
}

; -fsanitize=pointer-overflow: the base and the result are compared and
; reported.
define i8 @pointer_overflow_check(i64 %i) {
; CHECK-LABEL: @pointer_overflow_check(
; CHECK:         %h2s.slot = alloca [64 x i8], align 16
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 64)
  %at = getelementptr inbounds i8, ptr %buf, i64 %i
  %base = ptrtoint ptr %buf to i64, !nosanitize !0
  %end = ptrtoint ptr %at to i64, !nosanitize !0
  %wrapped = icmp ult i64 %end, %base, !nosanitize !0
  br i1 %wrapped, label %report, label %load, !nosanitize !0

report:
  call void @__ubsan_handle_pointer_overflow(ptr @data, i64 %base, i64 %end), !nosanitize !0
  br label %load

load:
  %v = load i8, ptr %at, align 1
  call void @free(ptr noundef %buf)
  ret i8 %v
}

; clang 22's form of the same check: the result is also tested for null
; (it wrapped to 0), which no offset within the block gives.
define i32 @pointer_overflow_null_test(i64 %i) {
; CHECK-LABEL: @pointer_overflow_null_test(
; CHECK:         %h2s.slot = alloca [256 x i8], align 16
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 256)
  %base = ptrtoint ptr %buf to i64
  %nonnull = icmp ne ptr %buf, null
  %at = getelementptr inbounds i32, ptr %buf, i64 %i
  %scaled = shl nsw i64 %i, 2
  %end = add i64 %scaled, %base, !nosanitize !0
  %null = icmp eq i64 %end, 0
  %same = xor i1 %nonnull, %null
  %up = icmp uge i64 %end, %base, !nosanitize !0
  %ok = and i1 %same, %up, !nosanitize !0
  br i1 %ok, label %load, label %report, !nosanitize !0

report:
  call void @__ubsan_handle_pointer_overflow(ptr @data, i64 %base, i64 %end), !nosanitize !0
  br label %load

load:
  %v = load i32, ptr %at, align 4
  call void @free(ptr noundef %buf)
  ret i32 %v
}

; Compared with another constant, or with a second address, the value
; tells where the block lives.
define i1 @address_compared_with_constant() {
; CHECK-LABEL: @address_compared_with_constant(
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NOT:     alloca
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %addr = ptrtoint ptr %buf to i64
  %low = icmp eq i64 %addr, 4096
  call void @free(ptr noundef %buf)
  ret i1 %low
}

define i1 @twice_the_address_tested_for_null() {
; CHECK-LABEL: @twice_the_address_tested_for_null(
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NOT:     alloca
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %addr = ptrtoint ptr %buf to i64
  %twice = add i64 %addr, %addr
  %zero = icmp eq i64 %twice, 0
  call void @free(ptr noundef %buf)
  ret i1 %zero
}

define void @handler_defined_here() {
; CHECK-LABEL: @handler_defined_here(
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NOT:     alloca
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %addr = ptrtoint ptr %buf to i64
  call void @__ubsan_handle_own(i64 %addr)
  call void @free(ptr noundef %buf)
  ret void
}

@kept = global i64 0

; The program's own function of a handler's name: it keeps the address.
define void @__ubsan_handle_own(i64 %v) {
  store i64 %v, ptr @kept, align 8
  ret void
}

define i1 @mask_reaching_bit_4() {
; CHECK-LABEL: @mask_reaching_bit_4(
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NOT:     alloca
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %addr = ptrtoint ptr %buf to i64
  %low = and i64 %addr, 16
  %set = icmp ne i64 %low, 0
  call void @free(ptr noundef %buf)
  ret i1 %set
}

; REMARK:      remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 64-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 256-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: converted to an integer
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: converted to an integer
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: converted to an integer
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: converted to an integer

declare void @__ubsan_handle_type_mismatch_v1(ptr, i64)
declare void @__ubsan_handle_pointer_overflow(ptr, i64, i64)
declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

!0 = !{}
