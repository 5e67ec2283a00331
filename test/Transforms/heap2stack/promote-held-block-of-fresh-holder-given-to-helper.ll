; A block whose pointer is stored into a holder allocated afresh in each
; iteration may share one slot across iterations even when a helper of
; the module reads the holder at offsets the caller cannot name: the
; helper is given a pointer that only GEPs make from the newest holder, so
; whatever it adds to it, it reads the newest holder, which this
; iteration's block was stored into.  A holder that lives across
; iterations (an alloca of the entry block), or an earlier holder carried
; by a phi into the next iteration, may still hold the previous block when
; the helper runs: those stay on the heap with the LoopCarried remark.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@zero = global i32 0, align 4
@first_vec = global { ptr, i32 } { ptr @zero, i32 1 }, align 8

; struct vec { int *items; int n; }: sums n items.
define internal i32 @sum_items(ptr %v) {
entry:
  %n.field = getelementptr inbounds i8, ptr %v, i64 8
  %n = load i32, ptr %n.field, align 8
  %items = load ptr, ptr %v, align 8
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %body ]
  %s = phi i32 [ 0, %entry ], [ %s.next, %body ]
  %more = icmp slt i32 %i, %n
  br i1 %more, label %body, label %done

body:
  %at = getelementptr inbounds i32, ptr %items, i32 %i
  %x = load i32, ptr %at, align 4
  %s.next = add i32 %s, %x
  %i.next = add i32 %i, 1
  br label %loop

done:
  ret i32 %s
}

; The first item: reads nothing of the vector but its items pointer.
define internal i32 @first_item(ptr %v) {
  %items = load ptr, ptr %v, align 8
  %x = load i32, ptr %items, align 4
  ret i32 %x
}

; vec_new / sum / vec_free in a loop, as after inlining the two wrappers.
define i32 @promotes_items_of_vector_made_each_iteration(i64 %count) {
; CHECK-LABEL: @promotes_items_of_vector_made_each_iteration(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    %h2s.slot1 = alloca [32 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @calloc
; CHECK:         store ptr %h2s.slot1, ptr %h2s.slot, align 8
; CHECK:         %s = call i32 @sum_items(ptr %h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret i32
;
entry:
  br label %loop

loop:
  %k = phi i64 [ 0, %entry ], [ %k.next, %loop ]
  %total = phi i32 [ 0, %entry ], [ %total.next, %loop ]
  %v = call noalias ptr @malloc(i64 noundef 16)
  %items = call noalias ptr @calloc(i64 noundef 8, i64 noundef 4)
  store ptr %items, ptr %v, align 8
  %n.field = getelementptr inbounds i8, ptr %v, i64 8
  store i32 8, ptr %n.field, align 8
  %s = call i32 @sum_items(ptr %v)
  %total.next = add i32 %total, %s
  call void @free(ptr noundef %items)
  call void @free(ptr noundef %v)
  %k.next = add nuw i64 %k, 1
  %again = icmp ult i64 %k.next, %count
  br i1 %again, label %loop, label %exit

exit:
  ret i32 %total.next
}

; The helper is given the second of two vectors in one holder, through a
; GEP at a run-time index: still the newest holder.
define i32 @promotes_items_of_holder_given_at_run_time_index(i64 %count, i64 %which) {
; CHECK-LABEL: @promotes_items_of_holder_given_at_run_time_index(
; CHECK:         %h2s.slot{{[0-9]*}} = alloca [32 x i8], align 16
; CHECK-NOT:     @calloc
; CHECK:         %s = call i32 @sum_items(ptr %second)
; CHECK-NOT:     @free(ptr noundef %items)
; CHECK:         ret i32
;
entry:
  br label %loop

loop:
  %k = phi i64 [ 0, %entry ], [ %k.next, %loop ]
  %total = phi i32 [ 0, %entry ], [ %total.next, %loop ]
  %pair = call noalias ptr @calloc(i64 noundef 2, i64 noundef 16)
  %items = call noalias ptr @calloc(i64 noundef 8, i64 noundef 4)
  %second = getelementptr inbounds { ptr, i32 }, ptr %pair, i64 %which
  store ptr %items, ptr %second, align 8
  %n.field = getelementptr inbounds i8, ptr %second, i64 8
  store i32 8, ptr %n.field, align 8
  %s = call i32 @sum_items(ptr %second)
  %total.next = add i32 %total, %s
  call void @free(ptr noundef %items)
  call void @free(ptr noundef %pair)
  %k.next = add nuw i64 %k, 1
  %again = icmp ult i64 %k.next, %count
  br i1 %again, label %loop, label %exit

exit:
  ret i32 %total.next
}

; One holder for every iteration: the helper runs after the next block is
; allocated and before it is stored, so it reads the previous one (which
; the loop leaves to leak; the last one is freed).
define i32 @keeps_items_of_holder_living_across_iterations(i64 %count) !dbg !10 {
; CHECK-LABEL: @keeps_items_of_holder_living_across_iterations(
; CHECK:         %items = call noalias ptr @calloc(i64 noundef 8, i64 noundef 4)
; CHECK:         call void @free(ptr noundef %last)
;
entry:
  %v = alloca { ptr, i32 }, align 8
  %n.field = getelementptr inbounds i8, ptr %v, i64 8
  store i32 8, ptr %n.field, align 8
  %first = call noalias ptr @calloc(i64 noundef 8, i64 noundef 4)
  store ptr %first, ptr %v, align 8
  br label %loop

loop:
  %k = phi i64 [ 0, %entry ], [ %k.next, %loop ]
  %total = phi i32 [ 0, %entry ], [ %total.next, %loop ]
  %items = call noalias ptr @calloc(i64 noundef 8, i64 noundef 4), !dbg !11
  %s = call i32 @sum_items(ptr %v), !dbg !12
  %total.next = add i32 %total, %s
  store ptr %items, ptr %v, align 8
  %k.next = add nuw i64 %k, 1
  %again = icmp ult i64 %k.next, %count
  br i1 %again, label %loop, label %exit

exit:
  %last = load ptr, ptr %v, align 8
  call void @free(ptr noundef %last)
  ret i32 %total.next
}

; The helper is given the previous iteration's holder, carried by a phi
; (the loop leaves the holders to leak): it reads the block stored there
; before this iteration's allocation.
define i32 @keeps_items_read_through_previous_holder(i64 %count) !dbg !20 {
; CHECK-LABEL: @keeps_items_read_through_previous_holder(
; CHECK:         %items = call noalias ptr @calloc(i64 noundef 8, i64 noundef 4)
; CHECK:         call void @free(ptr noundef %last)
;
entry:
  br label %loop

loop:
  %k = phi i64 [ 0, %entry ], [ %k.next, %loop ]
  %total = phi i32 [ 0, %entry ], [ %total.next, %loop ]
  %prev = phi ptr [ @first_vec, %entry ], [ %v, %loop ]
  %v = call noalias ptr @malloc(i64 noundef 16)
  %items = call noalias ptr @calloc(i64 noundef 8, i64 noundef 4), !dbg !21
  %s = call i32 @first_item(ptr %prev), !dbg !22
  %total.next = add i32 %total, %s
  store ptr %items, ptr %v, align 8
  %n.field = getelementptr inbounds i8, ptr %v, i64 8
  store i32 8, ptr %n.field, align 8
  %k.next = add nuw i64 %k, 1
  %again = icmp ult i64 %k.next, %count
  br i1 %again, label %loop, label %exit

exit:
  %last = load ptr, ptr %v, align 8
  call void @free(ptr noundef %last)
  ret i32 %total.next
}

; REMARK:      remark: <unknown>:0:0: moved 16-byte 'malloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'calloc' block to the stack; its pointer is kept in the 'malloc' block{{$}}
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'calloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'calloc' block to the stack; its pointer is kept in the 'calloc' block{{$}}
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: 'free' also frees a block that stays on the heap
; REMARK-NEXT: remark: t.c:4:17: not promoted: a block may still be in use when the next one is allocated (t.c:5:12)
; REMARK-NEXT: remark: <unknown>:0:0: not promoted: a block may still be in use when the next one is allocated
; REMARK-NEXT: remark: t.c:14:17: not promoted: a block may still be in use when the next one is allocated (t.c:16:12)

declare noalias noundef ptr @malloc(i64 noundef) #0
declare noalias noundef ptr @calloc(i64 noundef, i64 noundef) #2
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nofree nounwind willreturn allockind("alloc,zeroed") allocsize(0,1) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang version 22", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly, splitDebugInlining: false, nameTableKind: None)
!1 = !DIFile(filename: "t.c", directory: "/src")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !DISubroutineType(types: !5)
!5 = !{}
!10 = distinct !DISubprogram(name: "keeps_items_of_holder_living_across_iterations", scope: !1, file: !1, line: 2, type: !4, scopeLine: 2, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DILocation(line: 4, column: 17, scope: !10)
!12 = !DILocation(line: 5, column: 12, scope: !10)
!20 = distinct !DISubprogram(name: "keeps_items_read_through_previous_holder", scope: !1, file: !1, line: 12, type: !4, scopeLine: 12, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!21 = !DILocation(line: 14, column: 17, scope: !20)
!22 = !DILocation(line: 16, column: 12, scope: !20)
