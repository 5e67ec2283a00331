; strtol stores a pointer into its string through endptr, and strtok_r one
; through saveptr.  When that cell is a local variable whose contents stay
; in the function, the string's block is only stored into the variable: the
; pointers read back from it (and strtok_r's tokens) are further pointers
; into the block, and a strdup'd string is copied to the stack.  An endptr
; in the caller's memory keeps the string on the heap (stored to memory),
; and so does a saveptr whose pointer is read back and returned, or a token
; that a later strtok_r(NULL, ...) found through saveptr and that is
; returned.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@number = private unnamed_addr constant [6 x i8] c"42/17\00", align 1
@path = private unnamed_addr constant [6 x i8] c"a/b/c\00", align 1
@sep = private unnamed_addr constant [2 x i8] c"/\00", align 1

; long v = strtol(copy, &end, 10); return *end == '/' ? v : 0;
define i64 @promotes_strtol_with_local_endptr() {
; CHECK-LABEL: @promotes_strtol_with_local_endptr(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %end = alloca ptr, align 8
; CHECK-NEXT:    %h2s.slot = alloca [6 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 16 %h2s.slot, ptr align 1 @number, i64 6, i1 false)
; CHECK-NEXT:    %val = call i64 @strtol(ptr noundef %h2s.slot, ptr noundef nonnull %end, i32 noundef 10)
; CHECK-NEXT:    %rest = load ptr, ptr %end, align 8
; CHECK-NEXT:    %sep.char = load i8, ptr %rest, align 1
; CHECK:         call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    ret i64 %sum
;
entry:
  %end = alloca ptr, align 8
  %copy = call noalias ptr @strdup(ptr noundef nonnull @number)
  %val = call i64 @strtol(ptr noundef %copy, ptr noundef nonnull %end, i32 noundef 10)
  %rest = load ptr, ptr %end, align 8
  %sep.char = load i8, ptr %rest, align 1
  %is.sep = icmp eq i8 %sep.char, 47
  %sum = select i1 %is.sep, i64 %val, i64 0
  call void @free(ptr noundef %copy)
  ret i64 %sum
}

define i64 @keeps_strtol_with_caller_endptr(ptr %out) {
; CHECK-LABEL: @keeps_strtol_with_caller_endptr(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %copy = call noalias ptr @strdup(ptr noundef nonnull @number)
; CHECK-NEXT:    %val = call i64 @strtol(ptr noundef %copy, ptr noundef %out, i32 noundef 10)
; CHECK-NEXT:    call void @free(ptr noundef %copy)
; CHECK-NEXT:    ret i64 %val
;
entry:
  %copy = call noalias ptr @strdup(ptr noundef nonnull @number)
  %val = call i64 @strtol(ptr noundef %copy, ptr noundef %out, i32 noundef 10)
  call void @free(ptr noundef %copy)
  ret i64 %val
}

; for (tok = strtok_r(copy, "/", &save); tok; tok = strtok_r(NULL, "/", &save))
;   count += strlen(tok);
define i64 @promotes_strtok_r_with_local_saveptr() {
; CHECK-LABEL: @promotes_strtok_r_with_local_saveptr(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %save = alloca ptr, align 8
; CHECK-NEXT:    %h2s.slot = alloca [6 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 16 %h2s.slot, ptr align 1 @path, i64 6, i1 false)
; CHECK:       loop:
; CHECK-NEXT:    %str = phi ptr [ %h2s.slot, %entry ], [ null, %body ]
; CHECK-NEXT:    %count = phi i64 [ 0, %entry ], [ %count.next, %body ]
; CHECK-NEXT:    %tok = call ptr @strtok_r(ptr noundef %str, ptr noundef nonnull @sep, ptr noundef nonnull %save)
; CHECK:       exit:
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    ret i64 %count
;
entry:
  %save = alloca ptr, align 8
  %copy = call noalias ptr @strdup(ptr noundef nonnull @path)
  br label %loop

loop:
  %str = phi ptr [ %copy, %entry ], [ null, %body ]
  %count = phi i64 [ 0, %entry ], [ %count.next, %body ]
  %tok = call ptr @strtok_r(ptr noundef %str, ptr noundef nonnull @sep, ptr noundef nonnull %save)
  %done = icmp eq ptr %tok, null
  br i1 %done, label %exit, label %body

body:
  %len = call i64 @strlen(ptr noundef nonnull %tok)
  %count.next = add i64 %count, %len
  br label %loop

exit:
  call void @free(ptr noundef %copy)
  ret i64 %count
}

; What strtok_r left in %save points into the copy.
define ptr @keeps_strtok_r_saveptr_returned() {
; CHECK-LABEL: @keeps_strtok_r_saveptr_returned(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %save = alloca ptr, align 8
; CHECK-NEXT:    %copy = call noalias ptr @strdup(ptr noundef nonnull @path)
; CHECK-NEXT:    %tok = call ptr @strtok_r(ptr noundef %copy, ptr noundef nonnull @sep, ptr noundef nonnull %save)
; CHECK-NEXT:    %rest = load ptr, ptr %save, align 8
; CHECK-NEXT:    ret ptr %rest
;
entry:
  %save = alloca ptr, align 8
  %copy = call noalias ptr @strdup(ptr noundef nonnull @path)
  %tok = call ptr @strtok_r(ptr noundef %copy, ptr noundef nonnull @sep, ptr noundef nonnull %save)
  %rest = load ptr, ptr %save, align 8
  ret ptr %rest
}

; strtok_r(NULL, ...) reads %save: its token points into the copy.
define ptr @keeps_next_token_returned() {
; CHECK-LABEL: @keeps_next_token_returned(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %save = alloca ptr, align 8
; CHECK-NEXT:    %copy = call noalias ptr @strdup(ptr noundef nonnull @path)
; CHECK-NEXT:    %first = call ptr @strtok_r(ptr noundef %copy, ptr noundef nonnull @sep, ptr noundef nonnull %save)
; CHECK-NEXT:    %second = call ptr @strtok_r(ptr noundef null, ptr noundef nonnull @sep, ptr noundef nonnull %save)
; CHECK-NEXT:    ret ptr %second
;
entry:
  %save = alloca ptr, align 8
  %copy = call noalias ptr @strdup(ptr noundef nonnull @path)
  %first = call ptr @strtok_r(ptr noundef %copy, ptr noundef nonnull @sep, ptr noundef nonnull %save)
  %second = call ptr @strtok_r(ptr noundef null, ptr noundef nonnull @sep, ptr noundef nonnull %save)
  ret ptr %second
}

; REMARK:      remark: <unknown>:0:0: copied the 6-byte 'strdup' string to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory
; REMARK-NEXT: remark: <unknown>:0:0: copied the 6-byte 'strdup' string to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: returned from the function
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: returned from the function

declare noalias ptr @strdup(ptr noundef readonly nocapture) #2
declare i64 @strtol(ptr noundef readonly, ptr noundef nocapture, i32 noundef) #3
declare ptr @strtok_r(ptr noundef, ptr noundef readonly nocapture, ptr noundef) #3
declare i64 @strlen(ptr noundef nocapture) #4
declare void @free(ptr allocptr noundef nocapture) #1

attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nofree nounwind willreturn memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { mustprogress nocallback nofree nounwind willreturn }
attributes #4 = { mustprogress nocallback nofree nounwind willreturn memory(argmem: read) }
