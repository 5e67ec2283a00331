; A block allocated in a loop and still used after the loop, never freed,
; is promoted: only the last iteration's block is reachable after the loop,
; and the earlier ones are dead when the slot is reused.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @process(ptr noundef nocapture, i64 noundef) nocallback #2

define i32 @last_block_used_after_loop(i64 %n) {
; CHECK-LABEL: @last_block_used_after_loop(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @process(ptr noundef %h2s.slot, i64 noundef %i)
; CHECK:       exit:
; CHECK-NEXT:    %last = phi ptr [ %h2s.slot, %loop ]
; CHECK-NEXT:    %val = load i32, ptr %last, align 4
; CHECK-NOT:     @malloc
; CHECK:         ret i32 %val
;
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %buf = call noalias ptr @malloc(i64 noundef 16)
  call void @process(ptr noundef %buf, i64 noundef %i)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  %last = phi ptr [ %buf, %loop ]
  %val = load i32, ptr %last, align 4
  ret i32 %val
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nofree nounwind }
