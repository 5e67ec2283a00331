; A block whose size is known only at run time and has no useful bound gets
; a guarded slot of guard-size bytes: the size is compared with the slot,
; the stack path (marked likely) starts the slot's lifetime, the original
; call is the heap path, and a phi merges the two.  aligned_alloc's slot
; has the requested alignment.  guard-size=N changes the slot.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup;guard-size=64>' -S < %s | FileCheck %s --check-prefix=SIXTYFOUR
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i8 @malloc_runtime_size(i64 %n) {
; CHECK-LABEL: @malloc_runtime_size(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 16
; CHECK-NEXT:    %h2s.fits = icmp ule i64 %n, 128
; CHECK-NEXT:    br i1 %h2s.fits, label %h2s.stack, label %[[HEAP:.*]], !prof ![[LIKELY:[0-9]+]]
; CHECK:       h2s.stack:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    br label %[[JOIN:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef %n)
; CHECK-NEXT:    br label %[[JOIN]]
; CHECK:       [[JOIN]]:
; CHECK-NEXT:    %h2s.block = phi ptr [ %h2s.slot, %h2s.stack ], [ %buf, %[[HEAP]] ]
; CHECK-NEXT:    store i8 1, ptr %h2s.block, align 1
; CHECK-NEXT:    %v = load i8, ptr %h2s.block, align 1
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    %h2s.heap = icmp ne ptr %h2s.block, %h2s.slot
; CHECK-NEXT:    br i1 %h2s.heap, label %[[FREE:.*]], label %[[REST:.*]], !prof ![[UNLIKELY:[0-9]+]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr noundef %h2s.block)
; CHECK-NEXT:    br label %[[REST]]
; CHECK:       [[REST]]:
; CHECK-NEXT:    ret i8 %v
;
; SIXTYFOUR-LABEL: @malloc_runtime_size(
; SIXTYFOUR:         %h2s.slot = alloca [64 x i8], align 16
; SIXTYFOUR-NEXT:    %h2s.fits = icmp ule i64 %n, 64
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef %n)
  store i8 1, ptr %buf, align 1
  %v = load i8, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret i8 %v
}

define i8 @aligned_alloc_runtime_size(i64 %n) {
; CHECK-LABEL: @aligned_alloc_runtime_size(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 64
; CHECK-NEXT:    %h2s.fits = icmp ule i64 %n, 128
; CHECK:         %buf = call noalias ptr @aligned_alloc(i64 noundef 64, i64 noundef %n)
;
entry:
  %buf = call noalias ptr @aligned_alloc(i64 noundef 64, i64 noundef %n)
  store i8 1, ptr %buf, align 64
  %v = load i8, ptr %buf, align 64
  call void @free(ptr noundef %buf)
  ret i8 %v
}

; A block that escapes is not guarded: nothing changes.
define ptr @runtime_size_returned(i64 %n) {
; CHECK-LABEL: @runtime_size_returned(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef %n)
; CHECK-NEXT:    ret ptr %buf
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef %n)
  ret ptr %buf
}

; CHECK: ![[LIKELY]] = !{!"branch_weights", i32 [[BIG:[0-9]+]], i32 1}
; CHECK: ![[UNLIKELY]] = !{!"branch_weights", i32 1, i32 [[BIG]]}

; REMARK:      remark: <unknown>:0:0: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK-NEXT: remark: <unknown>:0:0: moved 'aligned_alloc' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: returned from the function

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare noalias noundef ptr @aligned_alloc(i64 allocalign noundef, i64 noundef) #2

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized,aligned") allocsize(1) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
