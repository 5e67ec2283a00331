// RUN: %clangxx -O2 -fpass-plugin=%plugin -Rpass=heap2stack -Rpass-missed=heap2stack \
// RUN:   -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=REMARK --implicit-check-not=remark: %s
// RUN: %e2e %s | FileCheck %s
// RUN: %if libcxx %{ %e2e %s -stdlib=libc++ | FileCheck %s --check-prefix=LIBCXX %}
//
// A dynamic_cast of an object made with new: __dynamic_cast (Itanium C++
// ABI) returns a pointer into the object it is given, or null, and keeps
// nothing (runtime.c), so the object is promoted and the cast's result is
// followed as a pointer into it. The same with libc++ (its libc++abi
// implements the same ABI). The blocks left are stdio's buffer and, with
// libstdc++, its emergency pool for exceptions.
//
// REMARK: cxx-dynamic-cast-promoted.cpp:35:16: remark: moved 24-byte '_Znwm' block to the stack
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 102 without the plugin, 2 with it
// LIBCXX: output: same, exit status: same (0)
// LIBCXX: heap allocations: 101 without the plugin, 1 with it

#include <cstdio>

struct Shape {
  virtual ~Shape() {}
  int sides = 0;
};
struct Square : Shape {
  long side = 0;
};
struct Circle : Shape {
  long radius = 0;
};

/* Builds a square, looks at it through a Shape, and measures it again. */
__attribute__((noinline)) long square_area(long side, bool as_circle) {
  Square *sq = new Square;
  sq->sides = 4;
  sq->side = side;
  Shape *shape = sq;
  long area = -1;
  if (as_circle) {
    if (Circle *c = dynamic_cast<Circle *>(shape))
      area = 3 * c->radius * c->radius;
  } else if (Square *s = dynamic_cast<Square *>(shape)) {
    area = s->side * s->side + s->sides;
  }
  delete sq;
  return area;
}

int main() {
  long total = 0;
  for (long i = 0; i < 100; ++i)
    total += square_area(i, i % 10 == 0);
  std::printf("total %ld\n", total);
  return 0;
}
