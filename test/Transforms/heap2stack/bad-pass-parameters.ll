; A malformed heap2stack<...> parameter is a one-line error naming the
; parameter and what is accepted; no crash report follows it.
; RUN: not opt -passes='heap2stack<max-size=abc>' -disable-output < %s 2>&1 | FileCheck %s --check-prefix=NOT-A-NUMBER
; RUN: not opt -passes='heap2stack<frame-budget=-1>' -disable-output < %s 2>&1 | FileCheck %s --check-prefix=NEGATIVE
; RUN: not opt -passes='heap2stack<max-size>' -disable-output < %s 2>&1 | FileCheck %s --check-prefix=NO-VALUE
; RUN: not opt -passes='heap2stack<fast>' -disable-output < %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN
; RUN: not opt -passes='heap2stack<record-format=json>' -disable-output < %s 2>&1 | FileCheck %s --check-prefix=FORMAT
; RUN: not opt -passes='heap2stack<room-percent=101>' -disable-output < %s 2>&1 | FileCheck %s --check-prefix=PERCENT
; RUN: not opt -heap2stack-room-percent=101 -passes=heap2stack -disable-output < %s 2>&1 | FileCheck %s --check-prefix=PERCENT-OPTION

; NOT-A-NUMBER: {{^}}LLVM ERROR: invalid heap2stack parameter 'max-size=abc': expected a non-negative integer{{$}}
; NOT-A-NUMBER-NOT: {{.}}

; NEGATIVE: {{^}}LLVM ERROR: invalid heap2stack parameter 'frame-budget=-1': expected a non-negative integer{{$}}
; NEGATIVE-NOT: {{.}}

; NO-VALUE: {{^}}LLVM ERROR: invalid heap2stack parameter 'max-size': expected a non-negative integer{{$}}
; NO-VALUE-NOT: {{.}}

; UNKNOWN: {{^}}LLVM ERROR: invalid heap2stack parameter 'fast': expected max-size=N, frame-budget=N, recursive-budget=N, max-uses=N, guard-size=N, factory-size=N, helper-size=N (N a non-negative integer), room-percent=N (0 to 100), room or no-room, cleanup or no-cleanup, record=PATH, record-format=yaml or record-format=bitstream{{$}}
; UNKNOWN-NOT: {{.}}

; PERCENT: {{^}}LLVM ERROR: invalid heap2stack parameter 'room-percent=101': expected a percentage from 0 to 100{{$}}
; PERCENT-NOT: {{.}}

; PERCENT-OPTION: {{^}}LLVM ERROR: invalid -heap2stack-room-percent=101: expected a percentage from 0 to 100{{$}}
; PERCENT-OPTION-NOT: {{.}}

; FORMAT: {{^}}LLVM ERROR: invalid heap2stack parameter 'record-format=json': expected max-size=N, {{.*}}record-format=yaml or record-format=bitstream{{$}}

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @unused() {
  ret void
}
