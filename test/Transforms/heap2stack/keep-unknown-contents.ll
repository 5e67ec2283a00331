; A block whose initial contents the pass cannot rebuild stays on the heap
; with the UnknownContents remark: an allocator that only says
; allockind("alloc"), and a strdup in a module that defines its own strlen
; (the copy would measure the string with it).  A nobuiltin strdup is not
; the library's and is no allocation site at all.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i8 @contents_not_described(i64 %n) {
; CHECK-LABEL: @contents_not_described(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @pool_take(i64 noundef 32)
; CHECK-NEXT:    %first = load i8, ptr %buf, align 1
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @pool_take(i64 noundef 32)
  %first = load i8, ptr %buf, align 1
  call void @free(ptr noundef %buf)
  ret i8 %first
}

define i8 @strdup_with_own_strlen(ptr %s) {
; CHECK-LABEL: @strdup_with_own_strlen(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %copy = call noalias ptr @strdup(ptr noundef %s)
; CHECK-NEXT:    %first = load i8, ptr %copy, align 1
; CHECK-NEXT:    call void @free(ptr noundef %copy)
;
entry:
  %copy = call noalias ptr @strdup(ptr noundef %s)
  %first = load i8, ptr %copy, align 1
  call void @free(ptr noundef %copy)
  ret i8 %first
}

define i8 @strdup_nobuiltin(ptr %s) {
; CHECK-LABEL: @strdup_nobuiltin(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %copy = call noalias ptr @strndup(ptr noundef %s, i64 noundef 8) #[[NOBUILTIN:[0-9]+]]
; CHECK-NEXT:    %first = load i8, ptr %copy, align 1
; CHECK-NEXT:    call void @free(ptr noundef %copy)
;
entry:
  %copy = call noalias ptr @strndup(ptr noundef %s, i64 noundef 8) #4
  %first = load i8, ptr %copy, align 1
  call void @free(ptr noundef %copy)
  ret i8 %first
}

; The program's own strlen: it could count differently from the C library's.
define i64 @strlen(ptr %s) {
  ret i64 0
}

; REMARK:      remark: <unknown>:0:0: not promoted: 'pool_take' fills the block with data the pass does not model
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'strdup' fills the block with data the pass does not model
; REMARK-NOT:  remark

declare noalias ptr @pool_take(i64 noundef) #3
declare void @free(ptr allocptr noundef nocapture) #1
declare noalias ptr @strdup(ptr noundef readonly nocapture) #2
declare noalias ptr @strndup(ptr noundef readonly nocapture, i64 noundef) #2

attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nofree nounwind willreturn memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { mustprogress nofree nounwind willreturn allockind("alloc") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #4 = { nobuiltin }
