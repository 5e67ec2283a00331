; An integer computed from the block's addresses may go anywhere once the
; block's address cancels out of it, whatever form LLVM gave the
; difference: reassociated ((len + s) - p for len - (p - s)), sunk into a
; select or a phi, or compared with another address of the block.  It must
; not go anywhere while the address is still in it: a difference with an
; outside address (keep-escapes-via-pointer-difference.ll), a sum of two
; addresses, a select whose inputs hold it a different number of times, an
; address bit used as a condition, or a comparison with a constant.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@out = global i64 0

define void @reassociated_difference(i64 %len, i64 %at) {
; CHECK-LABEL: @reassociated_difference(
; CHECK:         %h2s.slot = alloca [64 x i8], align 16
; CHECK:         store i64 %rest, ptr @out, align 8
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 64)
  %p = getelementptr inbounds i8, ptr %s, i64 %at
  %si = ptrtoint ptr %s to i64
  %pi = ptrtoint ptr %p to i64
  %up = add i64 %len, %si
  %rest = sub i64 %up, %pi
  store i64 %rest, ptr @out, align 8
  call void @free(ptr noundef %s)
  ret void
}

define void @difference_through_select_and_phi(i1 %c, i64 %at) {
; CHECK-LABEL: @difference_through_select_and_phi(
; CHECK:         %h2s.slot = alloca [64 x i8], align 16
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 64)
  %p = getelementptr inbounds i8, ptr %s, i64 %at
  %si = ptrtoint ptr %s to i64
  %pi = ptrtoint ptr %p to i64
  %which = select i1 %c, i64 %pi, i64 %si
  br i1 %c, label %then, label %join

then:
  br label %join

join:
  %end = phi i64 [ %which, %then ], [ %pi, %entry ]
  %off = sub i64 %end, %si
  store i64 %off, ptr @out, align 8
  call void @free(ptr noundef %s)
  ret void
}

define i1 @addresses_compared(i64 %at) {
; CHECK-LABEL: @addresses_compared(
; CHECK:         %h2s.slot = alloca [64 x i8], align 16
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 64)
  %p = getelementptr inbounds i8, ptr %s, i64 %at
  %si = ptrtoint ptr %s to i64
  %pi = ptrtoint ptr %p to i64
  %later = icmp ult i64 %si, %pi
  call void @free(ptr noundef %s)
  ret i1 %later
}

define void @sum_of_addresses(i64 %at) {
; CHECK-LABEL: @sum_of_addresses(
; CHECK:         %s = call noalias ptr @malloc(i64 noundef 64)
; CHECK-NOT:     alloca
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 64)
  %p = getelementptr inbounds i8, ptr %s, i64 %at
  %si = ptrtoint ptr %s to i64
  %pi = ptrtoint ptr %p to i64
  %twice = add i64 %si, %pi
  store i64 %twice, ptr @out, align 8
  call void @free(ptr noundef %s)
  ret void
}

define void @select_of_unequal_amounts(i1 %c) {
; CHECK-LABEL: @select_of_unequal_amounts(
; CHECK:         %s = call noalias ptr @malloc(i64 noundef 64)
; CHECK-NOT:     alloca
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 64)
  %si = ptrtoint ptr %s to i64
  %maybe = select i1 %c, i64 %si, i64 0
  store i64 %maybe, ptr @out, align 8
  call void @free(ptr noundef %s)
  ret void
}

define i64 @address_bit_as_condition() {
; CHECK-LABEL: @address_bit_as_condition(
; CHECK:         %s = call noalias ptr @malloc(i64 noundef 64)
; CHECK-NOT:     alloca
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 64)
  %bit = ptrtoint ptr %s to i1
  %r = select i1 %bit, i64 1, i64 2
  call void @free(ptr noundef %s)
  ret i64 %r
}

define i1 @address_compared_with_constant() {
; CHECK-LABEL: @address_compared_with_constant(
; CHECK:         %s = call noalias ptr @malloc(i64 noundef 64)
; CHECK-NOT:     alloca
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 64)
  %si = ptrtoint ptr %s to i64
  %high = icmp ugt i64 %si, 4096
  call void @free(ptr noundef %s)
  ret i1 %high
}

; REMARK:      remark: <unknown>:0:0: moved 64-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 64-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 64-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: converted to an integer
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: converted to an integer
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: converted to an integer
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: converted to an integer

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
