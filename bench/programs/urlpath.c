/*
 * urlpath.c -- URL parsing, normalisation and relative resolution, the way
 * a crawler or a proxy's routing layer does it: lots of strdup.
 *
 * url_parse splits a URL into a calloc'd struct of strdup'd/strndup'd parts;
 * normalisation lower-cases scheme and host, drops default ports, decodes
 * percent-escapes of unreserved characters through a 256-byte scratch
 * buffer, and resolves "." and ".." with a malloc'd segment array;
 * url_format renders into a 1 KiB buffer and returns a strdup of the result;
 * url_resolve merges a relative reference into a base (RFC 3986, section
 * 5.2, without the corner cases the workload never produces). Self-check:
 * every noisy spelling normalises to its canonical URL, and resolving a
 * relative link gives the URL built directly. Checksum: every normalised and
 * resolved URL.
 */
#include "bench.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SEGS 64
#define FORMAT_BUF 1024

struct url {
    char *scheme;
    char *host;
    int port; /* 0: none given */
    char *path;
    char *query;    /* NULL: none */
    char *fragment; /* NULL: none */
};

static void url_free(struct url *u)
{
    if (!u)
        return;
    free(u->scheme);
    free(u->host);
    free(u->path);
    free(u->query);
    free(u->fragment);
    free(u);
}

static char *xstrndup(const char *s, size_t n)
{
    char *d = strndup(s, n);
    if (!d)
        abort();
    return d;
}

/* Parses "scheme://host[:port]/path[?query][#fragment]"; returns NULL when
 * 'text' has no scheme or host. The caller frees the result with url_free. */
static struct url *url_parse(const char *text)
{
    const char *colon = strstr(text, "://");
    if (!colon || colon == text)
        return NULL;
    struct url *u = calloc(1, sizeof *u);
    if (!u)
        abort();
    u->scheme = xstrndup(text, (size_t)(colon - text));
    const char *host = colon + 3;
    size_t hostlen = strcspn(host, ":/?#");
    u->host = xstrndup(host, hostlen);
    const char *p = host + hostlen;
    if (*p == ':') {
        u->port = (int)strtol(p + 1, (char **)&p, 10);
    }
    size_t pathlen = strcspn(p, "?#");
    u->path = pathlen ? xstrndup(p, pathlen) : xstrndup("/", 1);
    p += pathlen;
    if (*p == '?') {
        size_t qlen = strcspn(p + 1, "#");
        u->query = xstrndup(p + 1, qlen);
        p += 1 + qlen;
    }
    if (*p == '#')
        u->fragment = xstrndup(p + 1, strlen(p + 1));
    return u;
}

static int hexval(int c)
{
    return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

/* Decodes %XX escapes of unreserved characters in 'seg' in place. */
static void decode_unreserved(char *seg)
{
    char *buf = malloc(256);
    size_t n = 0;
    if (!buf)
        abort();
    for (const char *p = seg; *p && n < 255; p++) {
        if (p[0] == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
            int c = hexval(p[1]) * 16 + hexval(p[2]);
            if (isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
                buf[n++] = (char)c;
                p += 2;
                continue;
            }
        }
        buf[n++] = *p;
    }
    buf[n] = '\0';
    strcpy(seg, buf);
    free(buf);
}

/* Returns a new string: 'path' with empty, "." and ".." segments resolved
 * and unreserved escapes decoded; a trailing slash is kept. */
static char *path_normalize(const char *path)
{
    char *copy = strdup(path);
    char **segs = malloc(MAX_SEGS * sizeof *segs);
    int nseg = 0;
    if (!copy || !segs)
        abort();
    size_t len = strlen(path);
    int trailing = len > 1 && (path[len - 1] == '/' || strcmp(path + len - 2, "/.") == 0 ||
                               (len > 2 && strcmp(path + len - 3, "/..") == 0));
    char *save = NULL;
    for (char *s = strtok_r(copy, "/", &save); s; s = strtok_r(NULL, "/", &save)) {
        decode_unreserved(s);
        if (strcmp(s, ".") == 0)
            continue;
        if (strcmp(s, "..") == 0) {
            if (nseg > 0)
                nseg--;
            continue;
        }
        if (nseg < MAX_SEGS)
            segs[nseg++] = s;
    }
    char *out = malloc(len + 2);
    size_t n = 0;
    if (!out)
        abort();
    for (int i = 0; i < nseg; i++) {
        out[n++] = '/';
        size_t sl = strlen(segs[i]);
        memcpy(out + n, segs[i], sl);
        n += sl;
    }
    if (n == 0 || trailing)
        out[n++] = '/';
    out[n] = '\0';
    free(segs);
    free(copy);
    return out;
}

static int default_port(const char *scheme)
{
    return strcmp(scheme, "http") == 0 ? 80 : strcmp(scheme, "https") == 0 ? 443 : -1;
}

/* Normalises 'u' in place. */
static void url_normalize(struct url *u)
{
    for (char *p = u->scheme; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    for (char *p = u->host; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    if (u->port == default_port(u->scheme))
        u->port = 0;
    char *path = path_normalize(u->path);
    free(u->path);
    u->path = path;
}

/* Returns 'u' rendered as a new string. */
static char *url_format(const struct url *u)
{
    char *buf = malloc(FORMAT_BUF);
    if (!buf)
        abort();
    int n = snprintf(buf, FORMAT_BUF, "%s://%s", u->scheme, u->host);
    if (u->port)
        n += snprintf(buf + n, FORMAT_BUF - (size_t)n, ":%d", u->port);
    n += snprintf(buf + n, FORMAT_BUF - (size_t)n, "%s", u->path);
    if (u->query)
        n += snprintf(buf + n, FORMAT_BUF - (size_t)n, "?%s", u->query);
    if (u->fragment)
        snprintf(buf + n, FORMAT_BUF - (size_t)n, "#%s", u->fragment);
    char *out = strdup(buf);
    free(buf);
    if (!out)
        abort();
    return out;
}

/* Returns the URL that the relative path reference 'ref' (no scheme, no
 * host) denotes from 'base'. The caller frees it with url_free. */
static struct url *url_resolve(const struct url *base, const char *ref)
{
    struct url *r = calloc(1, sizeof *r);
    if (!r)
        abort();
    r->scheme = strdup(base->scheme);
    r->host = strdup(base->host);
    r->port = base->port;
    size_t reflen = strcspn(ref, "?#");
    char *merged = malloc(strlen(base->path) + reflen + 2);
    if (!merged)
        abort();
    if (ref[0] == '/') {
        memcpy(merged, ref, reflen);
        merged[reflen] = '\0';
    } else {
        const char *slash = strrchr(base->path, '/');
        size_t dirlen = slash ? (size_t)(slash - base->path) + 1 : 0;
        memcpy(merged, base->path, dirlen);
        memcpy(merged + dirlen, ref, reflen);
        merged[dirlen + reflen] = '\0';
    }
    r->path = path_normalize(merged);
    free(merged);
    if (ref[reflen] == '?')
        r->query = xstrndup(ref + reflen + 1, strcspn(ref + reflen + 1, "#"));
    const char *hash = strchr(ref, '#');
    if (hash)
        r->fragment = strdup(hash + 1);
    return r;
}

/* ---- workload ----------------------------------------------------------- */

static const char *const hosts[] = {"example.com", "api.internal", "cdn.example.org", "localhost"};
static const char *const segments[] = {"v1", "users", "docs", "img", "a-b", "x_y", "2024", "index.html"};

/* Writes a canonical URL and its segment list into 'canon'. */
static void make_canonical(struct bench_rng *rng, char *canon, size_t sz, const char **segs, int *nseg)
{
    const char *scheme = bench_below(rng, 2) ? "https" : "http";
    int n = snprintf(canon, sz, "%s://%s", scheme, hosts[bench_below(rng, 4)]);
    if (bench_below(rng, 4) == 0)
        n += snprintf(canon + n, sz - (size_t)n, ":%u", 8000 + bench_below(rng, 100));
    *nseg = 1 + (int)bench_below(rng, 5);
    for (int i = 0; i < *nseg; i++) {
        segs[i] = segments[bench_below(rng, 8)];
        n += snprintf(canon + n, sz - (size_t)n, "/%s", segs[i]);
    }
    if (bench_below(rng, 2))
        n += snprintf(canon + n, sz - (size_t)n, "?q=%u&lang=en", bench_below(rng, 1000));
    if (bench_below(rng, 4) == 0)
        snprintf(canon + n, sz - (size_t)n, "#sec%u", bench_below(rng, 10));
}

/* Writes a noisy spelling of the canonical URL: upper-case host, explicit
 * default port, "./", "x/../", doubled slashes, percent-escapes. */
static void make_noisy(struct bench_rng *rng, const char *canon, char *noisy, size_t sz)
{
    const char *host = strstr(canon, "://") + 3;
    const char *path = host + strcspn(host, "/");
    const char *tail = path + strcspn(path, "?#");
    size_t n = 0;
    int https = canon[4] == 's';
    n += (size_t)snprintf(noisy, sz, "%s://", https ? "HTTPS" : "Http");
    for (const char *p = host; p < path; p++)
        noisy[n++] = (char)(bench_below(rng, 2) ? toupper((unsigned char)*p) : *p);
    if (!memchr(host, ':', (size_t)(path - host)) && bench_below(rng, 2))
        n += (size_t)snprintf(noisy + n, sz - n, ":%d", https ? 443 : 80);
    for (const char *p = path; p < tail; p++) {
        if (*p == '/') {
            static const char *const junk[] = {"/", "/./", "/tmp/../", "//"};
            const char *j = junk[bench_below(rng, 4)];
            memcpy(noisy + n, j, strlen(j));
            n += strlen(j);
        } else if (bench_below(rng, 8) == 0 && isalpha((unsigned char)*p)) {
            n += (size_t)snprintf(noisy + n, sz - n, "%%%02X", (unsigned char)*p);
        } else
            noisy[n++] = *p;
    }
    snprintf(noisy + n, sz - n, "%s", tail);
}

/* Checks one canonical URL: a noisy spelling normalises back to it, and a
 * relative reference resolves as expected; folds results into '*sum'. */
static void check_one(struct bench_rng *rng, uint64_t *sum)
{
    char canon[512], noisy[768], want[640];
    const char *segs[8];
    int nseg;
    make_canonical(rng, canon, sizeof canon, segs, &nseg);
    make_noisy(rng, canon, noisy, sizeof noisy);

    struct url *u = url_parse(noisy);
    bench_check(u != NULL, "urlpath", "noisy URL parses");
    url_normalize(u);
    char *norm = url_format(u);
    bench_check(strcmp(norm, canon) == 0, "urlpath", "normalised URL is canonical");

    const char *seg = segments[bench_below(rng, 8)];
    char ref[64];
    snprintf(ref, sizeof ref, "../%s/./page.html?x=1", seg);
    struct url *r = url_resolve(u, ref);
    char *resolved = url_format(r);
    const char *host_end = strstr(canon, "://") + 3;
    host_end += strcspn(host_end, "/");
    int n = snprintf(want, sizeof want, "%.*s", (int)(host_end - canon), canon);
    for (int i = 0; i + 2 < nseg; i++)
        n += snprintf(want + n, sizeof want - (size_t)n, "/%s", segs[i]);
    snprintf(want + n, sizeof want - (size_t)n, "/%s/page.html?x=1", seg);
    bench_check(strcmp(resolved, want) == 0, "urlpath", "relative reference resolves");

    *sum = bench_hash(*sum, norm, strlen(norm));
    *sum = bench_hash(*sum, resolved, strlen(resolved));
    free(resolved);
    free(norm);
    url_free(r);
    url_free(u);
}

int main(int argc, char **argv)
{
    long n = bench_size(argc, argv, 250000);
    struct bench_rng rng = {8080};
    uint64_t sum = BENCH_HASH_INIT;
    for (long i = 0; i < n; i++)
        check_one(&rng, &sum);
    bench_report("urlpath", n, sum);
    return 0;
}
