; strdup and strndup become length, slot and copy.  A constant string has a
; constant length, so its copy gets a slot of that size; a run-time string
; is measured with strlen (strnlen for strndup), copied into a guarded slot
; when the copy fits and handed to the original call otherwise.  strndup's
; copy ends in a zero byte written after the copied prefix.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@greeting = private unnamed_addr constant [6 x i8] c"hello\00", align 1

define i8 @strdup_constant_string() {
; CHECK-LABEL: @strdup_constant_string(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [6 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 16 %h2s.slot, ptr align 1 @greeting, i64 6, i1 false)
; CHECK-NEXT:    %first = load i8, ptr %h2s.slot, align 1
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    ret i8 %first
;
entry:
  %copy = call noalias ptr @strdup(ptr noundef nonnull @greeting)
  %first = load i8, ptr %copy, align 1
  call void @free(ptr noundef %copy)
  ret i8 %first
}

define i8 @strndup_constant_prefix() {
; CHECK-LABEL: @strndup_constant_prefix(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [4 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 16 %h2s.slot, ptr align 1 @greeting, i64 3, i1 false)
; CHECK-NEXT:    %h2s.end = getelementptr i8, ptr %h2s.slot, i64 3
; CHECK-NEXT:    store i8 0, ptr %h2s.end, align 1
; CHECK-NEXT:    %first = load i8, ptr %h2s.slot, align 1
;
entry:
  %copy = call noalias ptr @strndup(ptr noundef nonnull @greeting, i64 noundef 3)
  %first = load i8, ptr %copy, align 1
  call void @free(ptr noundef %copy)
  ret i8 %first
}

define i8 @strdup_runtime_string(ptr %s) {
; CHECK-LABEL: @strdup_runtime_string(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [128 x i8], align 16
; CHECK-NEXT:    %h2s.len = call i64 @strlen(ptr %s)
; CHECK-NEXT:    %h2s.size = add nuw i64 %h2s.len, 1
; CHECK-NEXT:    %h2s.fits = icmp ule i64 %h2s.size, 128
; CHECK-NEXT:    br i1 %h2s.fits, label %h2s.stack, label %[[HEAP:.*]], !prof
; CHECK:       h2s.stack:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 16 %h2s.slot, ptr align 1 %s, i64 %h2s.size, i1 false)
; CHECK-NEXT:    br label %[[JOIN:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %copy = call noalias ptr @strdup(ptr noundef %s)
; CHECK-NEXT:    br label %[[JOIN]]
; CHECK:       [[JOIN]]:
; CHECK-NEXT:    %h2s.block = phi ptr [ %h2s.slot, %h2s.stack ], [ %copy, %[[HEAP]] ]
; CHECK-NEXT:    %first = load i8, ptr %h2s.block, align 1
; CHECK:         %h2s.heap = icmp ne ptr %h2s.block, %h2s.slot
; CHECK:         call void @free(ptr noundef %h2s.block)
;
entry:
  %copy = call noalias ptr @strdup(ptr noundef %s)
  %first = load i8, ptr %copy, align 1
  call void @free(ptr noundef %copy)
  ret i8 %first
}

define i8 @strndup_runtime_prefix(ptr %s, i64 %limit) {
; CHECK-LABEL: @strndup_runtime_prefix(
; CHECK:         %h2s.len = call i64 @strnlen(ptr %s, i64 %limit)
; CHECK-NEXT:    %h2s.size = add nuw i64 %h2s.len, 1
; CHECK-NEXT:    %h2s.fits = icmp ule i64 %h2s.size, 128
; CHECK:       h2s.stack:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    %h2s.prefix = sub nuw i64 %h2s.size, 1
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 16 %h2s.slot, ptr align 1 %s, i64 %h2s.prefix, i1 false)
; CHECK-NEXT:    %h2s.end = getelementptr i8, ptr %h2s.slot, i64 %h2s.prefix
; CHECK-NEXT:    store i8 0, ptr %h2s.end, align 1
; CHECK:         %copy = call noalias ptr @strndup(ptr noundef %s, i64 noundef %limit)
;
entry:
  %copy = call noalias ptr @strndup(ptr noundef %s, i64 noundef %limit)
  %first = load i8, ptr %copy, align 1
  call void @free(ptr noundef %copy)
  ret i8 %first
}

; REMARK:      remark: <unknown>:0:0: copied the 6-byte 'strdup' string to the stack
; REMARK-NEXT: remark: <unknown>:0:0: copied the 4-byte 'strndup' string to the stack
; REMARK-NEXT: remark: <unknown>:0:0: copied the 'strdup' string to a 128-byte stack slot when it fits, to the heap when longer
; REMARK-NEXT: remark: <unknown>:0:0: copied the 'strndup' string to a 128-byte stack slot when it fits, to the heap when longer

declare void @free(ptr allocptr noundef nocapture) #1
declare noalias ptr @strdup(ptr noundef readonly nocapture) #2
declare noalias ptr @strndup(ptr noundef readonly nocapture, i64 noundef) #2

attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nofree nounwind willreturn memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
