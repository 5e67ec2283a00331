; dirname and basename (<libgen.h>; glibc's POSIX basename is
; __xpg_basename), which TargetLibraryInfo does not know, may write into the
; path they are given and return a pointer into it, and keep nothing
; (runtime.c): a copy of a path given to them is promoted, and their result
; is followed as the block, so printing it is fine and storing it is not.
; A declaration of the name with another prototype is the program's own, and
; so is one without the nounwind that glibc's headers give dirname and
; basename: a program that does not include <libgen.h> may define them in
; another file (and keep the path).
; RUN: rm -rf %t && split-file %s %t
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %t/libgen.ll | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %t/libgen.ll 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks-missed=heap2stack -disable-output < %t/other-prototype.ll 2>&1 | FileCheck %s --check-prefix=OTHER
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks-missed=heap2stack -disable-output < %t/not-nounwind.ll 2>&1 | FileCheck %s --check-prefix=OWN

;--- libgen.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@saved = global ptr null, align 8

define void @prints_directory_of_copy(ptr %path) {
; CHECK-LABEL: @prints_directory_of_copy(
; CHECK:         %h2s.slot = alloca [128 x i8], align 16
; CHECK:         %dir = call ptr @dirname(ptr %h2s.block)
; CHECK-NEXT:    %r = call i32 @puts(ptr %dir)
; CHECK:         %h2s.heap = icmp ne ptr %h2s.block, %h2s.slot
;
entry:
  %copy = call noalias ptr @strdup(ptr %path)
  %dir = call ptr @dirname(ptr %copy)
  %r = call i32 @puts(ptr %dir)
  call void @free(ptr %copy)
  ret void
}

define void @prints_base_of_copy(ptr %path) {
; CHECK-LABEL: @prints_base_of_copy(
; CHECK:         %h2s.slot = alloca [128 x i8], align 16
; CHECK:         %base = call ptr @__xpg_basename(ptr %h2s.block)
;
entry:
  %copy = call noalias ptr @strdup(ptr %path)
  %base = call ptr @__xpg_basename(ptr %copy)
  %r = call i32 @puts(ptr %base)
  call void @free(ptr %copy)
  ret void
}

define void @keeps_copy_whose_directory_is_stored(ptr %path) {
; CHECK-LABEL: @keeps_copy_whose_directory_is_stored(
; CHECK:         %copy = call noalias ptr @strdup(ptr %path)
;
entry:
  %copy = call noalias ptr @strdup(ptr %path)
  %dir = call ptr @dirname(ptr %copy)
  store ptr %dir, ptr @saved, align 8
  ret void
}

declare ptr @dirname(ptr) #2
declare ptr @__xpg_basename(ptr) #2
declare noalias ptr @strdup(ptr nocapture readonly) #0
declare i32 @puts(ptr nocapture readonly)
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { nounwind allockind("alloc") "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nounwind }

; REMARK: remark: <unknown>:0:0: copied the 'strdup' string to a 128-byte stack slot when it fits, to the heap when longer
; REMARK: remark: <unknown>:0:0: copied the 'strdup' string to a 128-byte stack slot when it fits, to the heap when longer
; REMARK: remark: <unknown>:0:0: not promoted: stored to memory

;--- other-prototype.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i32 @own_dirname(ptr %path) {
entry:
  %copy = call noalias ptr @strdup(ptr %path)
  %n = call i32 @dirname(ptr %copy, i32 1)
  call void @free(ptr %copy)
  ret i32 %n
}

declare i32 @dirname(ptr, i32)
declare noalias ptr @strdup(ptr nocapture readonly) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { nounwind allockind("alloc") "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

; OTHER: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'dirname', which may keep it

;--- not-nounwind.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @gives_copy_to_own_dirname(ptr %path) {
entry:
  %copy = call noalias ptr @strdup(ptr %path)
  %dir = call ptr @dirname(ptr %copy)
  %r = call i32 @puts(ptr %dir)
  call void @free(ptr %copy)
  ret void
}

define void @gives_copy_to_own_basename(ptr %path) {
entry:
  %copy = call noalias ptr @strdup(ptr %path)
  %base = call ptr @basename(ptr %copy)
  %r = call i32 @puts(ptr %base)
  call void @free(ptr %copy)
  ret void
}

declare ptr @dirname(ptr)
declare ptr @basename(ptr)
declare noalias ptr @strdup(ptr nocapture readonly) #0
declare i32 @puts(ptr nocapture readonly)
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { nounwind allockind("alloc") "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

; OWN: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'dirname', which may keep it
; OWN: remark: <unknown>:0:0: not promoted: passed as argument 1 to 'basename', which may keep it
