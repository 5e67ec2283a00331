; The pass joins opt's and clang's default pipelines after inlining, never
; at -O0 and never in an LTO pre-link pipeline (link-time inlining would
; move promoted slots into other functions); the link-time pipelines of
; ThinLTO and full LTO run it.  -print-pipeline-passes prints it with every
; parameter, in a form -passes= accepts again.
; REQUIRES: lto-phase-callbacks
; RUN: opt -passes='default<O2>' -print-pipeline-passes -disable-output < %s | FileCheck %s --check-prefix=RUNS
; RUN: opt -passes='default<O1>' -print-pipeline-passes -disable-output < %s | FileCheck %s --check-prefix=RUNS
; RUN: opt -passes='default<Oz>' -print-pipeline-passes -disable-output < %s | FileCheck %s --check-prefix=RUNS
; RUN: opt -passes='thinlto<O2>' -print-pipeline-passes -disable-output < %s | FileCheck %s --check-prefix=RUNS
; RUN: opt -passes='lto<O2>' -print-pipeline-passes -disable-output < %s | FileCheck %s --check-prefix=RUNS
; RUN: opt -passes='default<O0>' -print-pipeline-passes -disable-output < %s | FileCheck %s --check-prefix=SKIPS
; RUN: opt -passes='thinlto-pre-link<O2>' -print-pipeline-passes -disable-output < %s | FileCheck %s --check-prefix=SKIPS
; RUN: opt -passes='lto-pre-link<O2>' -print-pipeline-passes -disable-output < %s | FileCheck %s --check-prefix=SKIPS
; RUN: opt -heap2stack-ep=off -passes='default<O2>' -print-pipeline-passes -disable-output < %s | FileCheck %s --check-prefix=SKIPS
; RUN: opt -heap2stack-max-size=64 -passes='default<O2>' -print-pipeline-passes -disable-output < %s | FileCheck %s --check-prefix=OPTION
; RUN: opt -passes='heap2stack<max-size=512;no-cleanup>' -print-pipeline-passes -disable-output < %s | FileCheck %s --check-prefix=PARAMS

; RUNS: inline{{.*}}heap2stack<max-size=1024;frame-budget=2048;recursive-budget=0;max-uses=2000;guard-size=128;room-percent=5;factory-size=100;helper-size=100;room;cleanup>
; SKIPS-NOT: heap2stack
; OPTION: heap2stack<max-size=64;frame-budget=2048;
; PARAMS: heap2stack<max-size=512;frame-budget=2048;recursive-budget=0;max-uses=2000;guard-size=128;room-percent=5;factory-size=100;helper-size=100;room;no-cleanup>

define void @empty() {
  ret void
}
