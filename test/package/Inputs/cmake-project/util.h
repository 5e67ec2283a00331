int digits_of(long x);
char *kept_copy(const char *s);
