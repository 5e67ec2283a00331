; A block passed to a call that neither keeps the pointer (nocapture)
; nor frees it (nofree on the callee, the call or the parameter) is
; promoted, by a call or an invoke; the call then receives the slot.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare i64 @strlen(ptr noundef nocapture) #2
declare void @fill_buffer(ptr noundef writeonly nocapture, i64 noundef) #3
declare void @scribble(ptr noundef nofree nocapture) #4
declare void @fill_or_throw(ptr noundef nocapture) #5
declare i32 @__gxx_personality_v0(...)

define i64 @passed_to_strlen() {
; CHECK-LABEL: @passed_to_strlen(
; CHECK:         %h2s.slot = alloca [32 x i8], align 16
; CHECK:         %len = call i64 @strlen(ptr noundef %h2s.slot)
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret i64 %len
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i8 0, ptr %buf, align 1
  %len = call i64 @strlen(ptr noundef %buf)
  call void @free(ptr noundef %buf)
  ret i64 %len
}

define void @passed_to_nofree_function() {
; CHECK-LABEL: @passed_to_nofree_function(
; CHECK:         %h2s.slot = alloca [32 x i8], align 16
; CHECK:         call void @fill_buffer(ptr noundef %h2s.slot, i64 noundef 32)
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  call void @fill_buffer(ptr noundef %buf, i64 noundef 32)
  call void @free(ptr noundef %buf)
  ret void
}

define void @passed_to_nofree_parameter() {
; CHECK-LABEL: @passed_to_nofree_parameter(
; CHECK:         %h2s.slot = alloca [32 x i8], align 16
; CHECK:         call void @scribble(ptr noundef %h2s.slot)
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  call void @scribble(ptr noundef %buf)
  call void @free(ptr noundef %buf)
  ret void
}

define void @passed_to_nofree_call_site() {
; CHECK-LABEL: @passed_to_nofree_call_site(
; CHECK:         %h2s.slot = alloca [32 x i8], align 16
; CHECK:         call void @fill_or_throw(ptr noundef %h2s.slot) #[[NOFREE:[0-9]+]]
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  call void @fill_or_throw(ptr noundef %buf) #6
  call void @free(ptr noundef %buf)
  ret void
}

define void @passed_to_invoke() personality ptr @__gxx_personality_v0 {
; CHECK-LABEL: @passed_to_invoke(
; CHECK:         %h2s.slot = alloca [32 x i8], align 16
; CHECK:         invoke void @fill_or_throw(ptr noundef %h2s.slot) #[[NOFREE]]
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         resume
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  invoke void @fill_or_throw(ptr noundef %buf) #6
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

; CHECK: attributes #[[NOFREE]] = { nofree }

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nocallback nofree nounwind willreturn memory(argmem: read) }
attributes #3 = { mustprogress nofree norecurse nosync nounwind willreturn memory(argmem: write) }
attributes #4 = { nounwind }
attributes #5 = { mustprogress }
attributes #6 = { nofree }
