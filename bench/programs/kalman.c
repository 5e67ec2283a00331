/*
 * kalman.c -- a constant-velocity Kalman filter tracking objects from noisy
 * position fixes: small matrix and vector temporaries.
 *
 * The matrix helpers are the generic row-major kind (dimensions passed as
 * arguments); the filter steps allocate their temporaries with malloc
 * (aligned_alloc for the 4x4 products, as SIMD-minded code does), use them
 * and free them before returning. The Gauss-Jordan inverse allocates its
 * augmented matrix from the dimension it is given. Each track's state is a
 * malloc'd struct owned by main, and the estimate history is a growing
 * realloc'd array: blocks that escape. Self-check: after a burn-in, the
 * filtered position error is smaller than the raw measurement error and the
 * covariance stays symmetric. Checksum: the final states, printed exactly.
 */
#include "bench.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS 4 /* state: px, py, vx, vy */
#define NM 2 /* measurement: px, py */
#define TRACKS 8
#define DT 0.1

struct track {
    double x[NS];
    double P[NS * NS];
    double truth[NS];
};

/* out (n x p) = a (n x m) * b (m x p) */
static void mat_mul(const double *a, const double *b, double *out, int n, int m, int p)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int k = 0; k < m; k++)
                s += a[i * m + k] * b[k * p + j];
            out[i * p + j] = s;
        }
}

/* out (m x n) = transpose of a (n x m) */
static void mat_transpose(const double *a, double *out, int n, int m)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            out[j * n + i] = a[i * m + j];
}

/* Inverts the n x n matrix 'a' into 'out'; returns 0 when it is singular. */
static int mat_invert(const double *a, double *out, int n)
{
    double *aug = malloc(sizeof(double) * (size_t)(n * 2 * n));
    int ok = 1;
    if (!aug)
        abort();
    for (int i = 0; i < n; i++)
        for (int j = 0; j < 2 * n; j++)
            aug[i * 2 * n + j] = j < n ? a[i * n + j] : (j - n == i);
    for (int c = 0; c < n && ok; c++) {
        int pivot = c;
        for (int r = c + 1; r < n; r++)
            if (fabs(aug[r * 2 * n + c]) > fabs(aug[pivot * 2 * n + c]))
                pivot = r;
        if (fabs(aug[pivot * 2 * n + c]) < 1e-12) {
            ok = 0;
            break;
        }
        for (int j = 0; j < 2 * n; j++) {
            double t = aug[c * 2 * n + j];
            aug[c * 2 * n + j] = aug[pivot * 2 * n + j];
            aug[pivot * 2 * n + j] = t;
        }
        double d = aug[c * 2 * n + c];
        for (int j = 0; j < 2 * n; j++)
            aug[c * 2 * n + j] /= d;
        for (int r = 0; r < n; r++) {
            double f = aug[r * 2 * n + c];
            if (r == c || f == 0)
                continue;
            for (int j = 0; j < 2 * n; j++)
                aug[r * 2 * n + j] -= f * aug[c * 2 * n + j];
        }
    }
    for (int i = 0; ok && i < n; i++)
        memcpy(out + i * n, aug + i * 2 * n + n, sizeof(double) * (size_t)n);
    free(aug);
    return ok;
}

static const double F[NS * NS] = {
    1, 0, DT, 0,
    0, 1, 0, DT,
    0, 0, 1, 0,
    0, 0, 0, 1,
};
static const double H[NM * NS] = {
    1, 0, 0, 0,
    0, 1, 0, 0,
};
static const double Q[NS * NS] = {
    1e-4, 0, 0, 0,
    0, 1e-4, 0, 0,
    0, 0, 1e-2, 0,
    0, 0, 0, 1e-2,
};
static const double R[NM * NM] = {
    0.25, 0,
    0, 0.25,
};

/* x = F x; P = F P F^T + Q */
static void kf_predict(struct track *t)
{
    double *x = malloc(sizeof(double) * NS);
    double *FP = aligned_alloc(32, sizeof(double) * NS * NS);
    double *Ft = aligned_alloc(32, sizeof(double) * NS * NS);
    if (!x || !FP || !Ft)
        abort();
    mat_mul(F, t->x, x, NS, NS, 1);
    memcpy(t->x, x, sizeof(double) * NS);
    mat_mul(F, t->P, FP, NS, NS, NS);
    mat_transpose(F, Ft, NS, NS);
    mat_mul(FP, Ft, t->P, NS, NS, NS);
    for (int i = 0; i < NS * NS; i++)
        t->P[i] += Q[i];
    free(Ft);
    free(FP);
    free(x);
}

/* Folds the measurement 'z' into the track; returns 0 when S is singular. */
static int kf_update(struct track *t, const double *z)
{
    double *Ht = malloc(sizeof(double) * NS * NM);
    double *PHt = malloc(sizeof(double) * NS * NM);
    double *S = malloc(sizeof(double) * NM * NM);
    double *Sinv = malloc(sizeof(double) * NM * NM);
    double *K = malloc(sizeof(double) * NS * NM);
    double *KH = malloc(sizeof(double) * NS * NS);
    double *P = malloc(sizeof(double) * NS * NS);
    double y[NM];
    if (!Ht || !PHt || !S || !Sinv || !K || !KH || !P)
        abort();
    mat_transpose(H, Ht, NM, NS);
    mat_mul(t->P, Ht, PHt, NS, NS, NM);
    mat_mul(H, PHt, S, NM, NS, NM);
    for (int i = 0; i < NM * NM; i++)
        S[i] += R[i];
    int ok = mat_invert(S, Sinv, NM);
    if (ok) {
        mat_mul(PHt, Sinv, K, NS, NM, NM);
        mat_mul(H, t->x, y, NM, NS, 1);
        for (int i = 0; i < NM; i++)
            y[i] = z[i] - y[i];
        for (int i = 0; i < NS; i++)
            for (int j = 0; j < NM; j++)
                t->x[i] += K[i * NM + j] * y[j];
        mat_mul(K, H, KH, NS, NM, NS);
        for (int i = 0; i < NS; i++)
            for (int j = 0; j < NS; j++)
                KH[i * NS + j] = (i == j) - KH[i * NS + j];
        mat_mul(KH, t->P, P, NS, NS, NS);
        memcpy(t->P, P, sizeof(double) * NS * NS);
    }
    free(P);
    free(KH);
    free(K);
    free(Sinv);
    free(S);
    free(PHt);
    free(Ht);
    return ok;
}

/* A roughly normal deviate with standard deviation 'sd'. */
static double noise(struct bench_rng *rng, double sd)
{
    double s = 0;
    for (int i = 0; i < 4; i++)
        s += (double)(bench_next(rng) >> 11) / 9007199254740992.0 - 0.5;
    return s * sd * 1.7320508075688772;
}

static struct track *new_track(struct bench_rng *rng)
{
    struct track *t = malloc(sizeof *t);
    if (!t)
        abort();
    memset(t, 0, sizeof *t);
    for (int i = 0; i < NS; i++)
        t->P[i * NS + i] = 10;
    t->truth[0] = noise(rng, 50);
    t->truth[1] = noise(rng, 50);
    t->truth[2] = noise(rng, 3);
    t->truth[3] = noise(rng, 3);
    return t;
}

/* Moves the true state of 't' one step and returns a noisy fix in 'z'. */
static void simulate(struct track *t, struct bench_rng *rng, double *z)
{
    t->truth[2] += noise(rng, 0.05);
    t->truth[3] += noise(rng, 0.05);
    t->truth[0] += DT * t->truth[2];
    t->truth[1] += DT * t->truth[3];
    z[0] = t->truth[0] + noise(rng, 0.5);
    z[1] = t->truth[1] + noise(rng, 0.5);
}

int main(int argc, char **argv)
{
    long n = bench_size(argc, argv, 3000000);
    long steps = n / TRACKS;
    struct bench_rng rng = {99};
    struct track *tracks[TRACKS];
    double *history = NULL;
    size_t hlen = 0, hcap = 0;
    double err_meas = 0, err_filt = 0, asym = 0;
    uint64_t sum = BENCH_HASH_INIT;

    for (int k = 0; k < TRACKS; k++)
        tracks[k] = new_track(&rng);
    for (long s = 0; s < steps; s++) {
        for (int k = 0; k < TRACKS; k++) {
            struct track *t = tracks[k];
            double z[NM];
            simulate(t, &rng, z);
            kf_predict(t);
            bench_check(kf_update(t, z), "kalman", "innovation covariance invertible");
            if (s >= 50) {
                err_meas += hypot(z[0] - t->truth[0], z[1] - t->truth[1]);
                err_filt += hypot(t->x[0] - t->truth[0], t->x[1] - t->truth[1]);
            }
            asym = fmax(asym, fabs(t->P[1] - t->P[NS]));
        }
        if (s % 64 == 0) {
            if (hlen + 2 > hcap) {
                hcap = hcap ? hcap * 2 : 256;
                history = realloc(history, hcap * sizeof *history);
                if (!history)
                    abort();
            }
            history[hlen++] = tracks[0]->x[0];
            history[hlen++] = tracks[0]->x[1];
        }
    }
    bench_check(steps < 100 || err_filt < 0.9 * err_meas, "kalman", "filter beats raw fixes");
    bench_check(asym < 1e-6, "kalman", "covariance stays symmetric");
    for (int k = 0; k < TRACKS; k++) {
        sum = bench_hash(sum, tracks[k]->x, sizeof tracks[k]->x);
        free(tracks[k]);
    }
    sum = bench_hash(sum, history, hlen * sizeof *history);
    free(history);
    bench_report("kalman", n, sum);
    return 0;
}
