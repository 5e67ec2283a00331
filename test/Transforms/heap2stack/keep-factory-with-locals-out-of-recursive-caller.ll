; A function that may recurse inlines no factory or helper with locals of
; its own (an alloca in its entry block): the 4000-byte name buffer of
; node_new would join every frame of walk, the plain copy's too, where the
; plain program had it only in one frame of node_new at a time.  So the
; call stays and the block on the heap.  The same factory without the
; buffer is inlined into walk, whose block then gets a room-guarded slot,
; and a caller that does not recurse inlines node_new buffer and all.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define internal ptr @node_new(i32 %v) {
  %name = alloca [4000 x i8], align 16
  call void @name_of(ptr %name, i32 %v)
  %n = call noalias ptr @malloc(i64 8)
  %h = call i32 @hash(ptr %name)
  store i32 %h, ptr %n, align 4
  ret ptr %n
}

define internal ptr @leaf_new(i32 %v) {
  %n = call noalias ptr @malloc(i64 8)
  store i32 %v, ptr %n, align 4
  ret ptr %n
}

define i32 @walk(i32 %d) {
; CHECK-LABEL: @walk(
; CHECK:         %n = call ptr @node_new(i32 %d)
; CHECK:         call void @free(ptr %n)
; CHECK:         ret i32
;
entry:
  %stop = icmp eq i32 %d, 0
  br i1 %stop, label %done, label %more

more:
  %n = call ptr @node_new(i32 %d)
  %d1 = sub i32 %d, 1
  %r = call i32 @walk(i32 %d1)
  %h = load i32, ptr %n, align 4
  call void @free(ptr %n)
  %s = add i32 %r, %h
  br label %done

done:
  %ret = phi i32 [ 1, %entry ], [ %s, %more ]
  ret i32 %ret
}

define i32 @walk_leaves(i32 %d) {
; CHECK-LABEL: @walk_leaves(
; CHECK-NOT:     call ptr @leaf_new
; CHECK-NOT:     call void @free
; CHECK:         ret i32
;
entry:
  %stop = icmp eq i32 %d, 0
  br i1 %stop, label %done, label %more

more:
  %n = call ptr @leaf_new(i32 %d)
  %d1 = sub i32 %d, 1
  %r = call i32 @walk_leaves(i32 %d1)
  %h = load i32, ptr %n, align 4
  call void @free(ptr %n)
  %s = add i32 %r, %h
  br label %done

done:
  %ret = phi i32 [ 1, %entry ], [ %s, %more ]
  ret i32 %ret
}

define i32 @once(i32 %v) {
; CHECK-LABEL: @once(
; CHECK-NOT:     call ptr @node_new
; CHECK:         %name.i = alloca [4000 x i8], align 16
; CHECK-NOT:     call void @free
; CHECK:         ret i32
;
  %n = call ptr @node_new(i32 %v)
  %h = load i32, ptr %n, align 4
  call void @free(ptr %n)
  ret i32 %h
}

; REMARK-DAG: remark: <unknown>:0:0: not promoted: returned from the function
; REMARK-DAG: remark: <unknown>:0:0: moved 8-byte 'malloc' block to the stack; the function may recurse, so only while the thread's stack has room
; REMARK-DAG: remark: <unknown>:0:0: moved 8-byte 'malloc' block to the stack

declare void @name_of(ptr nocapture, i32) nofree nocallback
declare i32 @hash(ptr nocapture) nofree nocallback
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr) allockind("free") "alloc-family"="malloc"
