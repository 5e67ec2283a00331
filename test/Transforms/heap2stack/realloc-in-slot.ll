; realloc(p, n) of a promoted block resizes it where it lives: a block in
; the slot stays there while 1 <= n <= the slot's size (n - 1 < K), becomes
; null for n == 0 (glibc frees it), and otherwise moves to the heap through
; realloc(NULL, n) and a copy of the slot's K bytes, the slot left intact
; when that fails; a block already on the heap is the original realloc.
; An old pointer that may also be null is not the slot then, and takes the
; original realloc(NULL, n).  Every free that may receive the moved block
; frees it only when it is not the slot.  A block that escapes is left
; alone, and so is its realloc.  guard-size=16 keeps the slots of the
; 16-byte blocks at their size (realloc-room-to-grow.ll has the larger
; slot a grown block gets by default) and makes the guarded slot 16 bytes.
; RUN: opt -passes='heap2stack<no-cleanup;guard-size=16>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<guard-size=16>' -S < %s | FileCheck %s --check-prefix=CLEANUP
; RUN: opt -passes='heap2stack<no-cleanup;guard-size=16>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; The whole slot path, for a size known only at run time.
define i8 @grow_past_slot(i64 %n) {
; CHECK-LABEL: @grow_past_slot(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store i8 1, ptr %h2s.slot, align 1
; CHECK-NEXT:    %h2s.inslot = icmp eq ptr %h2s.slot, %h2s.slot
; CHECK-NEXT:    br i1 %h2s.inslot, label %h2s.resize, label %[[HEAP:h2s.cont[0-9]*]]
; CHECK:       h2s.resize:
; CHECK-NEXT:    %h2s.less = sub i64 %n, 1
; CHECK-NEXT:    %h2s.stays = icmp ult i64 %h2s.less, 16
; CHECK-NEXT:    br i1 %h2s.stays, label %[[JOIN:h2s.cont[0-9]*]], label %h2s.move, !prof ![[LIKELY:[0-9]+]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %grown = call ptr @realloc(ptr noundef %h2s.slot, i64 noundef %n)
; CHECK-NEXT:    br label %[[JOIN]]
; CHECK:       h2s.move:
; CHECK-NEXT:    %h2s.grows = icmp ne i64 %n, 0
; CHECK-NEXT:    br i1 %h2s.grows, label %h2s.grow, label %[[JOIN]]
; CHECK:       h2s.grow:
; CHECK-NEXT:    %h2s.moved = call ptr @realloc(ptr null, i64 %n)
; CHECK-NEXT:    %h2s.got = icmp ne ptr %h2s.moved, null
; CHECK-NEXT:    br i1 %h2s.got, label %h2s.copy, label %[[JOIN]]
; CHECK:       h2s.copy:
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 1 %h2s.moved, ptr align 16 %h2s.slot, i64 16, i1 false)
; CHECK-NEXT:    br label %[[JOIN]]
; CHECK:       [[JOIN]]:
; CHECK-NEXT:    %h2s.block = phi ptr [ %grown, %[[HEAP]] ], [ %h2s.slot, %h2s.resize ], [ null, %h2s.move ], [ %h2s.moved, %h2s.grow ], [ %h2s.moved, %h2s.copy ]
; CHECK-NEXT:    %v = load i8, ptr %h2s.block, align 1
; CHECK-NEXT:    %h2s.heap = icmp ne ptr %h2s.block, %h2s.slot
; CHECK-NEXT:    br i1 %h2s.heap, label %[[FREE:h2s.cont[0-9]*]], label %[[REST:h2s.cont[0-9]*]], !prof ![[UNLIKELY:[0-9]+]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr noundef %h2s.block)
; CHECK-NEXT:    br label %[[REST]]
; CHECK:       [[REST]]:
; CHECK-NEXT:    ret i8 %v
;
; CLEANUP-LABEL: @grow_past_slot(
; CLEANUP:         %h2s.stays = icmp ult i64 %h2s.less, 16
; CLEANUP:         %[[MOVED:.*]] = call ptr @malloc(i64 %n)
; CLEANUP:         call void @llvm.memcpy.p0.p0.i64({{.*}}%[[MOVED]], {{.*}}%h2s.slot, i64 16, i1 false)
; CLEANUP:         call void @free(ptr noundef %h2s.block)
; CLEANUP-NOT:     @realloc
; CLEANUP:         ret i8 %v
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  %grown = call ptr @realloc(ptr noundef %buf, i64 noundef %n)
  %v = load i8, ptr %grown, align 1
  call void @free(ptr noundef %grown)
  ret i8 %v
}

; A constant size past the slot: the slot path always moves the block.
define i8 @grow_past_slot_constant() {
; CHECK-LABEL: @grow_past_slot_constant(
; CHECK:       h2s.resize:
; CHECK-NEXT:    br i1 false, label %[[JOIN:h2s.cont[0-9]*]], label %h2s.move
; CHECK:       h2s.move:
; CHECK-NEXT:    br i1 true, label %h2s.grow, label %[[JOIN]]
; CHECK:       h2s.grow:
; CHECK-NEXT:    %h2s.moved = call ptr @realloc(ptr null, i64 64)
; CHECK:       h2s.copy:
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 1 %h2s.moved, ptr align 16 %h2s.slot, i64 16, i1 false)
;
; CLEANUP-LABEL: @grow_past_slot_constant(
; CLEANUP:         %[[MOVED:.*]] = call dereferenceable_or_null(64) ptr @malloc(i64 64)
; CLEANUP:         call void @llvm.memcpy.p0.p0.i64({{.*}}%[[MOVED]], {{.*}}%h2s.slot, i64 16, i1 false)
; CLEANUP:         call void @free(ptr noundef %[[MOVED]])
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  %grown = call ptr @realloc(ptr noundef %buf, i64 noundef 64)
  %v = load i8, ptr %grown, align 1
  call void @free(ptr noundef %grown)
  ret i8 %v
}

; A guarded block has its slot's 16 bytes to grow in: 12 bytes stay.
define i8 @grow_within_slot(i64 %n) {
; CHECK-LABEL: @grow_within_slot(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK:         %h2s.inslot = icmp eq ptr %h2s.block{{[0-9]*}}, %h2s.slot
; CHECK:       h2s.resize:
; CHECK-NEXT:    br i1 true, label %[[JOIN:h2s.cont[0-9]*]], label %h2s.move
; CHECK:         %grown = call ptr @realloc(ptr noundef %h2s.block{{[0-9]*}}, i64 noundef 12)
; CHECK:       h2s.grow:
; CHECK-NEXT:    %h2s.moved = call ptr @realloc(ptr null, i64 12)
; CHECK:       h2s.copy:
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 1 %h2s.moved, ptr align 16 %h2s.slot, i64 16, i1 false)
; CHECK:       [[JOIN]]:
; CHECK-NEXT:    %h2s.block = phi ptr [ %grown, %{{.*}} ], [ %h2s.slot, %h2s.resize ],
;
; CLEANUP-LABEL: @grow_within_slot(
; CLEANUP:         %h2s.inslot = icmp eq ptr %h2s.block{{[0-9]*}}, %h2s.slot
; CLEANUP-NEXT:    br i1 %h2s.inslot, label %[[JOIN:h2s.cont[0-9]*]], label %[[HEAP:h2s.cont[0-9]*]]
; CLEANUP:       [[HEAP]]:
; CLEANUP-NEXT:    %grown = call {{.*}}ptr @realloc(ptr noundef nonnull %h2s.block{{[0-9]*}}, i64 noundef 12)
; CLEANUP:       [[JOIN]]:
; CLEANUP-NEXT:    %h2s.block = phi ptr [ %grown, %[[HEAP]] ], [ %h2s.slot, %{{.*}} ]
; CLEANUP-NOT:     @malloc
; CLEANUP:         ret i8 %v
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef %n)
  store i8 1, ptr %buf, align 1
  %grown = call ptr @realloc(ptr noundef %buf, i64 noundef 12)
  %v = load i8, ptr %grown, align 1
  call void @free(ptr noundef %grown)
  ret i8 %v
}

; Shrinking, or keeping the size, stays in the slot; after cleanup nothing
; of the realloc or the free is left.
define i8 @shrink_in_slot() {
; CHECK-LABEL: @shrink_in_slot(
; CHECK:       h2s.resize:
; CHECK-NEXT:    br i1 true, label %[[JOIN:h2s.cont[0-9]*]], label %h2s.move
; CHECK:       [[JOIN]]:
; CHECK-NEXT:    %h2s.block = phi ptr [ %shrunk, %{{.*}} ], [ %h2s.slot, %h2s.resize ],
;
; CLEANUP-LABEL: @shrink_in_slot(
; CLEANUP-NEXT:  entry:
; CLEANUP-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CLEANUP-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr nonnull %h2s.slot)
; CLEANUP-NEXT:    store i8 1, ptr %h2s.slot, align 1
; CLEANUP-NEXT:    %v = load i8, ptr %h2s.slot, align 1
; CLEANUP-NEXT:    ret i8 %v
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  %shrunk = call ptr @realloc(ptr noundef %buf, i64 noundef 8)
  %v = load i8, ptr %shrunk, align 1
  call void @free(ptr noundef %shrunk)
  ret i8 %v
}

define i8 @same_size_in_slot() {
; CHECK-LABEL: @same_size_in_slot(
; CHECK:       h2s.resize:
; CHECK-NEXT:    br i1 true, label %[[JOIN:h2s.cont[0-9]*]], label %h2s.move
;
; CLEANUP-LABEL: @same_size_in_slot(
; CLEANUP-NOT:     @realloc
; CLEANUP-NOT:     @malloc
; CLEANUP-NOT:     @free
; CLEANUP:         ret i8 %v
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  %same = call ptr @realloc(ptr noundef %buf, i64 noundef 16)
  %v = load i8, ptr %same, align 1
  call void @free(ptr noundef %same)
  ret i8 %v
}

; realloc(p, 0) of a block in the slot is null, as glibc's is: neither the
; test n - 1 < K nor n != 0 holds, so the null from h2s.move reaches the
; phi; the realloc(NULL, 0) on h2s.grow is dead.
define void @resize_to_zero() {
; CHECK-LABEL: @resize_to_zero(
; CHECK:       h2s.resize:
; CHECK-NEXT:    br i1 false, label %[[JOIN:h2s.cont[0-9]*]], label %h2s.move
; CHECK:       h2s.move:
; CHECK-NEXT:    br i1 false, label %h2s.grow, label %[[JOIN]]
; CHECK:       [[JOIN]]:
; CHECK-NEXT:    %h2s.block = phi ptr [ %gone, %{{.*}} ], [ %h2s.slot, %h2s.resize ], [ null, %h2s.move ],
; CHECK-NEXT:    %h2s.heap = icmp ne ptr %h2s.block, %h2s.slot
;
; CLEANUP-LABEL: @resize_to_zero(
; CLEANUP-NEXT:  entry:
; CLEANUP-NEXT:    ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  %gone = call ptr @realloc(ptr noundef %buf, i64 noundef 0)
  call void @free(ptr noundef %gone)
  ret void
}

; The second realloc resizes the first one's result, which may be the slot
; or a heap block: it asks again, and only the free of its own result
; remains, guarded.
define i8 @realloc_chain(i64 %n, i64 %m) {
; CHECK-LABEL: @realloc_chain(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     alloca
; CHECK:         %h2s.inslot = icmp eq ptr %h2s.slot, %h2s.slot
; CHECK:         %grown = call ptr @realloc(ptr noundef %h2s.slot, i64 noundef %n)
; CHECK:         %h2s.moved = call ptr @realloc(ptr null, i64 %n)
; CHECK:         %h2s.block = phi ptr [ %grown, %{{.*}} ], [ %h2s.slot, %h2s.resize ], [ null, %h2s.move ], [ %h2s.moved, %h2s.grow ], [ %h2s.moved, %h2s.copy ]
; CHECK-NEXT:    store i8 2, ptr %h2s.block, align 1
; CHECK-NEXT:    %[[INSLOT:h2s.inslot[0-9]+]] = icmp eq ptr %h2s.block, %h2s.slot
; CHECK-NEXT:    br i1 %[[INSLOT]], label %[[RESIZE:h2s.resize[0-9]+]], label %[[HEAP:h2s.cont[0-9]+]]
; CHECK:       [[RESIZE]]:
; CHECK-NEXT:    %[[LESS:h2s.less[0-9]+]] = sub i64 %m, 1
; CHECK-NEXT:    %{{h2s.stays[0-9]+}} = icmp ult i64 %[[LESS]], 16
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %again = call ptr @realloc(ptr noundef %h2s.block, i64 noundef %m)
; CHECK:         %[[MOVED:h2s.moved[0-9]+]] = call ptr @realloc(ptr null, i64 %m)
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr align 1 %[[MOVED]], ptr align 16 %h2s.slot, i64 16, i1 false)
; CHECK:         %[[LAST:h2s.block[0-9]+]] = phi ptr [ %again, %[[HEAP]] ], [ %h2s.slot, %[[RESIZE]] ],
; CHECK-NEXT:    %v = load i8, ptr %[[LAST]], align 1
; CHECK-NEXT:    %h2s.heap = icmp ne ptr %[[LAST]], %h2s.slot
; CHECK-NEXT:    br i1 %h2s.heap, label %[[FREE:h2s.cont[0-9]*]], label %{{h2s.cont[0-9]*}}
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr noundef %[[LAST]])
; CHECK-NOT:     @free
; CHECK:         ret i8 %v
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  %grown = call ptr @realloc(ptr noundef %buf, i64 noundef %n)
  store i8 2, ptr %grown, align 1
  %again = call ptr @realloc(ptr noundef %grown, i64 noundef %m)
  %v = load i8, ptr %again, align 1
  call void @free(ptr noundef %again)
  ret i8 %v
}

; When realloc fails the program keeps the old block and frees it: that
; free surely frees the slot's block (lifetime.end before it), and is
; guarded like the free of the new block, since realloc may have failed on
; the heap path as well.
define i8 @failure_keeps_old_block(i64 %n) {
; CHECK-LABEL: @failure_keeps_old_block(
; CHECK:         %h2s.block = phi ptr [ %grown, %{{.*}} ], [ %h2s.slot, %h2s.resize ], [ null, %h2s.move ], [ %h2s.moved, %h2s.grow ], [ %h2s.moved, %h2s.copy ]
; CHECK-NEXT:    %failed = icmp eq ptr %h2s.block, null
; CHECK-NEXT:    br i1 %failed, label %keep, label %moved
; CHECK:       keep:
; CHECK-NEXT:    %old = load i8, ptr %h2s.slot, align 1
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    %[[KEEP:h2s.heap[0-9]*]] = icmp ne ptr %h2s.slot, %h2s.slot
; CHECK-NEXT:    br i1 %[[KEEP]], label %[[FREE_OLD:h2s.cont[0-9]*]], label %{{h2s.cont[0-9]*}}, !prof
; CHECK:       [[FREE_OLD]]:
; CHECK-NEXT:    call void @free(ptr noundef %h2s.slot)
; CHECK:       moved:
; CHECK-NEXT:    %new = load i8, ptr %h2s.block, align 1
; CHECK-NEXT:    %[[MOVED:h2s.heap[0-9]*]] = icmp ne ptr %h2s.block, %h2s.slot
; CHECK-NEXT:    br i1 %[[MOVED]], label %[[FREE_NEW:h2s.cont[0-9]*]], label %{{h2s.cont[0-9]*}}, !prof
; CHECK:       [[FREE_NEW]]:
; CHECK-NEXT:    call void @free(ptr noundef %h2s.block)
;
; CLEANUP-LABEL: @failure_keeps_old_block(
; CLEANUP:       keep:
; CLEANUP-NEXT:    %old = load i8, ptr %h2s.slot, align 1
; CLEANUP-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr nonnull %h2s.slot)
; CLEANUP-NEXT:    br label %done
; CLEANUP:       moved:
; CLEANUP:         call void @free(ptr noundef %h2s.block)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  %grown = call ptr @realloc(ptr noundef %buf, i64 noundef %n)
  %failed = icmp eq ptr %grown, null
  br i1 %failed, label %keep, label %moved

keep:
  %old = load i8, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  br label %done

moved:
  %new = load i8, ptr %grown, align 1
  call void @free(ptr noundef %grown)
  br label %done

done:
  %v = phi i8 [ %old, %keep ], [ %new, %moved ]
  ret i8 %v
}

; The old pointer is the block or null: a null one is not the slot, so it
; takes the original realloc(NULL, n), which allocates on the heap.
define void @realloc_of_block_or_null(i1 %make, i64 %n) {
; CHECK-LABEL: @realloc_of_block_or_null(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK:       join:
; CHECK-NEXT:    %old = phi ptr [ %h2s.slot, %fill ], [ null, %entry ]
; CHECK-NEXT:    %h2s.inslot = icmp eq ptr %old, %h2s.slot
; CHECK-NEXT:    br i1 %h2s.inslot, label %h2s.resize, label %[[HEAP:h2s.cont[0-9]*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %grown = call ptr @realloc(ptr noundef %old, i64 noundef %n)
; CHECK:         %h2s.block = phi ptr [ %grown, %[[HEAP]] ], [ %h2s.slot, %h2s.resize ],
; CHECK-NEXT:    store i8 2, ptr %h2s.block, align 1
; CHECK-NEXT:    %h2s.heap = icmp ne ptr %h2s.block, %h2s.slot
;
entry:
  br i1 %make, label %fill, label %join

fill:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  br label %join

join:
  %old = phi ptr [ %buf, %fill ], [ null, %entry ]
  %grown = call ptr @realloc(ptr noundef %old, i64 noundef %n)
  store i8 2, ptr %grown, align 1
  call void @free(ptr noundef %grown)
  ret void
}

; The resized block is returned: it escapes, and neither call changes.
define ptr @resized_block_escapes(i64 %n) {
; CHECK-LABEL: @resized_block_escapes(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store i8 1, ptr %buf, align 1
; CHECK-NEXT:    %grown = call ptr @realloc(ptr noundef %buf, i64 noundef %n)
; CHECK-NEXT:    ret ptr %grown
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  %grown = call ptr @realloc(ptr noundef %buf, i64 noundef %n)
  ret ptr %grown
}

; CHECK: ![[LIKELY]] = !{!"branch_weights", i32 [[BIG:[0-9]+]], i32 1}
; CHECK: ![[UNLIKELY]] = !{!"branch_weights", i32 1, i32 [[BIG]]}

; REMARK:      remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: moved 'malloc' block to a 16-byte stack slot when it fits, to the heap when larger
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: returned from the function
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'realloc' resizes the 'malloc' block, which stays on the heap
; REMARK-NOT:  remark

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare noalias noundef ptr @realloc(ptr allocptr noundef nocapture, i64 noundef) #2

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
