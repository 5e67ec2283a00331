; A realloc reached through an invoke (C++ code whose realloc is not declared
; nounwind) is not rewritten: the rewrite splits the block after the call,
; which an invoke ends.  The block stays on the heap, passed to a call that
; may free it.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

; CHECK-LABEL: @invoked_realloc(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %big = invoke ptr @realloc(ptr noundef %buf, i64 noundef %n)
; CHECK-NOT:     alloca

; REMARK:      remark: <unknown>:0:0: not promoted: passed as argument 1 to 'realloc', which may free it
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'realloc' resizes an existing block

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"
declare i32 @__gxx_personality_v0(...)
define i8 @invoked_realloc(i64 %n) personality ptr @__gxx_personality_v0 {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %big = invoke ptr @realloc(ptr noundef %buf, i64 noundef %n)
          to label %ok unwind label %lpad
ok:
  %v = load i8, ptr %big, align 1
  call void @free(ptr noundef %big)
  ret i8 %v
lpad:
  %lp = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %lp
}
declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare noalias noundef ptr @realloc(ptr allocptr noundef nocapture, i64 noundef) #3
attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { mustprogress willreturn allockind("realloc") allocsize(1) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
