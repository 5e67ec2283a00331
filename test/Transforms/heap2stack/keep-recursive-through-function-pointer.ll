; Recursion through function pointers, as in an interpreter (eval calls a
; handler from a table, the handler calls eval) or a tree walker handing a
; callback to a library function, makes a function recursive: its blocks
; get the recursive budget (0 by default).  LLVM's CallGraph misses these
; cycles; recursion.c models an indirect call, or a call to a declaration
; that may call back, as a call to every address-taken function: one handed
; a function's address, a function of another file (which may call any
; function whose address it was ever given), or a C library function that
; takes callbacks, whatever it is handed (qsort given a comparator loaded
; from a table).  A function is address-taken when it is used other than
; as a callee, even as an argument of a call of itself.  The rest of the C
; library (strlen) calls nothing back, so an address-taken function that
; only calls it keeps the full budget, as do functions that such calls
; cannot lead back to.  A function of another file may also call back by
; name any function the module exports (a parser whose files call each
; other), so an exported function that calls one may recurse; an internal
; one, main, and one that calls only names reserved to the implementation
; (__printf_chk) do not.
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

define internal void @leaf_with_indirect_call(ptr %fn) {
; CHECK-LABEL: @leaf_with_indirect_call(
; CHECK: alloca [16 x i8], align 16
; CHECK-NOT: call ptr @malloc
  %buf = call ptr @malloc(i64 16)
  call void @fill.nocallback(ptr %buf)
  call void %fn()
  call void @free(ptr %buf)
  ret void
}

define i32 @entry_point() {
  %r = call i32 @eval(i32 3)
  call void @visit(ptr null)
  ret i32 %r
}

; canon sorts its children with the comparator of a table, which calls
; canon again.
@ops = internal global ptr @by_canon

define internal void @canon(ptr %kids, i64 %n) {
; CHECK-LABEL: @canon(
; CHECK: call ptr @malloc(i64 48)
  %buf = call ptr @malloc(i64 48)
  call void @fill(ptr %buf)
  %cmp = load ptr, ptr @ops, align 8
  call void @qsort(ptr %kids, i64 %n, i64 8, ptr %cmp)
  call void @free(ptr %buf)
  ret void
}

define internal i32 @by_canon(ptr %a, ptr %b) {
  call void @canon(ptr %a, i64 0)
  ret i32 0
}

; count is given its own address, through which it calls itself.
define void @count(i32 %n, ptr %self) {
; CHECK-LABEL: @count(
; CHECK: call ptr @malloc(i64 40)
  %buf = call ptr @malloc(i64 40)
  call void @fill(ptr %buf)
  %more = icmp ne i32 %n, 0
  br i1 %more, label %again, label %done
again:
  %m = sub i32 %n, 1
  call void %self(i32 %m, ptr %self)
  br label %done
done:
  call void @free(ptr %buf)
  ret void
}

define void @count_from(i32 %n) {
  call void @count(i32 %n, ptr @count)
  ret void
}

; An address-taken callback that calls a function of another file, which
; may call it back.
@callbacks = global [2 x ptr] [ptr @calls_other_file, ptr @calls_strlen]

define void @calls_other_file(ptr %s) {
; CHECK-LABEL: @calls_other_file(
; CHECK: call ptr @malloc(i64 24)
  %buf = call ptr @malloc(i64 24)
  call void @fill(ptr %buf)
  call void @elsewhere()
  call void @free(ptr %buf)
  ret void
}

; The same calling only strlen keeps its slot.
define i64 @calls_strlen(ptr %s) {
; CHECK-LABEL: @calls_strlen(
; CHECK: alloca [8 x i8], align 16
; CHECK-NOT: call ptr @malloc
  %buf = call ptr @malloc(i64 8)
  call void @fill.nocallback(ptr %buf)
  %n = call i64 @strlen(ptr %s)
  call void @free(ptr %buf)
  ret i64 %n
}

; parse_expr calls parse_stmt of another file, which may call parse_expr.
define void @parse_expr(ptr %s) {
; CHECK-LABEL: @parse_expr(
; CHECK: call ptr @malloc(i64 56)
  %buf = call ptr @malloc(i64 56)
  call void @fill.nocallback(ptr %buf)
  call void @parse_stmt(ptr %s)
  call void @free(ptr %buf)
  ret void
}

define internal void @parse_local(ptr %s) {
; CHECK-LABEL: @parse_local(
; CHECK: alloca [72 x i8], align 16
; CHECK-NOT: call ptr @malloc
  %buf = call ptr @malloc(i64 72)
  call void @fill.nocallback(ptr %buf)
  call void @parse_stmt(ptr %s)
  call void @free(ptr %buf)
  ret void
}

define void @prints_checked(ptr %s) {
; CHECK-LABEL: @prints_checked(
; CHECK: alloca [88 x i8], align 16
; CHECK-NOT: call ptr @malloc
  %buf = call ptr @malloc(i64 88)
  call void @fill.nocallback(ptr %buf)
  %r = call i32 (i32, ptr, ...) @__printf_chk(i32 1, ptr %s)
  call void @free(ptr %buf)
  ret void
}

define i32 @main() {
; CHECK-LABEL: @main(
; CHECK: alloca [104 x i8], align 16
; CHECK-NOT: call ptr @malloc
  %buf = call ptr @malloc(i64 104)
  call void @fill.nocallback(ptr %buf)
  call void @parse_stmt(ptr null)
  call void @parse_local(ptr null)
  call void @free(ptr %buf)
  ret i32 0
}

; REMARK-DAG: remark: <unknown>:0:0: not promoted: the function may be recursive and a 64-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-DAG: remark: <unknown>:0:0: not promoted: the function may be recursive and a 32-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-DAG: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-DAG: remark: <unknown>:0:0: not promoted: the function may be recursive and a 48-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-DAG: remark: <unknown>:0:0: not promoted: the function may be recursive and a 48-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-DAG: remark: <unknown>:0:0: not promoted: the function may be recursive and a 32-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-DAG: remark: <unknown>:0:0: moved 8-byte 'malloc' block to the stack
; REMARK-DAG: remark: <unknown>:0:0: not promoted: the function may be recursive and a 64-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-DAG: remark: <unknown>:0:0: moved 72-byte 'malloc' block to the stack
; REMARK-DAG: remark: <unknown>:0:0: moved 88-byte 'malloc' block to the stack
; REMARK-DAG: remark: <unknown>:0:0: moved 104-byte 'malloc' block to the stack

declare void @walk(ptr, ptr)
declare void @fill(ptr nocapture) nofree
declare void @fill.nocallback(ptr nocapture) nofree nocallback
declare void @elsewhere()
declare void @parse_stmt(ptr)
declare i32 @__printf_chk(i32, ptr, ...)
declare void @qsort(ptr, i64, i64, ptr)
declare i64 @strlen(ptr) nocallback nofree nounwind willreturn memory(argmem: read)
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"
