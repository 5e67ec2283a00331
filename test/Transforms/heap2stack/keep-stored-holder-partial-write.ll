; A write that may touch only some of a holder's bytes does not end a path
; from a store of the block's pointer through the allocation to a read: a
; memcpy of a run-time length may copy nothing.  The block read back after
; the site ran again stays on the heap, with the LoopCarried remark.  A
; memcpy of a constant length that covers the pointer does end the path.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; With %n 0 the second iteration writes 2 into the first block; one slot for
; both would make the function return 2 instead of 1.
define i8 @keeps_block_past_copy_of_runtime_length(ptr %src, i64 %n) !dbg !10 {
; CHECK-LABEL: @keeps_block_past_copy_of_runtime_length(
; CHECK:       loop:
; CHECK:         %b = call noalias ptr @malloc(i64 16)
;
entry:
  %h = alloca ptr, align 8
  store ptr null, ptr %h, align 8
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %next, %loop ]
  %b = call noalias ptr @malloc(i64 16), !dbg !11
  store i8 1, ptr %b, align 1
  %old = load ptr, ptr %h, align 8, !dbg !12
  %seen = icmp ne ptr %old, null
  %pick = select i1 %seen, ptr %old, ptr %b
  store i8 2, ptr %pick, align 1
  store ptr %b, ptr %h, align 8
  call void @llvm.memcpy.p0.p0.i64(ptr %h, ptr %src, i64 %n, i1 false)
  %next = add i32 %i, 1
  %done = icmp eq i32 %next, 2
  br i1 %done, label %exit, label %loop

exit:
  %v = load i8, ptr %b, align 1
  ret i8 %v
}

; The copy overwrites the whole pointer: the read never returns the block
; of an earlier iteration.
define i8 @promotes_block_past_copy_of_whole_pointer(ptr %src) {
; CHECK-LABEL: @promotes_block_past_copy_of_whole_pointer(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h = alloca ptr, align 8
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     call {{.*}}@malloc
; CHECK:         ret i8
;
entry:
  %h = alloca ptr, align 8
  store ptr null, ptr %h, align 8
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %next, %loop ]
  %b = call noalias ptr @malloc(i64 16)
  store i8 1, ptr %b, align 1
  %old = load ptr, ptr %h, align 8
  %seen = icmp ne ptr %old, null
  %pick = select i1 %seen, ptr %old, ptr %b
  store i8 2, ptr %pick, align 1
  store ptr %b, ptr %h, align 8
  call void @llvm.memcpy.p0.p0.i64(ptr %h, ptr %src, i64 8, i1 false)
  %next = add i32 %i, 1
  %done = icmp eq i32 %next, 2
  br i1 %done, label %exit, label %loop

exit:
  %v = load i8, ptr %b, align 1
  ret i8 %v
}

; REMARK: remark: test.c:3:9: not promoted: a block may still be in use when the next one is allocated (test.c:4:10)
; REMARK: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; its pointer is kept in a local variable

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "test.c", directory: "/tmp")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !{i32 1, !"Dwarf Version", i32 5}
!10 = distinct !DISubprogram(name: "keeps_block_past_copy_of_runtime_length", scope: !1, file: !1, line: 1, type: !5, unit: !0)
!5 = !DISubroutineType(types: !{})
!11 = !DILocation(line: 3, column: 9, scope: !10)
!12 = !DILocation(line: 4, column: 10, scope: !10)
