/* The handler table of recursion-through-handlers-of-another-file.c's
 * interpreter: each handler calls eval again, by name. */
long eval(long n);

static long op_even(long n) { return eval(n - 1) / 2 + 1; }
static long op_odd(long n) { return eval(n - 1) / 2 + 2; }

long (*handlers[2])(long) = {op_even, op_odd};
