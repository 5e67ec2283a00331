; The difference between the block's address and a pointer from outside
; the function is the block's address in disguise: the caller can add the
; outside pointer back ((char *)((intptr_t)base + off), valid once the cast
; exposed the block) and use or free the block after the function returned.
; The block must stay on the heap.
; (escape.c once accepted any sub of two ptrtoints; a C reproducer then
; aborted in free() with the plugin.)
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i64 @difference_with_outside_pointer(ptr %base) {
; CHECK-LABEL: @difference_with_outside_pointer(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store i8 42, ptr %buf, align 1
; CHECK-NEXT:    %buf.addr = ptrtoint ptr %buf to i64
; CHECK-NEXT:    %base.addr = ptrtoint ptr %base to i64
; CHECK-NEXT:    %off = sub i64 %buf.addr, %base.addr
; CHECK-NEXT:    ret i64 %off
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 42, ptr %buf, align 1
  %buf.addr = ptrtoint ptr %buf to i64
  %base.addr = ptrtoint ptr %base to i64
  %off = sub i64 %buf.addr, %base.addr
  ret i64 %off
}

; REMARK: remark: <unknown>:0:0: not promoted: converted to an integer

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
