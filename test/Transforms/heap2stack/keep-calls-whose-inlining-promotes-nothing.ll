; Calls that factories.c or helpers.c would inline are first inlined into
; a copy of the function, and the function inlines them only when the copy
; promotes more sites than the function as it is (trial.c).  A factory
; whose block is too large for a slot, or escapes in the caller, and
; helpers whose object's block is too large, stay calls, with a remark at
; each; a small block freed in the caller is still inlined and promoted,
; unless its slot would only take the place of one of the caller's own
; under frame-budget.  A function that takes the address of its blocks is
; not copied, and its calls stay.  When some of a function's calls
; promote, each factory call (and the helpers' calls as one) is left out
; of a further copy in turn, and stays a call when that copy promotes as
; much.  The copies leave nothing behind, and -stats counts only what the
; function itself inlined.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s --implicit-check-not=h2s.trial
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -passes='heap2stack<no-cleanup;frame-budget=32>' -S < %s | FileCheck %s --check-prefix=BUDGET
; RUN: opt -passes='heap2stack<no-cleanup>' -stats -disable-output < %s 2>&1 | FileCheck %s --check-prefix=STATS

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define internal ptr @rec_new(i32 %id) {
  %r = call noalias ptr @malloc(i64 noundef 16)
  store i32 %id, ptr %r, align 4
  ret ptr %r
}

define internal ptr @page_new() {
  %p = call noalias ptr @malloc(i64 noundef 4096)
  store i8 0, ptr %p, align 1
  ret ptr %p
}

; struct sb { char *buf; }
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

define i32 @inlines_factory_whose_block_is_promoted(i32 %id) {
; CHECK-LABEL: @inlines_factory_whose_block_is_promoted(
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     call ptr @rec_new
; CHECK-NOT:     call void @free
; CHECK:         ret i32 %v
;
  %r = call ptr @rec_new(i32 %id)
  %v = load i32, ptr %r, align 4
  call void @free(ptr %r)
  ret i32 %v
}

define i8 @keeps_call_of_factory_whose_block_is_too_large() {
; CHECK-LABEL: @keeps_call_of_factory_whose_block_is_too_large(
; CHECK-NEXT:    %p = call ptr @page_new()
; CHECK-NEXT:    %v = load i8, ptr %p, align 1
; CHECK-NEXT:    call void @free(ptr %p)
; CHECK-NEXT:    ret i8 %v
;
  %p = call ptr @page_new()
  %v = load i8, ptr %p, align 1
  call void @free(ptr %p)
  ret i8 %v
}

define void @keeps_call_of_factory_whose_block_escapes(i32 %id) {
; CHECK-LABEL: @keeps_call_of_factory_whose_block_escapes(
; CHECK-NEXT:    %r = call ptr @rec_new(i32 %id)
; CHECK-NEXT:    call void @keep(ptr %r)
; CHECK-NEXT:    call void @free(ptr %r)
;
  %r = call ptr @rec_new(i32 %id)
  call void @keep(ptr %r)
  call void @free(ptr %r)
  ret void
}

define void @keeps_helpers_of_buffer_too_large() {
; CHECK-LABEL: @keeps_helpers_of_buffer_too_large(
; CHECK:         call void @sb_grow(ptr %b, i64 8192)
; CHECK-NEXT:    call void @sb_release(ptr %b)
;
  %b = alloca ptr, align 8
  store ptr null, ptr %b, align 8
  call void @sb_grow(ptr %b, i64 8192)
  call void @sb_release(ptr %b)
  ret void
}

define i32 @inlines_only_the_call_that_promotes(i32 %id) {
; CHECK-LABEL: @inlines_only_the_call_that_promotes(
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    %p = call ptr @page_new()
; CHECK-NOT:     call ptr @rec_new
; CHECK:         call void @free(ptr %p)
; CHECK:         ret i32 %v
;
  %p = call ptr @page_new()
  %r = call ptr @rec_new(i32 %id)
  %v = load i32, ptr %r, align 4
  call void @free(ptr %r)
  call void @free(ptr %p)
  ret i32 %v
}

define i32 @keeps_call_whose_slot_would_take_anothers_place(i32 %id) {
; CHECK-LABEL: @keeps_call_whose_slot_would_take_anothers_place(
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    %h2s.slot1 = alloca [16 x i8], align 16
; CHECK-NEXT:    %h2s.slot2 = alloca [16 x i8], align 16
; CHECK-NOT:     call ptr @rec_new
;
; BUDGET-LABEL: @keeps_call_whose_slot_would_take_anothers_place(
; BUDGET-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; BUDGET-NEXT:    %h2s.slot1 = alloca [16 x i8], align 16
; BUDGET:         %r = call ptr @rec_new(i32 %id)
; BUDGET:         call void @free(ptr %r)
;
  %a = call noalias ptr @malloc(i64 noundef 16)
  %b = call noalias ptr @malloc(i64 noundef 16)
  %r = call ptr @rec_new(i32 %id)
  store i32 %id, ptr %a, align 4
  store i32 %id, ptr %b, align 4
  %v = load i32, ptr %r, align 4
  call void @free(ptr %r)
  call void @free(ptr %b)
  call void @free(ptr %a)
  ret i32 %v
}

define i32 @keeps_calls_of_function_taking_block_addresses(i32 %id) {
; CHECK-LABEL: @keeps_calls_of_function_taking_block_addresses(
; CHECK:         %r = call ptr @rec_new(i32 %id)
; CHECK:         call void @free(ptr %r)
;
entry:
  %r = call ptr @rec_new(i32 %id)
  %v = load i32, ptr %r, align 4
  call void @free(ptr %r)
  indirectbr ptr blockaddress(@keeps_calls_of_function_taking_block_addresses, %out), [label %out]

out:
  ret i32 %v
}

declare void @keep(ptr)
declare noalias noundef ptr @malloc(i64 noundef) #0
declare noalias noundef ptr @realloc(ptr allocptr, i64 noundef) #2
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

; REMARK:      remark: <unknown>:0:0: not promoted: returned from the function
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: returned from the function
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'realloc' resizes an existing block
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not inlined 'page_new': inlining it would promote no more blocks here
; REMARK-NEXT: remark: <unknown>:0:0: not inlined 'rec_new': inlining it would promote no more blocks here
; REMARK-NEXT: remark: <unknown>:0:0: not inlined 'sb_grow': inlining it would promote no more blocks here
; REMARK-NEXT: remark: <unknown>:0:0: not inlined 'sb_release': inlining it would promote no more blocks here
; REMARK-NEXT: remark: <unknown>:0:0: not inlined 'page_new': inlining it would promote no more blocks here
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not inlined 'rec_new': the function takes the address of its blocks, and is not copied for a trial
; REMARK-NOT:  remark

; STATS: 3 heap2stack - Number of calls of allocation wrappers inlined where their blocks are freed
; STATS: 0 heap2stack - Number of calls of helpers of local objects inlined
