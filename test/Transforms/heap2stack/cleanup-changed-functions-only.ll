; After promoting, the pass runs SROA, EarlyCSE, InstCombine and SimplifyCFG
; over the functions it changed, so a small promoted block ends in
; registers; functions it did not change, with or without a kept block,
; are left exactly as they were.  <no-cleanup> leaves the slot in place.
; RUN: opt -passes=heap2stack -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s --check-prefix=RAW

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@saved = global ptr null, align 8

define i32 @small_block_in_registers(i32 %a, i32 %b) {
; CHECK-LABEL: @small_block_in_registers(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %sum = add i32 %a, %b
; CHECK-NEXT:    ret i32 %sum
;
; RAW-LABEL: @small_block_in_registers(
; RAW-NEXT:  entry:
; RAW-NEXT:    %h2s.slot = alloca [8 x i8], align 16
;
entry:
  %pair = call noalias ptr @malloc(i64 noundef 8)
  %second = getelementptr inbounds i8, ptr %pair, i64 4
  store i32 %a, ptr %pair, align 4
  store i32 %b, ptr %second, align 4
  %x = load i32, ptr %pair, align 4
  %y = load i32, ptr %second, align 4
  %sum = add i32 %x, %y
  call void @free(ptr noundef %pair)
  ret i32 %sum
}

define i32 @unchanged_function_not_simplified(i32 %a) {
; CHECK-LABEL: @unchanged_function_not_simplified(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %local = alloca i32, align 4
; CHECK-NEXT:    store i32 %a, ptr %local, align 4
; CHECK-NEXT:    %x = load i32, ptr %local, align 4
; CHECK-NEXT:    %twice = add i32 %x, %x
; CHECK-NEXT:    %zero = sub i32 %twice, %twice
; CHECK-NEXT:    br label %next
; CHECK:       next:
; CHECK-NEXT:    ret i32 %zero
;
entry:
  %local = alloca i32, align 4
  store i32 %a, ptr %local, align 4
  %x = load i32, ptr %local, align 4
  %twice = add i32 %x, %x
  %zero = sub i32 %twice, %twice
  br label %next

next:
  ret i32 %zero
}

define i32 @kept_block_function_not_simplified(i32 %a) {
; CHECK-LABEL: @kept_block_function_not_simplified(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %local = alloca i32, align 4
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 8)
; CHECK-NEXT:    store ptr %buf, ptr @saved, align 8
; CHECK-NEXT:    store i32 %a, ptr %local, align 4
; CHECK-NEXT:    %x = load i32, ptr %local, align 4
; CHECK-NEXT:    br label %next
; CHECK:       next:
; CHECK-NEXT:    ret i32 %x
;
entry:
  %local = alloca i32, align 4
  %buf = call noalias ptr @malloc(i64 noundef 8)
  store ptr %buf, ptr @saved, align 8
  store i32 %a, ptr %local, align 4
  %x = load i32, ptr %local, align 4
  br label %next

next:
  ret i32 %x
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
