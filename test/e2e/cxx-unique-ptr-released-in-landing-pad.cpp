// clang 19 does not mark the hash loop's GEPs nuw, so its reads through
// the string's buffer pointer may reach back to the pointer itself, and
// the records stay on the heap there.
// REQUIRES: llvm-22
// RUN: %e2e %s | FileCheck %s
// RUN: %if libcxx %{ %e2e %s -stdlib=libc++ | FileCheck %s --check-prefix=LIBCXX %}
//
// A record with a std::string member, owned by a std::unique_ptr across a
// call that may throw: the unique_ptr's destructor, a C++ inline function
// (linkonce_odr), runs in the landing pad, where LLVM's inliner leaves it
// a call.  helpers.c inlines it there, since it frees the block the
// unique_ptr holds, and all 150 records move to the stack; one in ten
// throws, and its record is released on the way out.  The long names'
// string buffers, the exceptions and their messages stay on the heap.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 212 without the plugin, 62 with it
// LIBCXX: output: same, exit status: same (0)
// LIBCXX: heap allocations: 211 without the plugin, 61 with it

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

// Outside the anonymous namespace, so that unique_ptr<Record>'s destructor
// is linkonce_odr rather than internal.
struct Record {
  long id = 0;
  long flags = 0;
  std::string name;
};

namespace {

const char *const names[] = {"alpha", "a_name_longer_than_the_inline_buffer", "gamma",
                             "delta", "epsilon"};

} // namespace

/* Returns a rolling hash of the 'len' bytes at 'bytes'; throws for an id
 * divisible by ten. */
__attribute__((noinline)) unsigned checked_hash(const char *bytes, size_t len, long id) {
  if (id % 10 == 0)
    throw std::runtime_error("rejected");
  unsigned h = 5381;
  for (size_t i = 0; i < len; ++i)
    h = h * 33u + static_cast<unsigned char>(bytes[i]);
  return h;
}

/* Makes the record for 'id' and returns its hash. */
__attribute__((noinline)) unsigned record_hash(long id) {
  auto r = std::make_unique<Record>();
  r->id = id;
  r->flags = id & 3;
  r->name = names[id % 5];
  return checked_hash(r->name.data(), r->name.size(), r->id) ^ static_cast<unsigned>(r->flags);
}

int main() {
  unsigned sum = 0, rejected = 0;
  for (long id = 1; id <= 150; ++id) {
    try {
      sum = sum * 7u + record_hash(id);
    } catch (const std::runtime_error &) {
      ++rejected;
    }
  }
  std::printf("%u %u\n", sum, rejected);
  return 0;
}
