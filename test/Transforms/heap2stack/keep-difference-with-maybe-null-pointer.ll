; p - q of two pointers into the block cancels the block's address, but a
; string search may return null, and a phi or select may pick null or a
; pointer into another block, and then the difference holds an address
; (offsets.c).  Such a difference is refused as "converted to an integer"
; where it may be used while the pointer is null; it is fine where a
; dominating test, a select on the pointer's nullness (as LLVM speculates
; the difference out of the test) or a phi's edge taken only when the
; pointer is not null rules null out, through the arithmetic that turns a
; byte difference into an index (trunc, sdiv).
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global i64 0

; strchr found nothing: the difference is the block's address.
define void @unchecked_search(ptr %s) {
; CHECK-LABEL: @unchecked_search(
; CHECK: call noalias ptr @malloc(i64 16)
; CHECK-NOT: alloca
  %a = call noalias ptr @malloc(i64 16)
  call void @fill(ptr %a)
  %z = call ptr @strchr(ptr %a, i32 122)
  %at = ptrtoint ptr %a to i64
  %zi = ptrtoint ptr %z to i64
  %d = sub i64 %at, %zi
  store i64 %d, ptr @g
  ret void
}

; A loop may replace the pointer with null.
define void @phi_with_null(i1 %c) {
; CHECK-LABEL: @phi_with_null(
; CHECK: call noalias ptr @malloc(i64 24)
; CHECK-NOT: alloca
entry:
  %a = call noalias ptr @malloc(i64 24)
  call void @fill(ptr %a)
  br i1 %c, label %drop, label %join
drop:
  br label %join
join:
  %p = phi ptr [ %a, %entry ], [ null, %drop ]
  %pi = ptrtoint ptr %p to i64
  %ai = ptrtoint ptr %a to i64
  %d = sub i64 %pi, %ai
  store i64 %d, ptr @g
  call void @free(ptr %a)
  ret void
}

; A select of this block and another: the difference is between blocks.
define void @select_of_two_blocks(i1 %c, ptr %other) {
; CHECK-LABEL: @select_of_two_blocks(
; CHECK: call noalias ptr @malloc(i64 32)
; CHECK-NOT: alloca
  %a = call noalias ptr @malloc(i64 32)
  call void @fill(ptr %a)
  %p = select i1 %c, ptr %a, ptr %other
  %pi = ptrtoint ptr %p to i64
  %ai = ptrtoint ptr %a to i64
  %d = sub i64 %pi, %ai
  store i64 %d, ptr @g
  call void @free(ptr %a)
  ret void
}

; The difference is used only under a test that the pointer is not null.
define void @checked_search(ptr %s) {
; CHECK-LABEL: @checked_search(
; CHECK: alloca [40 x i8], align 16
; CHECK-NOT: call noalias ptr @malloc
entry:
  %a = call noalias ptr @malloc(i64 40)
  call void @fill(ptr %a)
  %z = call ptr @strchr(ptr %a, i32 122)
  %none = icmp eq ptr %z, null
  br i1 %none, label %done, label %found
found:
  %zi = ptrtoint ptr %z to i64
  %ai = ptrtoint ptr %a to i64
  %d = sub i64 %zi, %ai
  store i64 %d, ptr @g
  br label %done
done:
  call void @free(ptr %a)
  ret void
}

; LLVM speculates the difference and its index (trunc, sdiv) out of the
; test into a select on it, the pointer advanced past the match as well.
define void @speculated_index(ptr %s) {
; CHECK-LABEL: @speculated_index(
; CHECK: alloca [48 x i8], align 16
; CHECK-NOT: call noalias ptr @malloc
  %a = call noalias ptr @malloc(i64 48)
  call void @fill(ptr %a)
  %z = call ptr @memchr(ptr %a, i32 58, i64 48)
  %none = icmp eq ptr %z, null
  %next = getelementptr inbounds i8, ptr %z, i64 1
  %after = select i1 %none, ptr null, ptr %next
  %zi = ptrtoint ptr %after to i64
  %ai = ptrtoint ptr %a to i64
  %d = sub i64 %zi, %ai
  %half = sdiv exact i64 %d, 2
  %i = trunc i64 %half to i32
  %idx = select i1 %none, i32 -1, i32 %i
  %wide = sext i32 %idx to i64
  store i64 %wide, ptr @g
  call void @free(ptr %a)
  ret void
}

; The same, with the index left in the select's other arm: it is used
; where the pointer is null.
define void @speculated_index_wrong_arm(ptr %s) {
; CHECK-LABEL: @speculated_index_wrong_arm(
; CHECK: call noalias ptr @malloc(i64 56)
; CHECK-NOT: alloca
  %a = call noalias ptr @malloc(i64 56)
  call void @fill(ptr %a)
  %z = call ptr @memchr(ptr %a, i32 58, i64 56)
  %none = icmp eq ptr %z, null
  %zi = ptrtoint ptr %z to i64
  %ai = ptrtoint ptr %a to i64
  %d = sub i64 %zi, %ai
  %idx = select i1 %none, i64 %d, i64 -1
  store i64 %idx, ptr @g
  call void @free(ptr %a)
  ret void
}

; A phi takes the pointer only on the edge where it is not null.
define void @phi_on_nonnull_edge(ptr %s) {
; CHECK-LABEL: @phi_on_nonnull_edge(
; CHECK: alloca [64 x i8], align 16
; CHECK-NOT: call noalias ptr @malloc
entry:
  %a = call noalias ptr @malloc(i64 64)
  call void @fill(ptr %a)
  %z = call ptr @strchr(ptr %a, i32 47)
  %none = icmp eq ptr %z, null
  br i1 %none, label %end, label %join
end:
  %len = call i64 @strlen(ptr %a)
  %last = getelementptr inbounds i8, ptr %a, i64 %len
  br label %join
join:
  %stop = phi ptr [ %z, %entry ], [ %last, %end ]
  %si = ptrtoint ptr %stop to i64
  %ai = ptrtoint ptr %a to i64
  %d = sub i64 %si, %ai
  store i64 %d, ptr @g
  call void @free(ptr %a)
  ret void
}

; REMARK: remark: <unknown>:0:0: not promoted: converted to an integer
; REMARK: remark: <unknown>:0:0: not promoted: converted to an integer
; REMARK: remark: <unknown>:0:0: not promoted: converted to an integer
; REMARK: remark: <unknown>:0:0: moved 40-byte 'malloc' block to the stack
; REMARK: remark: <unknown>:0:0: moved 48-byte 'malloc' block to the stack
; REMARK: remark: <unknown>:0:0: not promoted: converted to an integer
; REMARK: remark: <unknown>:0:0: moved 64-byte 'malloc' block to the stack

declare void @fill(ptr nocapture) nofree nounwind
declare ptr @strchr(ptr, i32)
declare ptr @memchr(ptr, i32, i64)
declare i64 @strlen(ptr)
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"
