; memcmp, strcmp, strlen and printf's %s read a holder's bytes, a stored
; pointer's address among them: after the site ran again, a comparison of
; the bytes where the earlier block's pointer is kept could find it equal
; to the new one if both shared one slot.  Such a read counts as a read of
; the held pointer, so the block stays on the heap, with the LoopCarried
; remark naming the comparison.  A comparison that runs before the next
; block is allocated lets the block have its slot, by memcmp or by bcmp
; (which LLVM makes of memcmp(...) == 0).
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; struct rec { char *name; long id; }: %prev keeps the block of the
; iteration before (never freed, so a live object), and memcmp compares it
; with the new record; one slot would make the two names equal.
define i32 @keeps_block_compared_with_the_next(i32 %n, i64 %len) !dbg !10 {
; CHECK-LABEL: @keeps_block_compared_with_the_next(
; CHECK:       loop:
; CHECK:         %b = call noalias ptr @malloc(i64 16)
;
entry:
  %prev = alloca [16 x i8], align 8
  %cur = alloca [16 x i8], align 8
  store ptr null, ptr %prev, align 8
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %next, %loop ]
  %same = phi i32 [ 0, %entry ], [ %same.next, %loop ]
  %b = call noalias ptr @malloc(i64 16), !dbg !11
  store i8 0, ptr %b, align 1
  store ptr %b, ptr %cur, align 8
  %c = call i32 @memcmp(ptr %prev, ptr %cur, i64 %len), !dbg !12
  %eq = icmp eq i32 %c, 0
  %inc = zext i1 %eq to i32
  %same.next = add i32 %same, %inc
  store ptr %b, ptr %prev, align 8
  %next = add i32 %i, 1
  %done = icmp eq i32 %next, %n
  br i1 %done, label %exit, label %loop

exit:
  ret i32 %same.next
}

; The record is compared with a template before its block is freed.
define i32 @promotes_block_compared_before_free(i32 %n, ptr %template, i64 %len) {
; CHECK-LABEL: @promotes_block_compared_before_free(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %cur = alloca [16 x i8], align 8
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret i32
;
entry:
  %cur = alloca [16 x i8], align 8
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %next, %loop ]
  %same = phi i32 [ 0, %entry ], [ %same.next, %loop ]
  %b = call noalias ptr @malloc(i64 16)
  store i8 0, ptr %b, align 1
  store ptr %b, ptr %cur, align 8
  %c = call i32 @memcmp(ptr %cur, ptr %template, i64 %len)
  %eq = icmp eq i32 %c, 0
  %inc = zext i1 %eq to i32
  %same.next = add i32 %same, %inc
  %old = load ptr, ptr %cur, align 8
  call void @free(ptr %old)
  %next = add i32 %i, 1
  %done = icmp eq i32 %next, %n
  br i1 %done, label %exit, label %loop

exit:
  ret i32 %same.next
}

define i32 @promotes_block_compared_by_bcmp(i32 %n, ptr %template, i64 %len) {
; CHECK-LABEL: @promotes_block_compared_by_bcmp(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %cur = alloca [16 x i8], align 8
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         ret i32
;
entry:
  %cur = alloca [16 x i8], align 8
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %next, %loop ]
  %same = phi i32 [ 0, %entry ], [ %same.next, %loop ]
  %b = call noalias ptr @malloc(i64 16)
  store i8 0, ptr %b, align 1
  store ptr %b, ptr %cur, align 8
  %c = call i32 @bcmp(ptr %cur, ptr %template, i64 %len)
  %eq = icmp eq i32 %c, 0
  %inc = zext i1 %eq to i32
  %same.next = add i32 %same, %inc
  %old = load ptr, ptr %cur, align 8
  call void @free(ptr %old)
  %next = add i32 %i, 1
  %done = icmp eq i32 %next, %n
  br i1 %done, label %exit, label %loop

exit:
  ret i32 %same.next
}

; REMARK: remark: test.c:3:9: not promoted: a block may still be in use when the next one is allocated (test.c:5:10)
; REMARK: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; its pointer is kept in a local variable

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr) allockind("free") "alloc-family"="malloc"
declare i32 @memcmp(ptr, ptr, i64)
declare i32 @bcmp(ptr, ptr, i64)

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "test.c", directory: "/tmp")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !{i32 1, !"Dwarf Version", i32 5}
!10 = distinct !DISubprogram(name: "keeps_block_compared_with_the_next", scope: !1, file: !1, line: 1, type: !5, unit: !0)
!5 = !DISubroutineType(types: !{})
!11 = !DILocation(line: 3, column: 9, scope: !10)
!12 = !DILocation(line: 5, column: 10, scope: !10)
