; A local object that holds a block's pointer lets it out when the walk
; over the object's uses meets one it does not model (an atomic store to
; another of its fields) or has more uses than max-uses lets it follow;
; the remark says which.  The same object with plain stores and few uses
; keeps the pointer in the function, and the block is promoted.
; RUN: opt -passes='heap2stack<no-cleanup;max-uses=12>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup;max-uses=12>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; struct { char *buf; int count; } h; h.buf = malloc(16); h.count = 1;
define i8 @plain_holder(i8 %byte) {
; CHECK-LABEL: @plain_holder(
; CHECK:         %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     call {{.*}}@malloc
; CHECK-NOT:     call void @free
; CHECK:         ret i8
;
entry:
  %h = alloca { ptr, i32 }, align 8
  %count = getelementptr inbounds i8, ptr %h, i64 8
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 %byte, ptr %buf, align 1
  store ptr %buf, ptr %h, align 8
  store i32 1, ptr %count, align 4
  %back = load ptr, ptr %h, align 8
  %val = load i8, ptr %back, align 1
  call void @free(ptr noundef %back)
  ret i8 %val
}

; The count is stored atomically.
define i8 @atomic_field(i8 %byte) {
; CHECK-LABEL: @atomic_field(
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NOT:     alloca [16 x i8]
; CHECK:         call void @free(ptr noundef %back)
;
entry:
  %h = alloca { ptr, i32 }, align 8
  %count = getelementptr inbounds i8, ptr %h, i64 8
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 %byte, ptr %buf, align 1
  store ptr %buf, ptr %h, align 8
  store atomic i32 1, ptr %count seq_cst, align 4
  %back = load ptr, ptr %h, align 8
  %val = load i8, ptr %back, align 1
  call void @free(ptr noundef %back)
  ret i8 %val
}

; The count is read and written a dozen times: more uses of the object
; than max-uses=12, while the block itself has few.
define i8 @too_many_uses(i8 %byte) {
; CHECK-LABEL: @too_many_uses(
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NOT:     alloca [16 x i8]
; CHECK:         call void @free(ptr noundef %back)
;
entry:
  %h = alloca { ptr, i32 }, align 8
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 %byte, ptr %buf, align 1
  store ptr %buf, ptr %h, align 8
  %count = getelementptr inbounds i8, ptr %h, i64 8
  store i32 0, ptr %count, align 4
  %c1 = load i32, ptr %count, align 4
  store i32 %c1, ptr %count, align 4
  %c2 = load i32, ptr %count, align 4
  store i32 %c2, ptr %count, align 4
  %c3 = load i32, ptr %count, align 4
  store i32 %c3, ptr %count, align 4
  %c4 = load i32, ptr %count, align 4
  store i32 %c4, ptr %count, align 4
  %c5 = load i32, ptr %count, align 4
  store i32 %c5, ptr %count, align 4
  %c6 = load i32, ptr %count, align 4
  store i32 %c6, ptr %count, align 4
  %back = load ptr, ptr %h, align 8
  %val = load i8, ptr %back, align 1
  call void @free(ptr noundef %back)
  ret i8 %val
}

; REMARK:      remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object used by 'store', which the pass does not model
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object whose uses are more than the pass follows
; REMARK-NOT:  remark

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
