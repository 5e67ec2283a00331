; Every module with a split function carries its own copy of the stack
; bounds helper, the floor helper and their thread-local cells, linkonce_odr
; and hidden, and of the start-up constructor that finds the main thread's
; bounds, in a comdat of its own, so that linking two such modules (or two
; object files) keeps one of each, and one constructor entry, and every
; dispatcher of the program shares them.
; RUN: rm -rf %t && split-file %s %t
; RUN: opt -passes=heap2stack %t/a.ll -o %t/a.bc
; RUN: opt -passes=heap2stack %t/b.ll -o %t/b.bc
; RUN: llvm-link %t/a.bc %t/b.bc -S -o - | FileCheck %s
;
; CHECK-DAG:   $__heap2stack_stack_bounds_at_start = comdat any
; CHECK-DAG:   @__heap2stack_room_floor_5 = linkonce_odr hidden thread_local global i64 0
; CHECK-DAG:   @__heap2stack_stack_lo = linkonce_odr hidden thread_local global i64 0
; CHECK-DAG:   @__heap2stack_stack_hi = linkonce_odr hidden thread_local global i64 0
; CHECK-DAG:   @llvm.global_ctors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 101, ptr @__heap2stack_stack_bounds_at_start, ptr @__heap2stack_stack_bounds_at_start }]
; CHECK-NOT:   @__heap2stack_{{stack_lo|stack_hi|room_floor_5}} =
; CHECK-LABEL: define linkonce_odr hidden void @__heap2stack_stack_bounds_at_start() {{.*}}comdat {
; CHECK:         call void @__heap2stack_stack_bounds()
; CHECK-LABEL: define linkonce_odr hidden void @__heap2stack_stack_bounds()
; CHECK-LABEL: define i32 @depth_a(
; CHECK:         call preserve_mostcc i64 @__heap2stack_room_floor_5_find()
; CHECK-LABEL: define linkonce_odr hidden preserve_mostcc i64 @__heap2stack_room_floor_5_find()
; CHECK-LABEL: define i32 @depth_b(
; CHECK:         call preserve_mostcc i64 @__heap2stack_room_floor_5_find()
; CHECK-NOT:   define {{.*}} @__heap2stack_{{stack_bounds|stack_bounds_at_start|room_floor_5_find}}()

;--- a.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i32 @depth_a(i32 %n) {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i32 %n, ptr %buf, align 4
  %m = sub i32 %n, 1
  %r = call i32 @depth_a(i32 %m)
  call void @free(ptr noundef %buf)
  ret i32 %r
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

;--- b.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i32 @depth_b(i32 %n) {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i32 %n, ptr %buf, align 4
  %m = sub i32 %n, 1
  %r = call i32 @depth_b(i32 %m)
  call void @free(ptr noundef %buf)
  ret i32 %r
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
