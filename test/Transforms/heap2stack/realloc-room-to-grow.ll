; A block of a compile-time size that reallocs grow gets a slot of
; guard-size bytes when that is larger (policy.c, H2S_PLACE_ROOMY): the
; growth stays in the slot while it fits, as a guarded slot's does.  A
; block without a realloc, or already as large as guard-size, keeps a slot
; of its own size; so does one whose larger slot would exceed the frame
; budget, max-size, or guard-size=0.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -passes='heap2stack<no-cleanup;frame-budget=100>' -S < %s | FileCheck %s --check-prefix=BUDGET
; RUN: opt -passes='heap2stack<no-cleanup;max-size=64>' -S < %s | FileCheck %s --check-prefix=BUDGET
; RUN: opt -passes='heap2stack<no-cleanup;guard-size=0>' -S < %s | FileCheck %s --check-prefix=BUDGET

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i8 @grows_in_room(i64 %n) {
; CHECK-LABEL: @grows_in_room(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 16
; CHECK:       h2s.resize:
; CHECK-NEXT:    %h2s.less = sub i64 %n, 1
; CHECK-NEXT:    %h2s.stays = icmp ult i64 %h2s.less, 128
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr align 1 %h2s.moved, ptr align 16 %h2s.slot, i64 128, i1 false)
;
; BUDGET-LABEL: @grows_in_room(
; BUDGET-NEXT:  entry:
; BUDGET-NEXT:    %h2s.slot = alloca [16 x i8], align 16
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  %grown = call ptr @realloc(ptr noundef %buf, i64 noundef %n)
  %v = load i8, ptr %grown, align 1
  call void @free(ptr noundef %grown)
  ret i8 %v
}

define i8 @keeps_own_size_without_realloc() {
; CHECK-LABEL: @keeps_own_size_without_realloc(
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
;
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  %v = load i8, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret i8 %v
}

define i8 @keeps_own_size_when_as_large(i64 %n) {
; CHECK-LABEL: @keeps_own_size_when_as_large(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [200 x i8], align 16
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 200)
  store i8 1, ptr %buf, align 1
  %grown = call ptr @realloc(ptr noundef %buf, i64 noundef %n)
  %v = load i8, ptr %grown, align 1
  call void @free(ptr noundef %grown)
  ret i8 %v
}

; REMARK:      remark: <unknown>:0:0: moved 16-byte 'malloc' block to a 128-byte stack slot, in which it grows while it fits
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 200-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NOT:  remark

declare noalias ptr @malloc(i64) #0
declare noalias ptr @realloc(ptr allocptr, i64) #1
declare void @free(ptr allocptr) #2

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
