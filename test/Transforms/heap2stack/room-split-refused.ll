; Functions that may recurse but cannot be split keep the recursive budget
; (0), so their blocks stay on the heap: a variadic function (a musttail
; call cannot forward its arguments), one with a byval parameter (its copy
; would be made again), one whose block address is taken (the block would
; move to another function), an available_externally one (its body is
; dropped after optimization anyway), and one built with SafeStack (which
; puts the slots on its own unsafe stack, which the room test does not
; measure).  The splittable @control is split.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

%big = type { [8 x i64] }

@targets = global [1 x ptr] [ptr blockaddress(@labels, %again)]

; CHECK-LABEL: define i32 @variadic(
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 32)
; CHECK-NOT:     musttail
define i32 @variadic(i32 %n, ...) {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i32 %n, ptr %buf, align 4
  %m = sub i32 %n, 1
  %r = call i32 (i32, ...) @variadic(i32 %m)
  call void @free(ptr noundef %buf)
  ret i32 %r
}

; CHECK-LABEL: define i32 @by_value(
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 32)
; CHECK-NOT:     musttail
define i32 @by_value(ptr byval(%big) align 8 %v, i32 %n) {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i32 %n, ptr %buf, align 4
  %m = sub i32 %n, 1
  %r = call i32 @by_value(ptr byval(%big) align 8 %v, i32 %m)
  call void @free(ptr noundef %buf)
  ret i32 %r
}

; CHECK-LABEL: define i32 @labels(
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 32)
; CHECK-NOT:     musttail
define i32 @labels(i32 %n) {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i32 %n, ptr %buf, align 4
  br label %again

again:
  %m = sub i32 %n, 1
  %r = call i32 @labels(i32 %m)
  call void @free(ptr noundef %buf)
  ret i32 %r
}

; CHECK-LABEL: define available_externally i32 @external(
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 32)
; CHECK-NOT:     musttail
define available_externally i32 @external(i32 %n) {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i32 %n, ptr %buf, align 4
  %m = sub i32 %n, 1
  %r = call i32 @external(i32 %m)
  call void @free(ptr noundef %buf)
  ret i32 %r
}

; CHECK-LABEL: define i32 @safe_stack(
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 32)
; CHECK-NOT:     musttail
define i32 @safe_stack(i32 %n) safestack {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i32 %n, ptr %buf, align 4
  %m = sub i32 %n, 1
  %r = call i32 @safe_stack(i32 %m)
  call void @free(ptr noundef %buf)
  ret i32 %r
}

; CHECK-LABEL: define i32 @control(
; CHECK:         musttail call i32 @control.h2s.room(i32 %n)
define i32 @control(i32 %n) {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i32 %n, ptr %buf, align 4
  %m = sub i32 %n, 1
  %r = call i32 @control(i32 %m)
  call void @free(ptr noundef %buf)
  ret i32 %r
}

; REMARK-COUNT-5: remark: <unknown>:0:0: not promoted: the function may be recursive and a 32-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-NEXT:    remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; the function may recurse, so only while the thread's stack has room

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
