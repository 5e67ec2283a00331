/* Built without the plugin for test/report/report-profile.test. */
void consume(char *p) { p[1] = p[0]; }
