; A function that calls a returns_twice function (setjmp, vfork) promotes
; nothing, even blocks unrelated to the call: after a longjmp the frame is
; reused in ways lifetime markers do not describe.  The attribute counts on
; the callee or on the call site.  Other functions in the module are not
; affected.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@env = global [25 x i64] zeroinitializer, align 16

declare i32 @_setjmp(ptr noundef) #2
declare i32 @checkpoint(ptr noundef) #3

define i32 @calls_setjmp() {
; CHECK-LABEL: @calls_setjmp(
; CHECK-NOT:     alloca
; CHECK:         %before = call noalias ptr @malloc(i64 noundef 16)
; CHECK:         %jumped = call i32 @_setjmp(ptr noundef @env)
; CHECK:         %after = call noalias ptr @malloc(i64 noundef 16)
; CHECK:         call void @free(ptr noundef %after)
; CHECK:         call void @free(ptr noundef %before)
;
entry:
  %before = call noalias ptr @malloc(i64 noundef 16)
  store i32 1, ptr %before, align 4
  %jumped = call i32 @_setjmp(ptr noundef @env) #4
  %after = call noalias ptr @malloc(i64 noundef 16)
  store i32 2, ptr %after, align 4
  call void @free(ptr noundef %after)
  call void @free(ptr noundef %before)
  ret i32 %jumped
}

define i32 @returns_twice_on_call_site() {
; CHECK-LABEL: @returns_twice_on_call_site(
; CHECK-NOT:     alloca
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK:         call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i32 1, ptr %buf, align 4
  %r = call i32 @checkpoint(ptr noundef @env) #4
  call void @free(ptr noundef %buf)
  ret i32 %r
}

define void @no_setjmp_here() {
; CHECK-LABEL: @no_setjmp_here(
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

; REMARK:      remark: <unknown>:0:0: not promoted: the function calls '_setjmp', which returns twice
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: the function calls '_setjmp', which returns twice
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: the function calls 'checkpoint', which returns twice
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nounwind returns_twice }
attributes #3 = { nounwind }
attributes #4 = { nounwind returns_twice }
