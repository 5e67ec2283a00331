; The slot's lifetime starts where the allocation was (not in the entry
; block, where the alloca is) and ends right before each free of the
; allocation's own value.  A free of a phi that may be null ends nothing:
; on the null path the block is still live.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @work(ptr noundef nocapture) nocallback #2

define void @start_where_allocated(i1 %cond) {
; CHECK-LABEL: @start_where_allocated(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @work(ptr noundef null)
; CHECK-NEXT:    br i1 %cond, label %then, label %done
; CHECK:       then:
; CHECK-NEXT:    call void @work(ptr noundef null)
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @work(ptr noundef %h2s.slot)
;
entry:
  call void @work(ptr noundef null)
  br i1 %cond, label %then, label %done

then:
  call void @work(ptr noundef null)
  %buf = call noalias ptr @malloc(i64 noundef 16)
  call void @work(ptr noundef %buf)
  call void @free(ptr noundef %buf)
  br label %done

done:
  ret void
}

define void @end_before_own_free() {
; CHECK-LABEL: @end_before_own_free(
; CHECK:         call void @work(ptr noundef %h2s.slot)
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @work(ptr noundef null)
; CHECK-NEXT:    ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  call void @work(ptr noundef %buf)
  call void @free(ptr noundef %buf)
  call void @work(ptr noundef null)
  ret void
}

define void @no_end_before_free_of_phi(i1 %cond) {
; CHECK-LABEL: @no_end_before_free_of_phi(
; CHECK-NOT:     @llvm.lifetime.end
; CHECK:       join:
; CHECK-NEXT:    %maybe = phi ptr [ %h2s.slot, %then ], [ null, %entry ]
; CHECK-NEXT:    call void @work(ptr noundef null)
; CHECK-NEXT:    ret void
; CHECK-NOT:     @llvm.lifetime.end
;
entry:
  br i1 %cond, label %then, label %join

then:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  call void @work(ptr noundef %buf)
  br label %join

join:
  %maybe = phi ptr [ %buf, %then ], [ null, %entry ]
  call void @free(ptr noundef %maybe)
  call void @work(ptr noundef null)
  ret void
}

define void @own_free_and_phi_free(i1 %cond) {
; CHECK-LABEL: @own_free_and_phi_free(
; CHECK:       then:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @work(ptr noundef %h2s.slot)
; CHECK-NEXT:    br i1 %cond, label %early, label %join
; CHECK:       early:
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    ret void
; CHECK:       join:
; CHECK-NEXT:    %maybe = phi ptr [ %h2s.slot, %then ], [ null, %entry ]
; CHECK-NEXT:    ret void
;
entry:
  br i1 %cond, label %then, label %join

then:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  call void @work(ptr noundef %buf)
  br i1 %cond, label %early, label %join

early:
  call void @free(ptr noundef %buf)
  ret void

join:
  %maybe = phi ptr [ %buf, %then ], [ null, %entry ]
  call void @free(ptr noundef %maybe)
  ret void
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nofree nounwind }
