; A block used by an instruction the escape walk does not model
; (addrspacecast, insertvalue, insertelement, a call through the pointer, an
; operand bundle) is assumed to escape and stays on the heap.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @observe() #2

define void @used_by_addrspacecast() {
; CHECK-LABEL: @used_by_addrspacecast(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %far = addrspacecast ptr %buf to ptr addrspace(1)
; CHECK-NEXT:    store i8 0, ptr addrspace(1) %far, align 1
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %far = addrspacecast ptr %buf to ptr addrspace(1)
  store i8 0, ptr addrspace(1) %far, align 1
  call void @free(ptr noundef %buf)
  ret void
}

define { ptr, i64 } @used_by_insertvalue() {
; CHECK-LABEL: @used_by_insertvalue(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %pair = insertvalue { ptr, i64 } poison, ptr %buf, 0
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %pair = insertvalue { ptr, i64 } poison, ptr %buf, 0
  %sized = insertvalue { ptr, i64 } %pair, i64 16, 1
  ret { ptr, i64 } %sized
}

define <2 x ptr> @used_by_insertelement() {
; CHECK-LABEL: @used_by_insertelement(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %vec = insertelement <2 x ptr> zeroinitializer, ptr %buf, i64 0
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  %vec = insertelement <2 x ptr> zeroinitializer, ptr %buf, i64 0
  ret <2 x ptr> %vec
}

define void @called_through_pointer() {
; CHECK-LABEL: @called_through_pointer(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    call void %buf()
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  call void %buf()
  call void @free(ptr noundef %buf)
  ret void
}

define void @in_operand_bundle() {
; CHECK-LABEL: @in_operand_bundle(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    call void @observe() [ "deopt"(ptr %buf) ]
; CHECK-NEXT:    call void @free(ptr noundef %buf)
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  call void @observe() [ "deopt"(ptr %buf) ]
  call void @free(ptr noundef %buf)
  ret void
}

; REMARK:      remark: <unknown>:0:0: not promoted: used by 'addrspacecast', which the pass does not model
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: used by 'insertvalue', which the pass does not model
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: used by 'insertelement', which the pass does not model
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: used by 'an indirect call', which the pass does not model
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: used by 'observe', which the pass does not model

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nofree nounwind }
