; A block allocated in a loop and kept in a local variable may be read
; back after the site ran again (here where the allocation fails and the
; loop ends); one slot still serves it when the allocation runs only where
; the variable, just loaded, held null or a pointer into the stack (a
; buffer made on first use, a small-buffer struct growing out of its own
; array): on the way to the allocation the variable held no earlier block.
; The pointer so tested, used again after the allocation, is no earlier
; block either.  A write of the variable between that load and the
; branch, a variable that lives in a heap block (another object each time
; its allocation runs, so this proof is not tried), or a comparison with
; something other than null or the stack proves nothing, and the block
; stays on the heap.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

%struct.sbuf = type { ptr, [16 x i8] }

@other = global [16 x i8] zeroinitializer

define void @promotes_buffer_made_on_first_use(i64 %n) {
; CHECK-LABEL: @promotes_buffer_made_on_first_use(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h = alloca ptr, align 8
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     call {{.*}}@malloc
; CHECK-NOT:     call void @free
; CHECK:         ret void
;
entry:
  %h = alloca ptr, align 8
  store ptr null, ptr %h, align 8
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %next, %fill ]
  %cur = load ptr, ptr %h, align 8
  %none = icmp eq ptr %cur, null
  br i1 %none, label %make, label %fill

make:
  %b = call noalias ptr @malloc(i64 32)
  %failed = icmp eq ptr %b, null
  br i1 %failed, label %exit, label %keep

keep:
  store ptr %b, ptr %h, align 8
  br label %fill

fill:
  %buf = load ptr, ptr %h, align 8
  store i8 1, ptr %buf, align 1
  %next = add nuw i64 %i, 1
  %more = icmp ult i64 %next, %n
  br i1 %more, label %loop, label %exit

exit:
  %last = load ptr, ptr %h, align 8
  call void @free(ptr %last)
  ret void
}

define void @promotes_small_buffer_grown_once(i64 %n) {
; CHECK-LABEL: @promotes_small_buffer_grown_once(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %s = alloca %struct.sbuf, align 8
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 16
; CHECK-NOT:     call {{.*}}@malloc
; CHECK-NOT:     call void @free
; CHECK:         ret void
;
entry:
  %s = alloca %struct.sbuf, align 8
  %inl = getelementptr inbounds nuw i8, ptr %s, i64 8
  store ptr %inl, ptr %s, align 8
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %next, %put ]
  %cur = load ptr, ptr %s, align 8
  %full = icmp ugt i64 %i, 15
  br i1 %full, label %check, label %put

check:
  %inline = icmp eq ptr %cur, %inl
  br i1 %inline, label %grow, label %put

grow:
  %b = call noalias ptr @malloc(i64 64)
  %failed = icmp eq ptr %b, null
  br i1 %failed, label %exit, label %keep

keep:
  call void @llvm.memcpy.p0.p0.i64(ptr %b, ptr %inl, i64 16, i1 false)
  store ptr %b, ptr %s, align 8
  br label %put

put:
  %p = load ptr, ptr %s, align 8
  %at = getelementptr inbounds nuw i8, ptr %p, i64 %i
  store i8 1, ptr %at, align 1
  %next = add nuw i64 %i, 1
  %more = icmp ult i64 %next, 40
  br i1 %more, label %loop, label %exit

exit:
  %last = load ptr, ptr %s, align 8
  %own = icmp eq ptr %last, %inl
  br i1 %own, label %done, label %release

release:
  call void @free(ptr %last)
  br label %done

done:
  ret void
}

; The pointer tested, %cur, is the array then, and is what the new block
; copies from after the allocation: no earlier block lives on in it.
define void @promotes_small_buffer_copied_from_tested_pointer(i64 %n) {
; CHECK-LABEL: @promotes_small_buffer_copied_from_tested_pointer(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %s = alloca %struct.sbuf, align 8
; CHECK-NEXT:    %h2s.slot = alloca [64 x i8], align 16
; CHECK-NOT:     call {{.*}}@malloc
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr %h2s.slot, ptr %cur, i64 16, i1 false)
; CHECK-NOT:     call void @free
; CHECK:         ret void
;
entry:
  %s = alloca %struct.sbuf, align 8
  %inl = getelementptr inbounds nuw i8, ptr %s, i64 8
  store ptr %inl, ptr %s, align 8
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %next, %put ]
  %cur = load ptr, ptr %s, align 8
  %full = icmp ugt i64 %i, 15
  br i1 %full, label %check, label %put

check:
  %inline = icmp eq ptr %cur, %inl
  br i1 %inline, label %grow, label %put

grow:
  %b = call noalias ptr @malloc(i64 64)
  %failed = icmp eq ptr %b, null
  br i1 %failed, label %exit, label %keep

keep:
  call void @llvm.memcpy.p0.p0.i64(ptr %b, ptr %cur, i64 16, i1 false)
  store ptr %b, ptr %s, align 8
  br label %put

put:
  %p = load ptr, ptr %s, align 8
  %at = getelementptr inbounds nuw i8, ptr %p, i64 %i
  store i8 1, ptr %at, align 1
  %next = add nuw i64 %i, 1
  %more = icmp ult i64 %next, 40
  br i1 %more, label %loop, label %exit

exit:
  %last = load ptr, ptr %s, align 8
  %own = icmp eq ptr %last, %inl
  br i1 %own, label %done, label %release

release:
  call void @free(ptr %last)
  br label %done

done:
  ret void
}

; %h is written again, with what %h2 holds, after the load the branch tests.
define void @keeps_block_when_variable_written_after_test(i64 %n) !dbg !10 {
; CHECK-LABEL: @keeps_block_when_variable_written_after_test(
; CHECK:         %b = call noalias ptr @malloc(i64 32)
;
entry:
  %h = alloca ptr, align 8
  %h2 = alloca ptr, align 8
  store ptr null, ptr %h, align 8
  store ptr null, ptr %h2, align 8
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %next, %fill ]
  %cur = load ptr, ptr %h, align 8
  %again = load ptr, ptr %h2, align 8
  store ptr %again, ptr %h, align 8
  %none = icmp eq ptr %cur, null
  br i1 %none, label %make, label %fill

make:
  %b = call noalias ptr @malloc(i64 32), !dbg !11
  %failed = icmp eq ptr %b, null
  br i1 %failed, label %exit, label %keep

keep:
  store ptr %b, ptr %h, align 8
  store ptr %b, ptr %h2, align 8
  br label %fill

fill:
  %next = add nuw i64 %i, 1
  %more = icmp ult i64 %next, %n
  br i1 %more, label %loop, label %exit

exit:
  %last = load ptr, ptr %h, align 8, !dbg !12
  call void @free(ptr %last)
  ret void
}

; The variable is in a heap block allocated once: the proof is not tried.
define void @keeps_block_held_in_heap_holder(i64 %n) !dbg !20 {
; CHECK-LABEL: @keeps_block_held_in_heap_holder(
; CHECK:         %b = call noalias ptr @malloc(i64 32)
;
entry:
  %h = call noalias ptr @calloc(i64 1, i64 8)
  %nomem = icmp eq ptr %h, null
  br i1 %nomem, label %done, label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %next, %fill ]
  %cur = load ptr, ptr %h, align 8
  %none = icmp eq ptr %cur, null
  br i1 %none, label %make, label %fill

make:
  %b = call noalias ptr @malloc(i64 32), !dbg !21
  %failed = icmp eq ptr %b, null
  br i1 %failed, label %exit, label %keep

keep:
  store ptr %b, ptr %h, align 8
  br label %fill

fill:
  %next = add nuw i64 %i, 1
  %more = icmp ult i64 %next, %n
  br i1 %more, label %loop, label %exit

exit:
  %last = load ptr, ptr %h, align 8, !dbg !22
  call void @free(ptr %last)
  call void @free(ptr %h)
  br label %done

done:
  ret void
}

; Compared with a global array, not null or the stack.
define void @keeps_block_when_test_is_against_global(i64 %n) !dbg !30 {
; CHECK-LABEL: @keeps_block_when_test_is_against_global(
; CHECK:         %b = call noalias ptr @malloc(i64 32)
;
entry:
  %h = alloca ptr, align 8
  store ptr @other, ptr %h, align 8
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %next, %fill ]
  %cur = load ptr, ptr %h, align 8
  %none = icmp eq ptr %cur, @other
  br i1 %none, label %make, label %fill

make:
  %b = call noalias ptr @malloc(i64 32), !dbg !31
  %failed = icmp eq ptr %b, null
  br i1 %failed, label %exit, label %keep

keep:
  store ptr %b, ptr %h, align 8
  br label %fill

fill:
  %next = add nuw i64 %i, 1
  %more = icmp ult i64 %next, %n
  br i1 %more, label %loop, label %exit

exit:
  %last = load ptr, ptr %h, align 8, !dbg !32
  store i8 0, ptr %last, align 1
  ret void
}

; REMARK: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK: remark: <unknown>:0:0: moved 64-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK: remark: <unknown>:0:0: moved 64-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK: remark: test.c:3:9: not promoted: a block may still be in use when the next one is allocated (test.c:4:10)
; REMARK: remark: <unknown>:0:0: moved 8-byte 'calloc' block to the stack
; REMARK: remark: test.c:13:9: not promoted: a block may still be in use when the next one is allocated (test.c:14:10)
; REMARK: remark: test.c:23:9: not promoted: a block may still be in use when the next one is allocated (test.c:24:10)

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare noalias ptr @calloc(i64, i64) allockind("alloc,zeroed") allocsize(0,1) "alloc-family"="malloc"
declare void @free(ptr allocptr) allockind("free") "alloc-family"="malloc"
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "test.c", directory: "/tmp")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !{i32 1, !"Dwarf Version", i32 5}
!5 = !DISubroutineType(types: !{})
!10 = distinct !DISubprogram(name: "keeps_block_when_variable_written_after_test", scope: !1, file: !1, line: 1, type: !5, unit: !0)
!11 = !DILocation(line: 3, column: 9, scope: !10)
!12 = !DILocation(line: 4, column: 10, scope: !10)
!20 = distinct !DISubprogram(name: "keeps_block_held_in_heap_holder", scope: !1, file: !1, line: 11, type: !5, unit: !0)
!21 = !DILocation(line: 13, column: 9, scope: !20)
!22 = !DILocation(line: 14, column: 10, scope: !20)
!30 = distinct !DISubprogram(name: "keeps_block_when_test_is_against_global", scope: !1, file: !1, line: 21, type: !5, unit: !0)
!31 = !DILocation(line: 23, column: 9, scope: !30)
!32 = !DILocation(line: 24, column: 10, scope: !30)
