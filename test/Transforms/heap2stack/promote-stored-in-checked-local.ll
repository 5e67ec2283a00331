; A local object that holds a block's pointer may have its own address
; turned into an integer by UndefinedBehaviorSanitizer's checks: the
; alignment test keeps only bits below its alignment and the handler only
; prints the value, so the object's contents still cannot leave and the
; block is promoted, as in the build without the sanitizer.  When the
; object's address itself is kept as an integer (stored to a global), the
; block stays on the heap and the remark names the cast.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@data = private global [16 x i8] zeroinitializer
@kept = global i64 0

define i8 @holder_alignment_checked(i8 %byte) {
; CHECK-LABEL: @holder_alignment_checked(
; CHECK:         %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     call {{.*}}@malloc
; CHECK-NOT:     call void @free
; CHECK:         ret i8
;
entry:
  %holder = alloca ptr, align 8
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 %byte, ptr %buf, align 1
  %addr = ptrtoint ptr %holder to i64, !nosanitize !0
  %low = and i64 %addr, 7, !nosanitize !0
  %ok = icmp eq i64 %low, 0, !nosanitize !0
  br i1 %ok, label %use, label %report, !nosanitize !0

report:
  call void @__ubsan_handle_type_mismatch_v1(ptr @data, i64 %addr), !nosanitize !0
  br label %use

use:
  store ptr %buf, ptr %holder, align 8
  %back = load ptr, ptr %holder, align 8
  %val = load i8, ptr %back, align 1
  call void @free(ptr noundef %back)
  ret i8 %val
}

define i8 @holder_address_kept(i8 %byte) {
; CHECK-LABEL: @holder_address_kept(
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NOT:     alloca [16 x i8]
; CHECK:         call void @free(ptr noundef %back)
;
entry:
  %holder = alloca ptr, align 8
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 %byte, ptr %buf, align 1
  %addr = ptrtoint ptr %holder to i64
  store i64 %addr, ptr @kept, align 8
  store ptr %buf, ptr %holder, align 8
  %back = load ptr, ptr %holder, align 8
  %val = load i8, ptr %back, align 1
  call void @free(ptr noundef %back)
  ret i8 %val
}

; REMARK:      remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object whose address is converted to an integer{{$}}
; REMARK-NOT:  remark

declare void @__ubsan_handle_type_mismatch_v1(ptr, i64)
declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

!0 = !{}
