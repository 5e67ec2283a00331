; A guarded block (its size known only at run time) may be a heap block
; when it reaches the call of its free wrapper: the call calls the wrapper
; itself for a heap block and the wrapper's copy, which does not free it,
; for the slot; a result of the call is the phi of the two.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define internal i32 @finish(ptr %s) {
entry:
  %c = load i8, ptr %s, align 1
  %r = zext i8 %c to i32
  call void @free(ptr %s)
  ret i32 %r
}

define i32 @guarded_block_freed_by_wrapper(i64 %n) {
; CHECK-LABEL: @guarded_block_freed_by_wrapper(
; CHECK:         %h2s.slot = alloca [128 x i8], align 16
; CHECK:         [[BLOCK:%h2s.block.*]] = phi ptr [ %h2s.slot, %h2s.stack ], [ %s, %{{.*}} ]
; CHECK-NEXT:    store i8 7, ptr [[BLOCK]], align 1
; CHECK-NEXT:    %h2s.heap = icmp ne ptr [[BLOCK]], %h2s.slot
; CHECK-NEXT:    br i1 %h2s.heap, label %[[RELEASE:.*]], label %[[SLOT:.*]], !prof
; CHECK:       [[RELEASE]]:
; CHECK-NEXT:    %r = call i32 @finish(ptr [[BLOCK]])
; CHECK-NEXT:    br label %[[REST:.*]]
; CHECK:       [[SLOT]]:
; CHECK-NEXT:    %h2s.nofree = call i32 @finish.h2s.nofree0(ptr [[BLOCK]])
; CHECK-NEXT:    br label %[[REST]]
; CHECK:       [[REST]]:
; CHECK-NEXT:    %h2s.result = phi i32 [ %r, %[[RELEASE]] ], [ %h2s.nofree, %[[SLOT]] ]
; CHECK-NEXT:    ret i32 %h2s.result
;
entry:
  %s = call noalias ptr @malloc(i64 noundef %n)
  store i8 7, ptr %s, align 1
  %r = call i32 @finish(ptr %s)
  ret i32 %r
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

; REMARK: remark: <unknown>:0:0: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger; 'finish' frees it, and is called as a copy that does not
