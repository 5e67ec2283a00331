// The %W printf handler of printf-handler-keeps-argument.c: it prints a
// name and remembers the last one it printed.
#include <printf.h>
#include <stdio.h>

const char *last_name;

static int print_name(FILE *out, const struct printf_info *info, const void *const *args) {
  (void)info;
  last_name = *(const char *const *)args[0];
  return fprintf(out, "[%s]", last_name);
}

static int name_arginfo(const struct printf_info *info, size_t n, int *types, int *sizes) {
  (void)info, (void)sizes;
  if (n > 0)
    types[0] = PA_POINTER;
  return 1;
}

void install_name_printer(void) { register_printf_specifier('W', print_name, name_arginfo); }
