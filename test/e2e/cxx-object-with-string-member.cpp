// clang 19 does not mark the hash loop's GEPs nuw, so its reads through
// the string's buffer pointer may reach back to the pointer itself, and
// the objects stay on the heap there.
// REQUIRES: llvm-22
// RUN: %e2e %s | FileCheck %s
// RUN: %if libcxx %{ %e2e %s -stdlib=libc++ | FileCheck %s --check-prefix=LIBCXX %}
//
// A token object with a std::string member, made with new, filled through
// the string's assign and append, and deleted in the same function.  The
// string's buffer pointer starts at its own inline buffer, so the object
// holds a pointer into itself, and libstdc++'s out-of-line members are
// given the object: runtime.c says they change the string in place and
// keep nothing, so all 120 objects move to the stack.  Two words of every
// six (40 of the 120) outgrow the inline buffer at the assign and again at
// the append: their 80 heap buffers, made inside libstdc++, stay, as do
// the blocks of libstdc++'s start-up and of stdout.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 202 without the plugin, 82 with it
// libc++'s strings never point into themselves, and its members are
// described as well: the objects move to the stack there too.  Its long
// strings round their capacity up, so the append fits in the buffer of
// the assign: 40 heap buffers stay, and stdout's.
// LIBCXX: output: same, exit status: same (0)
// LIBCXX: heap allocations: 161 without the plugin, 41 with it

#include <cstdio>
#include <string>

namespace {

struct Token {
  int line = 0;
  int column = 0;
  std::string text;
};

const char *const words[] = {"if", "while", "a_rather_long_identifier", "x",
                             "another_identifier_of_some_length", "return"};

} // namespace

/* Returns a rolling hash of the 'len' bytes at 'bytes'; only reads. */
__attribute__((noinline)) unsigned bytes_hash(const char *bytes, size_t len) {
  unsigned h = 5381;
  for (size_t i = 0; i < len; ++i)
    h = h * 33u + static_cast<unsigned char>(bytes[i]);
  return h;
}

/* Makes the token for 'word' at 'line' and returns its hash. */
__attribute__((noinline)) unsigned token_hash(const char *word, int line) {
  Token *t = new Token;
  t->line = line;
  t->column = line % 7;
  t->text = word;
  t->text += "_suffix";
  unsigned h = bytes_hash(t->text.data(), t->text.size()) ^
               static_cast<unsigned>(t->line * 31 + t->column);
  delete t;
  return h;
}

int main() {
  unsigned sum = 0;
  for (int line = 0; line < 120; ++line)
    sum = sum * 7u + token_hash(words[line % 6], line);
  std::printf("%u\n", sum);
  return 0;
}
