; A pointer into a holder that a phi or select merges with null, as a
; factory inlined with its failure path returns it, still names the
; holder's bytes (memflow.c): nothing is accessed through null.  When the
; holder's allocation dominates the merge, the merged pointer is also into
; the newest holder, so a helper given it in a loop reads this
; iteration's block.  A merge with another object, or a phi that carries
; the previous iteration's holder around the loop, does neither.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@other = global { ptr, i64 } zeroinitializer, align 8

; struct text { char *buf; i64 len; }: reads the length and the first byte.
define internal i64 @text_first(ptr %t) {
  %len.field = getelementptr inbounds i8, ptr %t, i64 8
  %len = load i64, ptr %len.field, align 8
  %buf = load ptr, ptr %t, align 8
  %c = load i8, ptr %buf, align 1
  %z = zext i8 %c to i64
  %r = add i64 %len, %z
  ret i64 %r
}

define i64 @promotes_buffer_of_text_merged_with_null(i1 %fail) {
; CHECK-LABEL: @promotes_buffer_of_text_merged_with_null(
; CHECK:         %h2s.slot{{[0-9]*}} = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc(i64 32)
; CHECK:         store ptr %h2s.slot{{[0-9]*}}, ptr %t, align 8
;
entry:
  %new = call noalias ptr @malloc(i64 16)
  br i1 %fail, label %made, label %fill

fill:
  br label %made

made:
  %t = phi ptr [ %new, %fill ], [ null, %entry ]
  %none = icmp eq ptr %t, null
  br i1 %none, label %out, label %use

use:
  %buf = call noalias ptr @malloc(i64 32)
  store ptr %buf, ptr %t, align 8
  store i8 7, ptr %buf, align 1
  %len.field = getelementptr inbounds i8, ptr %t, i64 8
  store i64 1, ptr %len.field, align 8
  %n = call i64 @text_first(ptr %t)
  %back = load ptr, ptr %t, align 8
  call void @free(ptr %back)
  call void @free(ptr %t)
  br label %out

out:
  %r = phi i64 [ 0, %made ], [ %n, %use ]
  ret i64 %r
}

define i64 @promotes_buffer_read_through_merge_in_loop(i64 %count, i1 %fail) {
; CHECK-LABEL: @promotes_buffer_read_through_merge_in_loop(
; CHECK:         %h2s.slot{{[0-9]*}} = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc(i64 32)
; CHECK:         %n = call i64 @text_first(ptr %t)
;
entry:
  br label %loop

loop:
  %k = phi i64 [ 0, %entry ], [ %k.next, %next ]
  %sum = phi i64 [ 0, %entry ], [ %sum.next, %next ]
  %new = call noalias ptr @malloc(i64 16)
  %t = select i1 %fail, ptr null, ptr %new
  %none = icmp eq ptr %t, null
  br i1 %none, label %next, label %use

use:
  %buf = call noalias ptr @malloc(i64 32)
  store ptr %buf, ptr %t, align 8
  store i8 7, ptr %buf, align 1
  %len.field = getelementptr inbounds i8, ptr %t, i64 8
  store i64 1, ptr %len.field, align 8
  %n = call i64 @text_first(ptr %t)
  %back = load ptr, ptr %t, align 8
  call void @free(ptr %back)
  call void @free(ptr %t)
  br label %next

next:
  %got = phi i64 [ 0, %loop ], [ %n, %use ]
  %sum.next = add i64 %sum, %got
  %k.next = add nuw i64 %k, 1
  %again = icmp ult i64 %k.next, %count
  br i1 %again, label %loop, label %exit

exit:
  ret i64 %sum.next
}

; %t may be @other, whose bytes the pass does not own.
define i64 @keeps_buffer_of_holder_merged_with_other_object(i1 %which) {
; CHECK-LABEL: @keeps_buffer_of_holder_merged_with_other_object(
; CHECK:         %buf = call noalias ptr @malloc(i64 32)
;
entry:
  %new = call noalias ptr @malloc(i64 16)
  %t = select i1 %which, ptr %new, ptr @other
  %buf = call noalias ptr @malloc(i64 32)
  store ptr %buf, ptr %t, align 8
  %n = call i64 @text_first(ptr %t)
  %back = load ptr, ptr %t, align 8
  call void @free(ptr %back)
  ret i64 %n
}

; %prev is the previous iteration's text (or null at first): the helper
; reads the buffer stored there before this iteration's allocation.
define i64 @keeps_buffer_read_through_previous_holder(i64 %count) !dbg !10 {
; CHECK-LABEL: @keeps_buffer_read_through_previous_holder(
; CHECK:         %buf = call noalias ptr @malloc(i64 32)
;
entry:
  br label %loop

loop:
  %k = phi i64 [ 0, %entry ], [ %k.next, %next ]
  %sum = phi i64 [ 0, %entry ], [ %sum.next, %next ]
  %prev = phi ptr [ null, %entry ], [ %t, %next ]
  %t = call noalias ptr @malloc(i64 16)
  %buf = call noalias ptr @malloc(i64 32), !dbg !11
  %none = icmp eq ptr %prev, null
  br i1 %none, label %next, label %use

use:
  %n = call i64 @text_first(ptr %prev), !dbg !12
  br label %next

next:
  %got = phi i64 [ 0, %loop ], [ %n, %use ]
  store ptr %buf, ptr %t, align 8
  store i8 7, ptr %buf, align 1
  %len.field = getelementptr inbounds i8, ptr %t, i64 8
  store i64 1, ptr %len.field, align 8
  %sum.next = add i64 %sum, %got
  %k.next = add nuw i64 %k, 1
  %again = icmp ult i64 %k.next, %count
  br i1 %again, label %loop, label %exit

exit:
  %last = load ptr, ptr %t, align 8
  call void @free(ptr %last)
  ret i64 %sum.next
}

; REMARK:      remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; its pointer is kept in the 'malloc' block{{$}}
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; its pointer is kept in the 'malloc' block{{$}}
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: stored to memory
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: a block may still be in use when the next one is allocated
; REMARK-NEXT: remark: t.c:4:17: not promoted: a block may still be in use when the next one is allocated (t.c:5:12)

declare noalias ptr @malloc(i64) #0
declare void @free(ptr allocptr) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang version 22", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly, splitDebugInlining: false, nameTableKind: None)
!1 = !DIFile(filename: "t.c", directory: "/src")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !DISubroutineType(types: !5)
!5 = !{}
!10 = distinct !DISubprogram(name: "keeps_buffer_read_through_previous_holder", scope: !1, file: !1, line: 2, type: !4, scopeLine: 2, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DILocation(line: 4, column: 17, scope: !10)
!12 = !DILocation(line: 5, column: 12, scope: !10)
