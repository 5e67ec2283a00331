; memcpy and memmove out of a local object that holds a block's pointer
; copy only the bytes they read (memflow.c): a copy of the bytes after the
; pointer field, such as a small-buffer struct's inline array, lets nothing
; out, and the block still gets a slot.  A length known only at run time
; reads from its start to the end of the object.  The block stays on the
; heap when the copy may read the pointer field: it starts at or before
; it, or at an offset known only up to an array element.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; struct list { ptr list; i64 count; [4 x i64] inline }

define void @promotes_when_inline_array_copied(ptr %out) {
; CHECK-LABEL: @promotes_when_inline_array_copied(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %l = alloca { ptr, i64, [4 x i64] }, align 8
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 16
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr %h2s.slot, ptr %inline, i64 32, i1 false)
; CHECK-NOT:     @free
; CHECK:         ret void
;
entry:
  %l = alloca { ptr, i64, [4 x i64] }, align 8
  %inline = getelementptr inbounds i8, ptr %l, i64 16
  %list = call noalias ptr @malloc(i64 noundef 64)
  call void @llvm.memcpy.p0.p0.i64(ptr %list, ptr %inline, i64 32, i1 false)
  store ptr %list, ptr %l, align 8
  call void @llvm.memcpy.p0.p0.i64(ptr %out, ptr %inline, i64 32, i1 false)
  %back = load ptr, ptr %l, align 8
  call void @free(ptr noundef %back)
  ret void
}

define void @promotes_when_copy_of_run_time_length_starts_after(ptr %out, i64 %n) {
; CHECK-LABEL: @promotes_when_copy_of_run_time_length_starts_after(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %l = alloca { ptr, i64, [4 x i64] }, align 8
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 16
; CHECK:         call void @llvm.memmove.p0.p0.i64(ptr %out, ptr %count, i64 %n, i1 false)
; CHECK-NOT:     @free
; CHECK:         ret void
;
entry:
  %l = alloca { ptr, i64, [4 x i64] }, align 8
  %count = getelementptr inbounds i8, ptr %l, i64 8
  %list = call noalias ptr @malloc(i64 noundef 64)
  store ptr %list, ptr %l, align 8
  call void @llvm.memmove.p0.p0.i64(ptr %out, ptr %count, i64 %n, i1 false)
  %back = load ptr, ptr %l, align 8
  call void @free(ptr noundef %back)
  ret void
}

define void @keeps_when_copy_reads_pointer_field(ptr %out) {
; CHECK-LABEL: @keeps_when_copy_reads_pointer_field(
; CHECK:         %list = call noalias ptr @malloc(i64 noundef 64)
; CHECK:         call void @free(ptr noundef %back)
;
entry:
  %l = alloca { ptr, i64, [4 x i64] }, align 8
  %list = call noalias ptr @malloc(i64 noundef 64)
  store ptr %list, ptr %l, align 8
  call void @llvm.memcpy.p0.p0.i64(ptr %out, ptr %l, i64 48, i1 false)
  %back = load ptr, ptr %l, align 8
  call void @free(ptr noundef %back)
  ret void
}

define void @keeps_when_copy_of_run_time_length_starts_before(ptr %out, i64 %n) {
; CHECK-LABEL: @keeps_when_copy_of_run_time_length_starts_before(
; CHECK:         %list = call noalias ptr @malloc(i64 noundef 64)
; CHECK:         call void @free(ptr noundef %back)
;
entry:
  %l = alloca { i64, ptr, [4 x i64] }, align 8
  %field = getelementptr inbounds i8, ptr %l, i64 8
  %list = call noalias ptr @malloc(i64 noundef 64)
  store ptr %list, ptr %field, align 8
  call void @llvm.memcpy.p0.p0.i64(ptr %out, ptr %l, i64 %n, i1 false)
  %back = load ptr, ptr %field, align 8
  call void @free(ptr noundef %back)
  ret void
}

; Element %i of an array of { ptr, i64 }: the copy may start at any
; element's pointer field.
define void @keeps_when_copy_starts_in_some_element(ptr %out, i64 %i, i64 %n) {
; CHECK-LABEL: @keeps_when_copy_starts_in_some_element(
; CHECK:         %list = call noalias ptr @malloc(i64 noundef 64)
; CHECK:         call void @free(ptr noundef %back)
;
entry:
  %a = alloca [4 x { ptr, i64 }], align 8
  %list = call noalias ptr @malloc(i64 noundef 64)
  store ptr %list, ptr %a, align 8
  %elem = getelementptr inbounds { ptr, i64 }, ptr %a, i64 %i, i32 1
  call void @llvm.memcpy.p0.p0.i64(ptr %out, ptr %elem, i64 %n, i1 false)
  %back = load ptr, ptr %a, align 8
  call void @free(ptr noundef %back)
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 64-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: moved 64-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object that 'llvm.memcpy.p0.p0.i64' may let out
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object that 'llvm.memcpy.p0.p0.i64' may let out
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object that 'llvm.memcpy.p0.p0.i64' may let out

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
