; RealtimeSanitizer reports every heap call of a function it checks (a
; nonblocking one, which clang marks sanitize_realtime under
; -fsanitize=realtime), so such a function keeps its blocks on the heap
; and the report stays; the same function without the attribute is
; promoted.
; REQUIRES: realtime-sanitizer
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

define void @realtime_sanitized() sanitize_realtime {
; CHECK-LABEL: @realtime_sanitized(
; CHECK-NEXT: %buf = call ptr @malloc(i64 16)
; CHECK-NEXT: call void @fill(ptr %buf)
; CHECK-NEXT: call void @free(ptr %buf)
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

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"
declare void @fill(ptr nocapture) nofree nocallback

; REMARK: remark: <unknown>:0:0: not promoted: the function is nonblocking under RealtimeSanitizer, which reports its heap calls
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
