; The loop rule of keep-loop-carried.ll holds for blocks that may leave
; their slot too: a guarded site in a loop, freed each iteration, gets one
; static slot in the entry block, taken again by each iteration that fits;
; a guarded site whose previous block is still read after the next
; allocation stays on the heap.  A block realloc'd and freed in each
; iteration, a buffer grown by realloc in the loop and freed after it, and
; two buffers each resized through their own phi are promoted; two blocks
; swapped each iteration, one realloc'd while the other is read, stay on
; the heap, since the realloc may resize either of them.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare i64 @next_size(i64 noundef) nocallback #3
declare void @fill(ptr noundef nocapture, i64 noundef) nocallback #3
declare void @combine(ptr noundef readonly nocapture, ptr noundef nocapture) nocallback #3

define void @guarded_freed_each_iteration(i64 %count) {
; CHECK-LABEL: @guarded_freed_each_iteration(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 16
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i64 [ 0, %entry ], [ %i.next, %[[LATCH:h2s.cont[0-9]*]] ]
; CHECK-NEXT:    %n = call i64 @next_size(i64 noundef %i)
; CHECK-NEXT:    %h2s.fits = icmp ule i64 %n, 128
; CHECK-NEXT:    br i1 %h2s.fits, label %h2s.stack, label %[[HEAP:h2s.cont[0-9]*]], !prof
; CHECK:       h2s.stack:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef %n)
; CHECK:         %h2s.block = phi ptr [ %h2s.slot, %h2s.stack ], [ %buf, %[[HEAP]] ]
; CHECK-NEXT:    call void @fill(ptr noundef %h2s.block, i64 noundef %n)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    %h2s.heap = icmp ne ptr %h2s.block, %h2s.slot
; CHECK:         call void @free(ptr noundef %h2s.block)
; CHECK:       [[LATCH]]:
; CHECK-NEXT:    %i.next = add nuw i64 %i, 1
; CHECK-NOT:     alloca
; CHECK-NOT:     @llvm.stacksave
; CHECK:         ret void
;
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %n = call i64 @next_size(i64 noundef %i)
  %buf = call noalias ptr @malloc(i64 noundef %n)
  call void @fill(ptr noundef %buf, i64 noundef %n)
  call void @free(ptr noundef %buf)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %count
  br i1 %more, label %loop, label %exit

exit:
  ret void
}

; Double buffering: %prev, the previous iteration's block, is read after
; the next one is allocated, so the two would share the one slot.
define void @guarded_double_buffering(i64 %count, i64 %n) {
; CHECK-LABEL: @guarded_double_buffering(
; CHECK-NOT:     alloca
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
; CHECK-NEXT:    %prev = phi ptr [ null, %entry ], [ %cur, %loop ]
; CHECK-NEXT:    %cur = call noalias ptr @malloc(i64 noundef %n)
; CHECK-NEXT:    call void @combine(ptr noundef %prev, ptr noundef %cur)
; CHECK-NEXT:    call void @free(ptr noundef %prev)
; CHECK-NOT:     icmp ne ptr
; CHECK:         call void @free(ptr noundef %cur)
;
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %prev = phi ptr [ null, %entry ], [ %cur, %loop ]
  %cur = call noalias ptr @malloc(i64 noundef %n)
  call void @combine(ptr noundef %prev, ptr noundef %cur)
  call void @free(ptr noundef %prev)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %count
  br i1 %more, label %loop, label %exit

exit:
  call void @free(ptr noundef %cur)
  ret void
}

; Each iteration's block may be moved to the heap by its realloc, and is
; freed before the next iteration takes the slot again.
define void @realloc_freed_each_iteration(i64 %count, i64 %n) {
; CHECK-LABEL: @realloc_freed_each_iteration(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 16
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i64 [ 0, %entry ], [ %i.next, %[[LATCH:h2s.cont[0-9]*]] ]
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store i8 1, ptr %h2s.slot, align 1
; CHECK-NEXT:    %h2s.inslot = icmp eq ptr %h2s.slot, %h2s.slot
; CHECK:         %h2s.moved = call ptr @realloc(ptr null, i64 %n)
; CHECK:         %h2s.block = phi ptr [ %grown, %{{.*}} ], [ %h2s.slot, %h2s.resize ], [ null, %h2s.move ], [ %h2s.moved, %h2s.grow ], [ %h2s.moved, %h2s.copy ]
; CHECK-NEXT:    store i8 2, ptr %h2s.block, align 1
; CHECK-NEXT:    %h2s.heap = icmp ne ptr %h2s.block, %h2s.slot
; CHECK:         call void @free(ptr noundef %h2s.block)
; CHECK:       [[LATCH]]:
; CHECK-NEXT:    %i.next = add nuw i64 %i, 1
; CHECK-NOT:     alloca
; CHECK:         ret void
;
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  %grown = call ptr @realloc(ptr noundef %buf, i64 noundef %n)
  store i8 2, ptr %grown, align 1
  call void @free(ptr noundef %grown)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %count
  br i1 %more, label %loop, label %exit

exit:
  ret void
}

; A growing buffer: 16 bytes before the loop, realloc'd when full, freed
; after it.  The realloc of %data (the block or its own earlier result)
; keeps it in the slot while it fits and moves it to the heap after that;
; the free after the loop is guarded.
define void @growing_buffer(i64 %count) {
; CHECK-LABEL: @growing_buffer(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK:         %data = phi ptr [ %h2s.slot, %entry ], [ %data.next, %latch ]
; CHECK:       grow:
; CHECK-NEXT:    %cap.twice = shl i64 %cap, 1
; CHECK-NEXT:    %h2s.inslot = icmp eq ptr %data, %h2s.slot
; CHECK-NEXT:    br i1 %h2s.inslot, label %h2s.resize, label %[[HEAP:h2s.cont[0-9]*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %grown = call ptr @realloc(ptr noundef %data, i64 noundef %cap.twice)
; CHECK:         %h2s.moved = call ptr @realloc(ptr null, i64 %cap.twice)
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr align 1 %h2s.moved, ptr align 16 %h2s.slot, i64 128, i1 false)
; CHECK:         %h2s.block = phi ptr [ %grown, %[[HEAP]] ], [ %h2s.slot, %h2s.resize ], [ null, %h2s.move ], [ %h2s.moved, %h2s.grow ], [ %h2s.moved, %h2s.copy ]
; CHECK:       latch:
; CHECK:         %data.next = phi ptr [ %h2s.block, %{{.*}} ], [ %data, %loop ]
; CHECK:       exit:
; CHECK-NEXT:    %h2s.heap = icmp ne ptr %data.next, %h2s.slot
; CHECK-NEXT:    br i1 %h2s.heap, label %[[FREE:h2s.cont[0-9]*]], label %{{h2s.cont[0-9]*}}, !prof
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr noundef %data.next)
; CHECK-NOT:     alloca
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %latch ]
  %cap = phi i64 [ 16, %entry ], [ %cap.next, %latch ]
  %data = phi ptr [ %buf, %entry ], [ %data.next, %latch ]
  %full = icmp eq i64 %i, %cap
  br i1 %full, label %grow, label %latch

grow:
  %cap.twice = shl i64 %cap, 1
  %grown = call ptr @realloc(ptr noundef %data, i64 noundef %cap.twice)
  br label %latch

latch:
  %cap.next = phi i64 [ %cap.twice, %grow ], [ %cap, %loop ]
  %data.next = phi ptr [ %grown, %grow ], [ %data, %loop ]
  %at = getelementptr inbounds i8, ptr %data.next, i64 %i
  store i8 1, ptr %at, align 1
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %count
  br i1 %more, label %loop, label %exit

exit:
  call void @free(ptr noundef %data.next)
  ret void
}

; Two buffers, each resized through its own phi while the other is read:
; each realloc resizes one site's block only, and each block keeps its own
; slot.
define void @two_buffers_realloced_in_turn(i64 %count, i64 %n) {
; CHECK-LABEL: @two_buffers_realloced_in_turn(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[A:h2s.slot[0-9]*]] = alloca [128 x i8], align 16
; CHECK-NEXT:    %[[B:h2s.slot[0-9]*]] = alloca [128 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:       loop:
; CHECK:         %pa = phi ptr [ %[[A]], %entry ], [ %[[PA:h2s.block[0-9]*]], %{{.*}} ]
; CHECK-NEXT:    %pb = phi ptr [ %[[B]], %entry ], [ %[[PB:h2s.block[0-9]*]], %{{.*}} ]
; CHECK-NEXT:    %{{h2s.inslot[0-9]*}} = icmp eq ptr %pa, %[[A]]
; CHECK:         %pa.grown = call ptr @realloc(ptr noundef %pa, i64 noundef %n)
; CHECK:         call void @combine(ptr noundef %pb, ptr noundef %[[PA]])
; CHECK-NEXT:    %{{h2s.inslot[0-9]*}} = icmp eq ptr %pb, %[[B]]
; CHECK:         %pb.grown = call ptr @realloc(ptr noundef %pb, i64 noundef %n)
; CHECK:         call void @combine(ptr noundef %[[PA]], ptr noundef %[[PB]])
; CHECK:       exit:
; CHECK-NEXT:    %{{h2s.heap[0-9]*}} = icmp ne ptr %[[PA]], %[[A]]
; CHECK:         call void @free(ptr noundef %[[PA]])
; CHECK:         %{{h2s.heap[0-9]*}} = icmp ne ptr %[[PB]], %[[B]]
; CHECK:         call void @free(ptr noundef %[[PB]])
;
entry:
  %a = call noalias ptr @malloc(i64 noundef 16)
  %b = call noalias ptr @malloc(i64 noundef 16)
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %pa = phi ptr [ %a, %entry ], [ %pa.grown, %loop ]
  %pb = phi ptr [ %b, %entry ], [ %pb.grown, %loop ]
  %pa.grown = call ptr @realloc(ptr noundef %pa, i64 noundef %n)
  call void @combine(ptr noundef %pb, ptr noundef %pa.grown)
  %pb.grown = call ptr @realloc(ptr noundef %pb, i64 noundef %n)
  call void @combine(ptr noundef %pa.grown, ptr noundef %pb.grown)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %count
  br i1 %more, label %loop, label %exit

exit:
  call void @free(ptr noundef %pa.grown)
  call void @free(ptr noundef %pb.grown)
  ret void
}

; Double buffering through realloc: %front and %back swap each iteration,
; and %back is resized while %front is read.  The realloc's old pointer may
; be either site's block, and guard.c tells the slot from the heap by one
; slot only, so both blocks stay, and so does the realloc.  (Reading a
; block after a realloc of it succeeded is a use after free; here the block
; read is always the other one.)
define void @swapped_buffers_one_realloced(i64 %count, i64 %n) {
; CHECK-LABEL: @swapped_buffers_one_realloced(
; CHECK-NOT:     alloca
; CHECK:         %a = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %b = call noalias ptr @malloc(i64 noundef 16)
; CHECK:       loop:
; CHECK:         %back.grown = call ptr @realloc(ptr noundef %back, i64 noundef %n)
; CHECK-NEXT:    call void @combine(ptr noundef %front, ptr noundef %back.grown)
; CHECK:       exit:
; CHECK-NEXT:    call void @free(ptr noundef %front)
; CHECK-NEXT:    call void @free(ptr noundef %back.grown)
;
entry:
  %a = call noalias ptr @malloc(i64 noundef 16)
  %b = call noalias ptr @malloc(i64 noundef 16)
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %front = phi ptr [ %a, %entry ], [ %back.grown, %loop ]
  %back = phi ptr [ %b, %entry ], [ %front, %loop ]
  %back.grown = call ptr @realloc(ptr noundef %back, i64 noundef %n)
  call void @combine(ptr noundef %front, ptr noundef %back.grown)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %count
  br i1 %more, label %loop, label %exit

exit:
  call void @free(ptr noundef %front)
  call void @free(ptr noundef %back.grown)
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: a block may still be in use when the next one is allocated
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to a 128-byte stack slot, in which it grows while it fits
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to a 128-byte stack slot, in which it grows while it fits
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to a 128-byte stack slot, in which it grows while it fits
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to a 128-byte stack slot, in which it grows while it fits
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'realloc' may resize another block too
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'realloc' may resize another block too
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'realloc' resizes the 'malloc' block, which stays on the heap
; REMARK-NOT:  remark

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare noalias noundef ptr @realloc(ptr allocptr noundef nocapture, i64 noundef) #2

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { nofree nounwind }
