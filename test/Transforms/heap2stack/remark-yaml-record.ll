; With -pass-remarks-output, every site's remark is an optimization record
; of pass heap2stack whose message pieces are named arguments: Callee and
; Bytes for a promoted block, Blocker and BlockerLoc for the instruction
; that kept one on the heap, and after them its escape path (Path steps at
; their locations, PathSep punctuation; left out of -Rpass's message),
; Bytes and Limit for a policy refusal.
; RUN: opt -passes=heap2stack -pass-remarks-output=%t.yaml -disable-output < %s
; RUN: FileCheck %s --check-prefix=YAML < %t.yaml

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; YAML-LABEL: --- !Passed
; YAML-NEXT:  Pass:            heap2stack
; YAML-NEXT:  Name:            Promoted
; YAML-NEXT:  DebugLoc:        { File: t.c, Line: 3, Column: 15 }
; YAML-NEXT:  Function:        promoted_scratch
; YAML-NEXT:  Args:
; YAML-NEXT:    - String:          'moved '
; YAML-NEXT:    - Bytes:           '64'
; YAML-NEXT:    - String:          '-byte '''
; YAML-NEXT:    - Callee:          malloc
; YAML-NEXT:    - String:          ''' block to the stack'
; YAML-NEXT:  ...
define void @promoted_scratch() !dbg !10 {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 64), !dbg !11
  store i8 0, ptr %buf, align 1, !dbg !12
  call void @free(ptr noundef %buf), !dbg !12
  ret void, !dbg !12
}

; YAML-LABEL: --- !Missed
; YAML-NEXT:  Pass:            heap2stack
; YAML-NEXT:  Name:            Escapes
; YAML-NEXT:  DebugLoc:        { File: t.c, Line: 19, Column: 17 }
; YAML-NEXT:  Function:        passed_to_capturing_call
; YAML-NEXT:  Args:
; YAML-NEXT:    - String:          'not promoted: passed as argument '
; YAML-NEXT:    - Argument:        '1'
; YAML-NEXT:    - String:          ' to '''
; YAML-NEXT:    - Blocker:         register_buffer
; YAML-NEXT:    - String:          ''', which may keep it'
; YAML-NEXT:    - String:          ' ('
; YAML-NEXT:    - BlockerLoc:      't.c:20:3'
; YAML-NEXT:    - String:          ')'
; YAML-NEXT:    - PathSep:         ' (escape path: '
; YAML-NEXT:    - Path:            'call to ''malloc'''
; YAML-NEXT:      DebugLoc:        { File: t.c, Line: 19, Column: 17 }
; YAML-NEXT:    - PathSep:         ' -> '
; YAML-NEXT:    - Path:            'call to ''register_buffer'''
; YAML-NEXT:      DebugLoc:        { File: t.c, Line: 20, Column: 3 }
; YAML-NEXT:    - PathSep:         ')'
; YAML-NEXT:  ...
define void @passed_to_capturing_call() !dbg !30 {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 16), !dbg !31
  call void @register_buffer(ptr noundef %buf), !dbg !32
  call void @free(ptr noundef %buf), !dbg !33
  ret void, !dbg !33
}

; YAML-LABEL: --- !Missed
; YAML-NEXT:  Pass:            heap2stack
; YAML-NEXT:  Name:            TooLarge
; YAML-NEXT:  DebugLoc:        { File: t.c, Line: 40, Column: 15 }
; YAML-NEXT:  Function:        too_large
; YAML-NEXT:  Args:
; YAML-NEXT:    - String:          'not promoted: a '
; YAML-NEXT:    - Bytes:           '2048'
; YAML-NEXT:    - String:          '-byte block exceeds the '
; YAML-NEXT:    - Limit:           '1024'
; YAML-NEXT:    - String:          '-byte limit per block (max-size)'
; YAML-NEXT:  ...
define void @too_large() !dbg !60 {
entry:
  %buf = call noalias ptr @malloc(i64 noundef 2048), !dbg !61
  store i8 0, ptr %buf, align 1, !dbg !62
  call void @free(ptr noundef %buf), !dbg !62
  ret void, !dbg !62
}

declare noalias noundef ptr @malloc(i64 noundef) #0
declare void @free(ptr allocptr noundef nocapture) #1
declare void @register_buffer(ptr noundef) #2

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
!10 = distinct !DISubprogram(name: "promoted_scratch", scope: !1, file: !1, line: 2, type: !4, scopeLine: 2, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DILocation(line: 3, column: 15, scope: !10)
!12 = !DILocation(line: 4, column: 10, scope: !10)
!30 = distinct !DISubprogram(name: "passed_to_capturing_call", scope: !1, file: !1, line: 18, type: !4, scopeLine: 18, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!31 = !DILocation(line: 19, column: 17, scope: !30)
!32 = !DILocation(line: 20, column: 3, scope: !30)
!33 = !DILocation(line: 21, column: 3, scope: !30)
!60 = distinct !DISubprogram(name: "too_large", scope: !1, file: !1, line: 39, type: !4, scopeLine: 39, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!61 = !DILocation(line: 40, column: 15, scope: !60)
!62 = !DILocation(line: 41, column: 3, scope: !60)
