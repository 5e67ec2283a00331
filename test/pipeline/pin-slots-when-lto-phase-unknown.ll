; LLVM 19's pipelines do not tell an extension point whether it runs before
; an LTO link, where the link-time inliner could still carry a promoted slot
; into a recursive caller that no budget counted.  There the pass marks each
; function that got a slot noinline and promotes nothing in always_inline
; functions.  LLVM 22 says which phase runs the pass, keeps it out of
; pre-link pipelines, and pins nothing.
; RUN: %if lto-phase-callbacks %{ opt -passes='default<O2>' -pass-remarks-missed=heap2stack -S < %s 2>&1 | FileCheck %s --check-prefix=NOPIN %} %else %{ opt -passes='default<O2>' -pass-remarks-missed=heap2stack -S < %s 2>&1 | FileCheck %s --check-prefix=PIN %}
; RUN: %if lto-phase-callbacks %{ true %} %else %{ opt -passes='thinlto-pre-link<O2>' -pass-remarks-missed=heap2stack -S < %s 2>&1 | FileCheck %s --check-prefix=PIN %}
; RUN: opt -passes=heap2stack -S < %s | FileCheck %s --check-prefix=EXPLICIT

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; PIN: remark: <unknown>:0:0: not promoted: the function is always_inline, and an inliner may still move it into a recursive caller
; PIN-LABEL: define void @scratch()
; PIN-SAME:    [[SCRATCH:#[0-9]+]]
; PIN-NOT:     @malloc
; PIN-LABEL: define void @inlined_everywhere()
; PIN:         @malloc
; PIN:         attributes [[SCRATCH]] = { {{.*}}noinline

; NOPIN-NOT:   remark
; NOPIN-LABEL: define void @scratch()
; NOPIN-SAME:  [[SCRATCH:#[0-9]+]]
; NOPIN-NOT:   @malloc
; NOPIN-LABEL: define void @inlined_everywhere()
; NOPIN-NOT:   @malloc
; NOPIN-NOT:   attributes [[SCRATCH]] = { {{.*}}noinline

; -passes=heap2stack is the user's own pipeline: nothing is pinned.
; EXPLICIT-LABEL: define void @scratch()
; EXPLICIT-SAME:  [[SCRATCH:#[0-9]+]]
; EXPLICIT-NOT:   attributes [[SCRATCH]] = { {{.*}}noinline

define void @scratch() #2 {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @inlined_everywhere() #3 {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

declare noalias ptr @malloc(i64) #0
declare void @free(ptr allocptr nocapture) #1
declare void @use(ptr nocapture) nounwind nofree nocallback

attributes #0 = { nounwind allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc" }
attributes #1 = { nounwind allockind("free") "alloc-family"="malloc" }
attributes #2 = { nounwind }
attributes #3 = { nounwind alwaysinline }
