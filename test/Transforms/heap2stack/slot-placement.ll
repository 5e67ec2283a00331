; The stack slot of a promoted block is a static alloca at the top of the
; entry block, after the allocas already there, wherever the allocation was;
; each promoted site gets a slot of its own.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @consume(i32) nocallback

define void @allocation_in_later_block(i1 %cond) {
; CHECK-LABEL: @allocation_in_later_block(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 16
; CHECK-NEXT:    br i1 %cond, label %then, label %done
; CHECK:       then:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store i32 1, ptr %h2s.slot, align 4
;
entry:
  br i1 %cond, label %then, label %done

then:
  %buf = call noalias ptr @malloc(i64 noundef 64)
  store i32 1, ptr %buf, align 4
  %val = load i32, ptr %buf, align 4
  call void @consume(i32 %val)
  call void @free(ptr noundef %buf)
  br label %done

done:
  ret void
}

define void @after_existing_allocas() {
; CHECK-LABEL: @after_existing_allocas(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %local = alloca i32, align 4
; CHECK-NEXT:    %other = alloca i64, align 8
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NEXT:    store i32 3, ptr %local, align 4
;
entry:
  %local = alloca i32, align 4
  %other = alloca i64, align 8
  store i32 3, ptr %local, align 4
  %buf = call noalias ptr @malloc(i64 noundef 32)
  %val = load i32, ptr %local, align 4
  store i32 %val, ptr %buf, align 4
  store i64 0, ptr %other, align 8
  call void @free(ptr noundef %buf)
  ret void
}

define void @two_sites_two_slots() {
; CHECK-LABEL: @two_sites_two_slots(
; CHECK-NEXT:  entry:
; CHECK-DAG:     %[[SLOT_A:.*]] = alloca [8 x i8], align 16
; CHECK-DAG:     %[[SLOT_B:.*]] = alloca [24 x i8], align 16
; CHECK:         store i64 1, ptr %[[SLOT_A]], align 8
; CHECK:         store i64 2, ptr %[[SLOT_B]], align 8
; CHECK-NOT:     @malloc
; CHECK:         ret void
;
entry:
  %first = call noalias ptr @malloc(i64 noundef 8)
  %second = call noalias ptr @malloc(i64 noundef 24)
  store i64 1, ptr %first, align 8
  store i64 2, ptr %second, align 8
  call void @free(ptr noundef %second)
  call void @free(ptr noundef %first)
  ret void
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
