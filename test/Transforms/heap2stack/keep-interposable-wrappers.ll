; Under -fsemantic-interposition (the module flag SemanticInterposition) an
; exported function that is not dso_local may be replaced by another
; library's at load time (LD_PRELOAD), so its body says nothing: an
; allocation wrapper's call is not inlined and a free wrapper's is not
; redirected to a copy, and both blocks stay on the heap.  Without the
; flag, or for a dso_local wrapper, both are promoted.
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=INTERPOSED
; RUN: sed -e '/SemanticInterposition/d' -e 's/^!llvm.module.flags.*//' %s | opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output 2>&1 | FileCheck %s --check-prefix=PLAIN
; RUN: sed -e 's/define ptr @msg_new/define dso_local ptr @msg_new/' -e 's/define void @msg_release/define dso_local void @msg_release/' %s | opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output 2>&1 | FileCheck %s --check-prefix=PLAIN

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define ptr @msg_new() {
  %m = call noalias ptr @malloc(i64 noundef 16)
  ret ptr %m
}

define void @msg_release(ptr %m) {
  call void @free(ptr %m)
  ret void
}

define void @uses_factory() {
  %m = call ptr @msg_new()
  call void @fill(ptr %m)
  call void @free(ptr %m)
  ret void
}

define void @uses_free_wrapper() {
  %m = call noalias ptr @malloc(i64 noundef 24)
  call void @fill(ptr %m)
  call void @msg_release(ptr %m)
  ret void
}

declare void @fill(ptr nocapture) nofree nocallback
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"

!llvm.module.flags = !{!0}
!0 = !{i32 1, !"SemanticInterposition", i32 1}

; INTERPOSED-NOT: moved
; INTERPOSED: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'msg_release', which may keep it
; INTERPOSED-NOT: moved
;
; PLAIN-DAG: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; PLAIN-DAG: remark: <unknown>:0:0: moved 24-byte 'malloc' block to the stack; 'msg_release' frees it, and is called as a copy that does not
