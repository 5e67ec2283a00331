; A local object that stores a pointer into itself (a small-buffer struct
; whose pointer field first points at its own array) still keeps its
; contents in the function: memflow.c follows the loads of that field as
; further pointers into the object, at the array's offset when that is the
; only place stored there.  A block stored into the field when the text
; outgrows the array, and freed through the field when it is not the
; array, moves to the stack; so does a block that stores its own address.
; The object is let out, and the block stays on the heap, when the
; pointer loaded back goes where the pass does not follow (stored outside,
; given to an unknown function), when the object is copied out by memcpy
; with the pointer in it, or when the pointer's bytes are read as an
; integer.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

%struct.sbuf = type { ptr, i64, [32 x i8] }

@sink = global ptr null, align 8

; The text is written through the field, wherever it points; a long one
; moves it to a 64-byte block first.
define i8 @promotes_block_of_small_buffer(i1 %long) {
; CHECK-LABEL: @promotes_block_of_small_buffer(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %b = alloca %struct.sbuf, align 8
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 16
; CHECK-NOT:     call {{.*}}@malloc
; CHECK-NOT:     call void @free
; CHECK:         ret i8
;
entry:
  %b = alloca %struct.sbuf, align 8
  %inl = getelementptr inbounds nuw i8, ptr %b, i64 16
  store ptr %inl, ptr %b, align 8
  br i1 %long, label %grow, label %write

grow:
  %heap = call noalias ptr @malloc(i64 64)
  call void @llvm.memcpy.p0.p0.i64(ptr %heap, ptr %inl, i64 32, i1 false)
  store ptr %heap, ptr %b, align 8
  br label %write

write:
  %p = load ptr, ptr %b, align 8
  %at = getelementptr inbounds nuw i8, ptr %p, i64 5
  store i8 42, ptr %at, align 1
  %q = load ptr, ptr %b, align 8
  %v = load i8, ptr %q, align 1
  %own = icmp eq ptr %q, %inl
  br i1 %own, label %done, label %release

release:
  call void @free(ptr %q)
  br label %done

done:
  ret i8 %v
}

define void @promotes_block_storing_its_own_address() {
; CHECK-LABEL: @promotes_block_storing_its_own_address(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NOT:     call {{.*}}@malloc
; CHECK:         store ptr %h2s.slot, ptr %h2s.slot, align 8
; CHECK-NOT:     call void @free
; CHECK:         ret void
;
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16)
  store ptr %buf, ptr %buf, align 8
  call void @free(ptr noundef %buf)
  ret void
}

define void @keeps_block_when_loaded_pointer_is_stored_outside(i1 %long) !dbg !10 {
; CHECK-LABEL: @keeps_block_when_loaded_pointer_is_stored_outside(
; CHECK:         %heap = call noalias ptr @malloc(i64 64)
;
entry:
  %b = alloca %struct.sbuf, align 8
  %inl = getelementptr inbounds nuw i8, ptr %b, i64 16
  store ptr %inl, ptr %b, align 8
  br i1 %long, label %grow, label %use

grow:
  %heap = call noalias ptr @malloc(i64 64), !dbg !11
  store ptr %heap, ptr %b, align 8
  br label %use

use:
  %p = load ptr, ptr %b, align 8
  store ptr %p, ptr @sink, align 8, !dbg !12
  ret void
}

define void @keeps_block_when_loaded_pointer_is_given_away(i1 %long) !dbg !20 {
; CHECK-LABEL: @keeps_block_when_loaded_pointer_is_given_away(
; CHECK:         %heap = call noalias ptr @malloc(i64 64)
;
entry:
  %b = alloca %struct.sbuf, align 8
  %inl = getelementptr inbounds nuw i8, ptr %b, i64 16
  store ptr %inl, ptr %b, align 8
  br i1 %long, label %grow, label %use

grow:
  %heap = call noalias ptr @malloc(i64 64), !dbg !21
  store ptr %heap, ptr %b, align 8
  br label %use

use:
  %p = load ptr, ptr %b, align 8
  call void @unknown(ptr %p), !dbg !22
  ret void
}

define void @keeps_block_when_object_is_copied_out(ptr %out, i1 %long) !dbg !30 {
; CHECK-LABEL: @keeps_block_when_object_is_copied_out(
; CHECK:         %heap = call noalias ptr @malloc(i64 64)
;
entry:
  %b = alloca %struct.sbuf, align 8
  %inl = getelementptr inbounds nuw i8, ptr %b, i64 16
  store ptr %inl, ptr %b, align 8
  br i1 %long, label %grow, label %copy

grow:
  %heap = call noalias ptr @malloc(i64 64), !dbg !31
  store ptr %heap, ptr %b, align 8
  br label %copy

copy:
  call void @llvm.memcpy.p0.p0.i64(ptr %out, ptr %b, i64 48, i1 false), !dbg !32
  ret void
}

define i64 @keeps_block_when_pointer_is_read_as_integer(i1 %long) !dbg !40 {
; CHECK-LABEL: @keeps_block_when_pointer_is_read_as_integer(
; CHECK:         %heap = call noalias ptr @malloc(i64 64)
;
entry:
  %b = alloca %struct.sbuf, align 8
  %inl = getelementptr inbounds nuw i8, ptr %b, i64 16
  store ptr %inl, ptr %b, align 8
  br i1 %long, label %grow, label %read

grow:
  %heap = call noalias ptr @malloc(i64 64), !dbg !41
  store ptr %heap, ptr %b, align 8
  br label %read

read:
  %bits = load i64, ptr %b, align 8, !dbg !42
  ret i64 %bits
}

; REMARK: remark: <unknown>:0:0: moved 64-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack{{$}}
; REMARK: remark: test.c:3:9: not promoted: stored into an object whose address is stored to memory (test.c:4:3)
; REMARK: remark: test.c:13:9: not promoted: stored into an object passed as argument 1 to 'unknown', which may let it out (test.c:14:3)
; REMARK: remark: test.c:23:9: not promoted: stored into an object that 'llvm.memcpy.p0.p0.i64' may let out (test.c:24:3)
; REMARK: remark: test.c:33:9: not promoted: stored into an object whose address is converted to an integer (test.c:34:3)

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr) allockind("free") "alloc-family"="malloc"
declare void @unknown(ptr)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "test.c", directory: "/tmp")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !{i32 1, !"Dwarf Version", i32 5}
!5 = !DISubroutineType(types: !{})
!10 = distinct !DISubprogram(name: "keeps_block_when_loaded_pointer_is_stored_outside", scope: !1, file: !1, line: 1, type: !5, unit: !0)
!11 = !DILocation(line: 3, column: 9, scope: !10)
!12 = !DILocation(line: 4, column: 3, scope: !10)
!20 = distinct !DISubprogram(name: "keeps_block_when_loaded_pointer_is_given_away", scope: !1, file: !1, line: 11, type: !5, unit: !0)
!21 = !DILocation(line: 13, column: 9, scope: !20)
!22 = !DILocation(line: 14, column: 3, scope: !20)
!30 = distinct !DISubprogram(name: "keeps_block_when_object_is_copied_out", scope: !1, file: !1, line: 21, type: !5, unit: !0)
!31 = !DILocation(line: 23, column: 9, scope: !30)
!32 = !DILocation(line: 24, column: 3, scope: !30)
!40 = distinct !DISubprogram(name: "keeps_block_when_pointer_is_read_as_integer", scope: !1, file: !1, line: 31, type: !5, unit: !0)
!41 = !DILocation(line: 33, column: 9, scope: !40)
!42 = !DILocation(line: 34, column: 3, scope: !40)
