; A run-time sized new[] that is invoked keeps its invoke on the heap path,
; since operator new may still throw there: the normal edge gets a block of
; its own where the slot and the heap block meet, and the landing pad keeps
; its predecessors.  The delete[] is guarded like a free.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @_Z8mayThrowv() nocallback
declare i32 @__gxx_personality_v0(...)

define i8 @invoked_new_array_guarded(i64 %n) personality ptr @__gxx_personality_v0 {
; CHECK-LABEL: @invoked_new_array_guarded(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 16
; CHECK-NEXT:    call void @_Z8mayThrowv()
; CHECK-NEXT:    %h2s.fits = icmp ule i64 %n, 128
; CHECK-NEXT:    br i1 %h2s.fits, label %h2s.stack, label %[[HEAP:.*]], !prof
; CHECK:       h2s.stack:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    br label %[[JOIN:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %arr = invoke noalias noundef nonnull ptr @_Znam(i64 noundef %n)
; CHECK-NEXT:            to label %[[JOIN]] unwind label %lpad
; CHECK:       [[JOIN]]:
; CHECK-NEXT:    %h2s.block = phi ptr [ %h2s.slot, %h2s.stack ], [ %arr, %[[HEAP]] ]
; CHECK-NEXT:    br label %made
; CHECK:       made:
; CHECK-NEXT:    store i8 1, ptr %h2s.block, align 1
; CHECK:         %h2s.heap = icmp ne ptr %h2s.block, %h2s.slot
; CHECK:         call void @_ZdaPv(ptr noundef nonnull %h2s.block)
; CHECK:       lpad:
; CHECK-NEXT:    %lp = landingpad { ptr, i32 }
;
entry:
  call void @_Z8mayThrowv()
  %arr = invoke noalias noundef nonnull ptr @_Znam(i64 noundef %n) #6
          to label %made unwind label %lpad

made:
  store i8 1, ptr %arr, align 1
  %v = load i8, ptr %arr, align 1
  call void @_ZdaPv(ptr noundef nonnull %arr) #7
  ret i8 %v

lpad:
  %lp = landingpad { ptr, i32 }
          cleanup
  resume { ptr, i32 } %lp
}

; REMARK: remark: <unknown>:0:0: moved '_Znam' block to a 128-byte stack slot when it fits, to the heap when larger

declare noundef nonnull ptr @_Znam(i64 noundef) #2
declare void @_ZdaPv(ptr noundef) #3
attributes #2 = { nobuiltin allocsize(0) }
attributes #3 = { nobuiltin nounwind }
attributes #6 = { builtin allocsize(0) }
attributes #7 = { builtin nounwind }
