; A module that defines malloc itself (a bump allocator, a counting
; wrapper) may rely on every call reaching it: calls to an allocator whose
; body is in the module stay, with the AllocatorDefined remark.  Such a
; block may sit in an arena that other code reads, so a pointer stored into
; it is stored to memory (memflow.c takes only the C library's blocks and
; allocas as the function's own objects).
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@arena = internal global [65536 x i8] zeroinitializer, align 16
@arena.used = internal global i64 0, align 8

define noalias noundef ptr @malloc(i64 noundef %size) #0 {
; CHECK-LABEL: define noalias noundef ptr @malloc(
; CHECK:         ret ptr %block
;
entry:
  %used = load i64, ptr @arena.used, align 8
  %block = getelementptr inbounds i8, ptr @arena, i64 %used
  %rounded = add i64 %size, 15
  %aligned = and i64 %rounded, -16
  %next = add i64 %used, %aligned
  store i64 %next, ptr @arena.used, align 8
  ret ptr %block
}

define void @free(ptr allocptr noundef nocapture %block) #1 {
; CHECK-LABEL: define void @free(
; CHECK:         ret void
;
entry:
  ret void
}

define void @uses_own_malloc() {
; CHECK-LABEL: @uses_own_malloc(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store i8 0, ptr %buf, align 1
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 0, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

define i8 @pointer_kept_in_own_allocators_block() {
; CHECK-LABEL: @pointer_kept_in_own_allocators_block(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %holder = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %copy = call noalias ptr @strdup(ptr noundef @word)
; CHECK-NEXT:    store ptr %copy, ptr %holder, align 8
;
entry:
  %holder = call noalias ptr @malloc(i64 noundef 16)
  %copy = call noalias ptr @strdup(ptr noundef @word)
  store ptr %copy, ptr %holder, align 8
  %back = load ptr, ptr %holder, align 8
  %first = load i8, ptr %back, align 1
  call void @free(ptr noundef %back)
  ret i8 %first
}

; REMARK:      remark: <unknown>:0:0: not promoted: 'malloc' is defined in this module
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'malloc' is defined in this module
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory

@word = private unnamed_addr constant [5 x i8] c"word\00", align 1
declare noalias ptr @strdup(ptr noundef readonly nocapture) #2
attributes #2 = { mustprogress nofree nounwind willreturn memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

attributes #0 = { nounwind allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc" }
attributes #1 = { nounwind allockind("free") "alloc-family"="malloc" }
