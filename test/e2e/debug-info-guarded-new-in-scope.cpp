// RUN: %e2e %s -g -fverify-intermediate-code | FileCheck %s
// RUN: %clangxx -O2 -g -fverify-intermediate-code -fpass-plugin=%plugin \
// RUN:   -Rpass=heap2stack -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK %s
//
// With debug info, a run-time-sized new[] in a scope whose destructor runs
// on unwinding is an invoke, and the block where the guarded slot's paths
// join (the invoke's split normal edge) starts with the debug records of
// the new pointer.  The phi that joins the slot and the heap block goes
// before those records: the plugin before that put it after them, and
// the verifier rejected the module ("PHI Node must not have any attached
// DbgRecords"), which with ThinLTO failed the link.
//
// CHECK: output: same, exit status: same (0)
//
// REMARK: remark: moved '_Znam' block to a 128-byte stack slot when it fits, to the heap when larger

#include <cstdio>
#include <cstdlib>
#include <cstring>

struct Announce {
  const char *name;
  ~Announce() { std::printf("leaving %s\n", name); }
};

__attribute__((noinline)) int scratch(std::size_t n) {
  Announce a{"scratch"};
  char *p = new char[n];
  std::memset(p, 'x', n);
  int s = p[n / 2];
  delete[] p;
  return s;
}

int main(int argc, char **) {
  std::printf("%d %d\n", scratch(argc * 10), scratch(argc * 1000));
  return 0;
}
