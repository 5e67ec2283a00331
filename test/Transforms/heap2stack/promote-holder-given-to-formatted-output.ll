; A local struct that holds a block's pointer may be given to the C
; library where libc.c knows what happens to its bytes: printf's variadic
; arguments have only their characters read (a "%n" writes a count), and
; snprintf or strcpy write forward from the pointer they are given, so a
; tag field after the pointer field leaves the pointer known and the free
; of the field's value frees the block.  The block stays on the heap when
; the write starts at the pointer field, when "%p" prints the struct's
; address, or when snprintf's "%s" copies characters from the pointer field
; on into its destination, memory the pass does not follow.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@fmt.tag = private constant [4 x i8] c"t%d\00"
@fmt.s = private constant [3 x i8] c"%s\00"
@fmt.n = private constant [5 x i8] c"%s%n\00"
@fmt.p = private constant [3 x i8] c"%p\00"

; struct record { char *name; char tag[16]; }

define void @promotes_tag_formatted_and_printed(i32 %round) {
; CHECK-LABEL: @promotes_tag_formatted_and_printed(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %r = alloca { ptr, [16 x i8] }, align 8
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK:         %n1 = call i32 (ptr, i64, ptr, ...) @snprintf(ptr %tag, i64 16, ptr @fmt.tag, i32 %round)
; CHECK-NEXT:    %n2 = call i32 (ptr, ...) @printf(ptr @fmt.s, ptr %tag)
; CHECK-NEXT:    %n3 = call i32 (ptr, ...) @printf(ptr @fmt.n, ptr %tag, ptr %tag)
; CHECK-NEXT:    %back = load ptr, ptr %r, align 8
; CHECK-NEXT:    ret void
;
entry:
  %r = alloca { ptr, [16 x i8] }, align 8
  %name = call noalias ptr @malloc(i64 noundef 32)
  store ptr %name, ptr %r, align 8
  %tag = getelementptr inbounds i8, ptr %r, i64 8
  %n1 = call i32 (ptr, i64, ptr, ...) @snprintf(ptr %tag, i64 16, ptr @fmt.tag, i32 %round)
  %n2 = call i32 (ptr, ...) @printf(ptr @fmt.s, ptr %tag)
  %n3 = call i32 (ptr, ...) @printf(ptr @fmt.n, ptr %tag, ptr %tag)
  %back = load ptr, ptr %r, align 8
  call void @free(ptr noundef %back)
  ret void
}

define void @promotes_tag_copied_by_strcpy(ptr %src) {
; CHECK-LABEL: @promotes_tag_copied_by_strcpy(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %r = alloca { ptr, [16 x i8] }, align 8
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
;
entry:
  %r = alloca { ptr, [16 x i8] }, align 8
  %name = call noalias ptr @malloc(i64 noundef 32)
  store ptr %name, ptr %r, align 8
  %tag = getelementptr inbounds i8, ptr %r, i64 8
  %t = call ptr @strcpy(ptr %tag, ptr %src)
  %back = load ptr, ptr %r, align 8
  call void @free(ptr noundef %back)
  ret void
}

define void @keeps_when_write_starts_at_pointer_field(i32 %round) {
; CHECK-LABEL: @keeps_when_write_starts_at_pointer_field(
; CHECK:         %name = call noalias ptr @malloc(i64 noundef 32)
; CHECK:         call void @free(ptr noundef %back)
;
entry:
  %r = alloca { ptr, [16 x i8] }, align 8
  %name = call noalias ptr @malloc(i64 noundef 32)
  store ptr %name, ptr %r, align 8
  %n1 = call i32 (ptr, i64, ptr, ...) @snprintf(ptr %r, i64 24, ptr @fmt.tag, i32 %round)
  %back = load ptr, ptr %r, align 8
  call void @free(ptr noundef %back)
  ret void
}

define void @keeps_when_address_printed() {
; CHECK-LABEL: @keeps_when_address_printed(
; CHECK:         %name = call noalias ptr @malloc(i64 noundef 32)
; CHECK:         call void @free(ptr noundef %back)
;
entry:
  %r = alloca { ptr, [16 x i8] }, align 8
  %name = call noalias ptr @malloc(i64 noundef 32)
  store ptr %name, ptr %r, align 8
  %n = call i32 (ptr, ...) @printf(ptr @fmt.p, ptr %r)
  %back = load ptr, ptr %r, align 8
  call void @free(ptr noundef %back)
  ret void
}

define void @keeps_when_pointer_bytes_copied_by_snprintf(ptr %out) {
; CHECK-LABEL: @keeps_when_pointer_bytes_copied_by_snprintf(
; CHECK:         %name = call noalias ptr @malloc(i64 noundef 32)
; CHECK:         call void @free(ptr noundef %back)
;
entry:
  %r = alloca { ptr, [16 x i8] }, align 8
  %name = call noalias ptr @malloc(i64 noundef 32)
  store ptr %name, ptr %r, align 8
  %n = call i32 (ptr, i64, ptr, ...) @snprintf(ptr %out, i64 32, ptr @fmt.s, ptr %r)
  %back = load ptr, ptr %r, align 8
  call void @free(ptr noundef %back)
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'free' may free another block too
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object passed as argument 2 to 'printf', which may let it out
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object that 'snprintf' may let out

declare i32 @printf(ptr nocapture readonly, ...)
declare i32 @snprintf(ptr nocapture, i64, ptr nocapture readonly, ...)
declare ptr @strcpy(ptr, ptr nocapture readonly)
declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
