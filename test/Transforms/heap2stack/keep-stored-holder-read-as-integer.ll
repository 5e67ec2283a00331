; A block's pointer stored into a local variable is followed through the
; variable's reads only while they read it as a pointer.  A read of any of
; the pointer's bytes as an integer (all eight, or only part of them) turns
; the address into a number the pass does not follow: the block stays on
; the heap.  An integer read of another field of the same variable, which
; shares none of the pointer's bytes, does not matter.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i64 @keeps_pointer_read_as_integer() {
; CHECK-LABEL: @keeps_pointer_read_as_integer(
; CHECK-NOT:     alloca [
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store ptr %buf, ptr %holder, align 8
; CHECK-NEXT:    %bits = load i64, ptr %holder, align 8
; CHECK-NEXT:    %back = load ptr, ptr %holder, align 8
; CHECK-NEXT:    call void @free(ptr noundef %back)
; CHECK-NEXT:    ret i64 %bits
;
entry:
  %holder = alloca ptr, align 8
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store ptr %buf, ptr %holder, align 8
  %bits = load i64, ptr %holder, align 8
  %back = load ptr, ptr %holder, align 8
  call void @free(ptr noundef %back)
  ret i64 %bits
}

; Bytes 4 to 7 are the upper half of the stored pointer.
define i32 @keeps_pointer_half_read_as_integer() {
; CHECK-LABEL: @keeps_pointer_half_read_as_integer(
; CHECK-NOT:     alloca [
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store ptr %buf, ptr %holder, align 8
; CHECK-NEXT:    %high = getelementptr inbounds i8, ptr %holder, i64 4
; CHECK-NEXT:    %bits = load i32, ptr %high, align 4
; CHECK-NEXT:    %back = load ptr, ptr %holder, align 8
; CHECK-NEXT:    call void @free(ptr noundef %back)
;
entry:
  %holder = alloca ptr, align 8
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store ptr %buf, ptr %holder, align 8
  %high = getelementptr inbounds i8, ptr %holder, i64 4
  %bits = load i32, ptr %high, align 4
  %back = load ptr, ptr %holder, align 8
  call void @free(ptr noundef %back)
  ret i32 %bits
}

define i64 @promotes_integer_read_of_other_field(i64 %len) {
; CHECK-LABEL: @promotes_integer_read_of_other_field(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %holder = alloca { ptr, i64 }, align 8
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store ptr %h2s.slot, ptr %holder, align 8
; CHECK-NEXT:    %len.field = getelementptr inbounds i8, ptr %holder, i64 8
; CHECK-NEXT:    store i64 %len, ptr %len.field, align 8
; CHECK-NEXT:    %len.back = load i64, ptr %len.field, align 8
; CHECK-NEXT:    %back = load ptr, ptr %holder, align 8
; CHECK-NEXT:    ret i64 %len.back
;
entry:
  %holder = alloca { ptr, i64 }, align 8
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store ptr %buf, ptr %holder, align 8
  %len.field = getelementptr inbounds i8, ptr %holder, i64 8
  store i64 %len, ptr %len.field, align 8
  %len.back = load i64, ptr %len.field, align 8
  %back = load ptr, ptr %holder, align 8
  call void @free(ptr noundef %back)
  ret i64 %len.back
}

; REMARK:      remark: <unknown>:0:0: not promoted: stored to memory and read back as an integer
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory and read back as an integer
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; its pointer is kept in a local variable

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
