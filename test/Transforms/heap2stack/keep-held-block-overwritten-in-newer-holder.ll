; A holder allocated in a loop is another object every iteration.  A store
; into the new node (h->p = b) does not overwrite the field of the node the
; loop carries from the iteration before (prev->p): a read through that
; pointer still returns the earlier block after the site ran again, so the
; block stays on the heap, with the LoopCarried remark.  When the write and
; the read both go through the new node's own pointer, the write does
; overwrite what the read returns, and one slot serves every iteration.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; One slot for both blocks would let the second iteration's store of 2
; into its block change what the first node's block holds when it is read
; through %prev.
define void @keeps_block_read_through_previous_node(i32 %n) !dbg !10 {
; CHECK-LABEL: @keeps_block_read_through_previous_node(
; CHECK:       loop:
; CHECK:         %b = call noalias ptr @malloc(i64 16)
;
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %next, %latch ]
  %prev = phi ptr [ null, %entry ], [ %h, %latch ]
  %h = call noalias ptr @malloc(i64 8)
  %b = call noalias ptr @malloc(i64 16), !dbg !11
  %tag = trunc i32 %i to i8
  store i8 %tag, ptr %b, align 1
  store ptr %b, ptr %h, align 8
  %has_prev = icmp ne ptr %prev, null
  br i1 %has_prev, label %use, label %latch

use:
  %old = load ptr, ptr %prev, align 8, !dbg !12
  %c = load i8, ptr %old, align 1
  call void @sink(i8 %c)
  call void @free(ptr %old)
  call void @free(ptr %prev)
  br label %latch

latch:
  %next = add i32 %i, 1
  %done = icmp eq i32 %next, %n
  br i1 %done, label %exit, label %loop

exit:
  %last = load ptr, ptr %h, align 8
  call void @free(ptr %last)
  call void @free(ptr %h)
  ret void
}

; Every read goes through the node of its own iteration.
define void @promotes_block_read_through_own_node(i32 %n) {
; CHECK-LABEL: @promotes_block_read_through_own_node(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [8 x i8], align 16
; CHECK-NEXT:    %h2s.slot1 = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         store ptr %h2s.slot1, ptr %h2s.slot, align 8
; CHECK-NOT:     @malloc
; CHECK:         ret void
;
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %next, %loop ]
  %h = call noalias ptr @malloc(i64 8)
  %b = call noalias ptr @malloc(i64 16)
  %tag = trunc i32 %i to i8
  store i8 %tag, ptr %b, align 1
  store ptr %b, ptr %h, align 8
  %cur = load ptr, ptr %h, align 8
  %c = load i8, ptr %cur, align 1
  call void @sink(i8 %c)
  call void @free(ptr %cur)
  call void @free(ptr %h)
  %next = add i32 %i, 1
  %done = icmp eq i32 %next, %n
  br i1 %done, label %exit, label %loop

exit:
  ret void
}

; REMARK: remark: test.c:3:9: not promoted: a block may still be in use when the next one is allocated (test.c:4:10)
; REMARK: remark: <unknown>:0:0: moved 8-byte 'malloc' block to the stack
; REMARK: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; its pointer is kept in the 'malloc' block

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr) allockind("free") "alloc-family"="malloc"
declare void @sink(i8) nocallback

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "test.c", directory: "/tmp")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !{i32 1, !"Dwarf Version", i32 5}
!10 = distinct !DISubprogram(name: "keeps_block_read_through_previous_node", scope: !1, file: !1, line: 1, type: !5, unit: !0)
!5 = !DISubroutineType(types: !{})
!11 = !DILocation(line: 3, column: 9, scope: !10)
!12 = !DILocation(line: 4, column: 10, scope: !10)
