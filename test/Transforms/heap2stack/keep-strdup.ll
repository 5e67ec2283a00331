; strdup and strndup return a block filled with a copy of a string, which
; the rewrite does not model (it can only zero-fill or leave undefined): the
; block stays on the heap with the UnknownContents remark.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@greeting = private unnamed_addr constant [6 x i8] c"hello\00", align 1

define i8 @strdup_kept() {
; CHECK-LABEL: @strdup_kept(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %copy = call noalias ptr @strdup(ptr noundef nonnull @greeting)
; CHECK-NEXT:    %first = load i8, ptr %copy, align 1
; CHECK-NEXT:    call void @free(ptr noundef %copy)
;
entry:
  %copy = call noalias ptr @strdup(ptr noundef nonnull @greeting)
  %first = load i8, ptr %copy, align 1
  call void @free(ptr noundef %copy)
  ret i8 %first
}

define i8 @strndup_kept() {
; CHECK-LABEL: @strndup_kept(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %copy = call noalias ptr @strndup(ptr noundef nonnull @greeting, i64 noundef 3)
; CHECK-NEXT:    %first = load i8, ptr %copy, align 1
; CHECK-NEXT:    call void @free(ptr noundef %copy)
;
entry:
  %copy = call noalias ptr @strndup(ptr noundef nonnull @greeting, i64 noundef 3)
  %first = load i8, ptr %copy, align 1
  call void @free(ptr noundef %copy)
  ret i8 %first
}

; REMARK:      remark: <unknown>:0:0: not promoted: 'strdup' fills the block with data the pass does not model
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'strndup' fills the block with data the pass does not model

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef captures(none)) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
declare noalias ptr @strdup(ptr noundef readonly captures(none)) #2
declare noalias ptr @strndup(ptr noundef readonly captures(none), i64 noundef) #2
attributes #2 = { mustprogress nofree nounwind willreturn memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
