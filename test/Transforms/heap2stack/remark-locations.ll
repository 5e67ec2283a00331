; Each examined site gets one remark at the allocation's source location:
; Passed with the block's size when promoted, Missed with the reason
; otherwise.  When a single instruction blocks the promotion, its location
; follows the message in parentheses; reasons without a blocker (size
; limit) have none.
; RUN: opt -passes=heap2stack -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK --match-full-lines

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@saved = global ptr null, align 8
@env = global [25 x i64] zeroinitializer, align 16

; REMARK: remark: t.c:3:15: moved 64-byte 'malloc' block to the stack
define void @promoted_scratch() !dbg !10 {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 64), !dbg !11
  store i8 0, ptr %buf, align 1, !dbg !12
  call void @free(ptr noundef %buf), !dbg !13
  ret void, !dbg !14
}

; REMARK-NEXT: remark: t.c:10:13: not promoted: stored to memory (t.c:12:5)
define void @escapes_via_store() !dbg !20 {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16), !dbg !21
  store ptr %buf, ptr @saved, align 8, !dbg !22
  ret void, !dbg !23
}

; REMARK-NEXT: remark: t.c:19:17: not promoted: passed as argument 1 to 'register_buffer', which may keep it (t.c:20:3)
define void @passed_to_capturing_call() !dbg !30 {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16), !dbg !31
  call void @register_buffer(ptr noundef %buf), !dbg !32
  call void @free(ptr noundef %buf), !dbg !33
  ret void, !dbg !34
}

; REMARK-NEXT: remark: t.c:26:15: not promoted: freed by '_ZdlPv', which does not pair with 'malloc' (t.c:27:3)
define void @freed_by_delete() !dbg !40 {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16), !dbg !41
  call void @_ZdlPv(ptr noundef %buf) #7, !dbg !42
  ret void, !dbg !43
}

; REMARK-NEXT: remark: t.c:32:15: not promoted: the function calls '_setjmp', which returns twice (t.c:33:7)
define i32 @calls_setjmp() !dbg !50 {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16), !dbg !51
  %jumped = call i32 @_setjmp(ptr noundef @env) #8, !dbg !52
  store i32 %jumped, ptr %buf, align 4, !dbg !53
  call void @free(ptr noundef %buf), !dbg !53
  ret i32 %jumped, !dbg !53
}

; REMARK-NEXT: remark: t.c:40:15: not promoted: a 2048-byte block exceeds the 1024-byte limit per block (max-size)
define void @too_large() !dbg !60 {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 2048), !dbg !61
  store i8 0, ptr %buf, align 1, !dbg !62
  call void @free(ptr noundef %buf), !dbg !62
  ret void, !dbg !62
}

; The blocker of a loop-carried block is the phi that carries it.
; REMARK-NEXT: remark: t.c:48:17: not promoted: a block may still be in use when the next one is allocated (t.c:47:11)
define void @loop_carried(i64 %n) !dbg !70 {
entry:
  br label %loop, !dbg !71

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ], !dbg !72
  %prev = phi ptr [ null, %entry ], [ %cur, %loop ], !dbg !72
  %cur = call noalias ptr @malloc(i64 noundef 32), !dbg !73
  %v = load i8, ptr %prev, align 1, !dbg !74
  store i8 %v, ptr %cur, align 1, !dbg !74
  call void @free(ptr noundef %prev), !dbg !74
  %i.next = add nuw i64 %i, 1, !dbg !74
  %more = icmp ult i64 %i.next, %n, !dbg !74
  br i1 %more, label %loop, label %exit, !dbg !74

exit:
  call void @free(ptr noundef %cur), !dbg !75
  ret void, !dbg !75
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare void @register_buffer(ptr noundef) #2
declare void @_ZdlPv(ptr noundef) #3
declare i32 @_setjmp(ptr noundef) #4

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nounwind }
attributes #3 = { nobuiltin nounwind }
attributes #4 = { nounwind returns_twice }
attributes #7 = { builtin nounwind }
attributes #8 = { nounwind returns_twice }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang version 22", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly, splitDebugInlining: false, nameTableKind: None)
!1 = !DIFile(filename: "t.c", directory: "/src")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !DISubroutineType(types: !5)
!5 = !{}
!10 = distinct !DISubprogram(name: "promoted_scratch", scope: !1, file: !1, line: 2, type: !4, scopeLine: 2, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DILocation(line: 3, column: 15, scope: !10)
!12 = !DILocation(line: 4, column: 10, scope: !10)
!13 = !DILocation(line: 5, column: 3, scope: !10)
!14 = !DILocation(line: 6, column: 1, scope: !10)
!20 = distinct !DISubprogram(name: "escapes_via_store", scope: !1, file: !1, line: 9, type: !4, scopeLine: 9, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!21 = !DILocation(line: 10, column: 13, scope: !20)
!22 = !DILocation(line: 12, column: 5, scope: !20)
!23 = !DILocation(line: 13, column: 1, scope: !20)
!30 = distinct !DISubprogram(name: "passed_to_capturing_call", scope: !1, file: !1, line: 18, type: !4, scopeLine: 18, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!31 = !DILocation(line: 19, column: 17, scope: !30)
!32 = !DILocation(line: 20, column: 3, scope: !30)
!33 = !DILocation(line: 21, column: 3, scope: !30)
!34 = !DILocation(line: 22, column: 1, scope: !30)
!40 = distinct !DISubprogram(name: "freed_by_delete", scope: !1, file: !1, line: 25, type: !4, scopeLine: 25, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!41 = !DILocation(line: 26, column: 15, scope: !40)
!42 = !DILocation(line: 27, column: 3, scope: !40)
!43 = !DILocation(line: 28, column: 1, scope: !40)
!50 = distinct !DISubprogram(name: "calls_setjmp", scope: !1, file: !1, line: 31, type: !4, scopeLine: 31, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!51 = !DILocation(line: 32, column: 15, scope: !50)
!52 = !DILocation(line: 33, column: 7, scope: !50)
!53 = !DILocation(line: 34, column: 3, scope: !50)
!60 = distinct !DISubprogram(name: "too_large", scope: !1, file: !1, line: 39, type: !4, scopeLine: 39, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!61 = !DILocation(line: 40, column: 15, scope: !60)
!62 = !DILocation(line: 41, column: 3, scope: !60)
!70 = distinct !DISubprogram(name: "loop_carried", scope: !1, file: !1, line: 45, type: !4, scopeLine: 45, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!71 = !DILocation(line: 46, column: 3, scope: !70)
!72 = !DILocation(line: 47, column: 11, scope: !70)
!73 = !DILocation(line: 48, column: 17, scope: !70)
!74 = !DILocation(line: 49, column: 5, scope: !70)
!75 = !DILocation(line: 51, column: 3, scope: !70)
