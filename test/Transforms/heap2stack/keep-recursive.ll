; A function on a cycle of the call graph (self-recursive or mutually
; recursive) may be active many times at once, so its slots would multiply
; with the recursion depth: by default (recursive-budget=0) it keeps its
; blocks, with the Recursive remark.  A non-recursive caller is not affected.
; recursive-budget=64 lets a small block through, not a large one.
; Room-guarded blocks (room-guard-*.ll) are off here (no-room): this file
; tests the static budget of functions that may recurse.
; RUN: opt -passes='heap2stack<no-cleanup;no-room>' -S < %s | FileCheck %s --check-prefixes=CHECK,DEFAULT
; RUN: opt -passes='heap2stack<no-cleanup;no-room;recursive-budget=64>' -S < %s | FileCheck %s --check-prefixes=CHECK,BUDGET
; RUN: opt -passes='heap2stack<no-cleanup;no-room>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i32 @self_recursive(i32 %n) {
; CHECK-LABEL: @self_recursive(
; DEFAULT-NOT:   alloca
; DEFAULT:       %buf = call noalias ptr @malloc(i64 noundef 32)
; BUDGET:        %h2s.slot = alloca [32 x i8], align 16
; BUDGET-NOT:    call noalias ptr @malloc
; CHECK:         ret i32
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i32 %n, ptr %buf, align 4
  %stop = icmp slt i32 %n, 1
  br i1 %stop, label %done, label %recurse

recurse:
  %m = sub i32 %n, 1
  %r = call i32 @self_recursive(i32 %m)
  store i32 %r, ptr %buf, align 4
  br label %done

done:
  %val = load i32, ptr %buf, align 4
  call void @free(ptr noundef %buf)
  ret i32 %val
}

define void @mutual_a(i32 %n) {
; CHECK-LABEL: @mutual_a(
; CHECK-NOT:     alloca
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 128)
; CHECK:         call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 128)
  store i32 %n, ptr %buf, align 4
  call void @mutual_b(i32 %n)
  call void @free(ptr noundef %buf)
  ret void
}

define void @mutual_b(i32 %n) {
; CHECK-LABEL: define void @mutual_b(
; DEFAULT-NOT:   alloca
; DEFAULT:       %buf = call noalias ptr @malloc(i64 noundef 16)
; BUDGET:        %h2s.slot = alloca [16 x i8], align 16
; BUDGET-NOT:    call noalias ptr @malloc
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i32 %n, ptr %buf, align 4
  %stop = icmp slt i32 %n, 1
  br i1 %stop, label %done, label %recurse

recurse:
  %m = sub i32 %n, 1
  call void @mutual_a(i32 %m)
  br label %done

done:
  call void @free(ptr noundef %buf)
  ret void
}

define void @calls_recursive_function() {
; CHECK-LABEL: @calls_recursive_function(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     call noalias ptr @malloc
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i32 3, ptr %buf, align 4
  %r = call i32 @self_recursive(i32 3)
  call void @free(ptr noundef %buf)
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: the function may be recursive and a 32-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: the function may be recursive and a 128-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: the function may be recursive and a 16-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
