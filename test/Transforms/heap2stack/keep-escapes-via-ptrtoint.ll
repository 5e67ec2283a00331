; A block whose address becomes an integer may be found again from that
; integer after the function returns: it stays on the heap.  So does one
; whose address bits above malloc's 16-byte alignment are tested (bit 4
; depends on where the block lives); the low bits below it do not
; (promote-ubsan-checks.ll).
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i64 @escapes_via_ptrtoint() {
; CHECK-LABEL: @escapes_via_ptrtoint(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %addr = ptrtoint ptr %buf to i64
; CHECK-NEXT:    call void @free(ptr noundef %buf)
; CHECK-NEXT:    ret i64 %addr
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %addr = ptrtoint ptr %buf to i64
  call void @free(ptr noundef %buf)
  ret i64 %addr
}

define i1 @escapes_via_ptrtoint_alignment_test() {
; CHECK-LABEL: @escapes_via_ptrtoint_alignment_test(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %mid = getelementptr inbounds i8, ptr %buf, i64 8
; CHECK-NEXT:    %addr = ptrtoint ptr %mid to i64
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %mid = getelementptr inbounds i8, ptr %buf, i64 8
  %addr = ptrtoint ptr %mid to i64
  %low = and i64 %addr, 31
  %aligned = icmp eq i64 %low, 0
  call void @free(ptr noundef %buf)
  ret i1 %aligned
}

; REMARK:      remark: <unknown>:0:0: not promoted: converted to an integer
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: converted to an integer

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
