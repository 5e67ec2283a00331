; A realloc stays as it is, and so does the block it resizes, when the pass
; cannot tell the slot from the heap for it: the block is not an
; allocation site's (a parameter), the old pointer may be one of two sites'
; blocks, or the block comes from an allocator realloc does not pair with
; (new[]).  reallocarray resizes as realloc does: reallocarray-in-slot.ll.
; realloc(NULL, n) allocates: promote-realloc-of-null.ll.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @realloc_of_parameter(ptr %old) {
; CHECK-LABEL: @realloc_of_parameter(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %grown = call ptr @realloc(ptr noundef %old, i64 noundef 32)
; CHECK-NEXT:    store i8 0, ptr %grown, align 1
; CHECK-NEXT:    call void @free(ptr noundef %grown)
; CHECK-NEXT:    ret void
;
entry:
  %grown = call ptr @realloc(ptr noundef %old, i64 noundef 32)
  store i8 0, ptr %grown, align 1
  call void @free(ptr noundef %grown)
  ret void
}

; Either block may be resized, the other freed: guard.c could compare the
; old pointer with one slot only, so both blocks stay on the heap.
define void @realloc_of_phi_of_two_blocks(i1 %swap) {
; CHECK-LABEL: @realloc_of_phi_of_two_blocks(
; CHECK-NOT:     alloca
; CHECK:         %left = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %right = call noalias ptr @malloc(i64 noundef 32)
; CHECK:       join:
; CHECK-NEXT:    %resized = phi ptr [ %left, %then ], [ %right, %entry ]
; CHECK-NEXT:    %other = phi ptr [ %right, %then ], [ %left, %entry ]
; CHECK-NEXT:    %grown = call ptr @realloc(ptr noundef %resized, i64 noundef 64)
; CHECK-NEXT:    store i8 3, ptr %grown, align 1
; CHECK-NEXT:    call void @free(ptr noundef %grown)
; CHECK-NEXT:    call void @free(ptr noundef %other)
; CHECK-NEXT:    ret void
;
entry:
  %left = call noalias ptr @malloc(i64 noundef 16)
  %right = call noalias ptr @malloc(i64 noundef 32)
  store i8 1, ptr %left, align 1
  store i8 2, ptr %right, align 1
  br i1 %swap, label %then, label %join

then:
  br label %join

join:
  %resized = phi ptr [ %left, %then ], [ %right, %entry ]
  %other = phi ptr [ %right, %then ], [ %left, %entry ]
  %grown = call ptr @realloc(ptr noundef %resized, i64 noundef 64)
  store i8 3, ptr %grown, align 1
  call void @free(ptr noundef %grown)
  call void @free(ptr noundef %other)
  ret void
}

; realloc belongs to malloc's family, not to new[]'s: the mismatch is the
; realloc's, since delete[] pairs with new[].
define void @realloc_of_new_array() {
; CHECK-LABEL: @realloc_of_new_array(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %arr = call noalias noundef nonnull ptr @_Znam(i64 noundef 16)
; CHECK-NEXT:    store i8 1, ptr %arr, align 1
; CHECK-NEXT:    %grown = call ptr @realloc(ptr noundef %arr, i64 noundef 32)
; CHECK-NEXT:    store i8 2, ptr %grown, align 1
; CHECK-NEXT:    call void @_ZdaPv(ptr noundef %grown)
; CHECK-NEXT:    ret void
;
entry:
  %arr = call noalias noundef nonnull ptr @_Znam(i64 noundef 16) #6
  store i8 1, ptr %arr, align 1
  %grown = call ptr @realloc(ptr noundef %arr, i64 noundef 32)
  store i8 2, ptr %grown, align 1
  call void @_ZdaPv(ptr noundef %grown) #7
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: 'realloc' resizes an existing block
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'realloc' may resize another block too
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'realloc' may resize another block too
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'realloc' resizes the 'malloc' block, which stays on the heap
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: freed by 'realloc', which does not pair with '_Znam'
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'realloc' resizes the '_Znam' block, which stays on the heap
; REMARK-NOT:  remark

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare noalias noundef ptr @realloc(ptr allocptr noundef nocapture, i64 noundef) #2
declare noundef nonnull ptr @_Znam(i64 noundef) #4
declare void @_ZdaPv(ptr noundef) #5

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #4 = { nobuiltin allocsize(0) }
attributes #5 = { nobuiltin nounwind }
attributes #6 = { builtin allocsize(0) }
attributes #7 = { builtin nounwind }
