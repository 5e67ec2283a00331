; A callee that only tests whether its argument is null (captures
; address_is_null, as LLVM infers for `if (!s) return 0;` before a
; non-capturing use) learns nothing it could use once the block is gone:
; the block is promoted.  Capturing the address, or capturing it through
; the return value and then storing the result, keeps it on the heap.
; REQUIRES: capture-components
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

define i64 @passed_to_null_checking_callee() {
; CHECK-LABEL: @passed_to_null_checking_callee(
; CHECK-NEXT: %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT: call ptr @malloc
  %buf = call ptr @malloc(i64 16)
  store i8 0, ptr %buf
  %n = call i64 @safe_len(ptr %buf)
  call void @free(ptr %buf)
  ret i64 %n
}

define i64 @passed_to_address_capturing_callee() {
; CHECK-LABEL: @passed_to_address_capturing_callee(
; CHECK-NEXT: %buf = call ptr @malloc(i64 16)
; CHECK-NOT: alloca
  %buf = call ptr @malloc(i64 16)
  store i8 0, ptr %buf
  %n = call i64 @hash_address(ptr %buf)
  call void @free(ptr %buf)
  ret i64 %n
}

define void @null_check_result_returned_and_stored(ptr %out) {
; CHECK-LABEL: @null_check_result_returned_and_stored(
; CHECK-NEXT: %buf = call ptr @malloc(i64 16)
; CHECK-NOT: alloca
  %buf = call ptr @malloc(i64 16)
  %same = call ptr @identity(ptr %buf)
  store ptr %same, ptr %out
  ret void
}

declare i64 @safe_len(ptr captures(address_is_null)) nofree nocallback
declare i64 @hash_address(ptr captures(address)) nofree nocallback
declare ptr @identity(ptr captures(ret: address, provenance)) nofree nocallback
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"
