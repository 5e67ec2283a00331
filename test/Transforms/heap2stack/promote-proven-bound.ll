; A size known only at run time whose largest value LLVM's value facts
; prove (a mask, a remainder, a dominating check, a loop's induction
; variable, a zero-extended byte) gets a static slot of that bound, with no
; guard.  A bound above max-size gets a guarded slot instead (the remark
; says so), or nothing when guarded slots are off.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -passes='heap2stack<no-cleanup;guard-size=0>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=NOGUARD

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i8 @bound_from_mask(i64 %n) {
; CHECK-LABEL: @bound_from_mask(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [47 x i8], align 16
; CHECK-NEXT:    %size = and i64 %n, 47
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret i8
;
entry:
  %size = and i64 %n, 47
  %buf = call noalias ptr @malloc(i64 noundef %size)
  store i8 1, ptr %buf, align 1
  %v = load i8, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret i8 %v
}

define i8 @bound_from_remainder(i64 %n) {
; CHECK-LABEL: @bound_from_remainder(
; CHECK:         %h2s.slot = alloca [47 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret i8
;
entry:
  %size = urem i64 %n, 48
  %buf = call noalias ptr @malloc(i64 noundef %size)
  store i8 1, ptr %buf, align 1
  %v = load i8, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret i8 %v
}

define i8 @bound_from_dominating_check(i64 %n) {
; CHECK-LABEL: @bound_from_dominating_check(
; CHECK:         %h2s.slot = alloca [64 x i8], align 16
; CHECK:       small:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NOT:     @malloc
; CHECK:         ret i8
;
entry:
  %fits = icmp ule i64 %n, 64
  br i1 %fits, label %small, label %done

small:
  %buf = call noalias ptr @malloc(i64 noundef %n)
  store i8 1, ptr %buf, align 1
  %v = load i8, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  br label %done

done:
  %r = phi i8 [ %v, %small ], [ 0, %entry ]
  ret i8 %r
}

define i8 @bound_from_zero_extended_byte(i8 %len) {
; CHECK-LABEL: @bound_from_zero_extended_byte(
; CHECK:         %h2s.slot = alloca [255 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret i8
;
entry:
  %size = zext i8 %len to i64
  %buf = call noalias ptr @malloc(i64 noundef %size)
  store i8 1, ptr %buf, align 1
  %v = load i8, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret i8 %v
}

; for (i = 0; i < 32; ++i) { p = malloc(i + 1); ...; free(p); }
define i8 @bound_from_loop_counter() {
; CHECK-LABEL: @bound_from_loop_counter(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK-NOT:     @malloc
; CHECK:         ret i8
;
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %acc = phi i8 [ 0, %entry ], [ %sum, %loop ]
  %next = add nuw nsw i64 %i, 1
  %buf = call noalias ptr @malloc(i64 noundef %next)
  store i8 1, ptr %buf, align 1
  %v = load i8, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  %sum = add i8 %acc, %v
  %more = icmp ult i64 %next, 32
  br i1 %more, label %loop, label %done

done:
  ret i8 %sum
}

define i8 @calloc_bound_is_the_product(i64 %n) {
; CHECK-LABEL: @calloc_bound_is_the_product(
; CHECK:         %h2s.slot = alloca [56 x i8], align 16
; CHECK:         call void @llvm.memset.p0.i64(ptr align 16 %h2s.slot, i8 0, i64 %h2s.size, i1 false)
; CHECK-NOT:     @calloc
; CHECK:         ret i8
;
entry:
  %count = and i64 %n, 7
  %buf = call noalias ptr @calloc(i64 noundef %count, i64 noundef 8)
  %v = load i8, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret i8 %v
}

define i8 @bound_above_max_size(i64 %n) {
; CHECK-LABEL: @bound_above_max_size(
; CHECK:         %h2s.slot = alloca [128 x i8], align 16
; CHECK:         %h2s.fits = icmp ule i64 %size, 128
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef %size)
;
entry:
  %size = and i64 %n, 4095
  %buf = call noalias ptr @malloc(i64 noundef %size)
  store i8 1, ptr %buf, align 1
  %v = load i8, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret i8 %v
}

; REMARK:      remark: <unknown>:0:0: moved 'malloc' block of at most 47 bytes to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 'malloc' block of at most 47 bytes to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 'malloc' block of at most 64 bytes to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 'malloc' block of at most 255 bytes to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 'malloc' block of at most 32 bytes to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 'calloc' block of at most 56 bytes to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger

; NOGUARD:      remark: <unknown>:0:0: moved 'malloc' block of at most 47 bytes to the stack
; NOGUARD:      remark: <unknown>:0:0: moved 'calloc' block of at most 56 bytes to the stack
; NOGUARD-NEXT: remark: <unknown>:0:0: not promoted: size is known only at run time and guarded slots are off (guard-size=0)

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare noalias noundef ptr @calloc(i64 noundef, i64 noundef) #2

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nofree nounwind willreturn allockind("alloc,zeroed") allocsize(0,1) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
