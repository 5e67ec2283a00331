; A block passed to a call that may keep the pointer (no nocapture on
; the parameter, or one that captures the address) stays on the heap, by a
; call or an invoke.  The remark names the argument that lets it out.
; REQUIRES: capture-components
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @register_buffer(ptr noundef) #2
declare void @remember_address(ptr noundef captures(address)) #3
declare void @register_pair(ptr noundef nocapture, ptr noundef) #3
declare i32 @__gxx_personality_v0(...)

; The first argument is kept by nobody; the second is the one that escapes.
define void @escapes_through_second_argument(ptr %other) {
; CHECK-LABEL: @escapes_through_second_argument(
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    call void @register_pair(ptr noundef %other, ptr noundef %buf)
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
  %buf = call noalias ptr @malloc(i64 noundef 16)
  call void @register_pair(ptr noundef %other, ptr noundef %buf)
  call void @free(ptr noundef %buf)
  ret void
}

define void @escapes_to_unannotated_call() {
; CHECK-LABEL: @escapes_to_unannotated_call(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    call void @register_buffer(ptr noundef %buf)
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  call void @register_buffer(ptr noundef %buf)
  call void @free(ptr noundef %buf)
  ret void
}

define void @escapes_to_address_capturing_call() {
; CHECK-LABEL: @escapes_to_address_capturing_call(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    call void @remember_address(ptr noundef %buf)
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  call void @remember_address(ptr noundef %buf)
  call void @free(ptr noundef %buf)
  ret void
}

define void @escapes_to_invoked_call() personality ptr @__gxx_personality_v0 {
; CHECK-LABEL: @escapes_to_invoked_call(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    invoke void @register_buffer(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  invoke void @register_buffer(ptr noundef %buf)
          to label %ok unwind label %lpad

ok:
  call void @free(ptr noundef %buf)
  ret void

lpad:
  %lp = landingpad { ptr, i32 }
          cleanup
  call void @free(ptr noundef %buf)
  resume { ptr, i32 } %lp
}

; REMARK:      remark: <unknown>:0:0: not promoted: passed as argument 2 to 'register_pair', which may keep it
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'register_buffer', which may keep it
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'remember_address', which may keep it
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'register_buffer', which may keep it

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nounwind }
attributes #3 = { nofree nounwind }
