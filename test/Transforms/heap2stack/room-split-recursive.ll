; A function that may recurse and has a promotable site is split (room
; guards, on by default): @depth becomes a dispatcher that keeps its name
; and callers and, when this thread's stack pointer is in the first 5%
; (room-percent) of the thread's stack with the slots' 32 bytes to spare
; (the floor of that share is found once per thread, by a helper named by
; the percent, counting at most 8 MiB of the stack: an unlimited one is
; reported as terabytes),
; musttail-calls @depth.h2s.room, the body with the block in a static slot;
; otherwise it musttail-calls @depth.h2s.plain, the body as it was.  Both
; bodies call the dispatcher, are noinline and are marked
; "heap2stack-split".  The thread's bounds are found once per thread by a
; linkonce_odr hidden helper.  Kept unsplit: room guards off (no-room or
; room-percent=0) and targets other than Linux on x86-64 and AArch64, where
; the recursive budget (0) refuses the block.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup;room-percent=20>' -S < %s | FileCheck %s --check-prefix=SHARE
; RUN: opt -passes='heap2stack<no-cleanup;no-room>' -S < %s | FileCheck %s --check-prefix=OFF
; RUN: opt -passes='heap2stack<no-cleanup;room-percent=0>' -S < %s | FileCheck %s --check-prefix=OFF
; RUN: sed -e 's/x86_64-unknown-linux-gnu/x86_64-apple-macosx14.0.0/' %s | opt -passes='heap2stack<no-cleanup>' -S | FileCheck %s --check-prefix=OFF
; RUN: sed -e 's/x86_64-unknown-linux-gnu/aarch64-unknown-linux-gnu/' %s | opt -passes='heap2stack<no-cleanup>' -S | FileCheck %s --check-prefix=AARCH64
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -passes='heap2stack<no-cleanup;no-room>' -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK-OFF

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK-DAG: @__heap2stack_room_floor_5 = linkonce_odr hidden thread_local global i64 0
; CHECK-DAG: @__heap2stack_stack_lo = linkonce_odr hidden thread_local global i64 0
; CHECK-DAG: @__heap2stack_stack_hi = linkonce_odr hidden thread_local global i64 0

; CHECK-LABEL: define i32 @depth(i32 noundef %n) {
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[CELL:[0-9]+]] = call ptr @llvm.threadlocal.address.p0(ptr @__heap2stack_room_floor_5)
; CHECK-NEXT:    %__heap2stack_room_floor_5 = load i64, ptr %[[CELL]], align 8
; CHECK-NEXT:    %unset = icmp eq i64 %__heap2stack_room_floor_5, 0
; CHECK-NEXT:    br i1 %unset, label %first, label %known, !prof ![[UNLIKELY:[0-9]+]]
; CHECK:       first:
; CHECK-NEXT:    %found = call preserve_mostcc i64 @__heap2stack_room_floor_5_find()
; CHECK-NEXT:    br label %known
; CHECK:       known:
; CHECK-NEXT:    %floor = phi i64 [ %__heap2stack_room_floor_5, %entry ], [ %found, %first ]
; CHECK:         %__heap2stack_stack_hi = load i64
; CHECK-NEXT:    %[[SAVED:[0-9]+]] = call ptr @llvm.stacksave.p0()
; CHECK-NEXT:    %sp = ptrtoint ptr %[[SAVED]] to i64
; CHECK-NEXT:    %lowest = add i64 %floor, 32
; CHECK-NEXT:    %above = icmp ugt i64 %sp, %lowest
; CHECK-NEXT:    %below = icmp ule i64 %sp, %__heap2stack_stack_hi
; CHECK-NEXT:    %h2s.room = and i1 %above, %below
; CHECK-NEXT:    br i1 %h2s.room, label %room, label %plain, !prof ![[LIKELY:[0-9]+]]
; CHECK:       room:
; CHECK-NEXT:    %[[R1:[0-9]+]] = musttail call i32 @depth.h2s.room(i32 noundef %n)
; CHECK-NEXT:    ret i32 %[[R1]]
; CHECK:       plain:
; CHECK-NEXT:    %[[R2:[0-9]+]] = musttail call i32 @depth.h2s.plain(i32 noundef %n)
; CHECK-NEXT:    ret i32 %[[R2]]

; CHECK-LABEL: define internal i32 @depth.h2s.room(
; CHECK-SAME:    i32 noundef %n) #[[BODY:[0-9]+]] {
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store i32 %n, ptr %h2s.slot, align 4
; CHECK:         %r = call i32 @depth(i32 %m)
; CHECK:         call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret i32 %res

; CHECK-LABEL: define internal i32 @depth.h2s.plain(
; CHECK-SAME:    i32 noundef %n) #[[BODY]] {
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 32)
; CHECK:         %r = call i32 @depth(i32 %m)
; CHECK:         call void @free(ptr noundef %buf)
;
; SHARE-LABEL: define i32 @depth(
; SHARE:         call ptr @llvm.threadlocal.address.p0(ptr @__heap2stack_room_floor_20)
; SHARE-LABEL: define linkonce_odr hidden preserve_mostcc i64 @__heap2stack_room_floor_20_find()
; SHARE:         mul i64 %span, 20
;
; OFF-NOT:     h2s.room
; OFF-NOT:     h2s.plain
; OFF-LABEL: define i32 @depth(
; OFF-NOT:     alloca
; OFF:         %buf = call noalias ptr @malloc(i64 noundef 32)
; OFF-NOT:     __heap2stack_stack
;
; AARCH64-LABEL: define i32 @depth(
; AARCH64:         musttail call i32 @depth.h2s.room(
define i32 @depth(i32 noundef %n) {
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

; REMARK: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; the function may recurse, so only while the thread's stack has room
; REMARK-OFF: remark: <unknown>:0:0: not promoted: the function may be recursive and a 32-byte slot exceeds its 0-byte budget (recursive-budget)

; The bounds, found once per thread, and the floor computed from them:
; CHECK:     define linkonce_odr hidden void @__heap2stack_stack_bounds() #[[COLD:[0-9]+]] {
; CHECK:       call i32 @pthread_getattr_np(i64 %{{.*}}, ptr %attr)
; CHECK:       call i32 @pthread_attr_getstack(ptr %attr, ptr %addr, ptr %size)
; CHECK:       call i32 @pthread_attr_destroy(ptr %attr)
; CHECK:       store i64 1, ptr
; CHECK:     define linkonce_odr hidden preserve_mostcc i64 @__heap2stack_room_floor_5_find() #[[COLD]] {
; CHECK:       call void @__heap2stack_stack_bounds()
; CHECK:       %stack = sub i64 %__heap2stack_stack_hi, %__heap2stack_stack_lo{{[0-9]+}}
; CHECK-NEXT:  %huge = icmp ugt i64 %stack, 8388608
; CHECK-NEXT:  %span = select i1 %huge, i64 8388608, i64 %stack
; CHECK-NEXT:  %[[SCALED:[0-9]+]] = mul i64 %span, 5
; CHECK-NEXT:  %share = udiv i64 %[[SCALED]], 100
; CHECK-NEXT:  %floor = sub i64 %__heap2stack_stack_hi, %share
; CHECK:       store i64 %floor, ptr
; CHECK-NEXT:  ret i64 %floor
; CHECK: attributes #[[BODY]] = { noinline "heap2stack-split" }
; CHECK: attributes #[[COLD]] = { cold noinline nounwind }
; CHECK: ![[UNLIKELY]] = !{!"branch_weights", i32 1, i32 {{[0-9]+}}}
; CHECK: ![[LIKELY]] = !{!"branch_weights", i32 {{[0-9]+}}, i32 1}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
