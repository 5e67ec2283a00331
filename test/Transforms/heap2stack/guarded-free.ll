; A free that may receive a heap block of a promoted site (here: a guarded
; site's) frees only what is not a slot: if (p != slot) free(p), the skip
; marked likely.  A free that may release the blocks of several sites
; compares with each of their slots; one whose every block is a constant
; or bounded slot is deleted.  Null reaches free(NULL), which does
; nothing, as before.  delete[] is guarded as free is.  A free shared with
; a block that stays on the heap keeps every site it frees there.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@escaped = global ptr null, align 8

define void @direct_free(i64 %n) {
; CHECK-LABEL: @direct_free(
; CHECK:         %h2s.block = phi ptr [ %h2s.slot, %h2s.stack ], [ %buf, %{{.*}} ]
; CHECK-NEXT:    store i8 1, ptr %h2s.block, align 1
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    %h2s.heap = icmp ne ptr %h2s.block, %h2s.slot
; CHECK-NEXT:    br i1 %h2s.heap, label %[[FREE:h2s.cont[0-9]*]], label %[[REST:h2s.cont[0-9]*]], !prof ![[UNLIKELY:[0-9]+]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr noundef %h2s.block)
; CHECK-NEXT:    br label %[[REST]]
; CHECK:       [[REST]]:
; CHECK-NEXT:    ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef %n)
  store i8 1, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

; if (p) free(p) as SimplifyCFG leaves it: one free of a phi of the block
; and null.  The phi may be null, so the free ends no lifetime.
define void @free_of_block_or_null(i64 %n, i1 %want) {
; CHECK-LABEL: @free_of_block_or_null(
; CHECK-NOT:     @llvm.lifetime.end
; CHECK:       join:
; CHECK-NEXT:    %p = phi ptr [ %h2s.block, %{{.*}} ], [ null, %entry ]
; CHECK-NEXT:    %h2s.heap = icmp ne ptr %p, %h2s.slot
; CHECK-NEXT:    br i1 %h2s.heap, label %[[FREE:h2s.cont[0-9]*]], label %{{h2s.cont[0-9]*}}, !prof ![[UNLIKELY]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr noundef %p)
; CHECK-NOT:     @llvm.lifetime.end
; CHECK:         ret void
;
entry:
  br i1 %want, label %make, label %join

make:
  %buf = call noalias ptr @malloc(i64 noundef %n)
  store i8 1, ptr %buf, align 1
  br label %join

join:
  %p = phi ptr [ %buf, %make ], [ null, %entry ]
  call void @free(ptr noundef %p)
  ret void
}

; The null test kept in front of the free: the free takes the block itself.
define void @free_after_null_test(i64 %n) {
; CHECK-LABEL: @free_after_null_test(
; CHECK:         %isnull = icmp eq ptr %h2s.block, null
; CHECK-NEXT:    br i1 %isnull, label %done, label %use
; CHECK:       use:
; CHECK-NEXT:    store i8 1, ptr %h2s.block, align 1
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    %h2s.heap = icmp ne ptr %h2s.block, %h2s.slot
; CHECK-NEXT:    br i1 %h2s.heap, label %[[FREE:h2s.cont[0-9]*]], label %{{h2s.cont[0-9]*}}, !prof ![[UNLIKELY]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr noundef %h2s.block)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef %n)
  %isnull = icmp eq ptr %buf, null
  br i1 %isnull, label %done, label %use

use:
  store i8 1, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  br label %done

done:
  ret void
}

; Both branches' frees sunk into one free of a phi: it frees what is
; neither slot.
define void @free_of_phi_of_two_guarded_blocks(i1 %cond, i64 %n, i64 %m) {
; CHECK-LABEL: @free_of_phi_of_two_guarded_blocks(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[LEFT:h2s.slot[0-9]*]] = alloca [128 x i8], align 16
; CHECK-NEXT:    %[[RIGHT:h2s.slot[0-9]*]] = alloca [128 x i8], align 16
; CHECK-NOT:     @llvm.lifetime.end
; CHECK:       join:
; CHECK-NEXT:    %either = phi ptr [ %[[LBLOCK:h2s.block[0-9]*]], %{{.*}} ], [ %[[RBLOCK:h2s.block[0-9]*]], %{{.*}} ]
; CHECK-NEXT:    %[[NOTLEFT:h2s.heap[0-9]*]] = icmp ne ptr %either, %[[LEFT]]
; CHECK-NEXT:    %[[NOTRIGHT:h2s.heap[0-9]*]] = icmp ne ptr %either, %[[RIGHT]]
; CHECK-NEXT:    %[[NEITHER:h2s.heap[0-9]*]] = and i1 %[[NOTLEFT]], %[[NOTRIGHT]]
; CHECK-NEXT:    br i1 %[[NEITHER]], label %[[FREE:h2s.cont[0-9]*]], label %{{h2s.cont[0-9]*}}, !prof ![[UNLIKELY]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr noundef %either)
; CHECK-NOT:     @llvm.lifetime.end
; CHECK:         ret void
;
entry:
  br i1 %cond, label %then, label %else

then:
  %left = call noalias ptr @malloc(i64 noundef %n)
  store i8 1, ptr %left, align 1
  br label %join

else:
  %right = call noalias ptr @malloc(i64 noundef %m)
  store i8 2, ptr %right, align 1
  br label %join

join:
  %either = phi ptr [ %left, %then ], [ %right, %else ]
  call void @free(ptr noundef %either)
  ret void
}

; A constant-size block never reaches the heap, but the guarded one may:
; the free stays, and skips both slots.
define void @free_shared_by_constant_and_guarded(i1 %cond, i64 %n) {
; CHECK-LABEL: @free_shared_by_constant_and_guarded(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[FIXED:h2s.slot[0-9]*]] = alloca [32 x i8], align 16
; CHECK-NEXT:    %[[SIZED:h2s.slot[0-9]*]] = alloca [128 x i8], align 16
; CHECK:         %either = select i1 %cond, ptr %[[FIXED]], ptr %h2s.block
; CHECK-NEXT:    %[[NOTFIXED:h2s.heap[0-9]*]] = icmp ne ptr %either, %[[FIXED]]
; CHECK-NEXT:    %[[NOTSIZED:h2s.heap[0-9]*]] = icmp ne ptr %either, %[[SIZED]]
; CHECK-NEXT:    %[[NEITHER:h2s.heap[0-9]*]] = and i1 %[[NOTFIXED]], %[[NOTSIZED]]
; CHECK-NEXT:    br i1 %[[NEITHER]], label %[[FREE:h2s.cont[0-9]*]], label %{{h2s.cont[0-9]*}}, !prof ![[UNLIKELY]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr noundef %either)
;
entry:
  %fixed = call noalias ptr @malloc(i64 noundef 32)
  %sized = call noalias ptr @malloc(i64 noundef %n)
  store i8 1, ptr %fixed, align 1
  store i8 2, ptr %sized, align 1
  %either = select i1 %cond, ptr %fixed, ptr %sized
  call void @free(ptr noundef %either)
  ret void
}

; Two constant-size blocks: the shared free frees no heap block, so it is
; deleted, and nothing compares with the slots.
define void @free_shared_by_two_constant_blocks(i1 %cond) {
; CHECK-LABEL: @free_shared_by_two_constant_blocks(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[FIRST:h2s.slot[0-9]*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    %[[SECOND:h2s.slot[0-9]*]] = alloca [32 x i8], align 16
; CHECK-NOT:     icmp
; CHECK-NOT:     @free
; CHECK:         %either = select i1 %cond, ptr %[[FIRST]], ptr %[[SECOND]]
; CHECK-NEXT:    ret void
;
entry:
  %first = call noalias ptr @malloc(i64 noundef 16)
  %second = call noalias ptr @malloc(i64 noundef 32)
  store i8 1, ptr %first, align 1
  store i8 2, ptr %second, align 1
  %either = select i1 %cond, ptr %first, ptr %second
  call void @free(ptr noundef %either)
  ret void
}

; The partner escapes, so the shared free must stay as it is, and the
; guarded site stays with it.
define void @free_shared_with_escaping_block(i1 %cond, i64 %n) {
; CHECK-LABEL: @free_shared_with_escaping_block(
; CHECK-NOT:     alloca
; CHECK:         %sized = call noalias ptr @malloc(i64 noundef %n)
; CHECK:         %leaked = call noalias ptr @malloc(i64 noundef 16)
; CHECK:         %either = phi ptr [ %sized, %then ], [ %leaked, %else ]
; CHECK-NEXT:    call void @free(ptr noundef %either)
; CHECK-NEXT:    ret void
;
entry:
  br i1 %cond, label %then, label %else

then:
  %sized = call noalias ptr @malloc(i64 noundef %n)
  store i8 1, ptr %sized, align 1
  br label %join

else:
  %leaked = call noalias ptr @malloc(i64 noundef 16)
  store ptr %leaked, ptr @escaped, align 8
  br label %join

join:
  %either = phi ptr [ %sized, %then ], [ %leaked, %else ]
  call void @free(ptr noundef %either)
  ret void
}

; delete[] of a guarded new[]: still a call, guarded like free.
define void @delete_array_of_guarded_new_array(i64 %n) {
; CHECK-LABEL: @delete_array_of_guarded_new_array(
; CHECK:         %arr = call noalias noundef nonnull ptr @_Znam(i64 noundef %n)
; CHECK:         %h2s.block = phi ptr [ %h2s.slot, %h2s.stack ], [ %arr, %{{.*}} ]
; CHECK-NEXT:    store i8 1, ptr %h2s.block, align 1
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    %h2s.heap = icmp ne ptr %h2s.block, %h2s.slot
; CHECK-NEXT:    br i1 %h2s.heap, label %[[FREE:h2s.cont[0-9]*]], label %{{h2s.cont[0-9]*}}, !prof ![[UNLIKELY]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @_ZdaPv(ptr noundef nonnull %h2s.block)
; CHECK-NOT:     invoke
;
entry:
  %arr = call noalias noundef nonnull ptr @_Znam(i64 noundef %n) #4
  store i8 1, ptr %arr, align 1
  call void @_ZdaPv(ptr noundef nonnull %arr) #5
  ret void
}

; CHECK: ![[UNLIKELY]] = !{!"branch_weights", i32 1, i32 {{[0-9]+}}}

; REMARK:      remark: <unknown>:0:0: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK-NEXT: remark: <unknown>:0:0: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK-NEXT: remark: <unknown>:0:0: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK-NEXT: remark: <unknown>:0:0: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK-NEXT: remark: <unknown>:0:0: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'free' also frees a block that stays on the heap
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory
; REMARK-NEXT: remark: <unknown>:0:0: moved '_Znam' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK-NOT:  remark

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare noundef nonnull ptr @_Znam(i64 noundef) #2
declare void @_ZdaPv(ptr noundef) #3

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nobuiltin allocsize(0) }
attributes #3 = { nobuiltin nounwind }
attributes #4 = { builtin allocsize(0) }
attributes #5 = { builtin nounwind }
