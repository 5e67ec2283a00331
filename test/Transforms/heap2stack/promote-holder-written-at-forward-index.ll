; A holder written at a run-time index that an inbounds nuw GEP cannot take
; below its constant offset (a struct's array after its pointer field,
; filled in a loop) writes only bytes from that offset on: a block whose
; pointer is in the field before the array is still what a later read of
; the field returns, and its free through the holder frees only it.  A GEP
; without nuw may step back onto the field: the free through the holder
; may free what the write left there, and the block stays on the heap.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

%struct.rec = type { ptr, [16 x i8] }

define void @promotes_block_beside_array_filled_forward(i64 %n) {
; CHECK-LABEL: @promotes_block_beside_array_filled_forward(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %r = alloca %struct.rec, align 8
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     call {{.*}}@malloc
; CHECK-NOT:     call void @free
; CHECK:         ret void
;
entry:
  %r = alloca %struct.rec, align 8
  %b = call noalias ptr @malloc(i64 32)
  store ptr %b, ptr %r, align 8
  %arr = getelementptr inbounds nuw i8, ptr %r, i64 8
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %cell = getelementptr inbounds nuw i8, ptr %arr, i64 %i
  store i8 7, ptr %cell, align 1
  %next = add nuw i64 %i, 1
  %more = icmp ult i64 %next, %n
  br i1 %more, label %loop, label %exit

exit:
  %p = load ptr, ptr %r, align 8
  call void @free(ptr %p)
  ret void
}

define void @keeps_block_beside_array_filled_at_any_index(i64 %n) !dbg !10 {
; CHECK-LABEL: @keeps_block_beside_array_filled_at_any_index(
; CHECK:         %b = call noalias ptr @malloc(i64 32)
; CHECK:         call void @free(ptr %p)
;
entry:
  %r = alloca %struct.rec, align 8
  %b = call noalias ptr @malloc(i64 32), !dbg !11
  store ptr %b, ptr %r, align 8
  %arr = getelementptr inbounds nuw i8, ptr %r, i64 8
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %cell = getelementptr inbounds i8, ptr %arr, i64 %i
  store i8 7, ptr %cell, align 1
  %next = add nuw i64 %i, 1
  %more = icmp ult i64 %next, %n
  br i1 %more, label %loop, label %exit

exit:
  %p = load ptr, ptr %r, align 8
  call void @free(ptr %p), !dbg !12
  ret void
}

; REMARK: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK: remark: test.c:3:9: not promoted: 'free' may free another block too (test.c:9:3)

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr) allockind("free") "alloc-family"="malloc"

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "test.c", directory: "/tmp")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !{i32 1, !"Dwarf Version", i32 5}
!5 = !DISubroutineType(types: !{})
!10 = distinct !DISubprogram(name: "keeps_block_beside_array_filled_at_any_index", scope: !1, file: !1, line: 1, type: !5, unit: !0)
!11 = !DILocation(line: 3, column: 9, scope: !10)
!12 = !DILocation(line: 9, column: 3, scope: !10)
