; A block passed to a function of the module that LLVM's attributes say may
; capture it is promoted when the function's summary shows it keeps and
; frees nothing: here the alignment check and handler call
; -fsanitize=undefined puts into the helper, which cost it captures(none).
; A helper that keeps the address as an integer keeps the block on the heap,
; and the remark names it.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@data = private global [16 x i8] zeroinitializer
@global_int = global i64 0, align 8

define internal i32 @checked_sum(ptr %p) {
  %addr = ptrtoint ptr %p to i64, !nosanitize !0
  %low = and i64 %addr, 3, !nosanitize !0
  %ok = icmp eq i64 %low, 0, !nosanitize !0
  br i1 %ok, label %load, label %report, !nosanitize !0
report:
  call void @__ubsan_handle_type_mismatch_v1(ptr @data, i64 %addr), !nosanitize !0
  br label %load
load:
  %a = load i32, ptr %p, align 4
  %q = getelementptr inbounds i8, ptr %p, i64 4
  %b = load i32, ptr %q, align 4
  %s = add i32 %a, %b
  ret i32 %s
}

define internal i32 @stashes_address(ptr %p) {
  %addr = ptrtoint ptr %p to i64
  store i64 %addr, ptr @global_int, align 8
  %a = load i32, ptr %p, align 4
  ret i32 %a
}

define i32 @passes_to_checked_helper(i32 %x) {
; CHECK-LABEL: @passes_to_checked_helper(
; CHECK:         %h2s.slot = alloca [8 x i8], align 16
; CHECK:         call i32 @checked_sum(ptr %h2s.slot)
; CHECK-NOT:     call void @free
; CHECK:         ret i32
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 8)
  store i32 %x, ptr %buf, align 4
  %second = getelementptr inbounds i8, ptr %buf, i64 4
  store i32 %x, ptr %second, align 4
  %s = call i32 @checked_sum(ptr %buf)
  call void @free(ptr noundef %buf)
  ret i32 %s
}

define i32 @passes_to_stashing_helper(i32 %x) {
; CHECK-LABEL: @passes_to_stashing_helper(
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 8)
; CHECK:         call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 8)
  store i32 %x, ptr %buf, align 4
  %s = call i32 @stashes_address(ptr %buf)
  call void @free(ptr noundef %buf)
  ret i32 %s
}

; REMARK:      remark: <unknown>:0:0: moved 8-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'stashes_address', which may keep it{{$}}
; REMARK-NOT:  remark

declare void @__ubsan_handle_type_mismatch_v1(ptr, i64)
declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

!0 = !{}
