; reallocarray(p, c, k) of a promoted block resizes it where it lives, as
; realloc(p, c * k) does (realloc-in-slot.ll): the product decides, a
; product that wraps never stays in the slot and takes the way to the
; heap, where reallocarray(NULL, c, k) fails with ENOMEM and leaves the
; slot's block valid.  A reallocarray of a block that escapes is left
; alone, with the block.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; p = malloc(16); p = reallocarray(p, c, 8): the 16-byte block gets a
; 128-byte slot to grow in, and c * 8 bytes stay there while they fit.
define i8 @grow_by_elements(i64 %c) {
; CHECK-LABEL: @grow_by_elements(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store i8 1, ptr %h2s.slot, align 1
; CHECK-NEXT:    %h2s.mul = call { i64, i1 } @llvm.umul.with.overflow.i64(i64 %c, i64 8)
; CHECK-NEXT:    %h2s.wrapped = extractvalue { i64, i1 } %h2s.mul, 1
; CHECK-NEXT:    %h2s.size = extractvalue { i64, i1 } %h2s.mul, 0
; CHECK-NEXT:    %h2s.inslot = icmp eq ptr %h2s.slot, %h2s.slot
; CHECK-NEXT:    br i1 %h2s.inslot, label %h2s.resize, label %[[HEAP:h2s.cont[0-9]*]]
; CHECK:       h2s.resize:
; CHECK-NEXT:    %h2s.less = sub i64 %h2s.size, 1
; CHECK-NEXT:    %h2s.stays = icmp ult i64 %h2s.less, 128
; CHECK-NEXT:    %h2s.nowrap = xor i1 %h2s.wrapped, true
; CHECK-NEXT:    %[[STAYS:h2s.stays[0-9]+]] = and i1 %h2s.stays, %h2s.nowrap
; CHECK-NEXT:    br i1 %[[STAYS]], label %[[JOIN:h2s.cont[0-9]*]], label %h2s.move
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %grown = call ptr @reallocarray(ptr noundef %h2s.slot, i64 noundef %c, i64 noundef 8)
; CHECK-NEXT:    br label %[[JOIN]]
; CHECK:       h2s.move:
; CHECK-NEXT:    %h2s.grows = icmp ne i64 %h2s.size, 0
; CHECK-NEXT:    %[[GROWS:h2s.grows[0-9]+]] = or i1 %h2s.grows, %h2s.wrapped
; CHECK-NEXT:    br i1 %[[GROWS]], label %h2s.grow, label %[[JOIN]]
; CHECK:       h2s.grow:
; CHECK-NEXT:    %h2s.moved = call ptr @reallocarray(ptr null, i64 %c, i64 8)
; CHECK-NEXT:    %h2s.got = icmp ne ptr %h2s.moved, null
; CHECK-NEXT:    br i1 %h2s.got, label %h2s.copy, label %[[JOIN]]
; CHECK:       h2s.copy:
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 1 %h2s.moved, ptr align 16 %h2s.slot, i64 128, i1 false)
; CHECK-NEXT:    br label %[[JOIN]]
; CHECK:       [[JOIN]]:
; CHECK-NEXT:    %h2s.block = phi ptr [ %grown, %[[HEAP]] ], [ %h2s.slot, %h2s.resize ], [ null, %h2s.move ], [ %h2s.moved, %h2s.grow ], [ %h2s.moved, %h2s.copy ]
; CHECK:         %h2s.heap = icmp ne ptr %h2s.block, %h2s.slot
; CHECK:         call void @free(ptr noundef %h2s.block)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  %grown = call ptr @reallocarray(ptr noundef %buf, i64 noundef %c, i64 noundef 8)
  %v = load i8, ptr %grown, align 1
  call void @free(ptr noundef %grown)
  ret i8 %v
}

; The grown block is stored to a global: the block escapes, and the
; reallocarray stays as it is.
@kept = global ptr null

define void @grown_block_escapes(i64 %c) {
; CHECK-LABEL: @grown_block_escapes(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %grown = call ptr @reallocarray(ptr noundef %buf, i64 noundef %c, i64 noundef 8)
; CHECK-NEXT:    store ptr %grown, ptr @kept, align 8
; CHECK-NEXT:    ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %grown = call ptr @reallocarray(ptr noundef %buf, i64 noundef %c, i64 noundef 8)
  store ptr %grown, ptr @kept, align 8
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 16-byte 'malloc' block to a 128-byte stack slot, in which it grows while it fits
; REMARK-NEXT: remark: <unknown>:0:0: 'reallocarray' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'reallocarray' resizes the 'malloc' block, which stays on the heap
; REMARK-NOT:  remark

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare noalias noundef ptr @reallocarray(ptr allocptr noundef nocapture, i64 noundef, i64 noundef) #2

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1,2) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
