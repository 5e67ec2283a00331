; A local struct that holds a block's pointer may be given to a function
; of the module whose summary (summaries.c) says it keeps neither the
; struct's address nor the pointers it loads from the struct, and frees
; none of them: the call only uses the block while it runs.  The bytes the
; callee writes, or reads as data, are named by offset; writes elsewhere in
; the struct (a length field) leave the pointer field's contents known, so
; the free of the field's value still frees the block.  The block stays on
; the heap when the callee keeps the loaded pointer, frees it, reads the
; pointer field as an integer, or may be replaced at link time; when it
; writes the pointer field, what the caller frees afterwards may be
; another block.  (helper-size=0 keeps the calls: helpers.c would inline
; the freeing helper, whose call is the point here.)
; RUN: opt -passes='heap2stack<no-cleanup;helper-size=0>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup;helper-size=0>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@global_cell = global ptr null, align 8
@global_int = global i64 0, align 8

; struct buf { char *data; i64 len; }

define i64 @promotes_holder_given_to_reader() {
; CHECK-LABEL: @promotes_holder_given_to_reader(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %b = alloca { ptr, i64 }, align 8
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store ptr %h2s.slot, ptr %b, align 8
; CHECK:         %n = call i64 @reads_through_field(ptr %b)
; CHECK-NEXT:    %back = load ptr, ptr %b, align 8
; CHECK-NEXT:    ret i64 %n
;
entry:
  %b = alloca { ptr, i64 }, align 8
  %data = call noalias ptr @malloc(i64 noundef 32)
  store ptr %data, ptr %b, align 8
  call void @llvm.memset.p0.i64(ptr %data, i8 97, i64 31, i1 false)
  %end = getelementptr inbounds i8, ptr %data, i64 31
  store i8 0, ptr %end, align 1
  %len = getelementptr inbounds i8, ptr %b, i64 8
  store i64 31, ptr %len, align 8
  %n = call i64 @reads_through_field(ptr %b)
  %back = load ptr, ptr %b, align 8
  call void @free(ptr noundef %back)
  ret i64 %n
}

define i64 @promotes_holder_given_to_length_writer() {
; CHECK-LABEL: @promotes_holder_given_to_length_writer(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %b = alloca { ptr, i64 }, align 8
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK:         call void @sets_length(ptr %b, ptr @text)
; CHECK-NEXT:    %back = load ptr, ptr %b, align 8
; CHECK-NEXT:    %c = load i8, ptr %back, align 1
; CHECK-NEXT:    %r = zext i8 %c to i64
; CHECK-NEXT:    ret i64 %r
;
entry:
  %b = alloca { ptr, i64 }, align 8
  %data = call noalias ptr @malloc(i64 noundef 32)
  store ptr %data, ptr %b, align 8
  call void @sets_length(ptr %b, ptr @text)
  %back = load ptr, ptr %b, align 8
  %c = load i8, ptr %back, align 1
  call void @free(ptr noundef %back)
  %r = zext i8 %c to i64
  ret i64 %r
}

define void @keeps_holder_given_to_keeper() {
; CHECK-LABEL: @keeps_holder_given_to_keeper(
; CHECK:         %data = call noalias ptr @malloc(i64 noundef 32)
; CHECK:         call void @free(ptr noundef %back)
;
entry:
  %b = alloca { ptr, i64 }, align 8
  %data = call noalias ptr @malloc(i64 noundef 32)
  store ptr %data, ptr %b, align 8
  call void @keeps_loaded_pointer(ptr %b)
  %back = load ptr, ptr %b, align 8
  call void @free(ptr noundef %back)
  ret void
}

define void @keeps_holder_given_to_freer() {
; CHECK-LABEL: @keeps_holder_given_to_freer(
; CHECK:         %data = call noalias ptr @malloc(i64 noundef 32)
; CHECK-NEXT:    store ptr %data, ptr %b, align 8
; CHECK-NEXT:    call void @frees_loaded_pointer(ptr %b)
;
entry:
  %b = alloca { ptr, i64 }, align 8
  %data = call noalias ptr @malloc(i64 noundef 32)
  store ptr %data, ptr %b, align 8
  call void @frees_loaded_pointer(ptr %b)
  ret void
}

define void @keeps_holder_whose_pointer_is_read_as_integer() {
; CHECK-LABEL: @keeps_holder_whose_pointer_is_read_as_integer(
; CHECK:         %data = call noalias ptr @malloc(i64 noundef 32)
; CHECK:         call void @free(ptr noundef %back)
;
entry:
  %b = alloca { ptr, i64 }, align 8
  %data = call noalias ptr @malloc(i64 noundef 32)
  store ptr %data, ptr %b, align 8
  call void @hashes_first_word(ptr %b)
  %back = load ptr, ptr %b, align 8
  call void @free(ptr noundef %back)
  ret void
}

define void @keeps_holder_whose_pointer_is_replaced() {
; CHECK-LABEL: @keeps_holder_whose_pointer_is_replaced(
; CHECK:         %data = call noalias ptr @malloc(i64 noundef 32)
; CHECK:         call void @free(ptr noundef %back)
;
entry:
  %b = alloca { ptr, i64 }, align 8
  %data = call noalias ptr @malloc(i64 noundef 32)
  store ptr %data, ptr %b, align 8
  call void @replaces_data(ptr %b)
  %back = load ptr, ptr %b, align 8
  call void @free(ptr noundef %back)
  ret void
}

define void @keeps_holder_given_to_replaceable_body() {
; CHECK-LABEL: @keeps_holder_given_to_replaceable_body(
; CHECK:         %data = call noalias ptr @malloc(i64 noundef 32)
; CHECK:         call void @free(ptr noundef %back)
;
entry:
  %b = alloca { ptr, i64 }, align 8
  %data = call noalias ptr @malloc(i64 noundef 32)
  store ptr %data, ptr %b, align 8
  %n = call i64 @weak_reader(ptr %b)
  %back = load ptr, ptr %b, align 8
  call void @free(ptr noundef %back)
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object passed as argument 1 to 'keeps_loaded_pointer', which may let it out
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object passed as argument 1 to 'frees_loaded_pointer', which may let it out
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object that 'hashes_first_word' may let out
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'free' may free another block too
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object passed as argument 1 to 'weak_reader', which may let it out

@text = private constant [4 x i8] c"abc\00"

define i64 @reads_through_field(ptr %b) {
  %data = load ptr, ptr %b, align 8
  %n = call i64 @strlen(ptr %data)
  ret i64 %n
}

define void @sets_length(ptr %b, ptr %s) {
  %data = load ptr, ptr %b, align 8
  call void @llvm.memcpy.p0.p0.i64(ptr %data, ptr %s, i64 4, i1 false)
  %len = getelementptr inbounds i8, ptr %b, i64 8
  store i64 3, ptr %len, align 8
  ret void
}

define void @keeps_loaded_pointer(ptr %b) {
  %data = load ptr, ptr %b, align 8
  store ptr %data, ptr @global_cell, align 8
  ret void
}

define void @frees_loaded_pointer(ptr %b) {
  %data = load ptr, ptr %b, align 8
  call void @free(ptr %data)
  ret void
}

define void @hashes_first_word(ptr %b) {
  %word = load i64, ptr %b, align 8
  store i64 %word, ptr @global_int, align 8
  ret void
}

define void @replaces_data(ptr %b) {
  %other = load ptr, ptr @global_cell, align 8
  store ptr %other, ptr %b, align 8
  ret void
}

define linkonce_odr i64 @weak_reader(ptr %b) {
  %data = load ptr, ptr %b, align 8
  %c = load i8, ptr %data, align 1
  %r = zext i8 %c to i64
  ret i64 %r
}

declare i64 @strlen(ptr nocapture)
declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
