; A function under -fstack-protector (ssp) that receives a promoted block
; becomes sspstrong, so that an overflow of the block is caught by a canary
; as an overflow of a stack array would be.  Functions that promote nothing,
; functions without stack protection and sspreq functions keep their setting.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

declare noalias ptr @malloc(i64 noundef) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr noundef nocapture) allockind("free") "alloc-family"="malloc"
declare void @fill(ptr noundef nocapture, i64 noundef) nofree nocallback
declare void @keep(ptr noundef) nocallback

define void @ssp_becomes_strong(i64 %n) ssp {
; CHECK-LABEL: define void @ssp_becomes_strong(
; CHECK-SAME: #[[STRONG:[0-9]+]]
; CHECK: alloca [16 x i8], align 16
  %buf = call ptr @malloc(i64 16)
  call void @fill(ptr %buf, i64 %n)
  call void @free(ptr %buf)
  ret void
}

define void @ssp_kept_when_nothing_promoted(i64 %n) ssp {
; CHECK-LABEL: define void @ssp_kept_when_nothing_promoted(
; CHECK-SAME: #[[SSP:[0-9]+]]
; CHECK: call ptr @malloc(i64 16)
  %buf = call ptr @malloc(i64 16)
  call void @keep(ptr %buf)
  ret void
}

define void @unprotected_stays_unprotected(i64 %n) {
; CHECK-LABEL: define void @unprotected_stays_unprotected(
; CHECK-NOT: #
; CHECK: alloca [16 x i8], align 16
  %buf = call ptr @malloc(i64 16)
  call void @fill(ptr %buf, i64 %n)
  call void @free(ptr %buf)
  ret void
}

define void @sspreq_stays_sspreq(i64 %n) sspreq {
; CHECK-LABEL: define void @sspreq_stays_sspreq(
; CHECK-SAME: #[[REQ:[0-9]+]]
; CHECK: alloca [16 x i8], align 16
  %buf = call ptr @malloc(i64 16)
  call void @fill(ptr %buf, i64 %n)
  call void @free(ptr %buf)
  ret void
}

; CHECK-DAG: attributes #[[STRONG]] = { sspstrong }
; CHECK-DAG: attributes #[[SSP]] = { ssp }
; CHECK-DAG: attributes #[[REQ]] = { sspreq }
