; A block that is freed on some paths only, or never, is still promoted: a
; leaked block dies with the frame just as well.  Each free of the block's
; own value gets its own lifetime.end.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @freed_on_one_path(i1 %cond) {
; CHECK-LABEL: @freed_on_one_path(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK:       release:
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    br label %done
; CHECK:       done:
; CHECK-NEXT:    ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  br i1 %cond, label %release, label %done

release:
  call void @free(ptr noundef %buf)
  br label %done

done:
  ret void
}

define i8 @never_freed() {
; CHECK-LABEL: @never_freed(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store i8 1, ptr %h2s.slot, align 1
; CHECK-NEXT:    %val = load i8, ptr %h2s.slot, align 1
; CHECK-NEXT:    ret i8 %val
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 1, ptr %buf, align 1
  %val = load i8, ptr %buf, align 1
  ret i8 %val
}

define void @freed_on_both_paths(i1 %cond) {
; CHECK-LABEL: @freed_on_both_paths(
; CHECK:       left:
; CHECK-NEXT:    store i8 1, ptr %h2s.slot, align 1
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    ret void
; CHECK:       right:
; CHECK-NEXT:    store i8 2, ptr %h2s.slot, align 1
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  br i1 %cond, label %left, label %right

left:
  store i8 1, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void

right:
  store i8 2, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret void
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
