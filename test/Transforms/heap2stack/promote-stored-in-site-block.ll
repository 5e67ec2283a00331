; A block's pointer stored into another allocation site's block of the same
; function (a field of a malloc'd node) has not escaped while nothing lets
; that block's contents out: the load of the field is another pointer into
; the stored block, the free of that load frees it, and both blocks get a
; slot.  The stored block's Passed remark names the block holding its
; pointer and where that was allocated.  A holder block that is returned
; lets the stored pointer out with it: both stay on the heap, the stored
; one with the 'ret' that lets it out.  A realloc of the holder block moves
; its contents, the stored pointer among them, to a block the pass does not
; follow: the stored block stays on the heap (the holder itself may still
; be resized in its slot).
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define i32 @promotes_pointer_kept_in_block() !dbg !10 {
; CHECK-LABEL: @promotes_pointer_kept_in_block(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    %h2s.slot1 = alloca [8 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr %h2s.slot1)
; CHECK-NEXT:    store i32 5, ptr %h2s.slot1, align 4
; CHECK-NEXT:    %field = getelementptr inbounds i8, ptr %h2s.slot, i64 8
; CHECK-NEXT:    store ptr %h2s.slot1, ptr %field, align 8
; CHECK-NEXT:    %field.again = getelementptr inbounds i8, ptr %h2s.slot, i64 8
; CHECK-NEXT:    %back = load ptr, ptr %field.again, align 8
; CHECK-NEXT:    %val = load i32, ptr %back, align 4
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr %h2s.slot)
; CHECK-NEXT:    ret i32 %val
;
entry:
  %node = call noalias ptr @malloc(i64 noundef 16), !dbg !11
  %item = call noalias ptr @malloc(i64 noundef 8), !dbg !12
  store i32 5, ptr %item, align 4, !dbg !13
  %field = getelementptr inbounds i8, ptr %node, i64 8, !dbg !13
  store ptr %item, ptr %field, align 8, !dbg !13
  %field.again = getelementptr inbounds i8, ptr %node, i64 8, !dbg !14
  %back = load ptr, ptr %field.again, align 8, !dbg !14
  %val = load i32, ptr %back, align 4, !dbg !14
  call void @free(ptr noundef %back), !dbg !15
  call void @free(ptr noundef %node), !dbg !16
  ret i32 %val, !dbg !16
}

define ptr @keeps_pointer_kept_in_returned_block() !dbg !20 {
; CHECK-LABEL: @keeps_pointer_kept_in_returned_block(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %node = call noalias ptr @malloc(i64 noundef 16)
; CHECK-NEXT:    %item = call noalias ptr @malloc(i64 noundef 8)
; CHECK-NEXT:    %field = getelementptr inbounds i8, ptr %node, i64 8
; CHECK-NEXT:    store ptr %item, ptr %field, align 8
; CHECK-NEXT:    ret ptr %node
;
entry:
  %node = call noalias ptr @malloc(i64 noundef 16), !dbg !21
  %item = call noalias ptr @malloc(i64 noundef 8), !dbg !22
  %field = getelementptr inbounds i8, ptr %node, i64 8, !dbg !23
  store ptr %item, ptr %field, align 8, !dbg !23
  ret ptr %node, !dbg !24
}

define void @keeps_pointer_kept_in_reallocated_block() !dbg !30 {
; CHECK-LABEL: @keeps_pointer_kept_in_reallocated_block(
; CHECK:         %item = call noalias ptr @malloc(i64 noundef 8)
; CHECK-NEXT:    store ptr %item, ptr %h2s.slot, align 8
; CHECK:         %back = load ptr, ptr %h2s.block, align 8
; CHECK-NEXT:    call void @free(ptr noundef %back)
;
entry:
  %node = call noalias ptr @malloc(i64 noundef 16), !dbg !31
  %item = call noalias ptr @malloc(i64 noundef 8), !dbg !32
  store ptr %item, ptr %node, align 8, !dbg !33
  %grown = call ptr @realloc(ptr noundef %node, i64 noundef 32), !dbg !34
  %back = load ptr, ptr %grown, align 8, !dbg !35
  call void @free(ptr noundef %back), !dbg !35
  call void @free(ptr noundef %grown), !dbg !36
  ret void, !dbg !36
}

; REMARK:      remark: t.c:3:16: moved 16-byte 'malloc' block to the stack{{$}}
; REMARK-NEXT: remark: t.c:4:16: moved 8-byte 'malloc' block to the stack; its pointer is kept in the 'malloc' block allocated at t.c:3:16{{$}}
; REMARK-NEXT: remark: t.c:13:16: not promoted: returned from the function (t.c:16:3)
; REMARK-NEXT: remark: t.c:14:16: not promoted: stored into an object whose address is returned (t.c:16:3)
; REMARK-NEXT: remark: t.c:21:16: moved 16-byte 'malloc' block to a 128-byte stack slot, in which it grows while it fits
; REMARK-NEXT: remark: t.c:22:16: not promoted: stored into an object passed as argument 1 to 'realloc', which may let it out (t.c:24:17)
; REMARK-NEXT: remark: t.c:24:17: 'realloc' keeps the 'malloc' block in its stack slot while it fits (t.c:21:16)

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare noalias noundef ptr @realloc(ptr allocptr noundef nocapture, i64 noundef) #2

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { mustprogress nounwind willreturn allockind("realloc") allocsize(1) memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang version 22", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly, splitDebugInlining: false, nameTableKind: None)
!1 = !DIFile(filename: "t.c", directory: "/src")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !DISubroutineType(types: !5)
!5 = !{}
!10 = distinct !DISubprogram(name: "promotes_pointer_kept_in_block", scope: !1, file: !1, line: 2, type: !4, scopeLine: 2, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DILocation(line: 3, column: 16, scope: !10)
!12 = !DILocation(line: 4, column: 16, scope: !10)
!13 = !DILocation(line: 5, column: 14, scope: !10)
!14 = !DILocation(line: 6, column: 13, scope: !10)
!15 = !DILocation(line: 7, column: 3, scope: !10)
!16 = !DILocation(line: 8, column: 3, scope: !10)
!20 = distinct !DISubprogram(name: "keeps_pointer_kept_in_returned_block", scope: !1, file: !1, line: 12, type: !4, scopeLine: 12, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!21 = !DILocation(line: 13, column: 16, scope: !20)
!22 = !DILocation(line: 14, column: 16, scope: !20)
!23 = !DILocation(line: 15, column: 14, scope: !20)
!24 = !DILocation(line: 16, column: 3, scope: !20)
!30 = distinct !DISubprogram(name: "keeps_pointer_kept_in_reallocated_block", scope: !1, file: !1, line: 20, type: !4, scopeLine: 20, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!31 = !DILocation(line: 21, column: 16, scope: !30)
!32 = !DILocation(line: 22, column: 16, scope: !30)
!33 = !DILocation(line: 23, column: 9, scope: !30)
!34 = !DILocation(line: 24, column: 17, scope: !30)
!35 = !DILocation(line: 25, column: 3, scope: !30)
!36 = !DILocation(line: 26, column: 3, scope: !30)
