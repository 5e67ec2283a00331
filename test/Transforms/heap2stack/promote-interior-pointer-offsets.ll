; strchr, strrchr, strstr, strpbrk and memchr return a pointer into their
; argument or null.  Comparing such a pointer with the block's own pointer,
; or subtracting the two, reveals only an offset within the block, so a
; copy searched that way is still promoted.  Subtracting an address from
; outside the block is not (keep-escapes-via-pointer-difference.ll).
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; n = strchr(copy, ',') - copy, or -1 without a comma.
define i64 @strchr_offset(ptr %s) {
; CHECK-LABEL: @strchr_offset(
; CHECK:         %h2s.slot = alloca [128 x i8], align 16
; CHECK:         %comma = call ptr @strchr(ptr noundef %h2s.block, i32 noundef 44)
; CHECK:         %off = sub i64 %at, %base
;
entry:
  %copy = call noalias ptr @strdup(ptr noundef %s)
  %comma = call ptr @strchr(ptr noundef %copy, i32 noundef 44)
  %none = icmp eq ptr %comma, null
  %at = ptrtoint ptr %comma to i64
  %base = ptrtoint ptr %copy to i64
  %off = sub i64 %at, %base
  %n = select i1 %none, i64 -1, i64 %off
  call void @free(ptr noundef %copy)
  ret i64 %n
}

; Each search's result is compared with the block's start or end.
define i32 @search_results_compared(ptr %s, ptr %needle, i64 %len) {
; CHECK-LABEL: @search_results_compared(
; CHECK:         %h2s.slot = alloca [128 x i8], align 16
; CHECK:         call ptr @strrchr(ptr noundef %h2s.block, i32 noundef 47)
; CHECK:         call ptr @strstr(ptr noundef %h2s.block, ptr noundef %needle)
; CHECK:         call ptr @strpbrk(ptr noundef %h2s.block, ptr noundef %needle)
; CHECK:         call ptr @memchr(ptr noundef %h2s.block, i32 noundef 58, i64 noundef %len)
;
entry:
  %copy = call noalias ptr @strndup(ptr noundef %s, i64 noundef %len)
  %slash = call ptr @strrchr(ptr noundef %copy, i32 noundef 47)
  %at_start = icmp eq ptr %slash, %copy
  %found = call ptr @strstr(ptr noundef %copy, ptr noundef %needle)
  %later = icmp ugt ptr %found, %copy
  %any = call ptr @strpbrk(ptr noundef %copy, ptr noundef %needle)
  %end = getelementptr inbounds i8, ptr %copy, i64 %len
  %before_end = icmp ult ptr %any, %end
  %colon = call ptr @memchr(ptr noundef %copy, i32 noundef 58, i64 noundef %len)
  %has_colon = icmp ne ptr %colon, null
  %a = zext i1 %at_start to i32
  %b = zext i1 %later to i32
  %c = zext i1 %before_end to i32
  %d = zext i1 %has_colon to i32
  %ab = add i32 %a, %b
  %cd = add i32 %c, %d
  %r = add i32 %ab, %cd
  call void @free(ptr noundef %copy)
  ret i32 %r
}

; REMARK:      remark: <unknown>:0:0: copied the 'strdup' string to a 128-byte stack slot when it fits, to the heap when longer
; REMARK-NEXT: remark: <unknown>:0:0: copied the 'strndup' string to a 128-byte stack slot when it fits, to the heap when longer

declare void @free(ptr allocptr noundef nocapture) #1
declare noalias ptr @strdup(ptr noundef readonly nocapture) #2
declare noalias ptr @strndup(ptr noundef readonly nocapture, i64 noundef) #2
declare ptr @strchr(ptr noundef, i32 noundef) #3
declare ptr @strrchr(ptr noundef, i32 noundef) #3
declare ptr @strstr(ptr noundef, ptr noundef) #3
declare ptr @strpbrk(ptr noundef, ptr noundef) #3
declare ptr @memchr(ptr noundef, i32 noundef, i64 noundef) #3

attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nofree nounwind willreturn memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #3 = { mustprogress nofree nounwind willreturn memory(argmem: read) }
