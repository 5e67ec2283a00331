; A site the escape analysis keeps on the heap carries its escape path in
; optimization records: the allocation, each instruction that carried the
; pointer on (with the store that put it into a local object it was read
; back from), and the instruction that let it escape, each with its own
; location.  The path is left out of the message -Rpass prints.  Promoted
; sites and sites refused for anything but an escape have no path.
; RUN: opt -passes=heap2stack -pass-remarks-output=%t.yaml -pass-remarks-missed=heap2stack -disable-output < %s 2> %t.err
; RUN: FileCheck %s < %t.yaml
; RUN: FileCheck %s --check-prefix=RPASS < %t.err

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; RPASS: t.c:3:15: not promoted: passed as argument 1 to 'keep', which may keep it (t.c:7:3){{$}}
; RPASS: t.c:12:15: not promoted: returned from the function (t.c:15:3){{$}}
; RPASS-NOT: escape path

; CHECK-LABEL: Function: through_gep_and_phi
; CHECK:      - PathSep: ' (escape path: '
; CHECK-NEXT: - Path: 'call to ''malloc'''
; CHECK-NEXT:   DebugLoc: { File: t.c, Line: 3, Column: 15 }
; CHECK-NEXT: - PathSep: ' -> '
; CHECK-NEXT: - Path: getelementptr
; CHECK-NEXT:   DebugLoc: { File: t.c, Line: 5, Column: 9 }
; CHECK-NEXT: - PathSep: ' -> '
; CHECK-NEXT: - Path: phi
; CHECK-NEXT: - PathSep: ' -> '
; CHECK-NEXT: - Path: 'call to ''keep'''
; CHECK-NEXT:   DebugLoc: { File: t.c, Line: 7, Column: 3 }
; CHECK-NEXT: - PathSep: ')'
; CHECK-NEXT: ...
define void @through_gep_and_phi(i1 %c) !dbg !10 {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16), !dbg !11
  br i1 %c, label %then, label %join
then:
  %mid = getelementptr inbounds i8, ptr %buf, i64 8, !dbg !12
  br label %join
join:
  %p = phi ptr [ %mid, %then ], [ null, %entry ]
  call void @keep(ptr noundef %p), !dbg !13
  call void @free(ptr noundef %buf), !dbg !14
  ret void, !dbg !14
}

; The pointer waits in a local variable, is read back and returned.
; CHECK-LABEL: Function: through_a_local_variable
; CHECK:      - PathSep: ' (escape path: '
; CHECK-NEXT: - Path: 'call to ''malloc'''
; CHECK-NEXT:   DebugLoc: { File: t.c, Line: 12, Column: 15 }
; CHECK-NEXT: - PathSep: ' -> '
; CHECK-NEXT: - Path: store
; CHECK-NEXT:   DebugLoc: { File: t.c, Line: 13, Column: 7 }
; CHECK-NEXT: - PathSep: ' -> '
; CHECK-NEXT: - Path: load
; CHECK-NEXT:   DebugLoc: { File: t.c, Line: 14, Column: 11 }
; CHECK-NEXT: - PathSep: ' -> '
; CHECK-NEXT: - Path: ret
; CHECK-NEXT:   DebugLoc: { File: t.c, Line: 15, Column: 3 }
; CHECK-NEXT: - PathSep: ')'
; CHECK-NEXT: ...
define ptr @through_a_local_variable() !dbg !20 {
entry:
  %cell = alloca ptr, align 8
  %buf = call noalias ptr @malloc(i64 noundef 16), !dbg !21
  store ptr %buf, ptr %cell, align 8, !dbg !22
  %back = load ptr, ptr %cell, align 8, !dbg !23
  ret ptr %back, !dbg !24
}

; When another instruction is to blame than the use the walk stopped at,
; the path ends with both: the store into the variable, then the call that
; may let the variable's contents out.
; CHECK-LABEL: Function: into_an_exposed_variable
; CHECK:      - Blocker: expose
; CHECK:      - Path: store
; CHECK-NEXT:   DebugLoc: { File: t.c, Line: 22, Column: 7 }
; CHECK-NEXT: - PathSep: ' -> '
; CHECK-NEXT: - Path: 'call to ''expose'''
; CHECK-NEXT:   DebugLoc: { File: t.c, Line: 23, Column: 3 }
; CHECK-NEXT: - PathSep: ')'
; CHECK-NEXT: ...
define void @into_an_exposed_variable() !dbg !30 {
entry:
  %cell = alloca ptr, align 8
  call void @expose(ptr noundef %cell), !dbg !33
  %buf = call noalias ptr @malloc(i64 noundef 16), !dbg !31
  store ptr %buf, ptr %cell, align 8, !dbg !32
  call void @free(ptr noundef %buf), !dbg !34
  ret void, !dbg !34
}

; CHECK-LABEL: Function: promoted
; CHECK-NOT:  Path
; CHECK:      ...
define void @promoted() !dbg !40 {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16), !dbg !41
  store i8 0, ptr %buf, align 1, !dbg !42
  call void @free(ptr noundef %buf), !dbg !42
  ret void, !dbg !42
}

; CHECK-LABEL: Function: too_large
; CHECK-NOT:  Path
; CHECK:      ...
define void @too_large() !dbg !50 {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 4096), !dbg !51
  store i8 0, ptr %buf, align 1, !dbg !52
  call void @free(ptr noundef %buf), !dbg !52
  ret void, !dbg !52
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare void @keep(ptr noundef) #2
declare void @expose(ptr noundef) #2

attributes #0 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #1 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" }
attributes #2 = { nounwind }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang version 22", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly, splitDebugInlining: false, nameTableKind: None)
!1 = !DIFile(filename: "t.c", directory: "/src")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !DISubroutineType(types: !5)
!5 = !{}
!10 = distinct !DISubprogram(name: "through_gep_and_phi", scope: !1, file: !1, line: 2, type: !4, scopeLine: 2, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DILocation(line: 3, column: 15, scope: !10)
!12 = !DILocation(line: 5, column: 9, scope: !10)
!13 = !DILocation(line: 7, column: 3, scope: !10)
!14 = !DILocation(line: 8, column: 3, scope: !10)
!20 = distinct !DISubprogram(name: "through_a_local_variable", scope: !1, file: !1, line: 11, type: !4, scopeLine: 11, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!21 = !DILocation(line: 12, column: 15, scope: !20)
!22 = !DILocation(line: 13, column: 7, scope: !20)
!23 = !DILocation(line: 14, column: 11, scope: !20)
!24 = !DILocation(line: 15, column: 3, scope: !20)
!30 = distinct !DISubprogram(name: "into_an_exposed_variable", scope: !1, file: !1, line: 20, type: !4, scopeLine: 20, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!31 = !DILocation(line: 21, column: 15, scope: !30)
!32 = !DILocation(line: 22, column: 7, scope: !30)
!33 = !DILocation(line: 23, column: 3, scope: !30)
!34 = !DILocation(line: 24, column: 3, scope: !30)
!40 = distinct !DISubprogram(name: "promoted", scope: !1, file: !1, line: 30, type: !4, scopeLine: 30, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!41 = !DILocation(line: 31, column: 15, scope: !40)
!42 = !DILocation(line: 32, column: 3, scope: !40)
!50 = distinct !DISubprogram(name: "too_large", scope: !1, file: !1, line: 35, type: !4, scopeLine: 35, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!51 = !DILocation(line: 36, column: 15, scope: !50)
!52 = !DILocation(line: 37, column: 3, scope: !50)
