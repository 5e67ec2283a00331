/*
 * reqloop.c -- the request loop of a small HTTP-style server with
 * per-request scratch memory.
 *
 * A client generator writes raw requests (request line, headers, optional
 * body) and records what the answer should be. The server handles each one
 * the way small C servers do: a calloc'd request struct, a 1 KiB line
 * buffer, a malloc'd response with a fixed body buffer, a header block
 * rendered with snprintf, all freed before the handler returns. Logins store
 * a strdup'd session token in a global table that outlives the request (an
 * escaping block). Self-check: every status code and body checksum matches
 * what the client expected. Checksum: every byte "sent".
 */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_HEADERS 16
#define LINE_BUF 1024
#define BODY_MAX 512
#define SESSIONS 64

struct header {
    char name[32];
    char value[96];
};

struct request {
    char method[8];
    char path[128];
    char query[128];
    int nheaders;
    struct header headers[MAX_HEADERS];
    const char *body;
};

struct response {
    int status;
    size_t body_len;
    char body[BODY_MAX];
};

struct expectation {
    int status;
    uint64_t body_hash;
};

static char *sessions[SESSIONS]; /* tokens live here across requests */

/* Copies the next CRLF-terminated line of '*cursor' into 'line' (LINE_BUF
 * bytes) and advances '*cursor'; returns the line length or -1 at the end of
 * the header block. */
static int read_line(const char **cursor, char *line)
{
    const char *end = strstr(*cursor, "\r\n");
    if (!end)
        return -1;
    size_t n = (size_t)(end - *cursor);
    if (n >= LINE_BUF)
        n = LINE_BUF - 1;
    memcpy(line, *cursor, n);
    line[n] = '\0';
    *cursor = end + 2;
    return (int)n;
}

/* Parses the request line and headers of 'raw' into 'req'; returns 0 on a
 * malformed request. */
static int parse_request(const char *raw, struct request *req)
{
    char *line = malloc(LINE_BUF);
    const char *cursor = raw;
    int ok = 0;
    if (!line)
        abort();
    if (read_line(&cursor, line) > 0) {
        char target[128];
        if (sscanf(line, "%7s %127s", req->method, target) == 2) {
            char *q = strchr(target, '?');
            if (q)
                *q++ = '\0';
            snprintf(req->path, sizeof req->path, "%s", target);
            snprintf(req->query, sizeof req->query, "%s", q ? q : "");
            ok = 1;
        }
    }
    while (ok && read_line(&cursor, line) > 0 && req->nheaders < MAX_HEADERS) {
        char *colon = strchr(line, ':');
        if (!colon)
            continue;
        *colon = '\0';
        struct header *h = &req->headers[req->nheaders++];
        snprintf(h->name, sizeof h->name, "%s", line);
        snprintf(h->value, sizeof h->value, "%s", colon + 1 + (colon[1] == ' '));
    }
    req->body = cursor;
    free(line);
    return ok;
}

static const char *find_header(const struct request *req, const char *name)
{
    for (int i = 0; i < req->nheaders; i++)
        if (strcasecmp(req->headers[i].name, name) == 0)
            return req->headers[i].value;
    return NULL;
}

/* Returns the integer value of query parameter 'key', or 0. */
static long query_param(const char *query, const char *key)
{
    char *copy = malloc(128);
    long v = 0;
    if (!copy)
        abort();
    snprintf(copy, 128, "%s", query);
    char *save = NULL;
    for (char *tok = strtok_r(copy, "&", &save); tok; tok = strtok_r(NULL, "&", &save)) {
        char *eq = strchr(tok, '=');
        if (eq && (size_t)(eq - tok) == strlen(key) && strncmp(tok, key, strlen(key)) == 0)
            v = strtol(eq + 1, NULL, 10);
    }
    free(copy);
    return v;
}

/* Stores a new session token for 'user'; the table owns the string. */
static unsigned login(const char *user)
{
    unsigned slot = (unsigned)bench_hash(BENCH_HASH_INIT, user, strlen(user)) % SESSIONS;
    char token[64];
    snprintf(token, sizeof token, "sess-%s-%u", user, slot);
    free(sessions[slot]);
    sessions[slot] = strdup(token);
    return slot;
}

/* Fills 'resp' for 'req'. */
static void route(const struct request *req, struct response *resp)
{
    resp->status = 200;
    if (strcmp(req->path, "/api/sum") == 0) {
        long a = query_param(req->query, "a"), b = query_param(req->query, "b");
        resp->body_len = (size_t)snprintf(resp->body, BODY_MAX, "{\"sum\":%ld}", a + b);
    } else if (strcmp(req->path, "/api/echo") == 0) {
        const char *agent = find_header(req, "User-Agent");
        resp->body_len = (size_t)snprintf(resp->body, BODY_MAX, "you are %s", agent ? agent : "?");
    } else if (strcmp(req->path, "/login") == 0 && strcmp(req->method, "POST") == 0) {
        unsigned slot = login(req->body);
        resp->body_len = (size_t)snprintf(resp->body, BODY_MAX, "token=%s", sessions[slot]);
    } else if (strncmp(req->path, "/static/", 8) == 0) {
        resp->body_len = (size_t)snprintf(resp->body, BODY_MAX, "<html>%s</html>", req->path + 8);
    } else {
        resp->status = 404;
        resp->body_len = (size_t)snprintf(resp->body, BODY_MAX, "not found");
    }
}

/* Handles one raw request; returns the response status and adds the
 * "sent" bytes to '*wire' and the body hash to '*body_hash'. */
static int handle_request(const char *raw, uint64_t *wire, uint64_t *body_hash)
{
    struct request *req = calloc(1, sizeof *req);
    struct response *resp = malloc(sizeof *resp);
    char *head = malloc(LINE_BUF);
    if (!req || !resp || !head)
        abort();
    if (parse_request(raw, req))
        route(req, resp);
    else {
        resp->status = 400;
        resp->body_len = 0;
    }
    int n = snprintf(head, LINE_BUF,
                     "HTTP/1.1 %d %s\r\nContent-Length: %zu\r\nConnection: keep-alive\r\n\r\n",
                     resp->status, resp->status == 200 ? "OK" : "Error", resp->body_len);
    *wire = bench_hash(*wire, head, (size_t)n);
    *wire = bench_hash(*wire, resp->body, resp->body_len);
    *body_hash = bench_hash(BENCH_HASH_INIT, resp->body, resp->body_len);
    int status = resp->status;
    free(head);
    free(resp);
    free(req);
    return status;
}

/* Writes a random request into 'raw' and what the server should answer into
 * 'want'. */
static void make_request(struct bench_rng *rng, char *raw, size_t rawsz, struct expectation *want)
{
    char body[128];
    int len;
    unsigned kind = bench_below(rng, 5);
    const char *agent = (bench_below(rng, 2)) ? "curl/8.1" : "Mozilla/5.0 (X11; Linux x86_64)";
    if (kind == 0) {
        long a = bench_below(rng, 100000), b = bench_below(rng, 100000);
        len = snprintf(body, sizeof body, "{\"sum\":%ld}", a + b);
        snprintf(raw, rawsz, "GET /api/sum?a=%ld&b=%ld HTTP/1.1\r\nHost: x\r\nUser-Agent: %s\r\n\r\n",
                 a, b, agent);
    } else if (kind == 1) {
        len = snprintf(body, sizeof body, "you are %s", agent);
        snprintf(raw, rawsz, "GET /api/echo HTTP/1.1\r\nHost: x\r\nAccept: */*\r\nUser-Agent: %s\r\n\r\n",
                 agent);
    } else if (kind == 2) {
        char user[16];
        snprintf(user, sizeof user, "user%u", bench_below(rng, 500));
        unsigned slot = (unsigned)bench_hash(BENCH_HASH_INIT, user, strlen(user)) % SESSIONS;
        len = snprintf(body, sizeof body, "token=sess-%s-%u", user, slot);
        snprintf(raw, rawsz, "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n\r\n%s",
                 user);
    } else if (kind == 3) {
        unsigned page = bench_below(rng, 1000);
        len = snprintf(body, sizeof body, "<html>page%u.html</html>", page);
        snprintf(raw, rawsz, "GET /static/page%u.html HTTP/1.1\r\nHost: x\r\nCookie: a=b\r\n\r\n", page);
    } else {
        len = snprintf(body, sizeof body, "not found");
        snprintf(raw, rawsz, "GET /nowhere/%u HTTP/1.1\r\nHost: x\r\n\r\n", bench_below(rng, 9));
    }
    want->status = kind == 4 ? 404 : 200;
    want->body_hash = bench_hash(BENCH_HASH_INIT, body, (size_t)len);
}

int main(int argc, char **argv)
{
    long n = bench_size(argc, argv, 500000);
    struct bench_rng rng = {2024};
    uint64_t wire = BENCH_HASH_INIT;
    char raw[512];
    struct expectation want;

    for (long i = 0; i < n; i++) {
        make_request(&rng, raw, sizeof raw, &want);
        uint64_t body_hash;
        int status = handle_request(raw, &wire, &body_hash);
        bench_check(status == want.status, "reqloop", "status code");
        bench_check(body_hash == want.body_hash, "reqloop", "response body");
    }
    for (int i = 0; i < SESSIONS; i++)
        free(sessions[i]);
    bench_report("reqloop", n, wire);
    return 0;
}
