; print<heap2stack-summaries> also says whether each pointer parameter may
; outlive the call (summaries.c): a parameter is kept when a pointer derived
; from it is stored, returned (also through strchr's result), turned into
; an integer that carries its address, or given to a call that may keep it
; (an unknown or indirect callee; the module's own functions by their
; summaries).  An integer that carries the address may become the pointer
; again, so it may also be freed.  The integers UndefinedBehaviorSanitizer's
; checks make (an alignment test, a handler that prints the value) keep
; nothing, nor does comparing, loading through it, or a nocapture
; declaration.  A cycle of calls keeps what one of its functions keeps.
; RUN: opt -passes='print<heap2stack-summaries>' -disable-output < %s 2>&1 | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@global_cell = global ptr null, align 8
@global_int = global i64 0, align 8
@data = private global [16 x i8] zeroinitializer
@callback = global ptr null, align 8

; CHECK-LABEL: heap2stack summaries for module
; CHECK:       checked_reader parameter 0: never freed, never kept{{$}}
define i32 @checked_reader(ptr %p) {
  %addr = ptrtoint ptr %p to i64, !nosanitize !0
  %low = and i64 %addr, 3, !nosanitize !0
  %ok = icmp eq i64 %low, 0, !nosanitize !0
  br i1 %ok, label %load, label %report, !nosanitize !0
report:
  call void @__ubsan_handle_type_mismatch_v1(ptr @data, i64 %addr), !nosanitize !0
  br label %load
load:
  %v = load i32, ptr %p, align 4
  ret i32 %v
}

; CHECK:       stashes_address parameter 0: may free, may keep{{$}}
define void @stashes_address(ptr %p) {
  %addr = ptrtoint ptr %p to i64
  store i64 %addr, ptr @global_int, align 8
  ret void
}

; CHECK:       returns_parameter parameter 0: never freed, may keep{{$}}
define ptr @returns_parameter(ptr %p) {
  %q = getelementptr inbounds i8, ptr %p, i64 4
  ret ptr %q
}

; CHECK:       returns_search_result parameter 0: never freed, may keep{{$}}
define ptr @returns_search_result(ptr %p) {
  %hit = call ptr @strchr(ptr %p, i32 47)
  ret ptr %hit
}

; CHECK:       measures_string parameter 0: never freed, never kept{{$}}
define i64 @measures_string(ptr %p) {
  %n = call i64 @strlen(ptr %p)
  %same = icmp eq ptr %p, @global_cell
  %r = select i1 %same, i64 0, i64 %n
  ret i64 %r
}

; CHECK:       stores_parameter parameter 0: may free, may keep{{$}}
define void @stores_parameter(ptr %p) {
  store ptr %p, ptr @global_cell, align 8
  ret void
}

; CHECK:       calls_stasher parameter 0: may free, may keep{{$}}
define void @calls_stasher(ptr %p) {
  call void @stashes_address(ptr %p)
  ret void
}

; CHECK:       calls_checked_reader parameter 0: never freed, never kept{{$}}
define i32 @calls_checked_reader(ptr %p) {
  %v = call i32 @checked_reader(ptr %p)
  ret i32 %v
}

; CHECK:       calls_through_pointer parameter 0: may free, may keep{{$}}
define void @calls_through_pointer(ptr %p) {
  %f = load ptr, ptr @callback, align 8
  call void %f(ptr %p)
  ret void
}

; CHECK:       passes_to_nocapture_declaration parameter 0: never freed, never kept{{$}}
define void @passes_to_nocapture_declaration(ptr %p) {
  call void @reads_only(ptr %p)
  ret void
}

; CHECK:       tick parameter 0: may free, may keep{{$}}
define void @tick(ptr %p, i32 %n) {
  %stop = icmp eq i32 %n, 0
  br i1 %stop, label %done, label %again
again:
  %m = sub i32 %n, 1
  call void @tock(ptr %p, i32 %m)
  br label %done
done:
  ret void
}

; CHECK:       tock parameter 0: may free, may keep{{$}}
define void @tock(ptr %p, i32 %n) {
  %stop = icmp eq i32 %n, 0
  br i1 %stop, label %last, label %again
again:
  call void @tick(ptr %p, i32 %n)
  ret void
last:
  call void @stashes_address(ptr %p)
  ret void
}
; CHECK-NOT:   parameter

declare void @__ubsan_handle_type_mismatch_v1(ptr, i64)
declare ptr @strchr(ptr, i32)
declare i64 @strlen(ptr)
declare void @reads_only(ptr nocapture readonly) nofree nounwind

!0 = !{}
