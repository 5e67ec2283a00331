/* The other half of recursion-through-another-file.c's recursion: it
 * calls back by name the function that called it. */
long half_step(long n, long acc);

__attribute__((noinline)) long other_half(long n, long acc) {
  long r = half_step(n, acc + 1);
  __asm__ volatile("" ::: "memory");
  return r;
}
