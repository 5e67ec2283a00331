; A block's pointer stored into a local variable (an alloca) has not escaped
; when the variable's address goes only where its contents cannot leave the
; function (here the lifetime markers and a comparison): a load of the variable is another
; pointer into the block, and a free of that load frees the block, so the
; block gets a slot and the free is deleted.  The Passed remark says where
; the pointer waits.  When the variable's address is given to a function the
; pass cannot see (even a readonly nocapture one, which may read the
; pointer out of it), is itself stored to memory, or is the source of a
; memcpy of the pointer's bytes to memory the pass does not follow, the
; block stays on the heap and the remark names what lets the variable's
; contents out.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@global_slot = global ptr null, align 8

define i8 @promotes_pointer_kept_in_alloca(i8 %byte, ptr %other) {
; CHECK-LABEL: @promotes_pointer_kept_in_alloca(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %holder = alloca ptr, align 8
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 8, )?}}ptr %holder)
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store i8 %byte, ptr %h2s.slot, align 1
; CHECK-NEXT:    store ptr %h2s.slot, ptr %holder, align 8
; CHECK-NEXT:    %is.other = icmp eq ptr %holder, %other
; CHECK-NEXT:    %back = load ptr, ptr %holder, align 8
; CHECK-NEXT:    %val = load i8, ptr %back, align 1
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 8, )?}}ptr %holder)
; CHECK-NEXT:    %ret = select i1 %is.other, i8 0, i8 %val
; CHECK-NEXT:    ret i8 %ret
;
entry:
  %holder = alloca ptr, align 8
  call void @llvm.lifetime.start.p0(i64 8, ptr %holder)
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 %byte, ptr %buf, align 1
  store ptr %buf, ptr %holder, align 8
  %is.other = icmp eq ptr %holder, %other
  %back = load ptr, ptr %holder, align 8
  %val = load i8, ptr %back, align 1
  call void @free(ptr noundef %back)
  call void @llvm.lifetime.end.p0(i64 8, ptr %holder)
  %ret = select i1 %is.other, i8 0, i8 %val
  ret i8 %ret
}

; @inspect cannot keep %holder, but it may read %buf out of it and keep that.
define i8 @keeps_holder_passed_to_unknown_call(i8 %byte) {
; CHECK-LABEL: @keeps_holder_passed_to_unknown_call(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %holder = alloca ptr, align 8
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store i8 %byte, ptr %buf, align 1
; CHECK-NEXT:    store ptr %buf, ptr %holder, align 8
; CHECK-NEXT:    call void @inspect(ptr noundef %holder)
; CHECK-NEXT:    %back = load ptr, ptr %holder, align 8
; CHECK-NEXT:    %val = load i8, ptr %back, align 1
; CHECK-NEXT:    call void @free(ptr noundef %back)
; CHECK-NEXT:    ret i8 %val
;
entry:
  %holder = alloca ptr, align 8
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store i8 %byte, ptr %buf, align 1
  store ptr %buf, ptr %holder, align 8
  call void @inspect(ptr noundef %holder)
  %back = load ptr, ptr %holder, align 8
  %val = load i8, ptr %back, align 1
  call void @free(ptr noundef %back)
  ret i8 %val
}

define void @keeps_holder_address_stored_to_global() {
; CHECK-LABEL: @keeps_holder_address_stored_to_global(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %holder = alloca ptr, align 8
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store ptr %buf, ptr %holder, align 8
; CHECK-NEXT:    store ptr %holder, ptr @global_slot, align 8
; CHECK-NEXT:    %back = load ptr, ptr %holder, align 8
; CHECK-NEXT:    call void @free(ptr noundef %back)
; CHECK-NEXT:    ret void
;
entry:
  %holder = alloca ptr, align 8
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store ptr %buf, ptr %holder, align 8
  store ptr %holder, ptr @global_slot, align 8
  %back = load ptr, ptr %holder, align 8
  call void @free(ptr noundef %back)
  ret void
}

define void @keeps_holder_copied_out(ptr %out) {
; CHECK-LABEL: @keeps_holder_copied_out(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %holder = alloca ptr, align 8
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    store ptr %buf, ptr %holder, align 8
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 8 %out, ptr align 8 %holder, i64 8, i1 false)
; CHECK-NEXT:    %back = load ptr, ptr %holder, align 8
; CHECK-NEXT:    call void @free(ptr noundef %back)
; CHECK-NEXT:    ret void
;
entry:
  %holder = alloca ptr, align 8
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store ptr %buf, ptr %holder, align 8
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %out, ptr align 8 %holder, i64 8, i1 false)
  %back = load ptr, ptr %holder, align 8
  call void @free(ptr noundef %back)
  ret void
}

; REMARK:      remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object passed as argument 1 to 'inspect', which may let it out
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object whose address is stored to memory
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored into an object that 'llvm.memcpy.p0.p0.i64' may let out

declare void @inspect(ptr noundef readonly nocapture) #2
declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nofree nounwind }
