; In a cycle of calls, a function that loads pointers only through callees
; still in progress when it is first summarised ("middle", whose callee
; "inner" calls back into "outer") must end up saying so: the fixed point
; repeats until no fact of any summary in the cycle changes, whether it
; loads pointers included.  A cycle whose functions load no pointers keeps
; saying so.
; RUN: opt -passes='print<heap2stack-summaries>' -disable-output < %s 2>&1 | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK-LABEL: heap2stack summaries for module
; CHECK:       outer parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loaded pointers never freed, never kept; writes nothing; reads as data nothing{{$}}
define i8 @outer(ptr %p, i1 %again) {
  call void @middle(ptr %p, i1 %again)
  %l = load ptr, ptr %p, align 8
  %v = load i8, ptr %l, align 1
  ret i8 %v
}

; CHECK:       middle parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loaded pointers never freed, never kept; writes nothing; reads as data nothing{{$}}
define void @middle(ptr %p, i1 %again) {
  call void @inner(ptr %p, i1 %again)
  ret void
}

; CHECK:       inner parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loaded pointers never freed, never kept; writes nothing; reads as data nothing{{$}}
define void @inner(ptr %p, i1 %again) {
  br i1 %again, label %call, label %done
call:
  %r = call i8 @outer(ptr %p, i1 false)
  br label %done
done:
  ret void
}

; CHECK:       counts_outer parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes nothing; reads as data [8, 16){{$}}
define i64 @counts_outer(ptr %p, i1 %again) {
  call void @counts_middle(ptr %p, i1 %again)
  %len.addr = getelementptr inbounds i8, ptr %p, i64 8
  %len = load i64, ptr %len.addr, align 8
  ret i64 %len
}

; CHECK:       counts_middle parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes nothing; reads as data [8, 16){{$}}
define void @counts_middle(ptr %p, i1 %again) {
  call void @counts_inner(ptr %p, i1 %again)
  ret void
}

; CHECK:       counts_inner parameter 0: never freed, never kept{{$}}
; CHECK-NEXT:    its memory: loads no pointers; writes nothing; reads as data [8, 16){{$}}
define void @counts_inner(ptr %p, i1 %again) {
  br i1 %again, label %call, label %done
call:
  %r = call i64 @counts_outer(ptr %p, i1 false)
  br label %done
done:
  ret void
}
