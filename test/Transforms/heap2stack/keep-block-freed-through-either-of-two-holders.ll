; A load through a select of two local objects' pointers reads either
; object, so what it may return is what either holds (memflow.c's
; h2s_holder_read knows no single object it reads).  A free of what it
; loads may free the block stored in the second object even where the
; first holds only pointers into a block's inside: that block stays on
; the heap.  A free of what it loads is also no free of only the first
; object's block: a block stored in the second, which stays on the heap
; (it is returned), keeps the first's on the heap too.  A load of one
; object alone still lets both move to the stack.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i8 @keeps_block_freed_through_second_object(i1 %c) !dbg !10 {
; CHECK-LABEL: @keeps_block_freed_through_second_object(
; CHECK:         %b = call ptr @malloc(i64 32)
; CHECK:         call void @free(ptr %p)
;
  %b = call ptr @malloc(i64 32), !dbg !11
  %first = alloca ptr, align 8
  %second = alloca ptr, align 8
  %inside = getelementptr inbounds nuw i8, ptr %b, i64 8
  store ptr %inside, ptr %first, align 8
  store ptr %b, ptr %second, align 8
  %s = select i1 %c, ptr %first, ptr %second
  %p = load ptr, ptr %s, align 8
  store i8 7, ptr %p, align 1
  %v = load i8, ptr %p, align 1
  %heap = icmp ne ptr %p, %inside
  br i1 %heap, label %release, label %done

release:
  call void @free(ptr %p), !dbg !12
  br label %done

done:
  ret i8 %v
}

define ptr @keeps_block_whose_free_may_free_a_returned_one(i1 %c) !dbg !20 {
; CHECK-LABEL: @keeps_block_whose_free_may_free_a_returned_one(
; CHECK:         %own = call ptr @malloc(i64 32)
; CHECK:         call void @free(ptr %p)
;
  %own = call ptr @malloc(i64 32), !dbg !21
  %other = call ptr @malloc(i64 16)
  %first = alloca ptr, align 8
  %second = alloca ptr, align 8
  store ptr %own, ptr %first, align 8
  store ptr %other, ptr %second, align 8
  %s = select i1 %c, ptr %first, ptr %second
  %p = load ptr, ptr %s, align 8
  call void @free(ptr %p), !dbg !22
  %r = select i1 %c, ptr %other, ptr null
  ret ptr %r
}

define void @promotes_blocks_freed_through_their_own_objects() {
; CHECK-LABEL: @promotes_blocks_freed_through_their_own_objects(
; CHECK-NOT:     call ptr @malloc
; CHECK-NOT:     call void @free
; CHECK:         ret void
;
  %own = call ptr @malloc(i64 32)
  %other = call ptr @malloc(i64 16)
  %first = alloca ptr, align 8
  %second = alloca ptr, align 8
  store ptr %own, ptr %first, align 8
  store ptr %other, ptr %second, align 8
  %p = load ptr, ptr %first, align 8
  call void @free(ptr %p)
  %q = load ptr, ptr %second, align 8
  call void @free(ptr %q)
  ret void
}

; REMARK: remark: test.c:3:9: not promoted: 'free' may free another block too (test.c:4:3)
; REMARK: remark: test.c:13:9: not promoted: 'free' may free another block too (test.c:14:3)
; REMARK: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack; its pointer is kept in a local variable

declare ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr) allockind("free") "alloc-family"="malloc"

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "test.c", directory: "/tmp")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !{i32 1, !"Dwarf Version", i32 5}
!5 = !DISubroutineType(types: !{})
!10 = distinct !DISubprogram(name: "keeps_block_freed_through_second_object", scope: !1, file: !1, line: 1, type: !5, unit: !0)
!11 = !DILocation(line: 3, column: 9, scope: !10)
!12 = !DILocation(line: 4, column: 3, scope: !10)
!20 = distinct !DISubprogram(name: "keeps_block_whose_free_may_free_a_returned_one", scope: !1, file: !1, line: 11, type: !5, unit: !0)
!21 = !DILocation(line: 13, column: 9, scope: !20)
!22 = !DILocation(line: 14, column: 3, scope: !20)
