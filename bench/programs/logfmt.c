/*
 * logfmt.c -- a structured logger and a log shipper: formatting and
 * tokenizing with temporary buffers.
 *
 * The logger builds an event (malloc'd struct), escapes its message into a
 * scratch buffer and formats "ts=... level=... module=... msg="..." k=v"
 * into a 256-byte line buffer with snprintf, as logging libraries do before
 * handing the line to write(2). The shipper copies the line (strdup), splits
 * it into key=value tokens, unescapes the quoted message into another scratch
 * buffer and rebuilds the event (calloc'd). Self-check: the rebuilt event
 * equals the original. Checksum: every formatted line.
 */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_MAX_LEN 256
#define MAX_KV 4

struct kv {
    char key[16];
    char val[32];
};

struct event {
    long ts;
    int level;
    char module[16];
    char msg[96];
    int nkv;
    struct kv kv[MAX_KV];
};

static const char *const level_names[] = {"trace", "debug", "info", "warn", "error"};
static const char *const modules[] = {"http", "db", "cache", "auth", "sched", "io"};
static const char *const words[] = {
    "request", "served", "in", "ms", "user", "\"admin\"", "connection", "reset",
    "retrying", "query", "took", "too", "long", "path=C:\\tmp", "ok", "cache", "miss",
};
static const char *const keys[] = {"req_id", "user", "latency", "status", "shard"};

/* Returns a new event drawn from 'rng'; the caller frees it. */
static struct event *make_event(struct bench_rng *rng, long ts)
{
    struct event *ev = malloc(sizeof *ev);
    if (!ev)
        abort();
    memset(ev, 0, sizeof *ev);
    ev->ts = ts;
    ev->level = (int)bench_below(rng, 5);
    strcpy(ev->module, modules[bench_below(rng, 6)]);
    size_t len = 0;
    unsigned nwords = 2 + bench_below(rng, 7);
    for (unsigned i = 0; i < nwords; i++) {
        const char *w = words[bench_below(rng, sizeof words / sizeof words[0])];
        if (len + strlen(w) + 2 >= sizeof ev->msg)
            break;
        if (i)
            ev->msg[len++] = ' ';
        strcpy(ev->msg + len, w);
        len += strlen(w);
    }
    ev->nkv = (int)bench_below(rng, MAX_KV + 1);
    for (int i = 0; i < ev->nkv; i++) {
        strcpy(ev->kv[i].key, keys[(unsigned)i % 5]);
        snprintf(ev->kv[i].val, sizeof ev->kv[i].val, "%u", bench_below(rng, 100000));
    }
    return ev;
}

/* Writes 'src' into 'dst' with '"' and '\\' escaped; returns the length. */
static size_t escape_into(char *dst, const char *src)
{
    size_t n = 0;
    for (; *src; src++) {
        if (*src == '"' || *src == '\\')
            dst[n++] = '\\';
        dst[n++] = *src;
    }
    dst[n] = '\0';
    return n;
}

/* Formats 'ev' as one log line into 'out' (at least LINE_MAX_LEN bytes);
 * returns the line length. */
static int format_event(const struct event *ev, char *out)
{
    char *line = malloc(LINE_MAX_LEN);
    char *esc = malloc(2 * sizeof ev->msg);
    if (!line || !esc)
        abort();
    escape_into(esc, ev->msg);
    int len = snprintf(line, LINE_MAX_LEN, "ts=%ld level=%s module=%s msg=\"%s\"",
                       ev->ts, level_names[ev->level], ev->module, esc);
    for (int i = 0; i < ev->nkv && len < LINE_MAX_LEN; i++)
        len += snprintf(line + len, LINE_MAX_LEN - (size_t)len, " %s=%s",
                        ev->kv[i].key, ev->kv[i].val);
    memcpy(out, line, LINE_MAX_LEN);
    free(esc);
    free(line);
    return len;
}

/* Copies the quoted value at 'p' (just after the opening quote) into 'dst',
 * unescaping it; returns the position after the closing quote. */
static char *unquote(char *p, char *dst, size_t dstsz)
{
    char *tmp = malloc(128);
    size_t n = 0;
    if (!tmp)
        abort();
    while (*p && *p != '"') {
        if (*p == '\\' && p[1])
            p++;
        if (n < 127)
            tmp[n++] = *p;
        p++;
    }
    tmp[n] = '\0';
    snprintf(dst, dstsz, "%s", tmp);
    free(tmp);
    return *p == '"' ? p + 1 : p;
}

/* Returns the level number for 'name', or -1. */
static int level_from_name(const char *name)
{
    for (int i = 0; i < 5; i++)
        if (strcmp(level_names[i], name) == 0)
            return i;
    return -1;
}

/* Stores one key=value token into 'ev'; returns 0 on an unknown key. */
static int store_field(struct event *ev, const char *key, const char *val)
{
    if (strcmp(key, "ts") == 0)
        ev->ts = strtol(val, NULL, 10);
    else if (strcmp(key, "level") == 0)
        ev->level = level_from_name(val);
    else if (strcmp(key, "module") == 0)
        snprintf(ev->module, sizeof ev->module, "%s", val);
    else if (ev->nkv < MAX_KV) {
        snprintf(ev->kv[ev->nkv].key, sizeof ev->kv[0].key, "%s", key);
        snprintf(ev->kv[ev->nkv].val, sizeof ev->kv[0].val, "%s", val);
        ev->nkv++;
    } else
        return 0;
    return 1;
}

/* Parses a log line back into a new event; returns NULL on a malformed
 * line. The caller frees the event. */
static struct event *parse_line(const char *line)
{
    struct event *ev = calloc(1, sizeof *ev);
    char *copy = strdup(line);
    char *p = copy;
    if (!ev || !copy)
        abort();
    while (*p) {
        char *key = p;
        char *eq = strchr(p, '=');
        if (!eq)
            break;
        *eq = '\0';
        p = eq + 1;
        if (strcmp(key, "msg") == 0 && *p == '"') {
            p = unquote(p + 1, ev->msg, sizeof ev->msg);
        } else {
            char *val = p;
            p += strcspn(p, " ");
            if (*p)
                *p++ = '\0';
            if (!store_field(ev, key, val)) {
                free(copy);
                free(ev);
                return NULL;
            }
        }
        while (*p == ' ')
            p++;
    }
    free(copy);
    return ev;
}

/* Returns 1 when 'a' and 'b' carry the same fields. */
static int same_event(const struct event *a, const struct event *b)
{
    if (a->ts != b->ts || a->level != b->level || a->nkv != b->nkv)
        return 0;
    if (strcmp(a->module, b->module) || strcmp(a->msg, b->msg))
        return 0;
    for (int i = 0; i < a->nkv; i++)
        if (strcmp(a->kv[i].key, b->kv[i].key) || strcmp(a->kv[i].val, b->kv[i].val))
            return 0;
    return 1;
}

int main(int argc, char **argv)
{
    long n = bench_size(argc, argv, 400000);
    struct bench_rng rng = {42};
    uint64_t sum = BENCH_HASH_INIT;
    char line[LINE_MAX_LEN];

    for (long i = 0; i < n; i++) {
        struct event *ev = make_event(&rng, 1700000000000L + i * 7);
        int len = format_event(ev, line);
        struct event *back = parse_line(line);
        bench_check(back && same_event(ev, back), "logfmt", "round trip of a log line");
        sum = bench_hash(sum, line, (size_t)len);
        free(back);
        free(ev);
    }
    bench_report("logfmt", n, sum);
    return 0;
}
