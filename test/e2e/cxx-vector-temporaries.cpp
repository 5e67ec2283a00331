// RUN: %e2e %s | FileCheck %s
// RUN: %if libcxx %{ %e2e %s -stdlib=libc++ | FileCheck %s --check-prefix=LIBCXX %}
//
// Fixed-size std::vector temporaries: a 16-slot window and a 10-bucket
// histogram, both sized by constants and destroyed at the end of the
// function. Once the vector code is inlined, each is an operator new of a
// constant size whose pointer lives only in registers and ends in a sized
// operator delete (with a second delete on the exception path), so all
// 2 x 120 buffers are promoted.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 242 without the plugin, 2 with it
// With libc++ the same, less the block libstdc++ allocates at start
// (its emergency pool for exceptions):
// LIBCXX: output: same, exit status: same (0)
// LIBCXX: heap allocations: 241 without the plugin, 1 with it

#include <cstdio>
#include <vector>

/* Returns the index of the largest of the 'n' counts at 'counts'. */
__attribute__((noinline)) int busiest(const int *counts, int n) {
  int best = 0;
  for (int i = 1; i < n; ++i)
    if (counts[i] > counts[best])
      best = i;
  return best;
}

/* Smooths a synthetic signal seeded by 'seed' over a 16-sample window and
   buckets the smoothed values; returns a summary of the histogram. */
__attribute__((noinline)) int smooth_and_bucket(int seed) {
  std::vector<double> window(16);
  std::vector<int> buckets(10);
  double sum = 0;
  for (int t = 0; t < 64; ++t) {
    double sample = (t * 7 + seed * 3) % 50;
    sum += sample - window[t % 16];
    window[t % 16] = sample;
    int bucket = static_cast<int>(sum / 16.0) / 5;
    buckets[bucket < 0 ? 0 : bucket > 9 ? 9 : bucket]++;
  }
  int best = busiest(buckets.data(), static_cast<int>(buckets.size()));
  return best * 100 + buckets[best];
}

int main() {
  long total = 0;
  for (int seed = 0; seed < 120; ++seed)
    total += smooth_and_bucket(seed);
  std::printf("bucket summary %ld\n", total);
  return total > 0 ? 0 : 1;
}
