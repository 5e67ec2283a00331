; Blocks up to max-size (1024 bytes by default) are promoted; one byte more
; stays on the heap with the TooLarge remark, whatever the allocator.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @block_of_1024_bytes() {
; CHECK-LABEL: @block_of_1024_bytes(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [1024 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 1024)
  store i8 0, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

define void @block_of_1025_bytes() {
; CHECK-LABEL: @block_of_1025_bytes(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 1025)
; CHECK-NEXT:    store i8 0, ptr %buf, align 1
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 1025)
  store i8 0, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

define void @calloc_of_1025_bytes() {
; CHECK-LABEL: @calloc_of_1025_bytes(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @calloc(i64 noundef 1025, i64 noundef 1)
; CHECK-NOT:     alloca
; CHECK:         call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @calloc(i64 noundef 1025, i64 noundef 1)
  store i8 0, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

define void @huge_block() {
; CHECK-LABEL: @huge_block(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 1099511627776)
; CHECK-NOT:     alloca
; CHECK:         call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 1099511627776)
  store i8 0, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 1024-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: a 1025-byte block exceeds the 1024-byte limit per block (max-size)
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: a 1025-byte block exceeds the 1024-byte limit per block (max-size)
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: a 1099511627776-byte block exceeds the 1024-byte limit per block (max-size)

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
declare noalias noundef ptr @calloc(i64 noundef, i64 noundef) #3
attributes #3 = { mustprogress nofree nounwind willreturn allockind("alloc,zeroed") allocsize(0,1) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
