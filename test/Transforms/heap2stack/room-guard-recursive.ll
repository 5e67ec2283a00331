; With room guards on (room), a block that the recursive budget refuses in a
; function that may recurse goes to the stack at run time while the
; thread's stack has more than room-margin + K bytes below the frame: the
; entry saves the stack pointer, the site restores it (the site's earlier
; block is dead) and asks __heap2stack_stack_room, the stack path takes a
; dynamic alloca of K bytes, and the free restores the stack and frees only
; a heap block.  The module gets one linkonce_odr hidden copy of the room
; query and its thread-local bounds, shared by every guarded function.  Off
; by default.  Kept: a second site in the same function, a function with a
; VLA of its own, and other targets than Linux.
; RUN: opt -passes='heap2stack<no-cleanup;room>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s --check-prefix=OFF
; RUN: opt -passes='heap2stack<no-cleanup;room;room-margin=4096>' -S < %s | FileCheck %s --check-prefix=MARGIN
; RUN: sed -e 's/x86_64-unknown-linux-gnu/x86_64-apple-macosx14.0.0/' %s | opt -passes='heap2stack<no-cleanup;room>' -S | FileCheck %s --check-prefix=OTHER
; RUN: opt -passes='heap2stack<no-cleanup;room>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK: @__heap2stack_stack_lo = linkonce_odr hidden thread_local global i64 0
; CHECK: @__heap2stack_stack_hi = linkonce_odr hidden thread_local global i64 0

define i32 @depth(i32 %n) {
; CHECK-LABEL: @depth(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.room.block = alloca ptr, align 8
; CHECK-NEXT:    %[[MARK:[0-9]+]] = call ptr @llvm.stacksave.p0()
; CHECK-NEXT:    store ptr null, ptr %h2s.room.block, align 8
; CHECK-NEXT:    call void @llvm.stackrestore.p0(ptr %[[MARK]])
; CHECK-NEXT:    %h2s.room = call i64 @__heap2stack_stack_room()
; CHECK-NEXT:    %h2s.roomy = icmp ugt i64 %h2s.room, 65568
; CHECK-NEXT:    %h2s.usable = and i1 true, %h2s.roomy
; CHECK-NEXT:    br i1 %h2s.usable, label %h2s.stack, label %[[HEAP:.*]], !prof
; CHECK:       h2s.stack:
; CHECK-NEXT:    %[[BLOCK:h2s.room[0-9]+]] = alloca i8, i64 32, align 16
; CHECK-NEXT:    store ptr %[[BLOCK]], ptr %h2s.room.block, align 8
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 32)
; CHECK:         %h2s.block = phi ptr [ %[[BLOCK]], %h2s.stack ], [ %buf, %[[HEAP]] ]
; CHECK:       done:
; CHECK:         call void @llvm.stackrestore.p0(ptr %[[MARK]])
; CHECK-NEXT:    %[[CELL:h2s.room.block[0-9]+]] = load ptr, ptr %h2s.room.block, align 8
; CHECK-NEXT:    %h2s.heap = icmp ne ptr %h2s.block, %[[CELL]]
; CHECK:         call void @free(ptr noundef %h2s.block)
;
; OFF-LABEL: @depth(
; OFF-NOT:     alloca
; OFF:         %buf = call noalias ptr @malloc(i64 noundef 32)
;
; MARGIN-LABEL: @depth(
; MARGIN:         %h2s.roomy = icmp ugt i64 %h2s.room, 4128
;
; OTHER-LABEL: @depth(
; OTHER-NOT:     alloca
; OTHER-NOT:     @__heap2stack_stack_room
; OTHER:         %buf = call noalias ptr @malloc(i64 noundef 32)
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i32 %n, ptr %buf, align 4
  %stop = icmp eq i32 %n, 0
  br i1 %stop, label %done, label %deeper

deeper:
  %m = sub i32 %n, 1
  %r = call i32 @depth(i32 %m)
  %v = load i32, ptr %buf, align 4
  %s = add i32 %r, %v
  br label %done

done:
  %res = phi i32 [ 0, %entry ], [ %s, %deeper ]
  call void @free(ptr noundef %buf)
  ret i32 %res
}

; Two sites: the first gets the room guard, the second stays.
define i32 @two_sites(i32 %n, i64 %size) {
; CHECK-LABEL: @two_sites(
; CHECK:         call i64 @__heap2stack_stack_room()
; CHECK:         %first = call noalias ptr @malloc(i64 noundef %size)
; CHECK:         %second = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NOT:     @__heap2stack_stack_room
; CHECK:         ret i32
entry:
  %first = call noalias ptr @malloc(i64 noundef %size)
  %second = call noalias ptr @malloc(i64 noundef 16)
  store i32 %n, ptr %first, align 4
  store i32 %n, ptr %second, align 4
  %m = sub i32 %n, 1
  %r = call i32 @two_sites(i32 %m, i64 %size)
  call void @free(ptr noundef %first)
  call void @free(ptr noundef %second)
  ret i32 %r
}

; A VLA of the function's own: restoring the stack would release it too.
define i32 @with_vla(i32 %n, i64 %len) {
; CHECK-LABEL: @with_vla(
; CHECK-NOT:     @__heap2stack_stack_room
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 32)
entry:
  %vla = alloca i8, i64 %len, align 16
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i8 1, ptr %vla, align 1
  store i32 %n, ptr %buf, align 4
  %m = sub i32 %n, 1
  %r = call i32 @with_vla(i32 %m, i64 %len)
  call void @free(ptr noundef %buf)
  ret i32 %r
}

; REMARK:      remark: <unknown>:0:0: moved 'malloc' block to the stack when room allows (recursive function, at most 32 bytes)
; REMARK-NEXT: remark: <unknown>:0:0: moved 'malloc' block to the stack when room allows (recursive function, at most 128 bytes)
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: the function may be recursive and a 16-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: the function may be recursive and a 32-byte slot exceeds its 0-byte budget (recursive-budget)

; The query and its bounds, defined once for the module:
; CHECK:     define linkonce_odr hidden void @__heap2stack_stack_bounds() #[[COLD:[0-9]+]] {
; CHECK:       call i32 @pthread_getattr_np(i64 %{{.*}}, ptr %attr)
; CHECK:       call i32 @pthread_attr_getstack(ptr %attr, ptr %addr, ptr %size)
; CHECK:       call i32 @pthread_attr_destroy(ptr %attr)
; CHECK:     define linkonce_odr hidden i64 @__heap2stack_stack_room()
; CHECK:       call void @__heap2stack_stack_bounds()
; CHECK:       %frame = call ptr @llvm.frameaddress.p0(i32 0)
; CHECK:       %inside = and i1 %above, %below
; CHECK:       %left = select i1 %inside, i64 %room, i64 0
; CHECK-NOT: define {{.*}}@__heap2stack_stack_room
; CHECK: attributes #[[COLD]] = { cold noinline nounwind }

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
