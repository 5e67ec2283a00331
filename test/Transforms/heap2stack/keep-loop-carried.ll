; A block allocated in a loop whose pointer is still in use (through a phi)
; after the next iteration allocates again would share its one slot with the
; new block: it stays on the heap, with the LoopCarried remark.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @combine(ptr noundef readonly nocapture, ptr noundef nocapture) #2

define void @previous_block_read_after_next_allocation(i64 %n) {
; CHECK-LABEL: @previous_block_read_after_next_allocation(
; CHECK-NOT:     alloca
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
; CHECK-NEXT:    %prev = phi ptr [ null, %entry ], [ %cur, %loop ]
; CHECK-NEXT:    %cur = call noalias ptr @malloc(i64 noundef 32)
; CHECK-NEXT:    call void @combine(ptr noundef %prev, ptr noundef %cur)
; CHECK-NEXT:    call void @free(ptr noundef %prev)
;
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %prev = phi ptr [ null, %entry ], [ %cur, %loop ]
  %cur = call noalias ptr @malloc(i64 noundef 32)
  call void @combine(ptr noundef %prev, ptr noundef %cur)
  call void @free(ptr noundef %prev)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  call void @free(ptr noundef %cur)
  ret void
}

; The stale pointer is only used in a later block of the next iteration.
define void @previous_block_used_in_later_block(i64 %n) {
; CHECK-LABEL: @previous_block_used_in_later_block(
; CHECK-NOT:     alloca
; CHECK:         %cur = call noalias ptr @malloc(i64 noundef 32)
; CHECK:         call void @combine(ptr noundef %prev, ptr noundef %cur)
;
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %latch ]
  %prev = phi ptr [ null, %entry ], [ %cur, %latch ]
  %cur = call noalias ptr @malloc(i64 noundef 32)
  br label %latch

latch:
  call void @combine(ptr noundef %prev, ptr noundef %cur)
  call void @free(ptr noundef %prev)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  call void @free(ptr noundef %cur)
  ret void
}

; Comparing the new block with the previous one needs both addresses.
define i1 @previous_block_compared_with_next(i64 %n) {
; CHECK-LABEL: @previous_block_compared_with_next(
; CHECK-NOT:     alloca
; CHECK:         %cur = call noalias ptr @malloc(i64 noundef 32)
; CHECK-NEXT:    %same = icmp eq ptr %prev, %cur
;
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %prev = phi ptr [ null, %entry ], [ %cur, %loop ]
  %cur = call noalias ptr @malloc(i64 noundef 32)
  %same = icmp eq ptr %prev, %cur
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  ret i1 %same
}

; REMARK:      remark: <unknown>:0:0: not promoted: a block may still be in use when the next one is allocated
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: a block may still be in use when the next one is allocated
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: a block may still be in use when the next one is allocated

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nofree nounwind }
