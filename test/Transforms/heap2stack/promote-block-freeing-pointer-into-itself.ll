; A free of a pointer loaded from a block, where the only pointers into the
; block stored there point inside it past its start (a small-buffer
; struct's `if (b->p != b->buf) free(b->p)`), frees no block of that
; site: freeing such a pointer would be undefined.  So does a free of a
; merge of such a pointer with a heap block's (the load forwarded).  So the block moves to
; the stack even when the heap block also stored there stays on the heap,
; and the free stays for that heap block.  A pointer stored at an offset
; known only at run time may be the block's start: then the free is the
; block's too, and one that may free the heap block as well, so the block
; stays on the heap.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i8 @promotes_block_whose_loaded_pointer_is_freed(i64 %n) {
; CHECK-LABEL: @promotes_block_whose_loaded_pointer_is_freed(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK:       grow:
; CHECK-NEXT:    %heap = call noalias ptr @malloc(i64 %n)
; CHECK:       release:
; CHECK-NEXT:    call void @free(ptr %p)
; CHECK:       done:
; CHECK-NOT:     call void @free
; CHECK:         ret i8 %v
;
entry:
  %b = call noalias ptr @malloc(i64 32)
  %inline = getelementptr inbounds nuw i8, ptr %b, i64 16
  store ptr %inline, ptr %b, align 8
  %long = icmp ugt i64 %n, 16
  br i1 %long, label %grow, label %use

grow:
  %heap = call noalias ptr @malloc(i64 %n)
  call void @keep(ptr %heap)
  store ptr %heap, ptr %b, align 8
  br label %use

use:
  %p = load ptr, ptr %b, align 8
  %v = load i8, ptr %p, align 1
  %own = icmp eq ptr %p, %inline
  br i1 %own, label %done, label %release

release:
  call void @free(ptr %p)
  br label %done

done:
  call void @free(ptr %b)
  ret i8 %v
}

define i8 @promotes_block_whose_merged_pointer_is_freed(i64 %n) {
; CHECK-LABEL: @promotes_block_whose_merged_pointer_is_freed(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK:       release:
; CHECK-NEXT:    call void @free(ptr %p)
; CHECK:       done:
; CHECK-NOT:     call void @free
; CHECK:         ret i8 %v
;
entry:
  %b = call noalias ptr @malloc(i64 32)
  %inline = getelementptr inbounds nuw i8, ptr %b, i64 16
  store ptr %inline, ptr %b, align 8
  %long = icmp ugt i64 %n, 16
  br i1 %long, label %grow, label %use

grow:
  %heap = call noalias ptr @malloc(i64 %n)
  call void @keep(ptr %heap)
  store ptr %heap, ptr %b, align 8
  br label %use

use:
  %p = phi ptr [ %heap, %grow ], [ %inline, %entry ]
  %v = load i8, ptr %p, align 1
  %own = icmp eq ptr %p, %inline
  br i1 %own, label %done, label %release

release:
  call void @free(ptr %p)
  br label %done

done:
  call void @free(ptr %b)
  ret i8 %v
}

define i8 @keeps_block_whose_pointer_into_itself_is_at_unknown_offset(i64 %n, i64 %k) !dbg !10 {
; CHECK-LABEL: @keeps_block_whose_pointer_into_itself_is_at_unknown_offset(
; CHECK:         %b = call noalias ptr @malloc(i64 32)
;
entry:
  %b = call noalias ptr @malloc(i64 32), !dbg !11
  %inline = getelementptr inbounds nuw i8, ptr %b, i64 %k
  store ptr %inline, ptr %b, align 8
  %long = icmp ugt i64 %n, 16
  br i1 %long, label %grow, label %use

grow:
  %heap = call noalias ptr @malloc(i64 %n)
  call void @keep(ptr %heap)
  store ptr %heap, ptr %b, align 8
  br label %use

use:
  %p = load ptr, ptr %b, align 8
  %own = icmp eq ptr %p, %inline
  br i1 %own, label %done, label %release

release:
  call void @free(ptr %p), !dbg !12
  br label %done

done:
  call void @free(ptr %b)
  ret i8 0
}

; REMARK: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack
; REMARK: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack
; REMARK: remark: test.c:3:9: not promoted: 'free' may free another block too (test.c:4:3)

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr) allockind("free") "alloc-family"="malloc"
declare void @keep(ptr) nocallback

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "test.c", directory: "/tmp")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !{i32 1, !"Dwarf Version", i32 5}
!5 = !DISubroutineType(types: !{})
!10 = distinct !DISubprogram(name: "keeps_block_whose_pointer_into_itself_is_at_unknown_offset", scope: !1, file: !1, line: 1, type: !5, unit: !0)
!11 = !DILocation(line: 3, column: 9, scope: !10)
!12 = !DILocation(line: 4, column: 3, scope: !10)
