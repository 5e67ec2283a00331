; A guarded slot costs its guard-size bytes against the function's budget
; like any slot: with frame-budget=200 the first 128-byte guarded slot fits
; and the second does not.  A bounded slot that would exceed the budget
; falls back to a guarded one when that fits.  A function that may recurse
; has recursive-budget (0 by default) instead, so it keeps a guarded site
; until recursive-budget=128.  A guard-size over max-size refuses every
; site that needs a guarded slot, not those whose bound fits.
; Room-guarded blocks (room-guard-*.ll) are off here (no-room): this file
; tests the static budget of functions that may recurse.
; RUN: opt -passes='heap2stack<no-cleanup;no-room;frame-budget=200>' -S < %s | FileCheck %s --check-prefixes=CHECK,DEFAULT
; RUN: opt -passes='heap2stack<no-cleanup;no-room;frame-budget=200;recursive-budget=128>' -S < %s | FileCheck %s --check-prefixes=CHECK,RECURSIVE
; RUN: opt -passes='heap2stack<no-cleanup;no-room;guard-size=256;max-size=64>' -S < %s | FileCheck %s --check-prefix=MAXSIZE
; RUN: opt -passes='heap2stack<no-cleanup;no-room;frame-budget=200>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -passes='heap2stack<no-cleanup;no-room;frame-budget=200;recursive-budget=128>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK-RECURSIVE
; RUN: opt -passes='heap2stack<no-cleanup;no-room;guard-size=256;max-size=64>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK-MAXSIZE

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @second_guarded_slot_over_budget(i64 %n, i64 %m) {
; CHECK-LABEL: @second_guarded_slot_over_budget(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 16
; CHECK-NOT:     alloca
; CHECK:         %h2s.fits = icmp ule i64 %n, 128
; CHECK:         %first = call noalias ptr @malloc(i64 noundef %n)
; CHECK:         %second = call noalias ptr @malloc(i64 noundef %m)
; CHECK-NEXT:    store i8 1, ptr %h2s.block, align 1
; CHECK-NEXT:    store i8 2, ptr %second, align 1
; CHECK:         call void @free(ptr noundef %h2s.block)
; CHECK:         call void @free(ptr noundef %second)
; CHECK-NEXT:    ret void
;
; MAXSIZE-LABEL: @second_guarded_slot_over_budget(
; MAXSIZE-NEXT:  entry:
; MAXSIZE-NEXT:    %first = call noalias ptr @malloc(i64 noundef %n)
; MAXSIZE-NEXT:    %second = call noalias ptr @malloc(i64 noundef %m)
;
entry:
  %first = call noalias ptr @malloc(i64 noundef %n)
  %second = call noalias ptr @malloc(i64 noundef %m)
  store i8 1, ptr %first, align 1
  store i8 2, ptr %second, align 1
  call void @free(ptr noundef %first)
  call void @free(ptr noundef %second)
  ret void
}

; The size is at most 1000 bytes (n & 1000), more than the budget: the
; block gets the 128-byte guarded slot instead.
define void @bound_over_budget_falls_back_to_guard(i64 %n) {
; CHECK-LABEL: @bound_over_budget_falls_back_to_guard(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 16
; CHECK-NEXT:    %size = and i64 %n, 1000
; CHECK-NEXT:    %h2s.fits = icmp ule i64 %size, 128
; CHECK-NEXT:    br i1 %h2s.fits, label %h2s.stack, label %[[HEAP:h2s.cont[0-9]*]], !prof
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef %size)
;
entry:
  %size = and i64 %n, 1000
  %buf = call noalias ptr @malloc(i64 noundef %size)
  store i8 1, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

; At most 112 bytes fit the budget: a slot of the bound, no guard, and the
; free is gone.  Under max-size=64 the bound does not pass, so the block
; would need the 256-byte guarded slot, which is refused too.
define void @bound_within_budget(i64 %n) {
; CHECK-LABEL: @bound_within_budget(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [112 x i8], align 16
; CHECK-NEXT:    %size = and i64 %n, 112
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store i8 1, ptr %h2s.slot, align 1
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    ret void
;
; MAXSIZE-LABEL: @bound_within_budget(
; MAXSIZE-NEXT:  entry:
; MAXSIZE-NEXT:    %size = and i64 %n, 112
; MAXSIZE-NEXT:    %buf = call noalias ptr @malloc(i64 noundef %size)
;
entry:
  %size = and i64 %n, 112
  %buf = call noalias ptr @malloc(i64 noundef %size)
  store i8 1, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

; At most 48 bytes pass max-size=64 whatever guard-size says.
define void @bound_within_max_size(i64 %n) {
; CHECK-LABEL: @bound_within_max_size(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [48 x i8], align 16
;
; MAXSIZE-LABEL: @bound_within_max_size(
; MAXSIZE-NEXT:  entry:
; MAXSIZE-NEXT:    %h2s.slot = alloca [48 x i8], align 16
; MAXSIZE-NEXT:    %size = and i64 %n, 48
; MAXSIZE-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; MAXSIZE-NOT:     @malloc
; MAXSIZE:         ret void
;
entry:
  %size = and i64 %n, 48
  %buf = call noalias ptr @malloc(i64 noundef %size)
  store i8 1, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

define void @may_recurse(i64 %n) {
; CHECK-LABEL: @may_recurse(
; DEFAULT-NEXT:  entry:
; DEFAULT-NEXT:    %buf = call noalias ptr @malloc(i64 noundef %n)
; DEFAULT-NEXT:    store i8 1, ptr %buf, align 1
; DEFAULT-NEXT:    call void @free(ptr noundef %buf)
; RECURSIVE-NEXT:  entry:
; RECURSIVE-NEXT:    %h2s.slot = alloca [128 x i8], align 16
; RECURSIVE-NEXT:    %h2s.fits = icmp ule i64 %n, 128
; RECURSIVE:         %buf = call noalias ptr @malloc(i64 noundef %n)
; RECURSIVE:         %h2s.heap = icmp ne ptr %h2s.block, %h2s.slot
; CHECK:             call void @may_recurse(i64 %less)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef %n)
  store i8 1, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  %stop = icmp eq i64 %n, 0
  br i1 %stop, label %done, label %again

again:
  %less = sub i64 %n, 1
  call void @may_recurse(i64 %less)
  br label %done

done:
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: a 128-byte slot would exceed the function's 200-byte stack budget (frame-budget)
; REMARK-NEXT: remark: <unknown>:0:0: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK-NEXT: remark: <unknown>:0:0: moved 'malloc' block of at most 112 bytes to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 'malloc' block of at most 48 bytes to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: the function may be recursive and a 128-byte slot exceeds its 0-byte budget (recursive-budget)
; REMARK-NOT:  remark

; REMARK-RECURSIVE: remark: <unknown>:0:0: moved 'malloc' block of at most 48 bytes to the stack
; REMARK-RECURSIVE-NEXT: remark: <unknown>:0:0: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger
; REMARK-RECURSIVE-NOT:  remark

; REMARK-MAXSIZE:      remark: <unknown>:0:0: not promoted: the 256-byte guarded slot exceeds the 64-byte limit per block (max-size)
; REMARK-MAXSIZE-NEXT: remark: <unknown>:0:0: not promoted: the 256-byte guarded slot exceeds the 64-byte limit per block (max-size)
; REMARK-MAXSIZE-NEXT: remark: <unknown>:0:0: not promoted: the 256-byte guarded slot exceeds the 64-byte limit per block (max-size)
; REMARK-MAXSIZE-NEXT: remark: <unknown>:0:0: not promoted: the 256-byte guarded slot exceeds the 64-byte limit per block (max-size)
; REMARK-MAXSIZE-NEXT: remark: <unknown>:0:0: moved 'malloc' block of at most 48 bytes to the stack
; REMARK-MAXSIZE-NEXT: remark: <unknown>:0:0: not promoted: the 256-byte guarded slot exceeds the 64-byte limit per block (max-size)
; REMARK-MAXSIZE-NOT:  remark

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
