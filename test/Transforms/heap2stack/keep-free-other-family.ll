; A block released by a deallocator of another family (malloc'd memory
; passed to operator delete, new'd memory passed to free) is kept: the call
; may not free it, so removing it could change the program.  A custom family
; pairs with its own deallocator only; an allocator without a family pairs
; with nothing.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @malloc_freed_by_delete() {
; CHECK-LABEL: @malloc_freed_by_delete(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = tail call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store i64 0, ptr %buf, align 8
; CHECK-NEXT:    tail call void @_ZdlPv(ptr noundef %buf)
;
entry:
  %buf = tail call noalias ptr @malloc(i64 noundef 16) #5
  store i64 0, ptr %buf, align 8
  tail call void @_ZdlPv(ptr noundef %buf) #7
  ret void
}

define void @new_freed_by_free() {
; CHECK-LABEL: @new_freed_by_free(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %obj = tail call noalias noundef nonnull dereferenceable(16) ptr @_Znwm(i64 noundef 16)
; CHECK-NEXT:    store i64 0, ptr %obj, align 8
; CHECK-NEXT:    tail call void @free(ptr noundef %obj)
;
entry:
  %obj = tail call noalias noundef nonnull dereferenceable(16) ptr @_Znwm(i64 noundef 16) #6
  store i64 0, ptr %obj, align 8
  tail call void @free(ptr noundef %obj) #8
  ret void
}

define void @pool_block_freed_by_pool_free() {
; CHECK-LABEL: @pool_block_freed_by_pool_free(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [48 x i8], align 16
; CHECK-NOT:     @pool_alloc
; CHECK-NOT:     @pool_free
; CHECK:         ret void
;
entry:
  %blk = call ptr @pool_alloc(i64 noundef 48)
  store i64 0, ptr %blk, align 8
  call void @pool_free(ptr noundef %blk)
  ret void
}

define void @pool_block_freed_by_free() {
; CHECK-LABEL: @pool_block_freed_by_free(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %blk = call ptr @pool_alloc(i64 noundef 48)
; CHECK-NEXT:    store i64 0, ptr %blk, align 8
; CHECK-NEXT:    call void @free(ptr noundef %blk)
;
entry:
  %blk = call ptr @pool_alloc(i64 noundef 48)
  store i64 0, ptr %blk, align 8
  call void @free(ptr noundef %blk)
  ret void
}

define void @familyless_block_freed() {
; CHECK-LABEL: @familyless_block_freed(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %blk = call ptr @anon_alloc(i64 noundef 48)
; CHECK-NEXT:    store i64 0, ptr %blk, align 8
; CHECK-NEXT:    call void @anon_free(ptr noundef %blk)
;
entry:
  %blk = call ptr @anon_alloc(i64 noundef 48)
  store i64 0, ptr %blk, align 8
  call void @anon_free(ptr noundef %blk)
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: freed by '_ZdlPv', which does not pair with 'malloc'
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: freed by 'free', which does not pair with '_Znwm'
; REMARK-NEXT: remark: <unknown>:0:0: moved 48-byte 'pool_alloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: freed by 'free', which does not pair with 'pool_alloc'
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: freed by 'anon_free', which does not pair with 'anon_alloc'

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare noundef nonnull ptr @_Znwm(i64 noundef) #2
declare void @_ZdlPv(ptr noundef) #3
declare noalias ptr @pool_alloc(i64) nocallback #9
declare void @pool_free(ptr allocptr nocapture) nocallback #10
declare noalias ptr @anon_alloc(i64) nocallback #11
declare void @anon_free(ptr allocptr nocapture) nocallback #12

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nobuiltin allocsize(0) }
attributes #3 = { nobuiltin nounwind }
attributes #5 = { nounwind allocsize(0) }
attributes #6 = { builtin allocsize(0) }
attributes #7 = { builtin nounwind }
attributes #8 = { nounwind }
attributes #9 = { nounwind allockind("alloc,uninitialized") allocsize(0) "alloc-family"="pool_alloc" }
attributes #10 = { nounwind allockind("free") "alloc-family"="pool_alloc" }
attributes #11 = { nounwind allockind("alloc,uninitialized") allocsize(0) }
attributes #12 = { nounwind allockind("free") }
