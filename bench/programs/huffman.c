/*
 * huffman.c -- a block compressor with canonical Huffman codes, the shape
 * of a deflate-style encoder: per-block tables allocated and freed for
 * every block.
 *
 * compress_block counts symbols into a calloc'd 256-entry table, builds the
 * code tree from a malloc'd node pool with a malloc'd heap of node indices,
 * derives code lengths and canonical codes into malloc'd tables and writes
 * a header of 256 lengths followed by the bit stream. decompress_block reads
 * the lengths into a scratch buffer and decodes canonically. The output
 * buffer is sized per block and returned to the caller (an escaping block).
 * Self-check: every block decompresses to its input. Checksum: the
 * compressed stream.
 */
#include "bench.h"

#include <stdlib.h>
#include <string.h>

#define BLOCK 4096
#define NSYM 256
#define MAX_LEN 32

struct hnode {
    unsigned weight;
    int left, right; /* -1 for leaves */
};

struct bitwriter {
    unsigned char *out;
    size_t pos;
    unsigned acc, nacc;
};

/* ---- tree building ------------------------------------------------------ */

/* Sifts heap entry 'i' down; 'heap' holds node indices keyed by weight. */
static void sift_down(int *heap, int len, const struct hnode *pool, int i)
{
    for (;;) {
        int c = 2 * i + 1;
        if (c >= len)
            return;
        if (c + 1 < len && pool[heap[c + 1]].weight < pool[heap[c]].weight)
            c++;
        if (pool[heap[i]].weight <= pool[heap[c]].weight)
            return;
        int t = heap[i];
        heap[i] = heap[c];
        heap[c] = t;
        i = c;
    }
}

static int heap_pop(int *heap, int *len, const struct hnode *pool)
{
    int top = heap[0];
    heap[0] = heap[--*len];
    sift_down(heap, *len, pool, 0);
    return top;
}

static void heap_push(int *heap, int *len, const struct hnode *pool, int node)
{
    int i = (*len)++;
    heap[i] = node;
    while (i > 0 && pool[heap[(i - 1) / 2]].weight > pool[heap[i]].weight) {
        int p = (i - 1) / 2, t = heap[i];
        heap[i] = heap[p];
        heap[p] = t;
        i = p;
    }
}

/* Records the depth of every leaf under 'node' into 'lens'. */
static void assign_lengths(const struct hnode *pool, int node, int depth, unsigned char *lens)
{
    if (pool[node].left < 0) {
        lens[node] = (unsigned char)(depth ? depth : 1);
        return;
    }
    assign_lengths(pool, pool[node].left, depth + 1, lens);
    assign_lengths(pool, pool[node].right, depth + 1, lens);
}

/* Computes Huffman code lengths for the symbol counts 'freq' into 'lens'. */
static void code_lengths(const unsigned *freq, unsigned char *lens)
{
    struct hnode *pool = malloc(sizeof *pool * (2 * NSYM - 1));
    int *heap = malloc(sizeof *heap * NSYM);
    int len = 0, next = NSYM;
    if (!pool || !heap)
        abort();
    memset(lens, 0, NSYM);
    for (int s = 0; s < NSYM; s++) {
        pool[s] = (struct hnode){freq[s], -1, -1};
        if (freq[s])
            heap_push(heap, &len, pool, s);
    }
    while (len > 1) {
        int a = heap_pop(heap, &len, pool), b = heap_pop(heap, &len, pool);
        pool[next] = (struct hnode){pool[a].weight + pool[b].weight, a, b};
        heap_push(heap, &len, pool, next++);
    }
    if (len == 1)
        assign_lengths(pool, heap[0], 0, lens);
    free(heap);
    free(pool);
}

/* Fills 'codes' with canonical codes for the lengths 'lens'. */
static void canonical_codes(const unsigned char *lens, unsigned *codes)
{
    unsigned count[MAX_LEN + 1] = {0}, next[MAX_LEN + 1];
    for (int s = 0; s < NSYM; s++)
        count[lens[s]]++;
    count[0] = 0;
    unsigned code = 0;
    for (int l = 1; l <= MAX_LEN; l++) {
        code = (code + count[l - 1]) << 1;
        next[l] = code;
    }
    for (int s = 0; s < NSYM; s++)
        if (lens[s])
            codes[s] = next[lens[s]]++;
}

/* ---- bit I/O ------------------------------------------------------------ */

static void put_bits(struct bitwriter *bw, unsigned code, unsigned len)
{
    for (unsigned i = len; i-- > 0;) {
        bw->acc = (bw->acc << 1) | ((code >> i) & 1);
        if (++bw->nacc == 8) {
            bw->out[bw->pos++] = (unsigned char)bw->acc;
            bw->acc = bw->nacc = 0;
        }
    }
}

static void flush_bits(struct bitwriter *bw)
{
    if (bw->nacc)
        bw->out[bw->pos++] = (unsigned char)(bw->acc << (8 - bw->nacc));
    bw->acc = bw->nacc = 0;
}

/* ---- block codec -------------------------------------------------------- */

/* Compresses 'len' bytes at 'in'; returns a new buffer and its size in
 * '*outlen'. */
static unsigned char *compress_block(const unsigned char *in, size_t len, size_t *outlen)
{
    unsigned *freq = calloc(NSYM, sizeof *freq);
    unsigned *codes = malloc(NSYM * sizeof *codes);
    unsigned char *out = malloc(NSYM + 4 + len * MAX_LEN / 8 + 1);
    if (!freq || !codes || !out)
        abort();
    for (size_t i = 0; i < len; i++)
        freq[in[i]]++;
    code_lengths(freq, out);
    canonical_codes(out, codes);
    out[NSYM] = (unsigned char)(len >> 8);
    out[NSYM + 1] = (unsigned char)len;
    struct bitwriter bw = {out, NSYM + 2, 0, 0};
    for (size_t i = 0; i < len; i++)
        put_bits(&bw, codes[in[i]], out[in[i]]);
    flush_bits(&bw);
    *outlen = bw.pos;
    free(codes);
    free(freq);
    return out;
}

/* Decodes the block at 'in' into 'out' (BLOCK bytes); returns the number
 * of bytes decoded. */
static size_t decompress_block(const unsigned char *in, unsigned char *out)
{
    unsigned char *lens = malloc(NSYM);
    int *sorted = malloc(NSYM * sizeof *sorted);
    unsigned count[MAX_LEN + 1] = {0};
    if (!lens || !sorted)
        abort();
    memcpy(lens, in, NSYM);
    size_t len = (size_t)in[NSYM] << 8 | in[NSYM + 1];
    int nsorted = 0;
    for (int l = 1; l <= MAX_LEN; l++)
        for (int s = 0; s < NSYM; s++)
            if (lens[s] == l) {
                sorted[nsorted++] = s;
                count[l]++;
            }
    const unsigned char *bits = in + NSYM + 2;
    size_t bitpos = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned code = 0, first = 0;
        int index = 0;
        for (int l = 1; l <= MAX_LEN; l++) {
            code |= (bits[bitpos >> 3] >> (7 - (bitpos & 7))) & 1;
            bitpos++;
            if (code - first < count[l]) {
                out[i] = (unsigned char)sorted[index + (int)(code - first)];
                break;
            }
            index += (int)count[l];
            first = (first + count[l]) << 1;
            code <<= 1;
        }
    }
    free(sorted);
    free(lens);
    return len;
}

/* ---- workload ----------------------------------------------------------- */

/* Fills 'buf' with text-like bytes: a skewed alphabet, words and runs. */
static void make_block(struct bench_rng *rng, unsigned char *buf, size_t len)
{
    static const char common[] = "etaoin shrdlu";
    for (size_t i = 0; i < len; i++) {
        unsigned r = bench_below(rng, 100);
        if (r < 70)
            buf[i] = (unsigned char)common[bench_below(rng, sizeof common - 1)];
        else if (r < 95)
            buf[i] = (unsigned char)('a' + bench_below(rng, 26));
        else
            buf[i] = (unsigned char)bench_below(rng, 256);
    }
}

int main(int argc, char **argv)
{
    long n = bench_size(argc, argv, 6000);
    struct bench_rng rng = {5};
    unsigned char *block = malloc(BLOCK), *back = malloc(BLOCK);
    uint64_t sum = BENCH_HASH_INIT;
    size_t total_in = 0, total_out = 0;
    if (!block || !back)
        abort();

    for (long b = 0; b < n; b++) {
        size_t len = BLOCK - bench_below(&rng, 512);
        make_block(&rng, block, len);
        size_t clen;
        unsigned char *packed = compress_block(block, len, &clen);
        size_t got = decompress_block(packed, back);
        bench_check(got == len && memcmp(back, block, len) == 0, "huffman", "block round trip");
        sum = bench_hash(sum, packed, clen);
        total_in += len;
        total_out += clen;
        free(packed);
    }
    bench_check(total_out < total_in, "huffman", "text-like data compresses");
    free(back);
    free(block);
    bench_report("huffman", n, sum);
    return 0;
}
