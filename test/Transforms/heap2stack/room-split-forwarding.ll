; The dispatcher of a split function (room guards) takes the function's
; place for every user: here a linkonce_odr fastcc function in a comdat,
; whose address is in a global table, with an sret parameter and parameter
; attributes.  The dispatcher keeps the name, linkage, calling convention,
; comdat and attributes, minus the memory effects (it reads and writes the
; thread's stack bounds); the table points at it; its two musttail calls
; pass the arguments with the same attributes and calling convention; the
; bodies are internal, in the same comdat, and lose their memory effects
; too.  The room test reserves both slots: 48 bytes and the 128-byte
; guarded slot of the run-time sized block.
; RUN: opt -passes=heap2stack -S < %s | FileCheck %s
; RUN: opt -passes=heap2stack < %s | llc -O2 -o - | FileCheck %s --check-prefix=ASM

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

$walk = comdat any

%pair = type { i64, i64 }

; CHECK: @table = global [1 x ptr] [ptr @walk]
@table = global [1 x ptr] [ptr @walk]

; CHECK-LABEL: define linkonce_odr fastcc void @walk(
; CHECK-SAME:    ptr noalias sret(%pair) align 8 %out, ptr noundef nonnull readonly %node, i64 %len) #[[DISPATCHER:[0-9]+]] comdat {
; CHECK:         %lowest = add i64 %floor, 176
; CHECK:       room:
; CHECK-NEXT:    musttail call fastcc void @walk.h2s.room(ptr noalias sret(%pair) align 8 %out, ptr noundef nonnull readonly %node, i64 %len)
; CHECK-NEXT:    ret void
; CHECK:       plain:
; CHECK-NEXT:    musttail call fastcc void @walk.h2s.plain(ptr noalias sret(%pair) align 8 %out, ptr noundef nonnull readonly %node, i64 %len)
; CHECK-NEXT:    ret void
;
; CHECK-LABEL: define internal fastcc void @walk.h2s.room(
; CHECK-SAME:    ptr noalias sret(%pair) align 8 %out, ptr noundef nonnull readonly %node, i64 %len) #[[BODY:[0-9]+]] comdat($walk) {
; CHECK-NOT:     call noalias ptr @malloc(i64 noundef 48)
; CHECK:         %h2s.fits = icmp ult i64 %len, 129
; CHECK:         call fastcc void @walk(ptr sret(%pair) align 8 %out,
;
; CHECK-LABEL: define internal fastcc void @walk.h2s.plain(
; CHECK-SAME:    ptr noalias sret(%pair) align 8 %out, ptr noundef nonnull readonly %node, i64 %len) #[[BODY]] comdat($walk) {
; CHECK:         %a = call noalias ptr @malloc(i64 noundef 48)
; CHECK:         %b = call noalias ptr @malloc(i64 noundef %len)
; CHECK:         call fastcc void @walk(ptr sret(%pair) align 8 %out,
;
; CHECK-DAG: attributes #[[BODY]] = { noinline nounwind uwtable "heap2stack-split" }
; CHECK-DAG: attributes #[[DISPATCHER]] = { nounwind uwtable }
;
; The backend keeps both calls tail calls: the dispatcher's frame is gone
; before either body runs.
; ASM-LABEL: walk:
; ASM:         jmp walk.h2s.room # TAILCALL
; ASM:         jmp walk.h2s.plain # TAILCALL
define linkonce_odr fastcc void @walk(ptr noalias sret(%pair) align 8 %out, ptr noundef nonnull readonly %node, i64 %len) #2 comdat {
entry:
  %a = call noalias ptr @malloc(i64 noundef 48)
  %b = call noalias ptr @malloc(i64 noundef %len)
  store i64 %len, ptr %a, align 8
  store i8 0, ptr %b, align 1
  %next = load ptr, ptr %node, align 8
  %leaf = icmp eq ptr %next, null
  br i1 %leaf, label %done, label %deeper

deeper:
  call fastcc void @walk(ptr sret(%pair) align 8 %out, ptr noundef nonnull %next, i64 %len)
  br label %done

done:
  %v = load i64, ptr %a, align 8
  store i64 %v, ptr %out, align 8
  call void @free(ptr noundef %b)
  call void @free(ptr noundef %a)
  ret void
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nounwind memory(argmem: readwrite, inaccessiblemem: readwrite) uwtable }
