; A new-expression inside a scope with cleanups is an invoke of operator
; new.  When its block is promoted, the invoke becomes a branch to its
; normal destination, its unwind edge is gone (an alloca cannot throw), and
; the landing pad's other predecessors are left intact.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

%struct.Guard = type { i8 }

declare void @_ZN5GuardC1Ev(ptr noundef nonnull align 1 dereferenceable(1)) nocallback #4
declare void @_ZN5GuardD1Ev(ptr noundef nonnull align 1 dereferenceable(1)) nocallback #5
declare void @_Z8mayThrowv() nocallback #4
declare i32 @__gxx_personality_v0(...)

define void @invoked_new_promoted() personality ptr @__gxx_personality_v0 {
; CHECK-LABEL: @invoked_new_promoted(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %guard = alloca %struct.Guard, align 1
; CHECK-NEXT:    %h2s.slot = alloca [4 x i8], align 16
; CHECK-NEXT:    call void @_ZN5GuardC1Ev(ptr noundef nonnull align 1 dereferenceable(1) %guard)
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    br label %made
; CHECK:       made:
; CHECK-NEXT:    store i32 1, ptr %h2s.slot, align 4
; CHECK-NEXT:    invoke void @_Z8mayThrowv()
; CHECK-NEXT:            to label %done unwind label %lpad
; CHECK:       done:
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @_ZN5GuardD1Ev(
; CHECK:       lpad:
; CHECK-NEXT:    %lp = landingpad { ptr, i32 }
; CHECK-NOT:     invoke {{.*}}@_Znwm
; CHECK-NOT:     @_ZdlPvm
;
entry:
  %guard = alloca %struct.Guard, align 1
  call void @_ZN5GuardC1Ev(ptr noundef nonnull align 1 dereferenceable(1) %guard)
  %obj = invoke noalias noundef nonnull dereferenceable(4) ptr @_Znwm(i64 noundef 4) #6
          to label %made unwind label %lpad

made:
  store i32 1, ptr %obj, align 4
  invoke void @_Z8mayThrowv()
          to label %done unwind label %lpad

done:
  call void @_ZdlPvm(ptr noundef nonnull %obj, i64 noundef 4) #7
  call void @_ZN5GuardD1Ev(ptr noundef nonnull align 1 dereferenceable(1) %guard)
  ret void

lpad:
  %lp = landingpad { ptr, i32 }
          cleanup
  call void @_ZN5GuardD1Ev(ptr noundef nonnull align 1 dereferenceable(1) %guard)
  resume { ptr, i32 } %lp
}

define void @invoked_new_escaping(ptr %out) personality ptr @__gxx_personality_v0 {
; CHECK-LABEL: @invoked_new_escaping(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %obj = invoke noalias noundef nonnull dereferenceable(4) ptr @_Znwm(i64 noundef 4)
; CHECK-NEXT:            to label %made unwind label %lpad
;
entry:
  %obj = invoke noalias noundef nonnull dereferenceable(4) ptr @_Znwm(i64 noundef 4) #6
          to label %made unwind label %lpad

made:
  store ptr %obj, ptr %out, align 8
  ret void

lpad:
  %lp = landingpad { ptr, i32 }
          cleanup
  resume { ptr, i32 } %lp
}

; REMARK:      remark: <unknown>:0:0: moved 4-byte '_Znwm' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory

declare noundef nonnull ptr @_Znwm(i64 noundef) #2
declare void @_ZdlPvm(ptr noundef, i64 noundef) #3
attributes #2 = { nobuiltin allocsize(0) }
attributes #3 = { nobuiltin nounwind }
attributes #4 = { "no-trapping-math"="true" }
attributes #5 = { nounwind }
attributes #6 = { builtin allocsize(0) }
attributes #7 = { builtin nounwind }
