; A split function's body with slots rewrites frees and reallocs as any
; function's guarded slot does (the slot while the block fits, the heap
; when it grows past it, frees only of heap blocks); its plain body keeps
; the original malloc, realloc and frees.  The room test reserves the
; 128-byte guarded slot.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK-LABEL: define i32 @grow(
; CHECK:         %lowest = add i64 %floor, 128
; CHECK:         musttail call i32 @grow.h2s.room(i32 %n, i64 %len)
; CHECK:         musttail call i32 @grow.h2s.plain(i32 %n, i64 %len)
;
; CHECK-LABEL: define internal i32 @grow.h2s.room(
; CHECK:         %h2s.slot = alloca [128 x i8], align 16
; CHECK:         %h2s.fits = icmp ule i64 %len, 128
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef %len)
; CHECK:         %h2s.inslot = icmp eq ptr %[[OLD:h2s.block[0-9]*]], %h2s.slot
; CHECK:         %big = call ptr @realloc(ptr noundef %[[OLD]], i64 noundef %twice)
; CHECK:         %h2s.moved = call ptr @realloc(ptr null, i64 %twice)
; CHECK:         %h2s.heap{{.*}} = icmp {{eq|ne}} ptr %[[OLD]], %h2s.slot
; CHECK:         call void @free(ptr noundef %[[OLD]])
; CHECK:         call i32 @grow(i32 %m, i64 %len)
; CHECK:         call void @free(ptr noundef %h2s.block)
;
; CHECK-LABEL: define internal i32 @grow.h2s.plain(
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef %len)
; CHECK:         %big = call ptr @realloc(ptr noundef %buf, i64 noundef %twice)
; CHECK:         call void @free(ptr noundef %buf)
; CHECK:         call i32 @grow(i32 %m, i64 %len)
; CHECK:         call void @free(ptr noundef %big)
;
; REMARK:      remark: <unknown>:0:0: moved 'malloc' block to a 128-byte stack slot when it fits, to the heap when larger; the function may recurse, so only while the thread's stack has room
; REMARK-NEXT: remark: <unknown>:0:0: 'realloc' keeps the 'malloc' block in its stack slot while it fits
define i32 @grow(i32 %n, i64 %len) {
entry:
  %buf = call noalias ptr @malloc(i64 noundef %len)
  %ok = icmp ne ptr %buf, null
  br i1 %ok, label %fill, label %out

fill:
  store i8 1, ptr %buf, align 1
  %twice = shl i64 %len, 1
  %big = call ptr @realloc(ptr noundef %buf, i64 noundef %twice)
  %grown = icmp ne ptr %big, null
  br i1 %grown, label %use, label %keep

keep:
  call void @free(ptr noundef %buf)
  br label %out

use:
  %m = sub i32 %n, 1
  %r = call i32 @grow(i32 %m, i64 %len)
  %v = load i8, ptr %big, align 1
  %w = zext i8 %v to i32
  %s = add i32 %r, %w
  call void @free(ptr noundef %big)
  br label %out

out:
  %res = phi i32 [ 0, %entry ], [ 0, %keep ], [ %s, %use ]
  ret i32 %res
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare noalias noundef ptr @realloc(ptr allocptr noundef, i64 noundef) #2
declare void @free(ptr allocptr noundef nocapture) #1
attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
