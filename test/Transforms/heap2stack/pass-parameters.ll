; heap2stack<max-size=N;frame-budget=N;recursive-budget=N;max-uses=N> move
; the policy's boundaries: the same functions are promoted or kept depending
; on the parameters (defaults: 1024, 2048, 0, 2000).  By default a function
; that may recurse is split (room guards) and its slots count against the
; frame budget; recursive-budget gives it static slots with no-room.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s --check-prefix=DEFAULT
; RUN: opt -passes='heap2stack<no-cleanup;max-size=16>' -S < %s | FileCheck %s --check-prefix=SMALL
; RUN: opt -passes='heap2stack<no-cleanup;max-size=4096;frame-budget=4096>' -S < %s | FileCheck %s --check-prefix=LARGE
; RUN: opt -passes='heap2stack<no-cleanup;frame-budget=1024>' -S < %s | FileCheck %s --check-prefix=TIGHT
; RUN: opt -passes='heap2stack<no-cleanup;no-room;recursive-budget=64>' -S < %s | FileCheck %s --check-prefix=RECURSIVE
; RUN: opt -passes='heap2stack<no-cleanup;max-uses=3>' -S < %s | FileCheck %s --check-prefix=FEWUSES

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @block_of_17_bytes() {
; DEFAULT-LABEL: @block_of_17_bytes(
; DEFAULT:         alloca [17 x i8], align 16
; DEFAULT-NOT:     call noalias ptr @malloc
; SMALL-LABEL:   @block_of_17_bytes(
; SMALL-NOT:       alloca
; SMALL:           %buf = call noalias ptr @malloc(i64 noundef 17)
; FEWUSES-LABEL: @block_of_17_bytes(
; FEWUSES:         alloca [17 x i8], align 16
; RECURSIVE-LABEL: @block_of_17_bytes(
; RECURSIVE:       alloca [17 x i8], align 16
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 17)
  store i8 0, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

define void @block_of_3000_bytes() {
; DEFAULT-LABEL: @block_of_3000_bytes(
; DEFAULT-NOT:     alloca
; DEFAULT:         %buf = call noalias ptr @malloc(i64 noundef 3000)
; LARGE-LABEL:   @block_of_3000_bytes(
; LARGE:           alloca [3000 x i8], align 16
; LARGE-NOT:       call noalias ptr @malloc
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 3000)
  store i8 0, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

define void @two_blocks_of_1024_bytes() {
; DEFAULT-LABEL: @two_blocks_of_1024_bytes(
; DEFAULT-COUNT-2: alloca [1024 x i8], align 16
; DEFAULT-NOT:     call noalias ptr @malloc
; LARGE-LABEL:   @two_blocks_of_1024_bytes(
; LARGE-COUNT-2:   alloca [1024 x i8], align 16
; TIGHT-LABEL:   @two_blocks_of_1024_bytes(
; TIGHT:           %h2s.slot = alloca [1024 x i8], align 16
; TIGHT-NOT:       alloca
; TIGHT:           %second = call noalias ptr @malloc(i64 noundef 1024)
;
entry:
  %first = call noalias ptr @malloc(i64 noundef 1024)
  %second = call noalias ptr @malloc(i64 noundef 1024)
  store i8 1, ptr %first, align 1
  store i8 2, ptr %second, align 1
  call void @free(ptr noundef %first)
  call void @free(ptr noundef %second)
  ret void
}

define void @recursive_with_small_block(i32 %depth) {
; DEFAULT-LABEL:   define void @recursive_with_small_block(
; DEFAULT:           musttail call void @recursive_with_small_block.h2s.room(i32 %depth)
; DEFAULT-LABEL:   define internal void @recursive_with_small_block.h2s.room(
; DEFAULT:           alloca [32 x i8], align 16
; DEFAULT-LABEL:   define internal void @recursive_with_small_block.h2s.plain(
; DEFAULT-NOT:       alloca
; DEFAULT:           %buf = call noalias ptr @malloc(i64 noundef 32)
; RECURSIVE-LABEL: @recursive_with_small_block(
; RECURSIVE:         alloca [32 x i8], align 16
; RECURSIVE-NOT:     call noalias ptr @malloc
; RECURSIVE:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i32 %depth, ptr %buf, align 4
  %more = icmp sgt i32 %depth, 0
  br i1 %more, label %recurse, label %done

recurse:
  %next = sub i32 %depth, 1
  call void @recursive_with_small_block(i32 %next)
  br label %done

done:
  call void @free(ptr noundef %buf)
  ret void
}

define void @block_with_four_uses() {
; DEFAULT-LABEL: @block_with_four_uses(
; DEFAULT:         alloca [16 x i8], align 16
; FEWUSES-LABEL: @block_with_four_uses(
; FEWUSES-NOT:     alloca
; FEWUSES:         %buf = call noalias ptr @malloc(i64 noundef 16)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  store i8 2, ptr %buf, align 1
  store i8 3, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
