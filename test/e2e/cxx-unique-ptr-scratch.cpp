// RUN: %e2e %s | FileCheck %s
// RUN: %if libcxx %{ %e2e %s -stdlib=libc++ | FileCheck %s --check-prefix=LIBCXX %}
//
// RAII scratch objects: std::make_unique of a 200-byte parser state and a
// std::unique_ptr<char[]> from make_unique<char[]>(64). The owners never
// leave the function, so after inlining each is an operator new of constant
// size ended by operator delete on every path, and all 2 x 100 blocks are
// promoted.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 202 without the plugin, 2 with it
// With libc++ the same, less the block libstdc++ allocates at start
// (its emergency pool for exceptions):
// LIBCXX: output: same, exit status: same (0)
// LIBCXX: heap allocations: 201 without the plugin, 1 with it

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

struct ParserState {
  int depth = 0;
  int tokens = 0;
  int stack[48] = {};
};

} // namespace

/* Returns a rolling hash of the 'len' bytes at 'bytes'; only reads. */
__attribute__((noinline)) unsigned bytes_hash(const char *bytes, size_t len) {
  unsigned h = 5381;
  for (size_t i = 0; i < len; ++i)
    h = h * 33u + static_cast<unsigned char>(bytes[i]);
  return h;
}

/* Tokenizes the bracket expression for 'seed' and returns a summary. */
__attribute__((noinline)) unsigned parse_brackets(int seed) {
  auto state = std::make_unique<ParserState>();
  auto text = std::make_unique<char[]>(64);
  for (int i = 0; i < 63; ++i)
    text[i] = ((seed >> (i % 7)) + i) % 3 == 0 ? ')' : '(';
  for (int i = 0; i < 63; ++i) {
    if (text[i] == '(' && state->depth < 48) {
      state->stack[state->depth++] = i;
    } else if (text[i] == ')' && state->depth > 0) {
      --state->depth;
      ++state->tokens;
    }
  }
  return bytes_hash(text.get(), 63) ^
         static_cast<unsigned>(state->tokens * 64 + state->depth);
}

int main() {
  unsigned sum = 0;
  for (int seed = 0; seed < 100; ++seed)
    sum = sum * 3u + parse_brackets(seed);
  std::printf("bracket hash %08x\n", sum);
  return sum == 0 ? 1 : 0;
}
