; An object with a std::string member holds a pointer into itself: the
; string's buffer pointer starts at the string's inline buffer.  libstdc++'s
; members that change a string in place (_M_assign, _M_append, _M_replace,
; _M_replace_aux, _M_mutate, _M_erase) are declarations, but runtime.c
; says what they do with the string object: they read and write its 32
; bytes, replace its buffer pointer by a heap buffer they allocate, free a
; buffer they replace unless it is the inline one, and keep nothing.  So
; the object stays in the function, a block stored elsewhere in it can be
; promoted, and the object's block moves to the stack; the destructor's
; free of the buffer pointer is the heap buffer's, never the object's,
; since the only pointer into the object stored there is the inline one.
; The object stays on the heap when a string's buffer pointer may point
; into the object anywhere else than at its own inline buffer, when the
; string is at an offset the pass cannot tell, and when the member is not
; the library's: another prototype, or a function of the module.  A block
; stored as a string's buffer pointer stays on the heap: the member may
; free it.
; RUN: rm -rf %t && split-file %s %t
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %t/members.ll | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %t/members.ll 2>&1 | FileCheck %s --check-prefix=REMARK
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks-missed=heap2stack -disable-output < %t/other-prototype.ll 2>&1 | FileCheck %s --check-prefix=OTHER
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks-missed=heap2stack -disable-output < %t/own-definition.ll 2>&1 | FileCheck %s --check-prefix=OWN

;--- members.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; struct S { long a, b, c; std::string name; }: the string at 24, its
; length at 32 and its inline buffer at 40.
define i64 @promotes_object_with_replaced_string(ptr %chars, i64 %n) {
; CHECK-LABEL: @promotes_object_with_replaced_string(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [56 x i8], align 16
; CHECK-NOT:     call {{.*}}@_Znwm
; CHECK:         call ptr @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE10_M_replaceEmmPKcm(ptr %str, i64 0, i64 0, ptr %chars, i64 %n)
; CHECK:       release:
; CHECK:         call void @_ZdlPvm(ptr noundef %buf, i64 noundef %size)
; CHECK:       done:
; CHECK-NOT:     call void @_ZdlPvm
; CHECK:         ret i64 %length
;
entry:
  %obj = call noalias noundef nonnull ptr @_Znwm(i64 noundef 56)
  %str = getelementptr inbounds nuw i8, ptr %obj, i64 24
  %inline = getelementptr inbounds nuw i8, ptr %obj, i64 40
  store ptr %inline, ptr %str, align 8
  %len = getelementptr inbounds nuw i8, ptr %obj, i64 32
  store i64 0, ptr %len, align 8
  store i8 0, ptr %inline, align 8
  %self = call ptr @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE10_M_replaceEmmPKcm(ptr %str, i64 0, i64 0, ptr %chars, i64 %n)
  %length = load i64, ptr %len, align 8
  %buf = load ptr, ptr %str, align 8
  %own = icmp eq ptr %buf, %inline
  br i1 %own, label %done, label %release

release:
  %cap = load i64, ptr %inline, align 8
  %size = add i64 %cap, 1
  call void @_ZdlPvm(ptr noundef %buf, i64 noundef %size)
  br label %done

done:
  call void @_ZdlPvm(ptr noundef nonnull %obj, i64 noundef 56)
  ret i64 %length
}

; A local struct { std::string s; char *scratch; } on the stack: the
; members change the string, and the block in 'scratch' moves to the
; stack.
define i8 @promotes_block_beside_string(ptr %other, ptr %chars, i64 %n) {
; CHECK-LABEL: @promotes_block_beside_string(
; CHECK:         %h2s.slot = alloca [64 x i8], align 16
; CHECK-NOT:     call {{.*}}@malloc
; CHECK:         call void @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_assignERKS4_(ptr %local, ptr %other)
; CHECK:         call ptr @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_appendEPKcm(ptr %local, ptr %chars, i64 %n)
; CHECK:         call ptr @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE14_M_replace_auxEmmmc(ptr %local, i64 0, i64 0, i64 3, i8 120)
; CHECK:         call void @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_mutateEmmPKcm(ptr %local, i64 0, i64 0, ptr null, i64 4)
; CHECK:         call void @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE8_M_eraseEmm(ptr %local, i64 0, i64 1)
; CHECK-NOT:     call void @free
; CHECK:         ret i8
;
entry:
  %local = alloca { [32 x i8], ptr }, align 8
  %inline = getelementptr inbounds nuw i8, ptr %local, i64 16
  store ptr %inline, ptr %local, align 8
  %field = getelementptr inbounds nuw i8, ptr %local, i64 32
  %scratch = call noalias ptr @malloc(i64 64)
  store ptr %scratch, ptr %field, align 8
  call void @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_assignERKS4_(ptr %local, ptr %other)
  %a = call ptr @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_appendEPKcm(ptr %local, ptr %chars, i64 %n)
  %b = call ptr @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE14_M_replace_auxEmmmc(ptr %local, i64 0, i64 0, i64 3, i8 120)
  call void @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_mutateEmmPKcm(ptr %local, i64 0, i64 0, ptr null, i64 4)
  call void @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE8_M_eraseEmm(ptr %local, i64 0, i64 1)
  %p = load ptr, ptr %field, align 8
  store i8 7, ptr %p, align 1
  %v = load i8, ptr %p, align 1
  call void @free(ptr %p)
  ret i8 %v
}

; The buffer pointer is set to the object's start: a member would free it.
define void @keeps_object_whose_string_points_elsewhere(ptr %chars, i64 %n) !dbg !10 {
; CHECK-LABEL: @keeps_object_whose_string_points_elsewhere(
; CHECK:         call noalias noundef nonnull ptr @_Znwm(i64 noundef 56)
;
entry:
  %obj = call noalias noundef nonnull ptr @_Znwm(i64 noundef 56), !dbg !11
  %str = getelementptr inbounds nuw i8, ptr %obj, i64 24
  store ptr %obj, ptr %str, align 8
  %self = call ptr @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE10_M_replaceEmmPKcm(ptr %str, i64 0, i64 0, ptr %chars, i64 %n), !dbg !12
  call void @_ZdlPvm(ptr noundef nonnull %obj, i64 noundef 56)
  ret void
}

; One of an array of strings, picked at run time.
define void @keeps_object_with_string_at_unknown_offset(ptr %chars, i64 %n, i64 %i) !dbg !20 {
; CHECK-LABEL: @keeps_object_with_string_at_unknown_offset(
; CHECK:         call noalias noundef nonnull ptr @_Znwm(i64 noundef 64)
;
entry:
  %obj = call noalias noundef nonnull ptr @_Znwm(i64 noundef 64), !dbg !21
  %inline = getelementptr inbounds nuw i8, ptr %obj, i64 16
  store ptr %inline, ptr %obj, align 8
  %str = getelementptr inbounds [2 x [32 x i8]], ptr %obj, i64 0, i64 %i
  %self = call ptr @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_appendEPKcm(ptr %str, ptr %chars, i64 %n), !dbg !22
  call void @_ZdlPvm(ptr noundef nonnull %obj, i64 noundef 64)
  ret void
}

; A block made the string's buffer: the member may free it and put
; another one there.
define void @keeps_block_made_string_buffer(ptr %chars, i64 %n) !dbg !30 {
; CHECK-LABEL: @keeps_block_made_string_buffer(
; CHECK:         %buf = call noalias ptr @malloc(i64 32)
;
entry:
  %local = alloca [32 x i8], align 8
  %buf = call noalias ptr @malloc(i64 32), !dbg !31
  store ptr %buf, ptr %local, align 8
  %self = call ptr @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_appendEPKcm(ptr %local, ptr %chars, i64 %n), !dbg !32
  %p = load ptr, ptr %local, align 8
  call void @free(ptr %p)
  ret void
}

; REMARK: remark: <unknown>:0:0: moved 56-byte '_Znwm' block to the stack{{$}}
; REMARK: remark: <unknown>:0:0: moved 64-byte 'malloc' block to the stack; its pointer is kept in a local variable
; REMARK: remark: test.cpp:3:9: not promoted: stored into an object that '_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE10_M_replaceEmmPKcm' may let out (test.cpp:4:3)
; REMARK: remark: test.cpp:13:9: not promoted: stored into an object passed as argument 1 to '_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_appendEPKcm', which may let it out (test.cpp:14:3)
; REMARK: remark: test.cpp:23:9: not promoted: stored into an object that '_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_appendEPKcm' may let out (test.cpp:24:3)

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr) allockind("free") "alloc-family"="malloc"
declare noalias noundef nonnull ptr @_Znwm(i64 noundef) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="_Znwm"
declare void @_ZdlPvm(ptr allocptr noundef, i64 noundef) allockind("free") "alloc-family"="_Znwm"
declare void @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_assignERKS4_(ptr, ptr)
declare ptr @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_appendEPKcm(ptr, ptr, i64)
declare ptr @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE10_M_replaceEmmPKcm(ptr, i64, i64, ptr, i64)
declare ptr @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE14_M_replace_auxEmmmc(ptr, i64, i64, i64, i8)
declare void @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE9_M_mutateEmmPKcm(ptr, i64, i64, ptr, i64)
declare void @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE8_M_eraseEmm(ptr, i64, i64)

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}
!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus, file: !1, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "test.cpp", directory: "/tmp")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !{i32 1, !"Dwarf Version", i32 5}
!5 = !DISubroutineType(types: !{})
!10 = distinct !DISubprogram(name: "keeps_object_whose_string_points_elsewhere", scope: !1, file: !1, line: 1, type: !5, unit: !0)
!11 = !DILocation(line: 3, column: 9, scope: !10)
!12 = !DILocation(line: 4, column: 3, scope: !10)
!20 = distinct !DISubprogram(name: "keeps_object_with_string_at_unknown_offset", scope: !1, file: !1, line: 11, type: !5, unit: !0)
!21 = !DILocation(line: 13, column: 9, scope: !20)
!22 = !DILocation(line: 14, column: 3, scope: !20)
!30 = distinct !DISubprogram(name: "keeps_block_made_string_buffer", scope: !1, file: !1, line: 21, type: !5, unit: !0)
!31 = !DILocation(line: 23, column: 9, scope: !30)
!32 = !DILocation(line: 24, column: 3, scope: !30)

;--- other-prototype.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; OTHER: remark: <unknown>:0:0: not promoted: passed as argument 1 to '_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE8_M_eraseEmm', which may keep it
define void @keeps_object_given_to_other_prototype() {
entry:
  %obj = call noalias noundef nonnull ptr @_Znwm(i64 noundef 32)
  %inline = getelementptr inbounds nuw i8, ptr %obj, i64 16
  store ptr %inline, ptr %obj, align 8
  call void @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE8_M_eraseEmm(ptr %obj, i64 0)
  call void @_ZdlPvm(ptr noundef nonnull %obj, i64 noundef 32)
  ret void
}

declare noalias noundef nonnull ptr @_Znwm(i64 noundef) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="_Znwm"
declare void @_ZdlPvm(ptr allocptr noundef, i64 noundef) allockind("free") "alloc-family"="_Znwm"
declare void @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE8_M_eraseEmm(ptr, i64)

;--- own-definition.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@sink = global ptr null

; OWN: remark: <unknown>:0:0: not promoted: passed as argument 1 to '_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE8_M_eraseEmm', which may keep it
define void @keeps_object_given_to_own_definition() {
entry:
  %obj = call noalias noundef nonnull ptr @_Znwm(i64 noundef 32)
  %inline = getelementptr inbounds nuw i8, ptr %obj, i64 16
  store ptr %inline, ptr %obj, align 8
  call void @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE8_M_eraseEmm(ptr %obj, i64 0, i64 1)
  call void @_ZdlPvm(ptr noundef nonnull %obj, i64 noundef 32)
  ret void
}

define void @_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE8_M_eraseEmm(ptr %this, i64 %pos, i64 %n) noinline {
  store ptr %this, ptr @sink, align 8
  ret void
}

declare noalias noundef nonnull ptr @_Znwm(i64 noundef) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="_Znwm"
declare void @_ZdlPvm(ptr allocptr noundef, i64 noundef) allockind("free") "alloc-family"="_Znwm"
