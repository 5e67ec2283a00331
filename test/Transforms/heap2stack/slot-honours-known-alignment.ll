; When the IR already states that the block is more aligned than malloc's
; 16 bytes (an 'align' return attribute on the allocation, which the inliner
; propagates from an assume_aligned wrapper, or an llvm.assume "align"
; bundle from __builtin_assume_aligned), later code relies on it: clang -O2
; emits 'store <8 x float> ..., align 32' and the x86 backend then uses
; vmovaps.  The slot must be at least that aligned (or the block kept).
; (The slot once got align 16 and the promoted code faulted in vmovaps.)
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @align_attribute_on_call(<8 x float> %v) {
; CHECK-LABEL: @align_attribute_on_call(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 32
;
entry:
  %buf = tail call noalias noundef align 32 dereferenceable_or_null(64) ptr @malloc(i64 noundef 64)
  store <8 x float> %v, ptr %buf, align 32
  tail call void @free(ptr noundef nonnull %buf)
  ret void
}

define void @align_assumption_on_block(<8 x float> %v) {
; CHECK-LABEL: @align_assumption_on_block(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 32
;
entry:
  %buf = tail call noalias dereferenceable_or_null(64) ptr @malloc(i64 noundef 64)
  call void @llvm.assume(i1 true) [ "align"(ptr %buf, i64 32) ]
  store <8 x float> %v, ptr %buf, align 32
  tail call void @free(ptr noundef nonnull %buf)
  ret void
}

declare void @llvm.assume(i1 noundef) #2
declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nocallback nofree nosync nounwind willreturn memory(inaccessiblemem: write) }
