// RUN: %e2e %s | FileCheck %s
// RUN: %if libcxx %{ %e2e %s -stdlib=libc++ | FileCheck %s --check-prefix=LIBCXX %}
//
// C++ scratch objects made with new / new[] and released with delete /
// delete[] in the same function: a 96-byte char array for formatting and a
// small struct for the parsed result. Neither pointer leaves the function,
// and libstdc++'s operator new calls malloc, so all 2 x 150 blocks disappear
// from the heap count.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 302 without the plugin, 2 with it
// With libc++ the same, less the block libstdc++ allocates at start
// (its emergency pool for exceptions):
// LIBCXX: output: same, exit status: same (0)
// LIBCXX: heap allocations: 301 without the plugin, 1 with it

#include <cstdio>
#include <cstring>

namespace {

struct Reading {
  int sensor;
  int millivolts;
  double scaled;
};

} // namespace

/* Returns a rolling hash of the NUL-terminated 'text'; only reads it. */
__attribute__((noinline)) unsigned text_hash(const char *text) {
  unsigned h = 5381;
  while (*text)
    h = h * 33u + static_cast<unsigned char>(*text++);
  return h;
}

/* Returns 'r's scaled value rounded to an int; only reads through 'r'. */
__attribute__((noinline)) int rounded(const Reading *r) {
  return static_cast<int>(r->scaled + 0.5);
}

/* Parses a reading for 'sensor' and returns its hash mixed with its value. */
__attribute__((noinline)) unsigned read_sensor(int sensor) {
  char *line = new char[96];
  std::snprintf(line, 96, "sensor=%d mv=%d", sensor, sensor * 37 % 500);
  Reading *r = new Reading;
  r->sensor = sensor;
  r->millivolts = sensor * 37 % 500;
  r->scaled = r->millivolts * 1.25;
  unsigned h = text_hash(line) ^ static_cast<unsigned>(rounded(r));
  delete r;
  delete[] line;
  return h;
}

int main() {
  unsigned sum = 0;
  for (int sensor = 0; sensor < 150; ++sensor)
    sum = sum * 5u + read_sensor(sensor);
  std::printf("sensor hash %08x\n", sum);
  return sum == 0 ? 1 : 0;
}
