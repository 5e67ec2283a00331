// RUN: %e2e %s | FileCheck %s
// RUN: %if libcxx %{ %e2e %s -stdlib=libc++ | FileCheck %s --check-prefix=LIBCXX %}
//
// std::make_shared of a small object used only inside one function. The
// combined control block and object is released through the control block's
// virtual _M_dispose/_M_destroy, indirect calls that receive the block and
// may keep it (its reference counts are also updated with atomic
// instructions), so all 90 blocks stay on the heap.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 92 without the plugin, 92 with it
// With libc++ the same, less the block libstdc++ allocates at start
// (its emergency pool for exceptions):
// LIBCXX: output: same, exit status: same (0)
// LIBCXX: heap allocations: 91 without the plugin, 91 with it

#include <cstdio>
#include <memory>

namespace {

struct Counter {
  long hits = 0;
  long misses = 0;
};

} // namespace

/* Returns the hit ratio of a simulated cache run for 'seed', in percent. */
__attribute__((noinline)) long simulate(int seed) {
  auto stats = std::make_shared<Counter>();
  std::shared_ptr<Counter> alias = stats;
  for (int i = 0; i < 50; ++i) {
    if ((i * seed + 3) % 4 != 0)
      ++alias->hits;
    else
      ++stats->misses;
  }
  return stats->hits * 100 / (stats->hits + stats->misses);
}

int main() {
  long sum = 0;
  for (int seed = 0; seed < 90; ++seed)
    sum += simulate(seed);
  std::printf("hit ratio sum %ld\n", sum);
  return sum > 0 ? 0 : 1;
}
