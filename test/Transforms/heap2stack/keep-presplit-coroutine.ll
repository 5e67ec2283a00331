; A coroutine that has not been split yet (presplitcoroutine) promotes
; nothing: its frame is rebuilt on the heap by CoroSplit, and values live
; across suspend points move there.  A plain function next to it is not
; affected.
; REQUIRES: void-coro-end
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define ptr @coroutine_before_split() presplitcoroutine {
; CHECK-LABEL: @coroutine_before_split(
; CHECK-NOT:     alloca
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK:         call void @free(ptr noundef %buf)
;
entry:
  %id = call token @llvm.coro.id(i32 0, ptr null, ptr null, ptr null)
  %size = call i64 @llvm.coro.size.i64()
  %mem = call ptr @malloc(i64 %size)
  %hdl = call ptr @llvm.coro.begin(token %id, ptr %mem)
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i32 1, ptr %buf, align 4
  %sp = call i8 @llvm.coro.suspend(token none, i1 false)
  switch i8 %sp, label %suspend [i8 0, label %resume
                                 i8 1, label %cleanup]

resume:
  %val = load i32, ptr %buf, align 4
  br label %cleanup

cleanup:
  call void @free(ptr noundef %buf)
  %frame = call ptr @llvm.coro.free(token %id, ptr %hdl)
  call void @free(ptr %frame)
  br label %suspend

suspend:
  call void @llvm.coro.end(ptr %hdl, i1 false, token none)
  ret ptr %hdl
}

define void @plain_function() {
; CHECK-LABEL: @plain_function(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i32 1, ptr %buf, align 4
  call void @free(ptr noundef %buf)
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: passed as argument 2 to 'llvm.coro.begin', which may keep it
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: the function is a coroutine that is not yet split
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack

declare token @llvm.coro.id(i32, ptr readnone, ptr readonly nocapture, ptr)
declare i64 @llvm.coro.size.i64()
declare ptr @llvm.coro.begin(token, ptr writeonly)
declare i8 @llvm.coro.suspend(token, i1)
declare ptr @llvm.coro.free(token, ptr readonly nocapture)
declare void @llvm.coro.end(ptr, i1, token)

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
