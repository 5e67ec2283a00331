; -stats prints heap2stack's counters at exit, on release builds of LLVM
; too: sites promoted, bytes moved to the stack, sites kept on the heap,
; and the promoted sites whose blocks may still reach the heap (guarded).
; RUN: opt -passes=heap2stack -stats -disable-output < %s 2>&1 | FileCheck %s --check-prefix=STATS

; STATS:      ... heap2stack Statistics Collected ...
; STATS:             3 heap2stack - Number of heap allocations moved to the stack
; STATS-NEXT:      208 heap2stack - Number of bytes moved from the heap to the stack
; STATS-NEXT:        1 heap2stack - Number of heap allocations kept on the heap
; STATS-NEXT:        1 heap2stack - Number of moved allocations that take the heap when larger than their slot

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@saved = global ptr null, align 8

define void @one_guarded(i64 %n) {
entry:
  %sized = call noalias ptr @malloc(i64 noundef %n)
  store i8 1, ptr %sized, align 1
  call void @free(ptr noundef %sized)
  ret void
}

define void @two_promoted_one_kept() {
entry:
  %small = call noalias ptr @malloc(i64 noundef 16)
  %large = call noalias ptr @malloc(i64 noundef 64)
  %kept = call noalias ptr @malloc(i64 noundef 8)
  store i8 1, ptr %small, align 1
  store i8 2, ptr %large, align 1
  store ptr %kept, ptr @saved, align 8
  call void @free(ptr noundef %small)
  call void @free(ptr noundef %large)
  ret void
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
