; A module with a split function finds the main thread's stack bounds at
; start-up: a constructor of priority 101, in a comdat of its own, that
; calls the bounds helper when this thread's bounds are still unknown.  A
; module whose slots need no room guard (no function may recurse) gets no
; constructor.
; RUN: rm -rf %t && split-file %s %t
; RUN: opt -passes=heap2stack %t/split.ll -S | FileCheck %s --check-prefix=SPLIT
; RUN: opt -passes=heap2stack %t/plain.ll -S | FileCheck %s --check-prefix=PLAIN
;
; SPLIT:       $__heap2stack_stack_bounds_at_start = comdat any
; SPLIT:       @llvm.global_ctors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 101, ptr @__heap2stack_stack_bounds_at_start, ptr @__heap2stack_stack_bounds_at_start }]
; SPLIT-LABEL: define linkonce_odr hidden void @__heap2stack_stack_bounds_at_start() {{.*}}comdat {
; SPLIT:         %unset = icmp eq i64 %__heap2stack_stack_lo, 0
; SPLIT:         call void @__heap2stack_stack_bounds()
;
; PLAIN-NOT:   global_ctors
; PLAIN-NOT:   __heap2stack_stack_bounds
; PLAIN-LABEL: define i32 @once(
; PLAIN:         %h2s.slot{{.*}} = alloca
; PLAIN-NOT:   global_ctors
; PLAIN-NOT:   __heap2stack_stack_bounds

;--- split.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i32 @depth(i32 %n) {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i32 %n, ptr %buf, align 4
  %m = sub i32 %n, 1
  %r = call i32 @depth(i32 %m)
  call void @free(ptr noundef %buf)
  ret i32 %r
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

;--- plain.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i32 @once(i32 %n) {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store volatile i32 %n, ptr %buf, align 4
  %v = load volatile i32, ptr %buf, align 4
  call void @free(ptr noundef %buf)
  ret i32 %v
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
