; With guarded slots off (guard-size=0), a block whose size is known only at
; run time and has no proven bound cannot get a slot: it stays on the heap
; with the DynamicSize remark.  The -mllvm option does the same.
; RUN: opt -passes='heap2stack<no-cleanup;guard-size=0>' -S < %s | FileCheck %s
; RUN: opt -heap2stack-guard-size=0 -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup;guard-size=0>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @malloc_runtime_size(i64 %n) {
; CHECK-LABEL: @malloc_runtime_size(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef %n)
; CHECK-NEXT:    store i8 0, ptr %buf, align 1
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef %n)
  store i8 0, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

define void @calloc_runtime_count(i64 %n) {
; CHECK-LABEL: @calloc_runtime_count(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @calloc(i64 noundef %n, i64 noundef 8)
; CHECK-NEXT:    store i8 0, ptr %buf, align 1
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @calloc(i64 noundef %n, i64 noundef 8)
  store i8 0, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

define void @new_runtime_size(i64 %n) {
; CHECK-LABEL: @new_runtime_size(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %arr = call noalias noundef nonnull ptr @_Znam(i64 noundef %n)
; CHECK-NEXT:    store i8 0, ptr %arr, align 1
; CHECK-NEXT:    call void @_ZdaPv(ptr noundef nonnull %arr)
;
entry:
  %arr = call noalias noundef nonnull ptr @_Znam(i64 noundef %n) #5
  store i8 0, ptr %arr, align 1
  call void @_ZdaPv(ptr noundef nonnull %arr) #6
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: size is known only at run time and guarded slots are off (guard-size=0)
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: size is known only at run time and guarded slots are off (guard-size=0)
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: size is known only at run time and guarded slots are off (guard-size=0)

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
declare noalias noundef ptr @calloc(i64 noundef, i64 noundef) #2
declare noundef nonnull ptr @_Znam(i64 noundef) #3
declare void @_ZdaPv(ptr noundef) #4
attributes #2 = { mustprogress nofree nounwind willreturn allockind("alloc,zeroed") allocsize(0,1) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { nobuiltin allocsize(0) }
attributes #4 = { nobuiltin nounwind }
attributes #5 = { builtin allocsize(0) }
attributes #6 = { builtin nounwind }
