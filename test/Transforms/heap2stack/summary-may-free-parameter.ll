; print<heap2stack-summaries> lists, for each pointer parameter of each
; defined function, whether the body may free the block it points into
; (summaries.c): through free or realloc of any pointer derived from it,
; through a call that may free it (the module's own functions by their
; summaries, declarations by nofree), a store of it, or a variadic
; argument.  Freeing a block of its own does not make a parameter freed.
; Summaries of a cycle of calls are iterated to their least fixed point: a
; recursive function that frees nothing never frees, and two functions that
; call each other both free what one of them frees.  A body the linker may
; replace (weak) frees anything.
; RUN: opt -passes='print<heap2stack-summaries>' -disable-output < %s 2>&1 | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@global_cell = global ptr null, align 8

; CHECK-LABEL: heap2stack summaries for module
; CHECK:       frees_parameter parameter 0: may free, never kept{{$}}
define void @frees_parameter(ptr %p) {
  call void @free(ptr %p)
  ret void
}

; CHECK:       frees_interior_pointer parameter 0: may free, never kept{{$}}
define void @frees_interior_pointer(ptr %p) {
  %q = getelementptr inbounds i8, ptr %p, i64 0
  %r = select i1 true, ptr %q, ptr null
  call void @free(ptr %r)
  ret void
}

; CHECK:       reallocs_parameter parameter 0: may free, never kept{{$}}
define ptr @reallocs_parameter(ptr %p) {
  %q = call ptr @realloc(ptr %p, i64 64)
  ret ptr %q
}

; CHECK:       frees_own_scratch parameter 0: never freed, never kept{{$}}
define i32 @frees_own_scratch(ptr %p) {
  %scratch = call ptr @malloc(i64 16)
  %v = load i32, ptr %p, align 4
  store i32 %v, ptr %scratch, align 4
  %w = load i32, ptr %scratch, align 4
  call void @free(ptr %scratch)
  ret i32 %w
}

; CHECK:       calls_freeing_helper parameter 0: may free, never kept{{$}}
define void @calls_freeing_helper(ptr %p) {
  call void @frees_parameter(ptr %p)
  ret void
}

; CHECK:       calls_reading_helper parameter 0: never freed, never kept{{$}}
; CHECK:       calls_reading_helper parameter 1: may free, never kept{{$}}
define i32 @calls_reading_helper(ptr %p, ptr %other) {
  %v = call i32 @frees_own_scratch(ptr %p)
  call void @free(ptr %other)
  ret i32 %v
}

; CHECK:       frees_search_result parameter 0: may free, never kept{{$}}
define void @frees_search_result(ptr %p) {
  %hit = call ptr @strchr(ptr %p, i32 47)
  call void @free(ptr %hit)
  ret void
}

; CHECK:       stores_parameter parameter 0: may free, may keep{{$}}
define void @stores_parameter(ptr %p) {
  store ptr %p, ptr @global_cell, align 8
  ret void
}

; CHECK:       passes_to_unknown parameter 0: may free, may keep{{$}}
define void @passes_to_unknown(ptr %p) {
  call void @unknown(ptr %p)
  ret void
}

; CHECK:       passes_to_nofree_declaration parameter 0: never freed, never kept{{$}}
define void @passes_to_nofree_declaration(ptr %p) {
  call void @reads_only(ptr %p)
  ret void
}

; CHECK:       passes_as_variadic parameter 0: may free, may keep{{$}}
define void @passes_as_variadic(ptr %p) {
  call void (i32, ...) @variadic_helper(i32 1, ptr %p)
  ret void
}

define void @variadic_helper(i32 %n, ...) {
  ret void
}

; CHECK:       recursive_reader parameter 0: never freed, never kept{{$}}
define i32 @recursive_reader(ptr %p, i32 %n) {
  %stop = icmp eq i32 %n, 0
  br i1 %stop, label %done, label %again
again:
  %m = sub i32 %n, 1
  %r = call i32 @recursive_reader(ptr %p, i32 %m)
  br label %done
done:
  %v = phi i32 [ 0, %0 ], [ %r, %again ]
  ret i32 %v
}

; CHECK:       ping parameter 0: may free, never kept{{$}}
define void @ping(ptr %p, i32 %n) {
  %stop = icmp eq i32 %n, 0
  br i1 %stop, label %done, label %again
again:
  %m = sub i32 %n, 1
  call void @pong(ptr %p, i32 %m)
  br label %done
done:
  ret void
}

; CHECK:       pong parameter 0: may free, never kept{{$}}
define void @pong(ptr %p, i32 %n) {
  %stop = icmp eq i32 %n, 0
  br i1 %stop, label %last, label %again
again:
  call void @ping(ptr %p, i32 %n)
  ret void
last:
  call void @free(ptr %p)
  ret void
}

; CHECK:       weak_reader parameter 0: may free, may keep{{$}}
define weak i32 @weak_reader(ptr %p) {
  %v = load i32, ptr %p, align 4
  ret i32 %v
}

; CHECK-NOT:   parameter

declare noalias ptr @malloc(i64) #0
declare void @free(ptr allocptr nocapture) #1
declare ptr @realloc(ptr allocptr nocapture, i64) #2
declare ptr @strchr(ptr, i32) #3
declare void @unknown(ptr)
declare void @reads_only(ptr nocapture) #3

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { mustprogress nofree nounwind willreturn memory(argmem: read) }
