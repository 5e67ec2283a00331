; Functions built with a sanitizer that checks heap accesses (ASan, HWASan,
; MSan) keep their blocks on the heap, where use-after-free and overflows
; are still caught; once promoted and split by SROA they would leave no
; access to check.  The same function without the attribute is promoted.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

define void @address_sanitized() sanitize_address {
; CHECK-LABEL: @address_sanitized(
; CHECK-NEXT: %buf = call ptr @malloc(i64 16)
; CHECK-NEXT: call void @fill(ptr %buf)
; CHECK-NEXT: call void @free(ptr %buf)
  %buf = call ptr @malloc(i64 16)
  call void @fill(ptr %buf)
  call void @free(ptr %buf)
  ret void
}

define void @hwaddress_sanitized() sanitize_hwaddress {
; CHECK-LABEL: @hwaddress_sanitized(
; CHECK-NEXT: %buf = call ptr @malloc(i64 16)
  %buf = call ptr @malloc(i64 16)
  call void @fill(ptr %buf)
  call void @free(ptr %buf)
  ret void
}

define void @memory_sanitized() sanitize_memory {
; CHECK-LABEL: @memory_sanitized(
; CHECK-NEXT: %buf = call ptr @malloc(i64 16)
  %buf = call ptr @malloc(i64 16)
  call void @fill(ptr %buf)
  call void @free(ptr %buf)
  ret void
}

define void @not_sanitized() {
; CHECK-LABEL: @not_sanitized(
; CHECK-NEXT: %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT: call ptr @malloc
  %buf = call ptr @malloc(i64 16)
  call void @fill(ptr %buf)
  call void @free(ptr %buf)
  ret void
}

; REMARK-COUNT-3: remark: <unknown>:0:0: not promoted: the function is built with a sanitizer that checks heap accesses
; REMARK: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack

declare void @fill(ptr nocapture) nofree nocallback
declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"
