/* util.h - the two helpers of the sample project (util.c). */
#ifndef UTIL_H
#define UTIL_H

int digits(int x);
char *label(int x);

#endif
