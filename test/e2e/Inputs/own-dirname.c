/* The program's own dirname, for own-dirname-in-another-file.c: it keeps
 * the path it is given, which POSIX's does not. */
static char *remembered;

char *dirname(char *path) {
  remembered = path;
  return path;
}

const char *last_dirname(void) { return remembered; }
