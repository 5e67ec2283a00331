; strtol stores a pointer into its string through endptr, strtok_r through
; saveptr (libc.c's pointer-out arguments).  A function of the module that
; gives its parameter to such a call, with an endptr that is not null, may
; keep the parameter (summaries.c): the pointer it stores may be returned,
; as skip_number returns where the number ends, which the walk of the
; parameter does not follow.  So a block given to it stays on the heap.
; With a null endptr nothing is stored, and the block moves to the stack.
; A local object given as the string lets out what it holds, as libc.c
; says of strtol's string (memflow.c): a pointer into it is stored where
; the pass does not follow.
; RUN: opt -passes='print<heap2stack-summaries>' -disable-output < %s 2>&1 | FileCheck %s --check-prefix=SUMMARY
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; SUMMARY-LABEL: heap2stack summaries for module
; SUMMARY:       skip_number parameter 0: never freed, may keep{{$}}
define internal ptr @skip_number(ptr %s) noinline nocallback {
  %end = alloca ptr, align 8
  %v = call i64 @strtol(ptr %s, ptr %end, i32 10)
  %e = load ptr, ptr %end, align 8
  ret ptr %e
}

; SUMMARY:       next_word parameter 0: never freed, may keep{{$}}
define internal ptr @next_word(ptr %s) noinline nocallback {
  %save = alloca ptr, align 8
  %w = call ptr @strtok_r(ptr %s, ptr @space, ptr %save)
  %rest = load ptr, ptr %save, align 8
  ret ptr %rest
}

; SUMMARY:       parse_number parameter 0: never freed, never kept{{$}}
define internal i64 @parse_number(ptr %s) noinline nocallback {
  %v = call i64 @strtol(ptr %s, ptr null, i32 10)
  ret i64 %v
}

@space = private constant [2 x i8] c" \00"

define ptr @keeps_block_given_to_skip_number() {
; CHECK-LABEL: @keeps_block_given_to_skip_number(
; CHECK:         %text = call ptr @malloc(i64 16)
;
  %text = call ptr @malloc(i64 16)
  store i32 3355185, ptr %text, align 1
  %end = call ptr @skip_number(ptr %text)
  ret ptr %end
}

define ptr @keeps_block_given_to_next_word() {
; CHECK-LABEL: @keeps_block_given_to_next_word(
; CHECK:         %text = call ptr @malloc(i64 16)
;
  %text = call ptr @malloc(i64 16)
  store i32 6513249, ptr %text, align 1
  %rest = call ptr @next_word(ptr %text)
  ret ptr %rest
}

define i64 @promotes_block_given_to_parse_number() {
; CHECK-LABEL: @promotes_block_given_to_parse_number(
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     call ptr @malloc
;
  %text = call ptr @malloc(i64 16)
  store i32 3355185, ptr %text, align 1
  %v = call i64 @parse_number(ptr %text)
  call void @free(ptr %text)
  ret i64 %v
}

; struct { char text[16]; char *block; } on the stack, its text parsed.
define i64 @keeps_block_in_object_whose_text_is_parsed() {
; CHECK-LABEL: @keeps_block_in_object_whose_text_is_parsed(
; CHECK:         %block = call ptr @malloc(i64 8)
;
  %obj = alloca { [16 x i8], ptr }, align 8
  %end = alloca ptr, align 8
  %field = getelementptr inbounds nuw i8, ptr %obj, i64 16
  %block = call ptr @malloc(i64 8)
  store ptr %block, ptr %field, align 8
  store i32 3355185, ptr %obj, align 1
  %v = call i64 @strtol(ptr %obj, ptr %end, i32 10)
  %p = load ptr, ptr %field, align 8
  call void @free(ptr %p)
  ret i64 %v
}

; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'skip_number', which may keep it
; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'next_word', which may keep it
; REMARK: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack{{$}}
; REMARK: remark: <unknown>:0:0: not promoted: stored into an object passed as argument 1 to 'strtol', which may let it out

declare ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr) allockind("free") "alloc-family"="malloc"
declare i64 @strtol(ptr, ptr, i32)
declare ptr @strtok_r(ptr, ptr, ptr)
