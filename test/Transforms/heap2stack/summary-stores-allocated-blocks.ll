; print<heap2stack-summaries> says of a parameter's memory whether the
; function may store there a block it allocates, or a callee does
; (summaries.c): an initializer (b->data = malloc(n)), a grower
; (b->data = realloc(b->data, n)), either through a phi with null.  The
; fact is what helpers.c looks for; storing a pointer it was given, one
; it loaded, or a block it stores elsewhere is not such a store.
; RUN: opt -passes='print<heap2stack-summaries>' -disable-output < %s 2>&1 | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@global_cell = global ptr null, align 8

; struct buf { char *data; i64 len; }

; CHECK-LABEL: heap2stack summaries for module
; CHECK:         initializes parameter 0: never freed, never kept
; CHECK-NEXT:    its memory: loads no pointers; writes [0, 16); reads as data nothing; stores blocks it allocates{{$}}
define void @initializes(ptr %b, i64 %n) {
  %data = call noalias ptr @malloc(i64 %n)
  store ptr %data, ptr %b, align 8
  %len = getelementptr inbounds i8, ptr %b, i64 8
  store i64 0, ptr %len, align 8
  ret void
}

; CHECK:         grows parameter 0: never freed, never kept
; CHECK-NEXT:    its memory: loaded pointers may be freed, never kept; writes [0, 8); reads as data nothing; stores blocks it allocates{{$}}
define i1 @grows(ptr %b, i64 %n) {
  %old = load ptr, ptr %b, align 8
  %new = call ptr @realloc(ptr %old, i64 %n)
  %failed = icmp eq ptr %new, null
  br i1 %failed, label %out, label %store

store:
  store ptr %new, ptr %b, align 8
  br label %out

out:
  ret i1 %failed
}

; CHECK:         initializes_or_clears parameter 0: never freed, never kept
; CHECK-NEXT:    its memory: loads no pointers; writes [0, 8); reads as data nothing; stores blocks it allocates{{$}}
define void @initializes_or_clears(ptr %b, i1 %empty) {
  %data = call noalias ptr @malloc(i64 16)
  %value = select i1 %empty, ptr null, ptr %data
  store ptr %value, ptr %b, align 8
  ret void
}

; The callee's fact, at the field's offset.
; CHECK:         initializes_inner parameter 0: never freed, never kept
; CHECK-NEXT:    its memory: loads no pointers; writes [16, 32); reads as data nothing; stores blocks it allocates{{$}}
define void @initializes_inner(ptr %outer) {
  %inner = getelementptr inbounds i8, ptr %outer, i64 16
  call void @initializes(ptr %inner, i64 32)
  ret void
}

; CHECK:         stores_given_pointer parameter 0: never freed, never kept
; CHECK-NEXT:    its memory: loads no pointers; writes [0, 8); reads as data nothing{{$}}
define void @stores_given_pointer(ptr %b, ptr %p) {
  store ptr %p, ptr %b, align 8
  ret void
}

; CHECK:         copies_field parameter 0: never freed, never kept
; CHECK-NEXT:    its memory: loaded pointers may be freed, may be kept; writes [8, 16); reads as data nothing{{$}}
define void @copies_field(ptr %b) {
  %data = load ptr, ptr %b, align 8
  %second = getelementptr inbounds i8, ptr %b, i64 8
  store ptr %data, ptr %second, align 8
  ret void
}

; CHECK:         allocates_elsewhere parameter 0: never freed, never kept
; CHECK-NEXT:    its memory: loads no pointers; writes [8, 16); reads as data nothing{{$}}
define void @allocates_elsewhere(ptr %b) {
  %data = call noalias ptr @malloc(i64 16)
  store ptr %data, ptr @global_cell, align 8
  %len = getelementptr inbounds i8, ptr %b, i64 8
  store i64 16, ptr %len, align 8
  ret void
}

declare noalias ptr @malloc(i64) #0
declare noalias ptr @realloc(ptr allocptr, i64) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
