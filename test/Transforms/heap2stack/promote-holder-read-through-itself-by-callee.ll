; A local object that points into itself (a small-buffer struct whose
; pointer field points at its own array) given to a function of the
; module that loads that pointer: the object stays in the function when
; the callee's summary says it neither frees nor keeps what it loads and
; loads no pointers through it (summaries.c's through_...).  Then what the
; callee reads, compares and writes through the pointer are accesses of
; the object itself, at the place the pointer points to (memflow.c), and
; the blocks it holds can move to the stack.  The object is let out when
; the callee loads a pointer through what it loaded, or keeps what it
; loaded; a block stored where the callee writes through the pointer
; stays on the heap, since its free may then free what the callee wrote.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@sink = global ptr null, align 8

; struct sb { char *p; i64 n; char buf[16]; }: hashes the text b->p points to.
define internal i32 @hashes_text(ptr %b) noinline nocallback {
entry:
  %p = load ptr, ptr %b, align 8
  %n.addr = getelementptr inbounds nuw i8, ptr %b, i64 8
  %n = load i64, ptr %n.addr, align 8
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %h = phi i32 [ 5381, %entry ], [ %h.next, %loop ]
  %at = getelementptr inbounds nuw i8, ptr %p, i64 %i
  %c = load i8, ptr %at, align 1
  %cz = zext i8 %c to i32
  %h33 = mul i32 %h, 33
  %h.next = add i32 %h33, %cz
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %done

done:
  ret i32 %h.next
}

; Writes a mark 8 bytes into the text.
define internal void @marks_text(ptr %b) noinline nocallback {
  %p = load ptr, ptr %b, align 8
  %at = getelementptr inbounds nuw i8, ptr %p, i64 8
  store i8 33, ptr %at, align 1
  ret void
}

; Reads the text as a pointer and reads through it.
define internal i8 @loads_through_text(ptr %b) noinline nocallback {
  %p = load ptr, ptr %b, align 8
  %q = load ptr, ptr %p, align 8
  %c = load i8, ptr %q, align 1
  ret i8 %c
}

define internal void @keeps_text(ptr %b) noinline nocallback {
  %p = load ptr, ptr %b, align 8
  store ptr %p, ptr @sink, align 8
  ret void
}

define i32 @promotes_small_buffer_hashed_by_callee(ptr %s) {
; CHECK-LABEL: @promotes_small_buffer_hashed_by_callee(
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     call {{.*}}@malloc
; CHECK:         %h = call i32 @hashes_text(ptr %h2s.slot)
; CHECK-NOT:     call void @free
; CHECK:         ret i32 %h
;
  %b = call noalias ptr @malloc(i64 32)
  %inline = getelementptr inbounds nuw i8, ptr %b, i64 16
  store ptr %inline, ptr %b, align 8
  %n.addr = getelementptr inbounds nuw i8, ptr %b, i64 8
  store i64 8, ptr %n.addr, align 8
  call void @llvm.memcpy.p0.p0.i64(ptr %inline, ptr %s, i64 8, i1 false)
  call void @marks_text(ptr %b)
  %h = call i32 @hashes_text(ptr %b)
  call void @free(ptr %b)
  ret i32 %h
}

; A text that outgrows the array moves to a 64-byte block.
define i32 @promotes_heap_text_of_local_small_buffer(ptr %s, i1 %long) {
; CHECK-LABEL: @promotes_heap_text_of_local_small_buffer(
; CHECK:         %h2s.slot = alloca [64 x i8], align 16
; CHECK-NOT:     call {{.*}}@malloc
; CHECK:         %h = call i32 @hashes_text(ptr %b)
; CHECK-NOT:     call void @free
; CHECK:         ret i32 %h
;
entry:
  %b = alloca [32 x i8], align 8
  %inline = getelementptr inbounds nuw i8, ptr %b, i64 16
  store ptr %inline, ptr %b, align 8
  %n.addr = getelementptr inbounds nuw i8, ptr %b, i64 8
  store i64 8, ptr %n.addr, align 8
  br i1 %long, label %grow, label %fill

grow:
  %heap = call noalias ptr @malloc(i64 64)
  store ptr %heap, ptr %b, align 8
  br label %fill

fill:
  %p = load ptr, ptr %b, align 8
  call void @llvm.memcpy.p0.p0.i64(ptr %p, ptr %s, i64 8, i1 false)
  call void @marks_text(ptr %b)
  %h = call i32 @hashes_text(ptr %b)
  %q = load ptr, ptr %b, align 8
  %own = icmp eq ptr %q, %inline
  br i1 %own, label %done, label %release

release:
  call void @free(ptr %q)
  br label %done

done:
  ret i32 %h
}

define i8 @keeps_small_buffer_whose_text_is_read_as_pointer() !dbg !10 {
; CHECK-LABEL: @keeps_small_buffer_whose_text_is_read_as_pointer(
; CHECK:         %b = call noalias ptr @malloc(i64 32)
;
  %b = call noalias ptr @malloc(i64 32), !dbg !11
  %inline = getelementptr inbounds nuw i8, ptr %b, i64 16
  store ptr %inline, ptr %b, align 8
  %c = call i8 @loads_through_text(ptr %b), !dbg !12
  call void @free(ptr %b)
  ret i8 %c
}

define void @keeps_small_buffer_whose_text_is_kept() !dbg !20 {
; CHECK-LABEL: @keeps_small_buffer_whose_text_is_kept(
; CHECK:         %b = call noalias ptr @malloc(i64 32)
;
  %b = call noalias ptr @malloc(i64 32), !dbg !21
  %inline = getelementptr inbounds nuw i8, ptr %b, i64 16
  store ptr %inline, ptr %b, align 8
  call void @keeps_text(ptr %b), !dbg !22
  call void @free(ptr %b)
  ret void
}

; The block sits 8 bytes into the array, where marks_text writes.
define void @keeps_block_where_callee_writes_through_pointer() !dbg !30 {
; CHECK-LABEL: @keeps_block_where_callee_writes_through_pointer(
; CHECK:         %cell = call noalias ptr @malloc(i64 8)
;
  %b = alloca [32 x i8], align 8
  %inline = getelementptr inbounds nuw i8, ptr %b, i64 16
  store ptr %inline, ptr %b, align 8
  %cell = call noalias ptr @malloc(i64 8), !dbg !31
  %slot = getelementptr inbounds nuw i8, ptr %b, i64 24
  store ptr %cell, ptr %slot, align 8
  call void @marks_text(ptr %b)
  %back = load ptr, ptr %slot, align 8
  call void @free(ptr %back), !dbg !32
  ret void
}

; REMARK: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack{{$}}
; REMARK: remark: <unknown>:0:0: moved 64-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK: remark: test.c:3:9: not promoted: stored into an object that 'loads_through_text' may let out (test.c:4:3)
; REMARK: remark: test.c:13:9: not promoted: stored into an object passed as argument 1 to 'keeps_text', which may let it out (test.c:14:3)
; REMARK: remark: test.c:23:9: not promoted: 'free' may free another block too (test.c:24:3)

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr) allockind("free") "alloc-family"="malloc"
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "test.c", directory: "/tmp")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !{i32 1, !"Dwarf Version", i32 5}
!5 = !DISubroutineType(types: !{})
!10 = distinct !DISubprogram(name: "keeps_small_buffer_whose_text_is_read_as_pointer", scope: !1, file: !1, line: 1, type: !5, unit: !0)
!11 = !DILocation(line: 3, column: 9, scope: !10)
!12 = !DILocation(line: 4, column: 3, scope: !10)
!20 = distinct !DISubprogram(name: "keeps_small_buffer_whose_text_is_kept", scope: !1, file: !1, line: 11, type: !5, unit: !0)
!21 = !DILocation(line: 13, column: 9, scope: !20)
!22 = !DILocation(line: 14, column: 3, scope: !20)
!30 = distinct !DISubprogram(name: "keeps_block_where_callee_writes_through_pointer", scope: !1, file: !1, line: 21, type: !5, unit: !0)
!31 = !DILocation(line: 23, column: 9, scope: !30)
!32 = !DILocation(line: 24, column: 3, scope: !30)
