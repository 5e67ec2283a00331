/*
 * dcsort.c -- divide and conquer with scratch memory per call: the shape of
 * recursive sorting and selection code.
 *
 * merge_sort splits a run of records in two, sorts each half recursively
 * and merges them through a buffer it mallocs for the run, at every level;
 * most calls are near the leaves, on runs of a few records.
 * select_kth finds the k-th smallest key by recursive partitioning around
 * the median of a sample of up to nine keys, sorted in a buffer malloc'd
 * per call.  Both functions call themselves, so every level holds its
 * block across the recursive calls.  Self-check: the sorted run is in order
 * and every selected key is the sorted run's k-th.  Checksum: the sorted
 * keys and the selected ones.
 */
#include "bench.h"

#include <stdlib.h>
#include <string.h>

#define RUN 96     /* records sorted per round */
#define SAMPLE 9   /* keys in a selection's pivot sample */

struct record {
    uint32_t key;
    uint32_t id;
};

/* Merges the sorted halves a[0, mid) and a[mid, n) through 'out'. */
static void merge(struct record *a, size_t mid, size_t n, struct record *out)
{
    size_t i = 0, j = mid, k = 0;
    while (i < mid && j < n)
        out[k++] = a[j].key < a[i].key ? a[j++] : a[i++];
    while (i < mid)
        out[k++] = a[i++];
    while (j < n)
        out[k++] = a[j++];
    memcpy(a, out, n * sizeof *a);
}

/* Sorts a[0, n) by key, stably; false when memory ran out. */
static int merge_sort(struct record *a, size_t n)
{
    if (n < 2)
        return 1;
    size_t mid = n / 2;
    struct record *out = malloc(n * sizeof *out);
    if (!out)
        return 0;
    int ok = merge_sort(a, mid) && merge_sort(a + mid, n - mid);
    if (ok)
        merge(a, mid, n, out);
    free(out);
    return ok;
}

/* Sorts the 'n' keys at 'keys' (n <= SAMPLE) by insertion. */
static void sort_keys(uint32_t *keys, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint32_t k = keys[i];
        size_t j = i;
        for (; j > 0 && keys[j - 1] > k; j--)
            keys[j] = keys[j - 1];
        keys[j] = k;
    }
}

/* The median of up to SAMPLE keys of v[0, n), spread over the run. */
static int sample_median(const uint32_t *v, size_t n, uint32_t *median)
{
    size_t m = n < SAMPLE ? n : SAMPLE;
    uint32_t *sample = malloc(SAMPLE * sizeof *sample);
    if (!sample)
        return 0;
    for (size_t i = 0; i < m; i++)
        sample[i] = v[i * n / m];
    sort_keys(sample, m);
    *median = sample[m / 2];
    free(sample);
    return 1;
}

/* Moves the keys of v[0, n) below 'pivot' to the front, then those equal
 * to it; returns their two counts. */
static void partition(uint32_t *v, size_t n, uint32_t pivot, size_t *below, size_t *equal)
{
    size_t lo = 0, mid = 0, hi = n;
    while (mid < hi) {
        uint32_t x = v[mid];
        if (x < pivot) {
            v[mid++] = v[lo];
            v[lo++] = x;
        } else if (x > pivot) {
            v[mid] = v[--hi];
            v[hi] = x;
        } else {
            mid++;
        }
    }
    *below = lo;
    *equal = mid - lo;
}

/* The k-th smallest of v[0, n) (reordering v); false when memory ran out. */
static int select_kth(uint32_t *v, size_t n, size_t k, uint32_t *out)
{
    uint32_t pivot;
    if (!sample_median(v, n, &pivot))
        return 0;
    size_t below, equal;
    partition(v, n, pivot, &below, &equal);
    if (k < below)
        return select_kth(v, below, k, out);
    if (k < below + equal) {
        *out = pivot;
        return 1;
    }
    return select_kth(v + below + equal, n - below - equal, k - below - equal, out);
}

int main(int argc, char **argv)
{
    long n = bench_size(argc, argv, 60000);
    struct bench_rng rng = {11};
    struct record run[RUN];
    uint32_t keys[RUN];
    uint64_t sum = BENCH_HASH_INIT;

    for (long round = 0; round < n; round++) {
        for (size_t i = 0; i < RUN; i++) {
            run[i].key = (uint32_t)bench_below(&rng, 1000);
            run[i].id = (uint32_t)i;
            keys[i] = run[i].key;
        }
        bench_check(merge_sort(run, RUN), "dcsort", "memory for the merge");
        for (size_t i = 1; i < RUN; i++)
            bench_check(run[i - 1].key < run[i].key ||
                            (run[i - 1].key == run[i].key && run[i - 1].id < run[i].id),
                        "dcsort", "sorted and stable");
        size_t k = bench_below(&rng, RUN);
        uint32_t kth;
        bench_check(select_kth(keys, RUN, k, &kth), "dcsort", "memory for the sample");
        bench_check(kth == run[k].key, "dcsort", "selected key");
        for (size_t i = 0; i < RUN; i++)
            sum = bench_hash_u64(sum, run[i].key);
        sum = bench_hash_u64(sum, kth);
    }
    bench_report("dcsort", n, sum);
    return 0;
}
