; calloc(n, k) with a run-time count takes its guarded slot only when n * k
; does not wrap and fits: an overflowing product goes to the original
; calloc, which fails as it always did.  The stack path zeroes the n * k
; bytes that were asked for.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack' -S < %s | FileCheck %s --check-prefix=CLEAN
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i32 @calloc_runtime_count(i64 %n, i64 %k) {
; CHECK-LABEL: @calloc_runtime_count(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 16
; CHECK-NEXT:    %h2s.mul = call { i64, i1 } @llvm.umul.with.overflow.i64(i64 %n, i64 %k)
; CHECK-NEXT:    %h2s.wrapped = extractvalue { i64, i1 } %h2s.mul, 1
; CHECK-NEXT:    %h2s.size = extractvalue { i64, i1 } %h2s.mul, 0
; CHECK-NEXT:    %h2s.fits = icmp ule i64 %h2s.size, 128
; CHECK-NEXT:    %h2s.nowrap = xor i1 %h2s.wrapped, true
; CHECK-NEXT:    %h2s.usable = and i1 %h2s.fits, %h2s.nowrap
; CHECK-NEXT:    br i1 %h2s.usable, label %h2s.stack, label %[[HEAP:.*]], !prof
; CHECK:       h2s.stack:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 %h2s.slot, i8 0, i64 %h2s.size, i1 false)
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %table = call noalias ptr @calloc(i64 noundef %n, i64 noundef %k)
;
; After cleanup the wrap still sends the block to calloc:
; CLEAN-LABEL: @calloc_runtime_count(
; CLEAN:         %h2s.wrapped = extractvalue { i64, i1 } %h2s.mul, 1
; CLEAN:         %[[SLOW:.*]] = or i1 %{{.*}}, %h2s.wrapped
; CLEAN-NEXT:    br i1 %[[SLOW]], label %[[HEAP:.*]], label %h2s.stack
; CLEAN:       [[HEAP]]:
; CLEAN-NEXT:    call noalias ptr @calloc(i64 noundef %n, i64 noundef %k)
;
entry:
  %table = call noalias ptr @calloc(i64 noundef %n, i64 noundef %k)
  %isnull = icmp eq ptr %table, null
  br i1 %isnull, label %fail, label %use

use:
  %val = load i32, ptr %table, align 4
  call void @free(ptr noundef %table)
  ret i32 %val

fail:
  ret i32 -1
}

; REMARK: remark: <unknown>:0:0: moved 'calloc' block to a 128-byte stack slot when it fits, to the heap when larger

declare noalias noundef ptr @calloc(i64 noundef, i64 noundef) #2
declare void @free(ptr allocptr noundef nocapture) #1

attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nofree nounwind willreturn allockind("alloc,zeroed") allocsize(0,1) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
