; A block allocated in a loop whose pointer waits in a local variable may be
; read back after the site ran again, when the one slot already holds the
; next block: a path from the store through the allocation to a read that
; overwrites none of the read's bytes keeps it on the heap, with the
; LoopCarried remark.  A store that covers the read's bytes (the new block,
; or null) between the allocation and the read ends that path, and so does
; a holder that is itself allocated afresh each iteration (a read at a
; constant offset of it then reads the newest holder).  A store of only
; half the pointer's bytes does not.  Reads of another field of the
; variable, across iterations, do not matter.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; %prev is the block of the previous iteration, read after the next one is
; allocated.
define void @keeps_block_read_back_in_next_iteration(i64 %n) !dbg !10 {
; CHECK-LABEL: @keeps_block_read_back_in_next_iteration(
; CHECK-NOT:     alloca [
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
; CHECK-NEXT:    %cur = call noalias ptr @malloc(i64 noundef 32)
; CHECK-NEXT:    %prev = load ptr, ptr %holder, align 8
; CHECK-NEXT:    call void @combine(ptr noundef %prev, ptr noundef %cur)
; CHECK-NEXT:    call void @free(ptr noundef %prev)
; CHECK-NEXT:    store ptr %cur, ptr %holder, align 8
; CHECK:       exit:
; CHECK-NEXT:    %last = load ptr, ptr %holder, align 8
; CHECK-NEXT:    call void @free(ptr noundef %last)
;
entry:
  %holder = alloca ptr, align 8
  store ptr null, ptr %holder, align 8
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %cur = call noalias ptr @malloc(i64 noundef 32), !dbg !11
  %prev = load ptr, ptr %holder, align 8, !dbg !12
  call void @combine(ptr noundef %prev, ptr noundef %cur)
  call void @free(ptr noundef %prev)
  store ptr %cur, ptr %holder, align 8, !dbg !13
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  %last = load ptr, ptr %holder, align 8
  call void @free(ptr noundef %last)
  ret void
}

define void @promotes_holder_written_before_read(i64 %n) {
; CHECK-LABEL: @promotes_holder_written_before_read(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %holder = alloca ptr, align 8
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store ptr %h2s.slot, ptr %holder, align 8
; CHECK-NEXT:    %back = load ptr, ptr %holder, align 8
; CHECK-NEXT:    store i8 0, ptr %back, align 1
; CHECK-NEXT:    %i.next = add nuw i64 %i, 1
;
entry:
  %holder = alloca ptr, align 8
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %cur = call noalias ptr @malloc(i64 noundef 32)
  store ptr %cur, ptr %holder, align 8
  %back = load ptr, ptr %holder, align 8
  store i8 0, ptr %back, align 1
  call void @free(ptr noundef %back)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  ret void
}

define i1 @promotes_holder_cleared_before_read(i64 %n) {
; CHECK-LABEL: @promotes_holder_cleared_before_read(
; CHECK:         %h2s.slot = alloca [32 x i8], align 16
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    store ptr null, ptr %holder, align 8
; CHECK-NEXT:    %prev = load ptr, ptr %holder, align 8
; CHECK-NEXT:    %same = icmp eq ptr %prev, %h2s.slot
; CHECK-NEXT:    store ptr %h2s.slot, ptr %holder, align 8
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
;
entry:
  %holder = alloca ptr, align 8
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %cur = call noalias ptr @malloc(i64 noundef 32)
  store ptr null, ptr %holder, align 8
  %prev = load ptr, ptr %holder, align 8
  %same = icmp eq ptr %prev, %cur
  store ptr %cur, ptr %holder, align 8
  call void @free(ptr noundef %cur)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  ret i1 %same
}

; Bytes 4 to 7 of %prev are still those of the previous block.
define i1 @keeps_holder_half_cleared_before_read(i64 %n) !dbg !20 {
; CHECK-LABEL: @keeps_holder_half_cleared_before_read(
; CHECK-NOT:     alloca [
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
; CHECK-NEXT:    %cur = call noalias ptr @malloc(i64 noundef 32)
; CHECK-NEXT:    store i32 0, ptr %holder, align 8
; CHECK-NEXT:    %prev = load ptr, ptr %holder, align 8
; CHECK-NEXT:    %same = icmp eq ptr %prev, %cur
; CHECK-NEXT:    store ptr %cur, ptr %holder, align 8
; CHECK-NEXT:    call void @free(ptr noundef %cur)
;
entry:
  %holder = alloca ptr, align 8
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %cur = call noalias ptr @malloc(i64 noundef 32), !dbg !21
  store i32 0, ptr %holder, align 8
  %prev = load ptr, ptr %holder, align 8, !dbg !22
  %same = icmp eq ptr %prev, %cur
  store ptr %cur, ptr %holder, align 8
  call void @free(ptr noundef %cur)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  ret i1 %same
}

; When %keep is false, %back reads the zeroes of this iteration's %node,
; never an earlier %item.
define void @promotes_holder_allocated_each_iteration(i64 %n, i1 %keep) {
; CHECK-LABEL: @promotes_holder_allocated_each_iteration(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    %h2s.slot1 = alloca [8 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @calloc
; CHECK:       store:
; CHECK-NEXT:    store ptr %h2s.slot1, ptr %h2s.slot, align 8
; CHECK:       join:
; CHECK-NEXT:    %back = load ptr, ptr %h2s.slot, align 8
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NOT:     @free
; CHECK:         ret void
;
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %join ]
  %node = call noalias ptr @calloc(i64 noundef 1, i64 noundef 16)
  %item = call noalias ptr @malloc(i64 noundef 8)
  br i1 %keep, label %store, label %join

store:
  store ptr %item, ptr %node, align 8
  br label %join

join:
  %back = load ptr, ptr %node, align 8
  call void @free(ptr noundef %back)
  call void @free(ptr noundef %node)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  ret void
}

; %len, in the field beside the pointer, is carried from one iteration to
; the next; the block is not.
define i64 @promotes_other_field_read_across_iterations(i64 %n) {
; CHECK-LABEL: @promotes_other_field_read_across_iterations(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %holder = alloca { ptr, i64 }, align 8
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    %len = load i64, ptr %len.field, align 8
; CHECK-NEXT:    %len.next = add i64 %len, 1
; CHECK-NEXT:    store i64 %len.next, ptr %len.field, align 8
; CHECK-NEXT:    store ptr %h2s.slot, ptr %holder, align 8
; CHECK-NEXT:    %back = load ptr, ptr %holder, align 8
; CHECK-NEXT:    store i64 %len, ptr %back, align 8
; CHECK-NEXT:    %i.next = add nuw i64 %i, 1
;
entry:
  %holder = alloca { ptr, i64 }, align 8
  %len.field = getelementptr inbounds i8, ptr %holder, i64 8
  store i64 0, ptr %len.field, align 8
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %cur = call noalias ptr @malloc(i64 noundef 32)
  %len = load i64, ptr %len.field, align 8
  %len.next = add i64 %len, 1
  store i64 %len.next, ptr %len.field, align 8
  store ptr %cur, ptr %holder, align 8
  %back = load ptr, ptr %holder, align 8
  store i64 %len, ptr %back, align 8
  call void @free(ptr noundef %back)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  ret i64 %len.next
}

; REMARK:      remark: t.c:4:17: not promoted: a block may still be in use when the next one is allocated (t.c:5:12)
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK-NEXT: remark: t.c:14:17: not promoted: a block may still be in use when the next one is allocated (t.c:16:12)
; REMARK-NEXT: remark: <unknown>:0:0: moved 16-byte 'calloc' block to the stack
; REMARK-NEXT: remark: <unknown>:0:0: moved 8-byte 'malloc' block to the stack; its pointer is kept in the 'calloc' block{{$}}
; REMARK-NEXT: remark: <unknown>:0:0: moved 32-byte 'malloc' block to the stack; its pointer is kept in a local variable

declare void @combine(ptr noundef readonly nocapture, ptr noundef nocapture) #2
declare noalias noundef ptr @malloc(i64 noundef) #0
declare noalias noundef ptr @calloc(i64 noundef, i64 noundef) #3
declare void @free(ptr allocptr noundef nocapture) #1

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nofree nounwind }
attributes #3 = { mustprogress nofree nounwind willreturn allockind("alloc,zeroed") allocsize(0,1) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang version 22", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly, splitDebugInlining: false, nameTableKind: None)
!1 = !DIFile(filename: "t.c", directory: "/src")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !DISubroutineType(types: !5)
!5 = !{}
!10 = distinct !DISubprogram(name: "keeps_block_read_back_in_next_iteration", scope: !1, file: !1, line: 2, type: !4, scopeLine: 2, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DILocation(line: 4, column: 17, scope: !10)
!12 = !DILocation(line: 5, column: 12, scope: !10)
!13 = !DILocation(line: 7, column: 10, scope: !10)
!20 = distinct !DISubprogram(name: "keeps_holder_half_cleared_before_read", scope: !1, file: !1, line: 12, type: !4, scopeLine: 12, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!21 = !DILocation(line: 14, column: 17, scope: !20)
!22 = !DILocation(line: 16, column: 12, scope: !20)
