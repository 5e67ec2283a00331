/*
 * bench.h -- the scaffolding every heap2stack benchmark program shares: the
 * workload size, a deterministic random source, a checksum and the result
 * check.
 *
 * A program's workload is 'N' units (records, requests, steps...). N comes
 * from argv[1], else from the environment variable H2S_BENCH_N, else from the
 * program's own default, which is sized for roughly half a second at -O2,
 * divided by $H2S_BENCH_DIV when that is set: bench/run.sh uses the divisor
 * for the valgrind runs, which are ~50x slower. Every program prints
 * one line "<name> n=<N> checksum=<hex>" and exits 1 when its self-check
 * fails, so differing output between two builds of one program is a
 * miscompile, not noise.
 *
 * Everything here is static inline so that C and C++ programs can include it
 * without a separate object file.
 */
#ifndef H2S_BENCH_H
#define H2S_BENCH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Returns the workload size: argv[1], else $H2S_BENCH_N, else 'dflt'
 * divided by $H2S_BENCH_DIV (at least 1). */
static inline long bench_size(int argc, char **argv, long dflt)
{
    const char *s = argc > 1 ? argv[1] : getenv("H2S_BENCH_N");
    const char *div = getenv("H2S_BENCH_DIV");
    long n = s ? strtol(s, NULL, 10) : 0;
    if (n > 0)
        return n;
    long d = div ? strtol(div, NULL, 10) : 1;
    n = d > 1 ? dflt / d : dflt;
    return n > 0 ? n : 1;
}

/* A splitmix64 generator: fixed seed, same stream on every build. */
struct bench_rng {
    uint64_t state;
};

static inline uint64_t bench_next(struct bench_rng *rng)
{
    uint64_t z = (rng->state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Returns a value in [0, 'bound'). */
static inline unsigned bench_below(struct bench_rng *rng, unsigned bound)
{
    return (unsigned)(bench_next(rng) % bound);
}

/* Folds 'len' bytes at 'data' into the FNV-1a hash 'h'. */
static inline uint64_t bench_hash(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = (const unsigned char *)data;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * 0x100000001b3ULL;
    return h;
}

#define BENCH_HASH_INIT 0xcbf29ce484222325ULL

/* Folds the integer 'v' into 'h'. */
static inline uint64_t bench_hash_u64(uint64_t h, uint64_t v)
{
    return bench_hash(h, &v, sizeof v);
}

/* Exits with status 1, naming 'what', unless 'ok'. */
static inline void bench_check(int ok, const char *name, const char *what)
{
    if (!ok) {
        fprintf(stderr, "%s: self-check failed: %s\n", name, what);
        exit(1);
    }
}

/* Prints the one line of output that bench/run.sh compares across builds. */
static inline void bench_report(const char *name, long n, uint64_t checksum)
{
    printf("%s n=%ld checksum=%016llx\n", name, n, (unsigned long long)checksum);
}

#endif /* H2S_BENCH_H */
