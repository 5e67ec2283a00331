; qsort keeps nothing of the array it sorts, but hands pointers into it to
; its comparator (libc.c): the array is promoted when the comparator is a
; function of the module, of type i32(ptr, ptr), whose summary says it
; keeps and frees neither parameter.  It stays on the heap when the
; comparator stores what it is given, is not known (a function pointer
; from elsewhere), or has another type.  A helper's parameter sorted by
; qsort is summarised the same way.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -passes='print<heap2stack-summaries>' -disable-output < %s 2>&1 | FileCheck %s --check-prefix=SUMMARY

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@last_seen = global ptr null, align 8

define internal i32 @compare_ints(ptr %a, ptr %b) {
  %x = load i32, ptr %a, align 4
  %y = load i32, ptr %b, align 4
  %less = icmp slt i32 %x, %y
  %more = icmp sgt i32 %x, %y
  %l = zext i1 %less to i32
  %m = zext i1 %more to i32
  %r = sub i32 %m, %l
  ret i32 %r
}

define internal i32 @compare_and_remember(ptr %a, ptr %b) {
  store ptr %a, ptr @last_seen, align 8
  %r = call i32 @compare_ints(ptr %a, ptr %b)
  ret i32 %r
}

define internal i32 @compare_by_address(i64 %a, i64 %b) {
  %less = icmp ult i64 %a, %b
  %r = zext i1 %less to i32
  ret i32 %r
}

define i32 @promotes_array_sorted_with_reader() {
; CHECK-LABEL: @promotes_array_sorted_with_reader(
; CHECK:         %h2s.slot = alloca [64 x i8], align 16
; CHECK:         call void @qsort(ptr %h2s.slot, i64 16, i64 4, ptr @compare_ints)
; CHECK-NOT:     call void @free
;
  %a = call noalias ptr @malloc(i64 noundef 64)
  call void @llvm.memset.p0.i64(ptr %a, i8 3, i64 64, i1 false)
  call void @qsort(ptr %a, i64 16, i64 4, ptr @compare_ints)
  %first = load i32, ptr %a, align 4
  call void @free(ptr %a)
  ret i32 %first
}

define void @keeps_array_sorted_with_keeper() {
; CHECK-LABEL: @keeps_array_sorted_with_keeper(
; CHECK:         %a = call noalias ptr @malloc(i64 noundef 64)
;
  %a = call noalias ptr @malloc(i64 noundef 64)
  call void @llvm.memset.p0.i64(ptr %a, i8 3, i64 64, i1 false)
  call void @qsort(ptr %a, i64 16, i64 4, ptr @compare_and_remember)
  call void @free(ptr %a)
  ret void
}

define void @keeps_array_sorted_with_unknown_comparator(ptr %cmp) {
; CHECK-LABEL: @keeps_array_sorted_with_unknown_comparator(
; CHECK:         %a = call noalias ptr @malloc(i64 noundef 64)
;
  %a = call noalias ptr @malloc(i64 noundef 64)
  call void @llvm.memset.p0.i64(ptr %a, i8 3, i64 64, i1 false)
  call void @qsort(ptr %a, i64 16, i64 4, ptr %cmp)
  call void @free(ptr %a)
  ret void
}

define void @keeps_array_sorted_with_comparator_of_other_type() {
; CHECK-LABEL: @keeps_array_sorted_with_comparator_of_other_type(
; CHECK:         %a = call noalias ptr @malloc(i64 noundef 64)
;
  %a = call noalias ptr @malloc(i64 noundef 64)
  call void @llvm.memset.p0.i64(ptr %a, i8 3, i64 64, i1 false)
  call void @qsort(ptr %a, i64 16, i64 4, ptr @compare_by_address)
  call void @free(ptr %a)
  ret void
}

define void @sorts_ints(ptr %a, i64 %n) {
  call void @qsort(ptr %a, i64 %n, i64 4, ptr @compare_ints)
  ret void
}

define void @sorts_and_remembers(ptr %a, i64 %n) {
  call void @qsort(ptr %a, i64 %n, i64 4, ptr @compare_and_remember)
  ret void
}

; SUMMARY: sorts_ints parameter 0: never freed, never kept
; SUMMARY: sorts_and_remembers parameter 0: never freed, may keep

declare void @qsort(ptr noundef, i64 noundef, i64 noundef, ptr noundef)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

; REMARK: remark: <unknown>:0:0: moved 64-byte 'malloc' block to the stack
; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'qsort', which may keep it
; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'qsort', which may keep it
; REMARK: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'qsort', which may keep it
