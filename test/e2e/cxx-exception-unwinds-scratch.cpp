// RUN: %e2e %s | FileCheck %s
// RUN: %if libcxx %{ %e2e %s -stdlib=libc++ | FileCheck %s --check-prefix=LIBCXX %}
//
// A parser that owns a std::unique_ptr<char[]> scratch buffer of 64 bytes and
// throws std::runtime_error on bad input; the caller catches. The unwinding
// path releases the buffer in a cleanup landing pad, which is one more free
// of the same block, so all 100 buffers are promoted and the 25 throws still
// unwind correctly through frames that now hold the block on the stack. (The
// exception objects and their messages are heap blocks in both builds.)
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 152 without the plugin, 52 with it
// With libc++ the same, less the block libstdc++ allocates at start
// (its emergency pool for exceptions):
// LIBCXX: output: same, exit status: same (0)
// LIBCXX: heap allocations: 151 without the plugin, 51 with it

#include <cstdio>
#include <memory>
#include <stdexcept>

/* Returns the number of characters of 'text' that are not hex digits. */
__attribute__((noinline)) int bad_chars(const char *text) {
  int bad = 0;
  for (; *text; ++text) {
    char c = *text;
    bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    bad += !hex;
  }
  return bad;
}

/* Parses the hex token made from 'seed'; throws when it is malformed. */
__attribute__((noinline)) unsigned parse_hex(unsigned seed) {
  auto text = std::make_unique<char[]>(64);
  std::snprintf(text.get(), 64, "%x%s", seed * 2654435761u,
                seed % 4 == 1 ? "zz" : "");
  if (bad_chars(text.get()) != 0)
    throw std::runtime_error("malformed token");
  unsigned value = 0;
  for (const char *c = text.get(); *c; ++c)
    value = value * 16 + static_cast<unsigned>(*c <= '9' ? *c - '0' : *c - 'a' + 10);
  return value;
}

int main() {
  unsigned sum = 0;
  int errors = 0;
  for (unsigned seed = 0; seed < 100; ++seed) {
    try {
      sum ^= parse_hex(seed);
    } catch (const std::runtime_error &) {
      ++errors;
    }
  }
  std::printf("xor %08x, %d errors\n", sum, errors);
  return errors == 25 ? 0 : 1;
}
