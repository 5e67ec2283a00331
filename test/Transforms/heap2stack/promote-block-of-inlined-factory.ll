; A call of an allocation wrapper of the module (a factory: it returns
; null or a block it allocated) is inlined before discovery when the
; caller frees the block it returns, directly, through a phi, or through a
; free wrapper (factories.c); the allocation is then the caller's site and
; is promoted there.  Calls are left alone when the caller does not free
; the block (it returns it), and factories are not inlined when they are
; larger than factory-size instructions (0 turns inlining off), noinline,
; may be replaced at link time, or return a block they did not allocate;
; a call marked noinline, and one in a function built for size, stay.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup;factory-size=0>' -S < %s | FileCheck %s --check-prefix=OFF
; RUN: opt -passes='heap2stack<no-cleanup;factory-size=6>' -S < %s | FileCheck %s --check-prefix=SMALL
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -passes=heap2stack -stats -disable-output < %s 2>&1 | FileCheck %s --check-prefix=STATS

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@spare = global ptr null, align 8

; struct rec { i32 id; i32 hash; ptr next; }: 8 instructions
define internal ptr @rec_new(i32 %id) {
entry:
  %r = call noalias ptr @malloc(i64 noundef 16)
  %failed = icmp eq ptr %r, null
  br i1 %failed, label %out, label %fill

fill:
  store i32 %id, ptr %r, align 4
  %h = getelementptr inbounds i8, ptr %r, i64 4
  %hash = mul i32 %id, 31
  store i32 %hash, ptr %h, align 4
  br label %out

out:
  %ret = phi ptr [ null, %entry ], [ %r, %fill ]
  ret ptr %ret
}

define internal void @rec_close(ptr %r) {
  %id = load i32, ptr %r, align 4
  call void @report(i32 %id)
  call void @free(ptr %r)
  ret void
}

define i32 @promotes_block_of_factory_freed_here(i32 %id) {
; CHECK-LABEL: @promotes_block_of_factory_freed_here(
; CHECK-NOT:     call ptr @rec_new
; CHECK:         %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     call void @free
; CHECK:         ret i32
;
; OFF-LABEL: @promotes_block_of_factory_freed_here(
; OFF:           %r = call ptr @rec_new(i32 %id)
; OFF:           call void @free(ptr %r)
;
; SMALL-LABEL: @promotes_block_of_factory_freed_here(
; SMALL:         %r = call ptr @rec_new(i32 %id)
;
entry:
  %r = call ptr @rec_new(i32 %id)
  %h = getelementptr inbounds i8, ptr %r, i64 4
  %hash = load i32, ptr %h, align 4
  call void @free(ptr %r)
  ret i32 %hash
}

define void @promotes_block_of_factory_freed_by_wrapper(i32 %id) {
; CHECK-LABEL: @promotes_block_of_factory_freed_by_wrapper(
; CHECK-NOT:     call ptr @rec_new
; CHECK:         %h2s.slot = alloca [16 x i8], align 16
; CHECK:         call void @rec_close.h2s.nofree0(ptr
;
entry:
  %r = call ptr @rec_new(i32 %id)
  call void @rec_close(ptr %r)
  ret void
}

define ptr @keeps_call_whose_block_is_returned(i32 %id) {
; CHECK-LABEL: @keeps_call_whose_block_is_returned(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %r = call ptr @rec_new(i32 %id)
; CHECK-NEXT:    ret ptr %r
;
entry:
  %r = call ptr @rec_new(i32 %id)
  ret ptr %r
}

define internal ptr @spare_or_new(i32 %id) {
entry:
  %s = load ptr, ptr @spare, align 8
  %none = icmp eq ptr %s, null
  br i1 %none, label %make, label %out

make:
  %r = call noalias ptr @malloc(i64 noundef 16)
  br label %out

out:
  %ret = phi ptr [ %s, %entry ], [ %r, %make ]
  ret ptr %ret
}

define void @keeps_call_of_function_returning_other_blocks(i32 %id) {
; CHECK-LABEL: @keeps_call_of_function_returning_other_blocks(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %r = call ptr @spare_or_new(i32 %id)
;
entry:
  %r = call ptr @spare_or_new(i32 %id)
  call void @free(ptr %r)
  ret void
}

define internal ptr @pinned_new(i32 %id) noinline {
  %r = call noalias ptr @malloc(i64 noundef 16)
  ret ptr %r
}

define void @keeps_call_of_noinline_factory(i32 %id) {
; CHECK-LABEL: @keeps_call_of_noinline_factory(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %r = call ptr @pinned_new(i32 %id)
;
entry:
  %r = call ptr @pinned_new(i32 %id)
  call void @free(ptr %r)
  ret void
}

define weak ptr @weak_new(i32 %id) {
  %r = call noalias ptr @malloc(i64 noundef 16)
  ret ptr %r
}

define void @keeps_call_of_replaceable_factory(i32 %id) {
; CHECK-LABEL: @keeps_call_of_replaceable_factory(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %r = call ptr @weak_new(i32 %id)
;
entry:
  %r = call ptr @weak_new(i32 %id)
  call void @free(ptr %r)
  ret void
}

define void @keeps_call_marked_noinline(i32 %id) {
; CHECK-LABEL: @keeps_call_marked_noinline(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %r = call ptr @rec_new(i32 %id) #[[NOINLINE:[0-9]+]]
;
entry:
  %r = call ptr @rec_new(i32 %id) noinline
  call void @free(ptr %r)
  ret void
}

define void @keeps_call_in_function_built_for_size(i32 %id) minsize {
; CHECK-LABEL: @keeps_call_in_function_built_for_size(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %r = call ptr @rec_new(i32 %id)
;
entry:
  %r = call ptr @rec_new(i32 %id)
  call void @free(ptr %r)
  ret void
}

declare void @report(i32) nocallback
declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

; REMARK: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; 'rec_close' frees it, and is called as a copy that does not

; STATS: 2 heap2stack - Number of calls of allocation wrappers inlined where their blocks are freed
