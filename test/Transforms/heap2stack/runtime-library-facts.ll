; What the C++ runtime and standard library do with the pointers they are
; given comes from runtime.c's table, keyed by symbol and prototype:
; __dynamic_cast and __cxa_begin_catch return a pointer into their argument
; and keep nothing, so the result is followed as the block; std::string's
; _M_append copies the characters of its second argument; a list node
; handed to _M_unhook is kept by nobody, one handed to _M_hook is linked
; into the list; std::__throw_out_of_range_fmt copies its format but keeps
; what it formats into its message; libc++'s __release_weak may free its
; control block.  A
; declaration of a runtime's name with another prototype (or a call with
; another prototype), or a function of the module with a runtime's name, is
; the program's own: LLVM's attributes or the body speak for it.
; RUN: rm -rf %t && split-file %s %t
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %t/facts.ll | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %t/facts.ll 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks-missed=heap2stack -disable-output < %t/other-prototype.ll 2>&1 | FileCheck %s --check-prefix=OTHER
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks-missed=heap2stack -disable-output < %t/own-definition.ll 2>&1 | FileCheck %s --check-prefix=OWN

;--- facts.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@_ZTI4Base = external constant ptr
@_ZTI7Derived = external constant ptr

define i32 @dynamic_cast_of_new_object(i32 %x) {
; CHECK-LABEL: @dynamic_cast_of_new_object(
; CHECK:         %h2s.slot = alloca [16 x i8], align 16
; CHECK:         call ptr @__dynamic_cast(ptr %h2s.slot,
; CHECK-NOT:     call void @_ZdlPvm
; CHECK:         ret i32
;
entry:
  %obj = call noalias noundef nonnull dereferenceable(16) ptr @_Znwm(i64 noundef 16) #2
  %field = getelementptr inbounds i8, ptr %obj, i64 8
  store i32 %x, ptr %field, align 4
  %d = call ptr @__dynamic_cast(ptr %obj, ptr @_ZTI4Base, ptr @_ZTI7Derived, i64 0)
  %null = icmp eq ptr %d, null
  br i1 %null, label %done, label %read

read:
  %dfield = getelementptr inbounds i8, ptr %d, i64 8
  %v = load i32, ptr %dfield, align 4
  br label %done

done:
  %r = phi i32 [ 0, %entry ], [ %v, %read ]
  call void @_ZdlPvm(ptr noundef nonnull %obj, i64 noundef 16) #3
  ret i32 %r
}

define i32 @caught_pointer_into_block() {
; CHECK-LABEL: @caught_pointer_into_block(
; CHECK:         %h2s.slot = alloca [32 x i8], align 16
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 32)
  store i32 1, ptr %buf, align 4
  %in = call ptr @__cxa_begin_catch(ptr %buf)
  %v = load i32, ptr %in, align 4
  call void @free(ptr noundef %buf)
  ret i32 %v
}

define void @characters_appended_to_string(ptr %str) {
; CHECK-LABEL: @characters_appended_to_string(
; CHECK:         %h2s.slot = alloca [8 x i8], align 16
; CHECK:         call ptr @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_appendEPKcm(ptr %str, ptr %h2s.slot, i64 8)
;
entry:
  %chars = call noalias ptr @malloc(i64 noundef 8)
  call void @llvm.memset.p0.i64(ptr %chars, i8 97, i64 8, i1 false)
  %self = call ptr @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_appendEPKcm(ptr %str, ptr %chars, i64 8)
  call void @free(ptr noundef %chars)
  ret void
}

define void @node_unhooked(ptr %list) {
; CHECK-LABEL: @node_unhooked(
; CHECK:         %h2s.slot = alloca [24 x i8], align 16
;
entry:
  %node = call noalias noundef nonnull ptr @_Znwm(i64 noundef 24) #2
  call void @_ZNSt8__detail15_List_node_base9_M_unhookEv(ptr %node)
  call void @_ZdlPvm(ptr noundef nonnull %node, i64 noundef 24) #3
  ret void
}

define void @node_hooked(ptr %list) {
; CHECK-LABEL: @node_hooked(
; CHECK:         %node = call noalias noundef nonnull ptr @_Znwm(i64 noundef 24)
;
entry:
  %node = call noalias noundef nonnull ptr @_Znwm(i64 noundef 24) #2
  call void @_ZNSt8__detail15_List_node_base7_M_hookEPS0_(ptr %node, ptr %list)
  call void @_ZNSt8__detail15_List_node_base9_M_unhookEv(ptr %node)
  call void @_ZdlPvm(ptr noundef nonnull %node, i64 noundef 24) #3
  ret void
}

define void @control_block_released() {
; CHECK-LABEL: @control_block_released(
; CHECK:         %block = call noalias noundef nonnull ptr @_Znwm(i64 noundef 24)
;
entry:
  %block = call noalias noundef nonnull ptr @_Znwm(i64 noundef 24) #2
  store i64 0, ptr %block, align 8
  call void @_ZNSt3__119__shared_weak_count14__release_weakEv(ptr %block)
  ret void
}

; std::__throw_out_of_range_fmt copies its format's characters, but writes
; its variadic arguments into the message it throws, which outlives the
; call: an address there is kept.
define void @message_from_block(i1 %bad) {
; CHECK-LABEL: @message_from_block(
; CHECK:         %h2s.slot = alloca [16 x i8], align 16
;
entry:
  %msg = call noalias ptr @malloc(i64 noundef 16)
  store i8 0, ptr %msg, align 1
  br i1 %bad, label %throw, label %done

throw:
  call void (ptr, ...) @_ZSt24__throw_out_of_range_fmtPKcz(ptr %msg, i64 3)
  unreachable

done:
  call void @free(ptr noundef %msg)
  ret void
}

define void @address_formatted_into_message(i1 %bad, ptr %fmt) {
; CHECK-LABEL: @address_formatted_into_message(
; CHECK:         %buf = call noalias ptr @malloc(i64 noundef 16)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 0, ptr %buf, align 1
  br i1 %bad, label %throw, label %done

throw:
  %addr = ptrtoint ptr %buf to i64
  call void (ptr, ...) @_ZSt24__throw_out_of_range_fmtPKcz(ptr %fmt, i64 %addr)
  unreachable

done:
  call void @free(ptr noundef %buf)
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 16-byte '_Znwm' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 8-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 24-byte '_Znwm' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: passed as argument 1 to '_ZNSt8__detail15_List_node_base7_M_hookEPS0_', which may keep it{{$}}
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: passed as argument 1 to '_ZNSt3__119__shared_weak_count14__release_weakEv', which may free it{{$}}
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: converted to an integer{{$}}
; REMARK-NOT:  remark

declare ptr @__dynamic_cast(ptr, ptr, ptr, i64) nounwind memory(read)
declare ptr @__cxa_begin_catch(ptr)
declare ptr @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_appendEPKcm(ptr, ptr, i64)
declare void @_ZNSt8__detail15_List_node_base7_M_hookEPS0_(ptr, ptr) nounwind
declare void @_ZNSt8__detail15_List_node_base9_M_unhookEv(ptr) nounwind
declare void @_ZNSt3__119__shared_weak_count14__release_weakEv(ptr) nounwind
declare void @_ZSt24__throw_out_of_range_fmtPKcz(ptr, ...) noreturn
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
declare noundef nonnull ptr @_Znwm(i64 noundef) #0
declare void @_ZdlPvm(ptr noundef, i64 noundef) #1
declare noalias noundef ptr @malloc(i64 noundef) #4
declare void @free(ptr allocptr noundef nocapture) #5
attributes #0 = { nobuiltin allocsize(0) }
attributes #1 = { nobuiltin nounwind }
attributes #2 = { builtin allocsize(0) }
attributes #3 = { builtin nounwind }
attributes #4 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #5 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

;--- other-prototype.ll
; __dynamic_cast declared with a fourth pointer parameter is not the ABI's.
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @cast_with_other_prototype() {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %d = call ptr @__dynamic_cast(ptr %buf, ptr null, ptr null, ptr null)
  call void @free(ptr noundef %buf)
  ret void
}

; __cxa_begin_catch declared as the ABI says, but called with another
; prototype.
define void @catch_called_with_other_prototype() {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %in = call ptr (ptr, i32) @__cxa_begin_catch(ptr %buf, i32 1)
  call void @free(ptr noundef %buf)
  ret void
}

; OTHER:      remark: <unknown>:0:0: not promoted: passed as argument 1 to '__dynamic_cast', which may keep it{{$}}
; OTHER-NEXT: remark: <unknown>:0:0: not promoted: passed as argument 1 to '__cxa_begin_catch', which may keep it{{$}}

declare ptr @__dynamic_cast(ptr, ptr, ptr, ptr)
declare ptr @__cxa_begin_catch(ptr)
declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

;--- own-definition.ll
; The module's own __cxa_begin_catch keeps what it is given.
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@kept = global ptr null

define ptr @__cxa_begin_catch(ptr %p) {
  store ptr %p, ptr @kept, align 8
  ret ptr %p
}

define void @catch_into_own_runtime() {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %in = call ptr @__cxa_begin_catch(ptr %buf)
  call void @free(ptr noundef %buf)
  ret void
}

; OWN: remark: <unknown>:0:0: not promoted: passed as argument 1 to '__cxa_begin_catch', which may keep it{{$}}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
