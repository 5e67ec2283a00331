; print<heap2stack-summaries> also says, for each pointer parameter, what
; the function does with the memory it points to, one level down
; (summaries.c): whether it loads pointers from there at all ("loads no
; pointers"), whether one it loads may be freed or outlive the call, which
; bytes it may write, and which it may read other
; than as a pointer it follows (as an integer, or copied elsewhere), by
; offset from the parameter.  A call given a pointer into that memory
; contributes its own summary, moved by the pointer's offset; memcpy's
; source is read as data and its destination written, to the end when the
; length is known only at run time; strlen only reads characters.  What
; the pass cannot follow (an indirect call, an atomic, an offset known only
; at run time, a byval copy) makes the facts unknown or every byte.  A
; cycle of calls keeps the least facts that hold for it.
; RUN: opt -passes='print<heap2stack-summaries>' -disable-output < %s 2>&1 | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@global_cell = global ptr null, align 8

; struct buf { char *data; i64 len; i64 cap; }

; CHECK-LABEL: heap2stack summaries for module
; CHECK:       reads_through_field parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loaded pointers never freed, never kept; writes nothing; reads as data [8, 16){{$}}
define i64 @reads_through_field(ptr %b) {
  %data = load ptr, ptr %b, align 8
  %len.addr = getelementptr inbounds i8, ptr %b, i64 8
  %len = load i64, ptr %len.addr, align 8
  %last.addr = getelementptr inbounds i8, ptr %data, i64 %len
  %last = load i8, ptr %last.addr, align 1
  %n = call i64 @strlen(ptr %data)
  %z = zext i8 %last to i64
  %r = add i64 %n, %z
  ret i64 %r
}

; CHECK:       writes_beside_pointer parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loaded pointers never freed, never kept; writes [8, 16) [24, 28); reads as data [16, 24){{$}}
define void @writes_beside_pointer(ptr %b, ptr %s) {
  %data = load ptr, ptr %b, align 8
  %cap.addr = getelementptr inbounds i8, ptr %b, i64 16
  %cap = load i64, ptr %cap.addr, align 8
  call void @llvm.memcpy.p0.p0.i64(ptr %data, ptr %s, i64 %cap, i1 false)
  %len.addr = getelementptr inbounds i8, ptr %b, i64 8
  store i64 %cap, ptr %len.addr, align 8
  %flag.addr = getelementptr inbounds i8, ptr %b, i64 24
  store i32 1, ptr %flag.addr, align 4
  ret void
}
; CHECK:       writes_beside_pointer parameter 1: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes nothing; reads as data [0, end){{$}}

; The ranges of a callee, moved by where its argument points.
; CHECK:       calls_with_offset parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loaded pointers never freed, never kept; writes [40, 48) [56, 60); reads as data [48, 56) [72, 80){{$}}
define void @calls_with_offset(ptr %outer, ptr %s) {
  %inner = getelementptr inbounds i8, ptr %outer, i64 32
  call void @writes_beside_pointer(ptr %inner, ptr %s)
  %other = getelementptr inbounds i8, ptr %outer, i64 64
  %x = call i64 @reads_through_field(ptr %other)
  ret void
}

; CHECK:       keeps_loaded_pointer parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loaded pointers may be freed, may be kept; writes nothing; reads as data nothing{{$}}
define void @keeps_loaded_pointer(ptr %b) {
  %data = load ptr, ptr %b, align 8
  store ptr %data, ptr @global_cell, align 8
  ret void
}

; CHECK:       frees_loaded_pointer parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loaded pointers may be freed, never kept; writes [0, 8); reads as data nothing{{$}}
define void @frees_loaded_pointer(ptr %b) {
  %data = load ptr, ptr %b, align 8
  call void @free(ptr %data)
  store ptr null, ptr %b, align 8
  ret void
}

; A pointer loaded from the memory, stored back into it: kept.
; CHECK:       copies_field_to_field parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loaded pointers may be freed, may be kept; writes [8, 16); reads as data nothing{{$}}
define void @copies_field_to_field(ptr %b) {
  %data = load ptr, ptr %b, align 8
  %cur = getelementptr inbounds i8, ptr %b, i64 8
  store ptr %data, ptr %cur, align 8
  ret void
}

; CHECK:       memcpy_out_and_in parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes [16, end); reads as data [0, 24){{$}}
define void @memcpy_out_and_in(ptr %b, ptr %out, i64 %n) {
  call void @llvm.memcpy.p0.p0.i64(ptr %out, ptr %b, i64 24, i1 false)
  %tail = getelementptr inbounds i8, ptr %b, i64 16
  call void @llvm.memset.p0.i64(ptr %tail, i8 0, i64 %n, i1 false)
  ret void
}

; CHECK:       indexed_at_run_time parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes any bytes; reads as data nothing{{$}}
define void @indexed_at_run_time(ptr %b, i64 %i) {
  %cell = getelementptr inbounds ptr, ptr %b, i64 %i
  store ptr null, ptr %cell, align 8
  ret void
}

; CHECK:       five_fields_written parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes any bytes; reads as data nothing{{$}}
define void @five_fields_written(ptr %b) {
  %f1 = getelementptr inbounds i8, ptr %b, i64 8
  %f2 = getelementptr inbounds i8, ptr %b, i64 24
  %f3 = getelementptr inbounds i8, ptr %b, i64 40
  %f4 = getelementptr inbounds i8, ptr %b, i64 56
  %f5 = getelementptr inbounds i8, ptr %b, i64 72
  store i32 0, ptr %f1, align 4
  store i32 0, ptr %f2, align 4
  store i32 0, ptr %f3, align 4
  store i32 0, ptr %f4, align 4
  store i32 0, ptr %f5, align 4
  ret void
}

; CHECK:       passes_to_indirect_call parameter 0: may free, never kept{{$}}
; CHECK-NEXT:    its memory: loaded pointers may be freed, may be kept; writes any bytes; reads as data any bytes; stores blocks it allocates{{$}}
define void @passes_to_indirect_call(ptr %b, ptr %fn) {
  call void %fn(ptr nocapture readonly %b)
  ret void
}

; CHECK:       loads_atomically parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loaded pointers may be freed, may be kept; writes any bytes; reads as data any bytes; stores blocks it allocates{{$}}
define ptr @loads_atomically(ptr %b) {
  %data = load atomic ptr, ptr %b acquire, align 8
  %c = icmp eq ptr %data, null
  ret ptr null
}

; CHECK:       reads_copy parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: unknown{{$}}
define i64 @reads_copy(ptr byval({ ptr, i64 }) %b) {
  %len.addr = getelementptr inbounds i8, ptr %b, i64 8
  %len = load i64, ptr %len.addr, align 8
  ret i64 %len
}

; A walk down a list, one call per node: the cycle's facts are its own,
; the least that hold.
; CHECK:       walks_list parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loaded pointers never freed, never kept; writes nothing; reads as data [8, 16){{$}}
define i64 @walks_list(ptr %node) {
  %is.end = icmp eq ptr %node, null
  br i1 %is.end, label %end, label %step
step:
  %next = load ptr, ptr %node, align 8
  %val.addr = getelementptr inbounds i8, ptr %node, i64 8
  %val = load i64, ptr %val.addr, align 8
  %rest = call i64 @walks_list(ptr %next)
  %sum = add i64 %val, %rest
  ret i64 %sum
end:
  ret i64 0
}

declare i64 @strlen(ptr nocapture)
declare void @free(ptr allocptr nocapture) #1
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
