; valloc and pvalloc promise page-aligned memory, which a stack slot aligned
; to 16 bytes would not honour: they stay on the heap with the PageAligned
; remark.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @valloc_kept() {
; CHECK-LABEL: @valloc_kept(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %page = call noalias ptr @valloc(i64 noundef 64)
; CHECK-NEXT:    store i8 0, ptr %page, align 1
; CHECK-NEXT:    call void @free(ptr noundef %page)
;
entry:
  %page = call noalias ptr @valloc(i64 noundef 64)
  store i8 0, ptr %page, align 1
  call void @free(ptr noundef %page)
  ret void
}

define void @pvalloc_kept() {
; CHECK-LABEL: @pvalloc_kept(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %page = call noalias ptr @pvalloc(i64 noundef 16)
; CHECK-NEXT:    store i8 0, ptr %page, align 1
; CHECK-NEXT:    call void @free(ptr noundef %page)
;
entry:
  %page = call noalias ptr @pvalloc(i64 noundef 16)
  store i8 0, ptr %page, align 1
  call void @free(ptr noundef %page)
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: 'valloc' returns page-aligned memory
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'pvalloc' returns page-aligned memory

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
declare noalias noundef ptr @valloc(i64 noundef) #0
declare noalias noundef ptr @pvalloc(i64 noundef) #2
attributes #2 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
