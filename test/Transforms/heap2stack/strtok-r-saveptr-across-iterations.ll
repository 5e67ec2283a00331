; strtok_r's save cell in a loop that copies a new string each iteration.
; strtok_r(NULL, sep, &save) reads the cell and stores back a pointer into
; the block it read, so a read of the cell after the next copy was made may
; return the previous block: kept, LoopCarried at that read.  A first call
; whose string is known not to be null does not read the cell, and it
; overwrites it: the usual loop over strtok_r(copy) then strtok_r(NULL)
; with a fresh copy each iteration is promoted.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@sep = private unnamed_addr constant [2 x i8] c"/\00", align 1

; %old is the rest of the previous iteration's copy, left in %save by the
; second strtok_r call.
define i8 @keeps_previous_rest_read_after_next_copy(i64 %n) {
; CHECK-LABEL: @keeps_previous_rest_read_after_next_copy(
; CHECK:         %copy = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NOT:     alloca [16 x i8]
; CHECK:         ret i8
;
entry:
  %save = alloca ptr, align 8
  store ptr null, ptr %save, align 8
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %skip ]
  %acc = phi i8 [ 0, %entry ], [ %acc.next, %skip ]
  %copy = call noalias ptr @malloc(i64 noundef 16)
  store i8 97, ptr %copy, align 1
  %old = load ptr, ptr %save, align 8
  %has.old = icmp ne ptr %old, null
  br i1 %has.old, label %read, label %skip
read:
  %c = load i8, ptr %old, align 1
  br label %skip
skip:
  %got = phi i8 [ %c, %read ], [ 0, %loop ]
  %acc.next = add i8 %acc, %got
  %t1 = call ptr @strtok_r(ptr noundef %copy, ptr noundef nonnull @sep, ptr noundef nonnull %save)
  %t2 = call ptr @strtok_r(ptr noundef null, ptr noundef nonnull @sep, ptr noundef nonnull %save)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit
exit:
  ret i8 %acc.next
}

; Each outer iteration copies a line, counts its tokens and frees the copy.
define i64 @promotes_copy_tokenized_each_iteration(ptr %line, i64 %n) {
; CHECK-LABEL: @promotes_copy_tokenized_each_iteration(
; CHECK:         %h2s.slot = alloca [128 x i8], align 16
; CHECK:         call ptr @strtok_r(ptr noundef %h2s.block
; CHECK:         ret i64
;
entry:
  %save = alloca ptr, align 8
  br label %outer
outer:
  %i = phi i64 [ 0, %entry ], [ %i.next, %done ]
  %count = phi i64 [ 0, %entry ], [ %count.out, %done ]
  %copy = call noalias ptr @strdup(ptr noundef %line)
  %failed = icmp eq ptr %copy, null
  br i1 %failed, label %fail, label %split
fail:
  call void @abort()
  unreachable
split:
  %first = call ptr @strtok_r(ptr noundef %copy, ptr noundef nonnull @sep, ptr noundef nonnull %save)
  br label %tokens
tokens:
  %tok = phi ptr [ %first, %split ], [ %next, %more.tokens ]
  %count.in = phi i64 [ %count, %split ], [ %count.inc, %more.tokens ]
  %end = icmp eq ptr %tok, null
  br i1 %end, label %done, label %more.tokens
more.tokens:
  %count.inc = add i64 %count.in, 1
  %next = call ptr @strtok_r(ptr noundef null, ptr noundef nonnull @sep, ptr noundef nonnull %save)
  br label %tokens
done:
  %count.out = phi i64 [ %count.in, %tokens ]
  call void @free(ptr noundef %copy)
  %i.next = add nuw i64 %i, 1
  %again = icmp ult i64 %i.next, %n
  br i1 %again, label %outer, label %exit
exit:
  ret i64 %count.out
}

; REMARK:      remark: <unknown>:0:0: not promoted: a block may still be in use when the next one is allocated
; REMARK-NEXT: remark: <unknown>:0:0: copied the 'strdup' string to a 128-byte stack slot when it fits, to the heap when longer; its pointer is kept in a local variable

declare noalias noundef ptr @malloc(i64 noundef) #0
declare noalias ptr @strdup(ptr noundef readonly nocapture) #2
declare ptr @strtok_r(ptr noundef, ptr noundef readonly nocapture, ptr noundef) #3
declare void @free(ptr allocptr noundef nocapture) #1
declare void @abort() #4

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nofree nounwind willreturn memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { mustprogress nocallback nofree nounwind willreturn }
attributes #4 = { noreturn nounwind }
