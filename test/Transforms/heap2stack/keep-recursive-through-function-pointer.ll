; Recursion through function pointers, as in an interpreter (eval calls a
; handler from a table, the handler calls eval) or a tree walker handing a
; callback to a library function, makes a function recursive: its blocks
; get the recursive budget (0 by default).  LLVM's CallGraph misses these
; cycles; recursion.c models an indirect call, or a call to a declaration
; that is handed a function's address, as a call to every address-taken
; function.  Functions that such calls cannot lead back to keep the full
; budget.
; Room-guarded blocks (room-guard-*.ll) are off here (no-room): this file
; tests the static budget of functions that may recurse.
; RUN: opt -passes='heap2stack<no-cleanup;no-room>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup;no-room>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@handlers = internal constant [1 x ptr] [ptr @handler]

define internal i32 @eval(i32 %depth) {
  %slot = getelementptr [1 x ptr], ptr @handlers, i64 0, i64 0
  %fn = load ptr, ptr %slot
  %r = call i32 %fn(i32 %depth)
  ret i32 %r
}

define internal i32 @handler(i32 %depth) {
; CHECK-LABEL: @handler(
; CHECK: call ptr @malloc(i64 64)
; CHECK-NOT: alloca
  %buf = call ptr @malloc(i64 64)
  call void @fill(ptr %buf)
  %more = icmp ne i32 %depth, 0
  br i1 %more, label %recurse, label %done
recurse:
  %d = sub i32 %depth, 1
  %r = call i32 @eval(i32 %d)
  br label %done
done:
  call void @free(ptr %buf)
  ret i32 0
}

define internal void @visit(ptr %node) {
; CHECK-LABEL: @visit(
; CHECK: call ptr @malloc(i64 32)
  %buf = call ptr @malloc(i64 32)
  call void @fill(ptr %buf)
  call void @walk(ptr %node, ptr @visit)
  call void @free(ptr %buf)
  ret void
}

define void @leaf_with_indirect_call(ptr %fn) {
; CHECK-LABEL: @leaf_with_indirect_call(
; CHECK: alloca [16 x i8], align 16
; CHECK-NOT: call ptr @malloc
  %buf = call ptr @malloc(i64 16)
  call void @fill(ptr %buf)
  call void %fn()
  call void @free(ptr %buf)
  ret void
}

define i32 @entry_point() {
  %r = call i32 @eval(i32 3)
  call void @visit(ptr null)
  ret i32 %r
}

; REMARK-DAG: remark: <unknown>:0:0: not promoted: the function may be recursive and a 64-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-DAG: remark: <unknown>:0:0: not promoted: the function may be recursive and a 32-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-DAG: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack

declare void @walk(ptr, ptr)
declare void @fill(ptr nocapture) nofree
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"
