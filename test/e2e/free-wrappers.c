// RUN: %e2e %s | FileCheck %s
//
// Blocks freed by helpers the compiler keeps out of line, which do more
// than free them (wrappers.c): a stream record that 'stream_close' flushes
// and frees, reached through a second wrapper too, and a line buffer of a
// run-time size that 'line_finish' sums up and frees, on the heap when it
// outgrows its slot.  Each promoted call runs a copy of the wrapper that
// leaves the slot alone; 'keep_one_open' still frees through the original
// the block it stored, which stays on the heap.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 411 without the plugin, 48 with it

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  FILE *out;
  int mode;
  unsigned bits, live;
} stream;

static unsigned long bytes_out;
static stream *parked;

static stream *stream_open(FILE *out, int mode) {
  stream *s = malloc(sizeof *s);
  if (!s)
    exit(1);
  s->out = out;
  s->mode = mode;
  s->bits = s->live = 0;
  return s;
}

static void stream_put(stream *s, unsigned bit) {
  s->bits = s->bits << 1 | (bit & 1);
  if (++s->live == 8) {
    bytes_out += s->bits & 0xff;
    s->bits = s->live = 0;
  }
}

__attribute__((noinline)) static void stream_close(stream *s) {
  if (s->mode == 'w') {
    while (s->live && s->live < 8)
      stream_put(s, 1);
    fflush(s->out);
  }
  free(s);
}

__attribute__((noinline)) static void stream_close_noisy(stream *s, int round) {
  if (round % 25 == 0)
    printf("closing round %d with %u bits\n", round, s->live);
  stream_close(s);
}

__attribute__((noinline)) static unsigned line_finish(char *line, size_t n) {
  unsigned sum = 0;
  for (size_t i = 0; i < n; ++i)
    sum = sum * 31 + (unsigned char)line[i];
  free(line);
  return sum;
}

static unsigned write_round(int round) {
  stream *s = stream_open(stdout, round % 3 ? 'w' : 'r');
  for (int i = 0; i < round % 13; ++i)
    stream_put(s, (unsigned)(i ^ round));
  unsigned live = s->live;
  if (round % 2)
    stream_close(s);
  else
    stream_close_noisy(s, round);
  return live;
}

static const char *const words[] = {"stream", "bits", "a wrapper that frees its block"};

static unsigned line_round(int round) {
  /* no bound the compiler can prove: a guarded slot, the heap above 128 bytes */
  size_t n = 40 + strlen(words[round % 3]) * (size_t)(round % 7);
  char *line = malloc(n);
  if (!line)
    exit(1);
  for (size_t i = 0; i < n; ++i)
    line[i] = (char)('a' + (i * round) % 26);
  return line_finish(line, n);
}

__attribute__((noinline)) static void keep_one_open(int round) {
  if (parked)
    stream_close(parked);
  parked = stream_open(stdout, 'r');
  parked->live = (unsigned)round;
}

int main(void) {
  unsigned long total = 0;
  for (int round = 0; round < 200; ++round) {
    total += write_round(round);
    total += line_round(round);
    if (round % 20 == 0)
      keep_one_open(round);
  }
  stream_close(parked);
  printf("total %lu, bytes out %lu\n", total, bytes_out);
  return 0;
}
