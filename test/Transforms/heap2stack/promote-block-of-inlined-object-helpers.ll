; A block that the helpers of a local object allocate, grow and free
; (helpers.c): the calls are inlined where, between them and the
; function's own code, the object's block is both allocated and freed in
; the function, and the block then goes through the pipeline as the
; function's own.  The object is an alloca (a strbuf grown by realloc and
; released by a helper), or a block of the function's (a text freed with
; its buffer by text_free), and a factory's result stored into a field
; counts as an allocation.  Nothing is inlined when the object's block is
; only allocated there, when a helper keeps what it loads, when the object
; itself is stored away or returned, when the helper is too large for
; helper-size, or marked noinline, or with helper-size=0.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -passes='heap2stack<no-cleanup;helper-size=0>' -S < %s | FileCheck %s --check-prefix=NONE
; RUN: opt -heap2stack-helper-size=3 -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s --check-prefix=SMALL
; RUN: opt -passes='heap2stack<no-cleanup>' -stats -disable-output < %s 2>&1 | FileCheck %s --check-prefix=STATS

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@list = global ptr null, align 8

; struct sb { char *buf; }: grows the buffer to n bytes.
define internal void @sb_grow(ptr %b, i64 %n) {
  %old = load ptr, ptr %b, align 8
  %new = call ptr @realloc(ptr %old, i64 %n)
  store ptr %new, ptr %b, align 8
  ret void
}

define internal void @sb_release(ptr %b) {
  %p = load ptr, ptr %b, align 8
  call void @free(ptr %p)
  ret void
}

; struct text { char *buf; }: frees the buffer, then the text.
define internal void @text_free(ptr %t) {
  %buf = load ptr, ptr %t, align 8
  call void @free(ptr %buf)
  call void @free(ptr %t)
  ret void
}

; A factory.
define internal ptr @make_buf(i64 %n) {
  %p = call noalias ptr @malloc(i64 %n)
  ret ptr %p
}

; Links the buffer into a global list: keeps what it loads.
define internal void @sb_publish(ptr %b) {
  %p = load ptr, ptr %b, align 8
  store ptr %p, ptr @list, align 8
  ret void
}

define internal void @sb_release_noinline(ptr %b) noinline {
  %p = load ptr, ptr %b, align 8
  call void @free(ptr %p)
  ret void
}

define i8 @promotes_buffer_grown_and_released_by_helpers() {
; CHECK-LABEL: @promotes_buffer_grown_and_released_by_helpers(
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 16
; CHECK-NOT:     call void @sb_
; CHECK-NOT:     @realloc(ptr null, i64 16)
; CHECK:         ret i8 %c
;
; NONE-LABEL: @promotes_buffer_grown_and_released_by_helpers(
; NONE:          call void @sb_grow(ptr %b, i64 16)
; NONE:          call void @sb_release(ptr %b)
;
; SMALL-LABEL: @promotes_buffer_grown_and_released_by_helpers(
; SMALL:         call void @sb_grow(ptr %b, i64 16)
;
  %b = alloca ptr, align 8
  store ptr null, ptr %b, align 8
  call void @sb_grow(ptr %b, i64 16)
  call void @sb_grow(ptr %b, i64 32)
  %p = load ptr, ptr %b, align 8
  store i8 1, ptr %p, align 1
  %c = load i8, ptr %p, align 1
  call void @sb_release(ptr %b)
  ret i8 %c
}

define i8 @promotes_text_freed_with_its_buffer() {
; CHECK-LABEL: @promotes_text_freed_with_its_buffer(
; CHECK-NEXT:    %h2s.slot = alloca [8 x i8], align 16
; CHECK-NEXT:    %h2s.slot1 = alloca [24 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         store ptr %h2s.slot1, ptr %h2s.slot, align 8
; CHECK-NOT:     call void @text_free
; CHECK-NOT:     call void @free
; CHECK:         ret i8 %c
;
; NONE-LABEL: @promotes_text_freed_with_its_buffer(
; NONE:          %buf = call noalias ptr @malloc(i64 24)
; NONE:          call void @text_free.h2s.nofree0(ptr %h2s.slot)
;
  %t = call noalias ptr @malloc(i64 8)
  %buf = call noalias ptr @malloc(i64 24)
  store ptr %buf, ptr %t, align 8
  store i8 2, ptr %buf, align 1
  %c = load i8, ptr %buf, align 1
  call void @text_free(ptr %t)
  ret i8 %c
}

define i8 @promotes_factory_result_stored_into_field() {
; CHECK-LABEL: @promotes_factory_result_stored_into_field(
; CHECK:         %h2s.slot = alloca [40 x i8], align 16
; CHECK-NOT:     call ptr @make_buf
; CHECK-NOT:     call void @free
; CHECK:         ret i8 %c
;
; NONE-LABEL: @promotes_factory_result_stored_into_field(
; NONE:          %p = call ptr @make_buf(i64 40)
;
  %b = alloca ptr, align 8
  %p = call ptr @make_buf(i64 40)
  store ptr %p, ptr %b, align 8
  %q = load ptr, ptr %b, align 8
  store i8 3, ptr %q, align 1
  %c = load i8, ptr %q, align 1
  %r = load ptr, ptr %b, align 8
  call void @free(ptr %r)
  ret i8 %c
}

; The buffer is grown here but never freed: nothing to gain.
define ptr @keeps_helpers_of_buffer_never_freed() {
; CHECK-LABEL: @keeps_helpers_of_buffer_never_freed(
; CHECK:         call void @sb_grow(ptr %b, i64 16)
;
  %b = alloca ptr, align 8
  store ptr null, ptr %b, align 8
  call void @sb_grow(ptr %b, i64 16)
  %p = load ptr, ptr %b, align 8
  ret ptr %p
}

define void @keeps_helper_that_keeps_the_buffer() {
; CHECK-LABEL: @keeps_helper_that_keeps_the_buffer(
; CHECK:         call void @sb_publish(ptr %b)
; CHECK:         call void @sb_release(ptr %b)
;
  %b = alloca ptr, align 8
  store ptr null, ptr %b, align 8
  call void @sb_grow(ptr %b, i64 16)
  call void @sb_publish(ptr %b)
  call void @sb_release(ptr %b)
  ret void
}

; The text itself leaves: stored into a global, or returned.
define void @keeps_helpers_of_text_stored_away(i1 %done) {
; CHECK-LABEL: @keeps_helpers_of_text_stored_away(
; CHECK:         call void @text_free(ptr %t)
;
  %t = call noalias ptr @malloc(i64 8)
  %buf = call noalias ptr @malloc(i64 24)
  store ptr %buf, ptr %t, align 8
  store ptr %t, ptr @list, align 8
  br i1 %done, label %free, label %out

free:
  call void @text_free(ptr %t)
  br label %out

out:
  ret void
}

define ptr @keeps_helpers_of_text_returned(i1 %done) {
; CHECK-LABEL: @keeps_helpers_of_text_returned(
; CHECK:         call void @text_free(ptr %t)
;
  %t = call noalias ptr @malloc(i64 8)
  %buf = call noalias ptr @malloc(i64 24)
  store ptr %buf, ptr %t, align 8
  br i1 %done, label %free, label %out

free:
  call void @text_free(ptr %t)
  ret ptr null

out:
  ret ptr %t
}

define void @keeps_noinline_helper() {
; CHECK-LABEL: @keeps_noinline_helper(
; CHECK:         call void @sb_release_noinline(ptr %b)
;
  %b = alloca ptr, align 8
  %p = call noalias ptr @malloc(i64 16)
  store ptr %p, ptr %b, align 8
  call void @sb_release_noinline(ptr %b)
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: 'realloc' resizes an existing block
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: returned from the function
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'realloc' block to a 128-byte stack slot, in which it grows while it fits
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'realloc' block in its stack slot while it fits
; REMARK-NEXT: remark: <unknown>:0:0: moved 8-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 24-byte 'malloc' block to the stack; its pointer is kept in the 'malloc' block{{$}}
; REMARK-NEXT: remark: <unknown>:0:0: moved 40-byte 'malloc' block to the stack{{$}}
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object passed as argument 1 to 'text_free', which may let it out
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: returned from the function
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object whose address is returned
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object passed as argument 1 to 'sb_release_noinline', which may let it out
; REMARK-NOT:  remark

; The factory is counted among the helpers: its result goes into a field.
; STATS: 0 heap2stack - Number of calls of allocation wrappers inlined where their blocks are freed
; STATS: 5 heap2stack - Number of calls of helpers of local objects inlined where the objects' blocks are allocated and freed

declare noalias ptr @malloc(i64) #0
declare noalias ptr @realloc(ptr allocptr, i64) #1
declare void @free(ptr allocptr) #2

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
