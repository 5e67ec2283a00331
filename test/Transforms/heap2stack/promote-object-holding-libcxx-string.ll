; libc++'s std::string is three words: a long string's capacity, size and
; data pointer, or a short string's size and characters in the same bytes,
; never a pointer into itself.  Its members that change a string in place
; (append, assign, operator=, push_back, reserve, resize, insert, erase,
; replace) are declarations, and runtime.c says what they do with the
; string object: they read and write its 24 bytes, replace its data
; pointer by a heap buffer they allocate, free the buffer they replace, and
; keep nothing.  So an object with a string member moves to the stack,
; and the destructor's free of the data pointer stays, for the heap
; buffer.  A pointer into the object stored in a string's bytes, or a
; block stored as its data pointer, keeps that block on the heap: a member
; may free it.  A declaration of a member's name with another prototype is
; the program's own.
; RUN: opt -passes='heap2stack<no-cleanup>' -S < %s | FileCheck %s
; RUN: opt -passes='heap2stack<no-cleanup>' -pass-remarks=heap2stack -pass-remarks-missed=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=REMARK

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; struct Token { int line, column; std::string text; }: the string at 8,
; a long string's data pointer at 24.
define i64 @promotes_object_with_assigned_string(ptr %word, ptr %chars, i64 %n) {
; CHECK-LABEL: @promotes_object_with_assigned_string(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %h2s.slot = alloca [32 x i8], align 16
; CHECK-NOT:     call {{.*}}@_Znwm
; CHECK:         call ptr @_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE6assignEPKc(ptr %str, ptr %word)
; CHECK:         call ptr @_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE6appendEPKcm(ptr %str, ptr %chars, i64 %n)
; CHECK:         call void @_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE9push_backEc(ptr %str, i8 33)
; CHECK:       release:
; CHECK:         call void @_ZdlPvm(ptr noundef %data, i64 noundef %cap)
; CHECK:       done:
; CHECK-NOT:     call void @_ZdlPvm
; CHECK:         ret i64 %size
;
entry:
  %obj = call noalias noundef nonnull ptr @_Znwm(i64 noundef 32)
  %str = getelementptr inbounds nuw i8, ptr %obj, i64 8
  call void @llvm.memset.p0.i64(ptr %str, i8 0, i64 24, i1 false)
  store i32 1, ptr %obj, align 8
  %a = call ptr @_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE6assignEPKc(ptr %str, ptr %word)
  %b = call ptr @_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE6appendEPKcm(ptr %str, ptr %chars, i64 %n)
  call void @_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE9push_backEc(ptr %str, i8 33)
  %flag = load i8, ptr %str, align 8
  %bit = and i8 %flag, 1
  %short = icmp eq i8 %bit, 0
  %sizeat = getelementptr inbounds nuw i8, ptr %obj, i64 16
  %size = load i64, ptr %sizeat, align 8
  br i1 %short, label %done, label %release

release:
  %dataat = getelementptr inbounds nuw i8, ptr %obj, i64 24
  %data = load ptr, ptr %dataat, align 8
  %word0 = load i64, ptr %str, align 8
  %cap = and i64 %word0, -2
  call void @_ZdlPvm(ptr noundef %data, i64 noundef %cap)
  br label %done

done:
  call void @_ZdlPvm(ptr noundef nonnull %obj, i64 noundef 32)
  ret i64 %size
}

define void @keeps_object_pointing_into_its_string(ptr %chars, i64 %n) !dbg !10 {
; CHECK-LABEL: @keeps_object_pointing_into_its_string(
; CHECK:         call noalias noundef nonnull ptr @_Znwm(i64 noundef 24)
;
entry:
  %obj = call noalias noundef nonnull ptr @_Znwm(i64 noundef 24), !dbg !11
  %data = getelementptr inbounds nuw i8, ptr %obj, i64 16
  %inside = getelementptr inbounds nuw i8, ptr %obj, i64 1
  store ptr %inside, ptr %data, align 8
  %a = call ptr @_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE6appendEPKcm(ptr %obj, ptr %chars, i64 %n), !dbg !12
  call void @_ZdlPvm(ptr noundef nonnull %obj, i64 noundef 24)
  ret void
}

define void @keeps_block_made_data_pointer(ptr %chars, i64 %n) !dbg !20 {
; CHECK-LABEL: @keeps_block_made_data_pointer(
; CHECK:         %buf = call noalias ptr @malloc(i64 32)
;
entry:
  %local = alloca [24 x i8], align 8
  %buf = call noalias ptr @malloc(i64 32), !dbg !21
  %data = getelementptr inbounds nuw i8, ptr %local, i64 16
  store ptr %buf, ptr %data, align 8
  call void @_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE7reserveEm(ptr %local, i64 %n), !dbg !22
  %p = load ptr, ptr %data, align 8
  call void @free(ptr %p)
  ret void
}

define void @keeps_object_given_to_other_prototype(ptr %chars) !dbg !30 {
; CHECK-LABEL: @keeps_object_given_to_other_prototype(
; CHECK:         call noalias noundef nonnull ptr @_Znwm(i64 noundef 24)
;
entry:
  %obj = call noalias noundef nonnull ptr @_Znwm(i64 noundef 24), !dbg !31
  %a = call ptr @_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE6assignEPKcm(ptr %obj, ptr %chars, i32 3), !dbg !32
  call void @_ZdlPvm(ptr noundef nonnull %obj, i64 noundef 24)
  ret void
}

; REMARK: remark: <unknown>:0:0: moved 32-byte '_Znwm' block to the stack{{$}}
; REMARK: remark: test.cpp:3:9: not promoted: stored into an object that '_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE6appendEPKcm' may let out (test.cpp:4:3)
; REMARK: remark: test.cpp:13:9: not promoted: stored into an object that '_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE7reserveEm' may let out (test.cpp:14:3)
; REMARK: remark: test.cpp:23:9: not promoted: passed as argument 1 to '_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE6assignEPKcm', which may keep it (test.cpp:24:3)

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr) allockind("free") "alloc-family"="malloc"
declare noalias noundef nonnull ptr @_Znwm(i64 noundef) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="_Znwm"
declare void @_ZdlPvm(ptr allocptr noundef, i64 noundef) allockind("free") "alloc-family"="_Znwm"
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
declare ptr @_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE6assignEPKc(ptr, ptr)
declare ptr @_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE6assignEPKcm(ptr, ptr, i32)
declare ptr @_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE6appendEPKcm(ptr, ptr, i64)
declare void @_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE9push_backEc(ptr, i8)
declare void @_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE7reserveEm(ptr, i64)

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}
!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus, file: !1, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "test.cpp", directory: "/tmp")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !{i32 1, !"Dwarf Version", i32 5}
!5 = !DISubroutineType(types: !{})
!10 = distinct !DISubprogram(name: "keeps_object_pointing_into_its_string", scope: !1, file: !1, line: 1, type: !5, unit: !0)
!11 = !DILocation(line: 3, column: 9, scope: !10)
!12 = !DILocation(line: 4, column: 3, scope: !10)
!20 = distinct !DISubprogram(name: "keeps_block_made_data_pointer", scope: !1, file: !1, line: 11, type: !5, unit: !0)
!21 = !DILocation(line: 13, column: 9, scope: !20)
!22 = !DILocation(line: 14, column: 3, scope: !20)
!30 = distinct !DISubprogram(name: "keeps_object_given_to_other_prototype", scope: !1, file: !1, line: 21, type: !5, unit: !0)
!31 = !DILocation(line: 23, column: 9, scope: !30)
!32 = !DILocation(line: 24, column: 3, scope: !30)
