; A second run of the pass leaves the bodies of a split function alone: the
; plain body still has its malloc, and neither body is split again (both
; carry "heap2stack-split"); the dispatcher has no sites.  Without the mark
; the plain body, which may recurse through the dispatcher, would be split
; or promoted too.
; RUN: opt -passes='heap2stack<no-cleanup>,heap2stack<no-cleanup>' -S < %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK-NOT: h2s.room.h2s
; CHECK-NOT: h2s.plain.h2s
; CHECK-LABEL: define i32 @depth(
; CHECK:         musttail call i32 @depth.h2s.room(i32 %n)
; CHECK:         musttail call i32 @depth.h2s.plain(i32 %n)
; CHECK-LABEL: define internal i32 @depth.h2s.room(
; CHECK:         ret i32
; CHECK-NOT:     call noalias ptr @malloc
; CHECK-LABEL: define internal i32 @depth.h2s.plain(
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 32)
; CHECK-NOT: h2s.room.h2s
; CHECK-NOT: h2s.plain.h2s
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
