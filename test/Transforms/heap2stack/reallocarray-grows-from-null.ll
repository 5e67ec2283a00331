; p = reallocarray(buf, cap, 8) in a loop, with buf null before the first
; round, is a site of its own, as realloc is, but it asks for cap * 8
; bytes: the product, not the count, decides whether the block fits the
; slot, and a product that wraps never stays in the slot: it takes the way
; to the heap, where reallocarray(NULL, cap, 8) fails with ENOMEM as the
; original call would, and the block in the slot stays valid.  A
; reallocarray of constant operands has a slot of their product, and every
; request of it fits.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; for (i = 0; i < n; ++i) { p = reallocarray(buf, i + 1, 8);
;   if (!p) { free(buf); return 0; }  buf = p; buf[i] = i; }  free(buf);
define i64 @grows_by_elements(i64 %n) {
; CHECK-LABEL: @grows_by_elements(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 16
; CHECK:       loop:
; CHECK:         %count = add nuw i64 %i, 1
; CHECK-NEXT:    %h2s.mul = call { i64, i1 } @llvm.umul.with.overflow.i64(i64 %count, i64 8)
; CHECK-NEXT:    %h2s.wrapped = extractvalue { i64, i1 } %h2s.mul, 1
; CHECK-NEXT:    %h2s.size = extractvalue { i64, i1 } %h2s.mul, 0
; CHECK-NEXT:    %h2s.inslot = icmp eq ptr %buf, %h2s.slot
; CHECK-NEXT:    br i1 %h2s.inslot, label %h2s.resize, label %h2s.fresh
; CHECK:       h2s.resize:
; CHECK-NEXT:    %h2s.less = sub i64 %h2s.size, 1
; CHECK-NEXT:    %h2s.stays = icmp ult i64 %h2s.less, 128
; CHECK-NEXT:    %[[NOWRAP:h2s.nowrap[0-9]*]] = xor i1 %h2s.wrapped, true
; CHECK-NEXT:    %[[STAYS:h2s.stays[0-9]+]] = and i1 %h2s.stays, %[[NOWRAP]]
; CHECK-NEXT:    br i1 %[[STAYS]], label %[[JOIN:.*]], label %h2s.move
; CHECK:       h2s.fresh:
; CHECK-NEXT:    %h2s.empty = icmp eq ptr %buf, null
; CHECK-NEXT:    %h2s.fits = icmp ule i64 %h2s.size, 128
; CHECK-NEXT:    %[[NOWRAP2:h2s.nowrap[0-9]*]] = xor i1 %h2s.wrapped, true
; CHECK-NEXT:    %h2s.usable = and i1 %h2s.fits, %[[NOWRAP2]]
; CHECK-NEXT:    %h2s.starts = and i1 %h2s.empty, %h2s.usable
; CHECK-NEXT:    br i1 %h2s.starts, label %h2s.take, label %[[HEAP:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %p = call ptr @reallocarray(ptr noundef %buf, i64 noundef %count, i64 noundef 8)
; CHECK:       h2s.move:
; CHECK-NEXT:    %h2s.grows = icmp ne i64 %h2s.size, 0
; CHECK-NEXT:    %[[GROWS:h2s.grows[0-9]+]] = or i1 %h2s.grows, %h2s.wrapped
; CHECK-NEXT:    br i1 %[[GROWS]], label %h2s.grow, label %[[JOIN]]
; CHECK:       h2s.grow:
; CHECK-NEXT:    %h2s.moved = call ptr @reallocarray(ptr null, i64 %count, i64 8)
; CHECK:       h2s.copy:
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 1 %h2s.moved, ptr align 16 %h2s.slot, i64 128, i1 false)
; CHECK:       [[JOIN]]:
; CHECK-NEXT:    %h2s.block = phi ptr [ %p, %[[HEAP]] ], [ %h2s.slot, %h2s.take ], [ %h2s.slot, %h2s.resize ], [ null, %h2s.move ], [ %h2s.moved, %h2s.grow ], [ %h2s.moved, %h2s.copy ]
;
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %store ]
  %buf = phi ptr [ null, %entry ], [ %p, %store ]
  %count = add nuw i64 %i, 1
  %p = call ptr @reallocarray(ptr noundef %buf, i64 noundef %count, i64 noundef 8)
  %lost = icmp eq ptr %p, null
  br i1 %lost, label %failed, label %store

failed:
  call void @free(ptr noundef %buf)
  ret i64 0

store:
  %at = getelementptr inbounds i64, ptr %p, i64 %i
  store i64 %i, ptr %at, align 8
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %done

done:
  %v = load i64, ptr %p, align 8
  call void @free(ptr noundef %p)
  ret i64 %v
}

; Constant operands: 6 * 8 = 48 bytes, the slot's size.
define i64 @constant_product(i64 %n) {
; CHECK-LABEL: @constant_product(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [48 x i8], align 16
; CHECK:       h2s.resize:
; CHECK-NEXT:    br i1 true, label %[[JOIN:.*]], label %h2s.move
; CHECK:       h2s.grow:
; CHECK-NEXT:    %h2s.moved = call ptr @reallocarray(ptr null, i64 6, i64 8)
; CHECK:       h2s.copy:
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 1 %h2s.moved, ptr align 16 %h2s.slot, i64 48, i1 false)
;
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %buf = phi ptr [ null, %entry ], [ %p, %loop ]
  %p = call ptr @reallocarray(ptr noundef %buf, i64 noundef 6, i64 noundef 8)
  store i64 %i, ptr %p, align 8
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %done

done:
  %v = load i64, ptr %p, align 8
  call void @free(ptr noundef %p)
  ret i64 %v
}

; The old pointer is null or a block the caller handed over: it resizes an
; existing block and stays.
define i64 @grows_caller_block(ptr %given, i1 %fresh, i64 %n) {
; CHECK-LABEL: @grows_caller_block(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %old = select i1 %fresh, ptr null, ptr %given
; CHECK-NEXT:    %p = call ptr @reallocarray(ptr noundef %old, i64 noundef %n, i64 noundef 8)
; CHECK-NEXT:    %v = load i64, ptr %p, align 8
; CHECK-NEXT:    call void @free(ptr noundef %p)
;
entry:
  %old = select i1 %fresh, ptr null, ptr %given
  %p = call ptr @reallocarray(ptr noundef %old, i64 noundef %n, i64 noundef 8)
  %v = load i64, ptr %p, align 8
  call void @free(ptr noundef %p)
  ret i64 %v
}

; REMARK:      remark: <unknown>:0:0: moved 'reallocarray' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK-NEXT: remark: <unknown>:0:0: moved 48-byte 'reallocarray' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'reallocarray' resizes an existing block

declare void @free(ptr allocptr noundef nocapture) #1
declare noalias noundef ptr @reallocarray(ptr allocptr noundef nocapture, i64 noundef, i64 noundef) #3

attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1,2) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
