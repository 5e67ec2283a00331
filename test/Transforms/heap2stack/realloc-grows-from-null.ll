; buf = realloc(buf, cap) in a loop, with buf null before the first round,
; is a site of its own: a null buf starts the block in the slot when the
; size fits (as malloc would), a buf in the slot is resized in place or
; moved to the heap, and a heap buf is the original realloc.  The robust
; idiom, which frees the old buf when realloc fails, is promoted too.  A
; realloc that may also receive a block from elsewhere (a parameter)
; resizes an existing block and stays.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; for (i = 0; i < n; ++i) { if (len + 8 > cap) { cap = cap ? 2 * cap : 16;
;   grown = realloc(buf, cap); if (!grown) { free(buf); return 0; }
;   buf = grown; } buf[len] = 1; len += 6; }  free(buf);
define i8 @grows_from_null(i32 %n) {
; CHECK-LABEL: @grows_from_null(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 16
; CHECK:       grow:
; CHECK:         %cap.next = select i1 %first, i64 16, i64 %cap.twice
; CHECK-NEXT:    %h2s.inslot = icmp eq ptr %buf, %h2s.slot
; CHECK-NEXT:    br i1 %h2s.inslot, label %h2s.resize, label %h2s.fresh
; CHECK:       h2s.resize:
; CHECK-NEXT:    %h2s.less = sub i64 %cap.next, 1
; CHECK-NEXT:    %h2s.stays = icmp ult i64 %h2s.less, 128
; CHECK:       h2s.fresh:
; CHECK-NEXT:    %h2s.empty = icmp eq ptr %buf, null
; CHECK-NEXT:    %h2s.fits = icmp ule i64 %cap.next, 128
; CHECK-NEXT:    %h2s.starts = and i1 %h2s.empty, %h2s.fits
; CHECK-NEXT:    br i1 %h2s.starts, label %h2s.take, label %[[HEAP:.*]]
; CHECK:       h2s.take:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    br label %[[JOIN:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %grown = call ptr @realloc(ptr noundef %buf, i64 noundef %cap.next)
; CHECK-NEXT:    br label %[[JOIN]]
; CHECK:       h2s.grow:
; CHECK-NEXT:    %h2s.moved = call ptr @realloc(ptr null, i64 %cap.next)
; CHECK:       [[JOIN]]:
; CHECK-NEXT:    %h2s.block = phi ptr [ %grown, %[[HEAP]] ], [ %h2s.slot, %h2s.take ], [ %h2s.slot, %h2s.resize ], [ null, %h2s.move ], [ %h2s.moved, %h2s.grow ], [ %h2s.moved, %h2s.copy ]
; CHECK:       failed:
; CHECK-NEXT:    %h2s.heap{{[0-9]*}} = icmp ne ptr %buf, %h2s.slot
; CHECK:         call void @free(ptr noundef %buf)
; CHECK:       done:
; CHECK:         %h2s.heap{{[0-9]*}} = icmp ne ptr %last, %h2s.slot
; CHECK:         call void @free(ptr noundef %last)
;
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %append ]
  %buf = phi ptr [ null, %entry ], [ %cur, %append ]
  %cap = phi i64 [ 0, %entry ], [ %cap.now, %append ]
  %len = phi i64 [ 0, %entry ], [ %len.next, %append ]
  %need = add nuw nsw i64 %len, 8
  %full = icmp ugt i64 %need, %cap
  br i1 %full, label %grow, label %append

grow:
  %first = icmp eq i64 %cap, 0
  %cap.twice = shl i64 %cap, 1
  %cap.next = select i1 %first, i64 16, i64 %cap.twice
  %grown = call ptr @realloc(ptr noundef %buf, i64 noundef %cap.next)
  %lost = icmp eq ptr %grown, null
  br i1 %lost, label %failed, label %append

failed:
  call void @free(ptr noundef %buf)
  ret i8 0

append:
  %cur = phi ptr [ %buf, %loop ], [ %grown, %grow ]
  %cap.now = phi i64 [ %cap, %loop ], [ %cap.next, %grow ]
  %at = getelementptr inbounds i8, ptr %cur, i64 %len
  store i8 1, ptr %at, align 1
  %len.next = add nuw nsw i64 %len, 6
  %i.next = add nuw nsw i32 %i, 1
  %more = icmp slt i32 %i.next, %n
  br i1 %more, label %loop, label %done

done:
  %last = phi ptr [ %cur, %append ]
  %v = load i8, ptr %last, align 1
  call void @free(ptr noundef %last)
  ret i8 %v
}

; The old pointer is null or a block the caller handed over.
define i8 @grows_caller_block(ptr %given, i1 %fresh, i64 %n) {
; CHECK-LABEL: @grows_caller_block(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %old = select i1 %fresh, ptr null, ptr %given
; CHECK-NEXT:    %grown = call ptr @realloc(ptr noundef %old, i64 noundef %n)
; CHECK-NEXT:    %v = load i8, ptr %grown, align 1
; CHECK-NEXT:    call void @free(ptr noundef %grown)
;
entry:
  %old = select i1 %fresh, ptr null, ptr %given
  %grown = call ptr @realloc(ptr noundef %old, i64 noundef %n)
  %v = load i8, ptr %grown, align 1
  call void @free(ptr noundef %grown)
  ret i8 %v
}

; REMARK:      remark: <unknown>:0:0: moved 'realloc' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'realloc' resizes an existing block

declare void @free(ptr allocptr noundef nocapture) #1
declare noalias noundef ptr @realloc(ptr allocptr noundef nocapture, i64 noundef) #3

attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
