; A block freed by a function of the module that also does other work (a
; free wrapper: close a stream, then free it) is promoted when the wrapper
; frees its parameter only by handing that very pointer to a deallocator,
; or to another such wrapper: the call then calls a copy of the wrapper
; without those frees (wrappers.c), and every other caller keeps the
; original.  The block stays on the heap, and no copy is left behind, when
; the wrapper may free something else through the parameter (a select),
; reallocates it, keeps it or returns it (both count as keeping it), may
; be replaced at link time (so nothing is known of what it keeps),
; frees it through a call of itself, frees it with another family, takes
; the address of one of its blocks (a table of them, outside the body,
; would still name the original's), or is
; invoked; and when one call would free two blocks (one that frees one
; and returns another is keep-wrapper-call-returning-another-block.ll).
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -passes=heap2stack -stats -disable-output < %s 2>&1 | FileCheck %s --check-prefix=STATS

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@global_cell = global ptr null, align 8

; struct stream { FILE *handle; i32 mode; }

define internal void @close(ptr %s) {
; CHECK-LABEL: define internal void @close(
; CHECK:         call void @free(ptr %s)
; CHECK-LABEL: define internal void @close.h2s.nofree0(
; CHECK-NOT:     @free
; CHECK:         ret void
;
entry:
  %m = getelementptr inbounds i8, ptr %s, i64 8
  %mode = load i32, ptr %m, align 4
  call void @report(i32 %mode)
  call void @free(ptr %s)
  ret void
}

define internal void @close_verbose(ptr %s) {
; CHECK-LABEL: define internal void @close_verbose(
; CHECK:         call void @close(ptr %s)
; CHECK-LABEL: define internal void @close_verbose.h2s.nofree0(
; CHECK:         call void @report(i32 1)
; CHECK-NEXT:    call void @close.h2s.nofree0(ptr %s)
;
entry:
  call void @report(i32 1)
  call void @close(ptr %s)
  ret void
}

define void @promotes_block_freed_by_wrapper() {
; CHECK-LABEL: @promotes_block_freed_by_wrapper(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    %m = getelementptr inbounds i8, ptr %h2s.slot, i64 8
; CHECK-NEXT:    store i32 114, ptr %m, align 4
; CHECK-NEXT:    call void @close.h2s.nofree0(ptr %h2s.slot)
; CHECK-NEXT:    ret void
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 16)
  %m = getelementptr inbounds i8, ptr %s, i64 8
  store i32 114, ptr %m, align 4
  tail call void @close(ptr %s)
  ret void
}

define void @promotes_block_freed_by_wrapper_of_wrapper() {
; CHECK-LABEL: @promotes_block_freed_by_wrapper_of_wrapper(
; CHECK:         %h2s.slot = alloca [16 x i8], align 16
; CHECK:         call void @close_verbose.h2s.nofree0(ptr %h2s.slot)
; CHECK-NEXT:    ret void
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 16)
  store ptr null, ptr %s, align 8
  call void @close_verbose(ptr %s)
  ret void
}

define void @other_callers_keep_the_wrapper(ptr %s) {
; CHECK-LABEL: @other_callers_keep_the_wrapper(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    call void @close(ptr %s)
; CHECK-NEXT:    ret void
;
entry:
  call void @close(ptr %s)
  ret void
}

define internal void @frees_either(ptr %s, ptr %t, i1 %c) {
; CHECK-LABEL: define internal void @frees_either(
; CHECK-NOT:     h2s.nofree
; CHECK-LABEL: @keeps_block_freed_through_select(
;
entry:
  %which = select i1 %c, ptr %s, ptr %t
  call void @free(ptr %s)
  call void @free(ptr %which)
  ret void
}

define void @keeps_block_freed_through_select(ptr %t, i1 %c) {
; CHECK:         %s = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    call void @frees_either(ptr %s, ptr %t, i1 %c)
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 16)
  call void @frees_either(ptr %s, ptr %t, i1 %c)
  ret void
}

define internal void @grows_then_frees(ptr %s) {
; CHECK-LABEL: define internal void @grows_then_frees(
; CHECK-NOT:     h2s.nofree
; CHECK-LABEL: @keeps_block_reallocated_by_wrapper(
;
entry:
  %bigger = call ptr @realloc(ptr %s, i64 64)
  call void @free(ptr %bigger)
  ret void
}

define void @keeps_block_reallocated_by_wrapper() {
; CHECK:         %s = call noalias ptr @malloc(i64 noundef 16)
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 16)
  call void @grows_then_frees(ptr %s)
  ret void
}

define internal void @stashes_then_frees(ptr %s) {
entry:
  store ptr %s, ptr @global_cell, align 8
  call void @free(ptr %s)
  ret void
}

define void @keeps_block_kept_by_wrapper() {
; CHECK-LABEL: @keeps_block_kept_by_wrapper(
; CHECK:         %s = call noalias ptr @malloc(i64 noundef 16)
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 16)
  call void @stashes_then_frees(ptr %s)
  ret void
}

define internal ptr @frees_and_returns(ptr %s) {
entry:
  call void @free(ptr %s)
  ret ptr %s
}

define void @keeps_block_returned_by_wrapper() {
; CHECK-LABEL: @keeps_block_returned_by_wrapper(
; CHECK:         %s = call noalias ptr @malloc(i64 noundef 16)
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 16)
  %r = call ptr @frees_and_returns(ptr %s)
  ret void
}

define weak void @weak_close(ptr %s) {
entry:
  call void @free(ptr %s)
  ret void
}

define void @keeps_block_freed_by_replaceable_wrapper() {
; CHECK-LABEL: @keeps_block_freed_by_replaceable_wrapper(
; CHECK:         %s = call noalias ptr @malloc(i64 noundef 16)
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 16)
  call void @weak_close(ptr %s)
  ret void
}

define internal void @close_after(ptr %s, i32 %n) {
; CHECK-LABEL: define internal void @close_after(
; CHECK-NOT:     h2s.nofree
; CHECK-LABEL: @keeps_block_freed_by_recursive_wrapper(
;
entry:
  %done = icmp eq i32 %n, 0
  br i1 %done, label %last, label %again

again:
  %less = sub i32 %n, 1
  call void @close_after(ptr %s, i32 %less)
  ret void

last:
  call void @free(ptr %s)
  ret void
}

define void @keeps_block_freed_by_recursive_wrapper(i32 %n) {
; CHECK:         %s = call noalias ptr @malloc(i64 noundef 16)
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 16)
  call void @close_after(ptr %s, i32 %n)
  ret void
}

define internal void @deletes(ptr %s) {
; CHECK-LABEL: define internal void @deletes(
; CHECK-NOT:     h2s.nofree
; CHECK-LABEL: @keeps_block_freed_by_wrapper_of_other_family(
;
entry:
  call void @_ZdlPv(ptr %s)
  ret void
}

define void @keeps_block_freed_by_wrapper_of_other_family() {
; CHECK:         %s = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    call void @deletes(ptr %s)
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 16)
  call void @deletes(ptr %s)
  ret void
}

define void @keeps_block_freed_by_invoked_wrapper() personality ptr @__gxx_personality_v0 {
; CHECK-LABEL: @keeps_block_freed_by_invoked_wrapper(
; CHECK:         %s = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    invoke void @close(ptr %s)
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 16)
  invoke void @close(ptr %s)
          to label %done unwind label %lp

done:
  ret void

lp:
  %x = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %x
}

@close_targets = internal constant [2 x ptr] [ptr blockaddress(@close_computed, %one), ptr blockaddress(@close_computed, %other)]

define internal void @close_computed(ptr %s, i1 %c) {
; CHECK-LABEL: define internal void @close_computed(
; CHECK-NOT:     h2s.nofree
; CHECK-LABEL: @keeps_block_freed_by_wrapper_with_block_address(
;
entry:
  %index = zext i1 %c to i64
  %slot = getelementptr inbounds [2 x ptr], ptr @close_targets, i64 0, i64 %index
  %target = load ptr, ptr %slot, align 8
  indirectbr ptr %target, [label %one, label %other]

one:
  call void @free(ptr %s)
  ret void

other:
  call void @report(i32 2)
  call void @free(ptr %s)
  ret void
}

define void @keeps_block_freed_by_wrapper_with_block_address(i1 %c) {
; CHECK:         %s = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    call void @close_computed(ptr %s, i1 %c)
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 16)
  call void @close_computed(ptr %s, i1 %c)
  ret void
}

define internal void @close_both(ptr %s, ptr %t) {
entry:
  call void @free(ptr %s)
  call void @free(ptr %t)
  ret void
}

define void @keeps_blocks_freed_by_one_call() {
; CHECK-LABEL: @keeps_blocks_freed_by_one_call(
; CHECK:         %s = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %t = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    call void @close_both(ptr %s, ptr %t)
;
entry:
  %s = call noalias ptr @malloc(i64 noundef 16)
  %t = call noalias ptr @malloc(i64 noundef 16)
  call void @close_both(ptr %s, ptr %t)
  ret void
}

declare void @report(i32) nocallback
declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare noalias noundef ptr @realloc(ptr allocptr nocapture, i64 noundef) #2
declare void @_ZdlPv(ptr allocptr noundef nocapture) #3
declare i32 @__gxx_personality_v0(...)

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { nounwind allockind("free") "alloc-family"="_Znwm" }

; REMARK: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; 'close' frees it, and is called as a copy that does not
; REMARK: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; 'close_verbose' frees it, and is called as a copy that does not
; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'frees_either', which may free it
; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'grows_then_frees', which may free it
; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'stashes_then_frees', which may keep it
; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'frees_and_returns', which may keep it
; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'weak_close', which may keep it
; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'close_after', which may free it
; REMARK: remark: <unknown>:0:0: not promoted: freed by 'deletes', which does not pair with 'malloc'
; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'close', which may free it
; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'close_computed', which may free it
; REMARK: remark: <unknown>:0:0: not promoted: the call of 'close_both' also frees or returns another block
; REMARK: remark: <unknown>:0:0: not promoted: the call of 'close_both' also frees or returns another block

; STATS: 2 heap2stack - Number of heap allocations moved to the stack
; STATS: 2 heap2stack - Number of copies of free wrappers that leave promoted blocks alone
