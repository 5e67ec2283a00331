/*
 * gridroute.c -- shortest routes on a weighted grid map, as a game's path
 * finder or a PCB router runs them: graph search with per-step scratch.
 *
 * Each query runs Dijkstra and A* between two cells. Both keep per-query
 * state the usual way (distance and parent arrays sized by the map, a binary
 * heap grown with realloc) and per-step scratch: Dijkstra asks a helper that
 * returns a freshly malloc'd neighbour array, A* mallocs a four-entry array
 * at the top of each expansion and frees it at the bottom. The route is
 * returned as a malloc'd cell list. Self-check: both searches find the same
 * cost, and the route is connected, avoids walls and sums to that cost.
 * Checksum: every route.
 */
#include "bench.h"

#include <stdlib.h>
#include <string.h>

#define W 96
#define H 96
#define WALL 0
#define RADIUS 24

struct grid {
    unsigned char cost[W * H]; /* 0 = wall, else 1..9 to enter the cell */
};

struct edge {
    int to;
    int cost;
};

struct heap_item {
    int key;
    int cell;
};

struct heap {
    struct heap_item *items;
    int len, cap;
};

/* ---- binary heap -------------------------------------------------------- */

static void heap_push(struct heap *h, int key, int cell)
{
    if (h->len == h->cap) {
        h->cap = h->cap ? 2 * h->cap : 64;
        h->items = realloc(h->items, (size_t)h->cap * sizeof *h->items);
        if (!h->items)
            abort();
    }
    int i = h->len++;
    while (i > 0 && h->items[(i - 1) / 2].key > key) {
        h->items[i] = h->items[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h->items[i] = (struct heap_item){key, cell};
}

static struct heap_item heap_pop(struct heap *h)
{
    struct heap_item top = h->items[0], last = h->items[--h->len];
    int i = 0;
    for (;;) {
        int c = 2 * i + 1;
        if (c >= h->len)
            break;
        if (c + 1 < h->len && h->items[c + 1].key < h->items[c].key)
            c++;
        if (h->items[c].key >= last.key)
            break;
        h->items[i] = h->items[c];
        i = c;
    }
    if (h->len)
        h->items[i] = last;
    return top;
}

/* ---- neighbours --------------------------------------------------------- */

/* Writes the passable neighbours of 'cell' into 'out' (room for four);
 * returns how many. */
static int fill_neighbors(const struct grid *g, int cell, struct edge *out)
{
    static const int dx[4] = {1, -1, 0, 0}, dy[4] = {0, 0, 1, -1};
    int x = cell % W, y = cell / W, n = 0;
    for (int d = 0; d < 4; d++) {
        int nx = x + dx[d], ny = y + dy[d];
        if (nx < 0 || ny < 0 || nx >= W || ny >= H)
            continue;
        int to = ny * W + nx;
        if (g->cost[to] != WALL)
            out[n++] = (struct edge){to, g->cost[to]};
    }
    return n;
}

/* Returns a new array of the neighbours of 'cell' and their count in
 * '*count'; the caller frees it. */
static struct edge *neighbors(const struct grid *g, int cell, int *count)
{
    struct edge *out = malloc(4 * sizeof *out);
    if (!out)
        abort();
    *count = fill_neighbors(g, cell, out);
    return out;
}

/* ---- searches ----------------------------------------------------------- */

/* Returns the cheapest cost from 'src' to 'dst', or -1. */
static int dijkstra(const struct grid *g, int src, int dst)
{
    int *dist = malloc(sizeof(int) * W * H);
    struct heap open = {0};
    int result = -1;
    if (!dist)
        abort();
    for (int i = 0; i < W * H; i++)
        dist[i] = -1;
    dist[src] = 0;
    heap_push(&open, 0, src);
    while (open.len) {
        struct heap_item it = heap_pop(&open);
        if (it.key != dist[it.cell])
            continue;
        if (it.cell == dst) {
            result = it.key;
            break;
        }
        int count;
        struct edge *nb = neighbors(g, it.cell, &count);
        for (int i = 0; i < count; i++) {
            int d = it.key + nb[i].cost;
            if (dist[nb[i].to] < 0 || d < dist[nb[i].to]) {
                dist[nb[i].to] = d;
                heap_push(&open, d, nb[i].to);
            }
        }
        free(nb);
    }
    free(open.items);
    free(dist);
    return result;
}

static int manhattan(int a, int b)
{
    return abs(a % W - b % W) + abs(a / W - b / W);
}

/* Returns the route from 'src' to 'dst' as a new array of cells (length in
 * '*len', cost in '*cost'), or NULL when there is none. */
static int *astar(const struct grid *g, int src, int dst, int *len, int *cost)
{
    int *gscore = malloc(sizeof(int) * W * H);
    int *parent = malloc(sizeof(int) * W * H);
    struct heap open = {0};
    int *route = NULL;
    if (!gscore || !parent)
        abort();
    for (int i = 0; i < W * H; i++)
        gscore[i] = -1;
    gscore[src] = 0;
    parent[src] = src;
    heap_push(&open, manhattan(src, dst), src);
    while (open.len) {
        struct heap_item it = heap_pop(&open);
        if (it.key != gscore[it.cell] + manhattan(it.cell, dst))
            continue;
        if (it.cell == dst)
            break;
        struct edge *nb = malloc(4 * sizeof *nb);
        if (!nb)
            abort();
        int count = fill_neighbors(g, it.cell, nb);
        for (int i = 0; i < count; i++) {
            int gs = gscore[it.cell] + nb[i].cost;
            if (gscore[nb[i].to] < 0 || gs < gscore[nb[i].to]) {
                gscore[nb[i].to] = gs;
                parent[nb[i].to] = it.cell;
                heap_push(&open, gs + manhattan(nb[i].to, dst), nb[i].to);
            }
        }
        free(nb);
    }
    if (gscore[dst] >= 0) {
        int n = 1;
        for (int c = dst; c != src; c = parent[c])
            n++;
        route = malloc(sizeof(int) * (size_t)n);
        if (!route)
            abort();
        *len = n;
        *cost = gscore[dst];
        for (int c = dst; n > 0; c = parent[c])
            route[--n] = c;
    }
    free(open.items);
    free(parent);
    free(gscore);
    return route;
}

/* ---- workload ----------------------------------------------------------- */

static struct grid *make_grid(struct bench_rng *rng)
{
    struct grid *g = malloc(sizeof *g);
    if (!g)
        abort();
    for (int i = 0; i < W * H; i++)
        g->cost[i] = bench_below(rng, 6) == 0 ? WALL : (unsigned char)(1 + bench_below(rng, 9));
    return g;
}

/* Returns 1 when 'route' is a connected walk over open cells from 'src' to
 * 'dst' whose entry costs sum to 'cost'. */
static int route_valid(const struct grid *g, const int *route, int len, int src, int dst, int cost)
{
    int sum = 0;
    if (route[0] != src || route[len - 1] != dst)
        return 0;
    for (int i = 1; i < len; i++) {
        if (manhattan(route[i - 1], route[i]) != 1 || g->cost[route[i]] == WALL)
            return 0;
        sum += g->cost[route[i]];
    }
    return sum == cost;
}

/* Returns an open cell within RADIUS of 'from' (any open cell when 'from'
 * is negative). */
static int pick_cell(const struct grid *g, struct bench_rng *rng, int from)
{
    for (;;) {
        int x, y;
        if (from < 0) {
            x = (int)bench_below(rng, W);
            y = (int)bench_below(rng, H);
        } else {
            x = from % W + (int)bench_below(rng, 2 * RADIUS + 1) - RADIUS;
            y = from / W + (int)bench_below(rng, 2 * RADIUS + 1) - RADIUS;
        }
        if (x >= 0 && y >= 0 && x < W && y < H && g->cost[y * W + x] != WALL)
            return y * W + x;
    }
}

int main(int argc, char **argv)
{
    long n = bench_size(argc, argv, 6000);
    struct bench_rng rng = {4242};
    struct grid *g = make_grid(&rng);
    uint64_t sum = BENCH_HASH_INIT;
    long found = 0;

    for (long q = 0; q < n; q++) {
        int src = pick_cell(g, &rng, -1);
        int dst = pick_cell(g, &rng, src);
        int want = dijkstra(g, src, dst);
        int len = 0, cost = -1;
        int *route = astar(g, src, dst, &len, &cost);
        bench_check((route == NULL) == (want < 0), "gridroute", "both searches agree on reachability");
        if (route) {
            bench_check(cost == want, "gridroute", "A* cost equals Dijkstra cost");
            bench_check(route_valid(g, route, len, src, dst, cost), "gridroute", "route is valid");
            sum = bench_hash(sum, route, sizeof(int) * (size_t)len);
            found++;
        }
        free(route);
    }
    free(g);
    sum = bench_hash_u64(sum, (uint64_t)found);
    bench_report("gridroute", n, sum);
    return 0;
}
