; An alignment larger than the per-block limit keeps the block on the heap:
; a 2^32-byte alignment (which once overflowed an unsigned and crashed the
; pass) is refused with its own remark, and the block stays a call to
; aligned_alloc.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @alignment_of_4_gib() {
; CHECK-LABEL: @alignment_of_4_gib(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = tail call noalias ptr @aligned_alloc(i64 noundef 4294967296, i64 noundef 16)
; CHECK-NEXT:    store i64 1, ptr %buf, align 8
; CHECK-NEXT:    tail call void @free(ptr noundef %buf)
;
entry:
  %buf = tail call noalias ptr @aligned_alloc(i64 noundef 4294967296, i64 noundef 16) #3
  store i64 1, ptr %buf, align 8
  tail call void @free(ptr noundef %buf) #4
  ret void
}

; REMARK: remark: <unknown>:0:0: not promoted: 4294967296-byte alignment exceeds the 1024-byte limit per block (max-size)

declare noalias noundef ptr @aligned_alloc(i64 allocalign noundef, i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized,aligned") allocsize(1) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { nounwind allocsize(1) }
attributes #4 = { nounwind }
