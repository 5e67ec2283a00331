; A call whose parameter is captured only through its return value
; (captures(ret: ...), or a C string function that returns a pointer into
; its argument) makes its result another pointer into the block: the block
; is promoted when the result does not escape either, and kept when it does.
; REQUIRES: capture-components
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@last_word = global ptr null, align 8

declare noundef ptr @skip_spaces(ptr noundef readonly captures(ret: address, provenance)) #2
declare ptr @strchr(ptr noundef, i32 noundef) #3

define i8 @result_used_locally() {
; CHECK-LABEL: @result_used_locally(
; CHECK:         %h2s.slot = alloca [32 x i8], align 16
; CHECK:         %word = call ptr @skip_spaces(ptr noundef %h2s.slot)
; CHECK-NEXT:    %first = load i8, ptr %word, align 1
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret i8 %first
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i8 32, ptr %buf, align 1
  %word = call ptr @skip_spaces(ptr noundef %buf)
  %first = load i8, ptr %word, align 1
  call void @free(ptr noundef %buf)
  ret i8 %first
}

define i8 @strchr_result_used_locally() {
; CHECK-LABEL: @strchr_result_used_locally(
; CHECK:         %h2s.slot = alloca [32 x i8], align 16
; CHECK:         %dot = call ptr @strchr(ptr noundef %h2s.slot, i32 noundef 46)
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret i8
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i8 0, ptr %buf, align 1
  %dot = call ptr @strchr(ptr noundef %buf, i32 noundef 46)
  %found = icmp ne ptr %dot, null
  %ext = select i1 %found, ptr %dot, ptr %buf
  %ch = load i8, ptr %ext, align 1
  call void @free(ptr noundef %buf)
  ret i8 %ch
}

define ptr @result_returned() {
; CHECK-LABEL: @result_returned(
; CHECK-NOT:     alloca
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 32)
; CHECK:         %word = call ptr @skip_spaces(ptr noundef %buf)
; CHECK-NEXT:    ret ptr %word
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i8 0, ptr %buf, align 1
  %word = call ptr @skip_spaces(ptr noundef %buf)
  ret ptr %word
}

define void @result_stored() {
; CHECK-LABEL: @result_stored(
; CHECK-NOT:     alloca
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 32)
; CHECK:         %dot = call ptr @strchr(ptr noundef %buf, i32 noundef 46)
; CHECK-NEXT:    store ptr %dot, ptr @last_word, align 8
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i8 0, ptr %buf, align 1
  %dot = call ptr @strchr(ptr noundef %buf, i32 noundef 46)
  store ptr %dot, ptr @last_word, align 8
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: returned from the function
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nofree norecurse nosync nounwind memory(argmem: read) }
attributes #3 = { mustprogress nocallback nofree nounwind willreturn memory(argmem: read) }
