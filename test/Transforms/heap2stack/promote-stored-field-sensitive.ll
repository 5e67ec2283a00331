; The reads of a local variable that may return a stored block's pointer are
; those sharing bytes with the store, field by field: at constant offsets,
; and in an array of structs indexed at run time at the same offset within
; each element (the stride is the element size).  A pointer in another
; field may go anywhere, a long in another field of each element may be
; read as an integer, and the block still gets a slot.  The same reads of
; the field the block's pointer is in keep it on the heap.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

%pair = type { i64, ptr }

@global_slot = global ptr null, align 8

define ptr @promotes_other_pointer_field_escaping(ptr %other) {
; CHECK-LABEL: @promotes_other_pointer_field_escaping(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %holder = alloca { ptr, ptr }, align 8
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store ptr %h2s.slot, ptr %holder, align 8
; CHECK-NEXT:    %second = getelementptr inbounds i8, ptr %holder, i64 8
; CHECK-NEXT:    store ptr %other, ptr %second, align 8
; CHECK-NEXT:    %other.back = load ptr, ptr %second, align 8
; CHECK-NEXT:    store ptr %other.back, ptr @global_slot, align 8
; CHECK-NEXT:    %back = load ptr, ptr %holder, align 8
; CHECK-NEXT:    ret ptr %other.back
;
entry:
  %holder = alloca { ptr, ptr }, align 8
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store ptr %buf, ptr %holder, align 8
  %second = getelementptr inbounds i8, ptr %holder, i64 8
  store ptr %other, ptr %second, align 8
  %other.back = load ptr, ptr %second, align 8
  store ptr %other.back, ptr @global_slot, align 8
  %back = load ptr, ptr %holder, align 8
  call void @free(ptr noundef %back)
  ret ptr %other.back
}

define ptr @keeps_pointer_field_returned(ptr %other) {
; CHECK-LABEL: @keeps_pointer_field_returned(
; CHECK-NOT:     alloca [
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store ptr %buf, ptr %holder, align 8
; CHECK:         %back = load ptr, ptr %holder, align 8
; CHECK-NEXT:    ret ptr %back
;
entry:
  %holder = alloca { ptr, ptr }, align 8
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store ptr %buf, ptr %holder, align 8
  %second = getelementptr inbounds i8, ptr %holder, i64 8
  store ptr %other, ptr %second, align 8
  %back = load ptr, ptr %holder, align 8
  ret ptr %back
}

; %i and %j may differ, but bytes 0 to 7 of any element never hold %buf.
define i64 @promotes_pointer_beside_indexed_long(i64 %i, i64 %j, i64 %n) {
; CHECK-LABEL: @promotes_pointer_beside_indexed_long(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %table = alloca [4 x %pair], align 16
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK:         store ptr %h2s.slot, ptr %data, align 8
; CHECK:         %n.back = load i64, ptr %count.j, align 8
; CHECK:         %back = load ptr, ptr %data.j, align 8
; CHECK-NEXT:    ret i64 %n.back
;
entry:
  %table = alloca [4 x %pair], align 16
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %count = getelementptr inbounds [4 x %pair], ptr %table, i64 0, i64 %i, i32 0
  store i64 %n, ptr %count, align 8
  %data = getelementptr inbounds [4 x %pair], ptr %table, i64 0, i64 %i, i32 1
  store ptr %buf, ptr %data, align 8
  %count.j = getelementptr inbounds [4 x %pair], ptr %table, i64 0, i64 %j, i32 0
  %n.back = load i64, ptr %count.j, align 8
  %data.j = getelementptr inbounds [4 x %pair], ptr %table, i64 0, i64 %j, i32 1
  %back = load ptr, ptr %data.j, align 8
  call void @free(ptr noundef %back)
  ret i64 %n.back
}

; The pointer in the long's place of element %i, which may be element 1.
define i64 @keeps_pointer_at_indexed_long(i64 %i) {
; CHECK-LABEL: @keeps_pointer_at_indexed_long(
; CHECK-NOT:     alloca [16 x i8]
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %data = getelementptr inbounds [4 x %pair], ptr %table, i64 0, i64 %i, i32 0
; CHECK-NEXT:    store ptr %buf, ptr %data, align 8
; CHECK-NEXT:    %count.1 = getelementptr inbounds [4 x %pair], ptr %table, i64 0, i64 1, i32 0
; CHECK-NEXT:    %n.back = load i64, ptr %count.1, align 8
; CHECK-NEXT:    %back = load ptr, ptr %data, align 8
; CHECK-NEXT:    call void @free(ptr noundef %back)
;
entry:
  %table = alloca [4 x %pair], align 16
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %data = getelementptr inbounds [4 x %pair], ptr %table, i64 0, i64 %i, i32 0
  store ptr %buf, ptr %data, align 8
  %count.1 = getelementptr inbounds [4 x %pair], ptr %table, i64 0, i64 1, i32 0
  %n.back = load i64, ptr %count.1, align 8
  %back = load ptr, ptr %data, align 8
  call void @free(ptr noundef %back)
  ret i64 %n.back
}

; REMARK:      remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: returned from the function
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory and read back as an integer

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
