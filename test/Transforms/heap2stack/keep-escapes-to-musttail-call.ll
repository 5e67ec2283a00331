; A block passed to a musttail call stays on the heap: the callee runs after
; this frame is gone, whatever its attributes promise.  A plain call to the
; same callee is fine.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare i64 @checksum(ptr noundef readonly nocapture) nocallback #2

define i64 @escapes_to_musttail_call(ptr %unused) {
; CHECK-LABEL: @escapes_to_musttail_call(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store i64 1, ptr %buf, align 8
; CHECK-NEXT:    %sum = musttail call i64 @checksum(ptr noundef %buf)
; CHECK-NEXT:    ret i64 %sum
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i64 1, ptr %buf, align 8
  %sum = musttail call i64 @checksum(ptr noundef %buf)
  ret i64 %sum
}

define i64 @plain_call_is_fine(ptr %unused) {
; CHECK-LABEL: @plain_call_is_fine(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store i64 1, ptr %h2s.slot, align 8
; CHECK-NEXT:    %sum = call i64 @checksum(ptr noundef %h2s.slot)
; CHECK-NEXT:    ret i64 %sum
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i64 1, ptr %buf, align 8
  %sum = call i64 @checksum(ptr noundef %buf)
  ret i64 %sum
}

; REMARK:      remark: <unknown>:0:0: not promoted: passed to a musttail call of 'checksum'
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nofree nosync nounwind willreturn memory(argmem: read) }
