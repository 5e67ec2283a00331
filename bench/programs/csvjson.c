/*
 * csvjson.c -- a CSV to JSON and back converter, as an ETL step or a
 * spreadsheet export would run it.
 *
 * Each batch of generated CSV rows is parsed field by field through a
 * 256-byte scratch buffer into row structs holding strdup'd strings, written
 * out as a JSON array of objects (string escaping through a temporary
 * buffer), parsed back by a small JSON parser that allocates one node per
 * value and grows member arrays with realloc, and converted back to CSV.
 * Self-check: the final CSV equals the original text byte for byte.
 * Checksum: every JSON document.
 */
#include "bench.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NFIELDS 5
#define ROWS_PER_BATCH 32
#define FIELD_MAX 256

static const char *const columns[NFIELDS] = {"id", "name", "city", "score", "tags"};

struct row {
    long id;
    char *name;
    char *city;
    double score;
    char *tags;
};

struct strbuf {
    char *data;
    size_t len, cap;
};

enum jtype { J_NUM, J_STR, J_ARR, J_OBJ };

struct jvalue {
    enum jtype type;
    double num;
    char *str;
    size_t count, cap;
    char **keys;             /* J_OBJ only */
    struct jvalue **items;   /* J_ARR and J_OBJ */
};

/* ---- string buffer ------------------------------------------------------ */

static void sb_putn(struct strbuf *sb, const char *s, size_t n)
{
    if (sb->len + n + 1 > sb->cap) {
        sb->cap = (sb->len + n + 1) * 2;
        sb->data = realloc(sb->data, sb->cap);
        if (!sb->data)
            abort();
    }
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

static void sb_puts(struct strbuf *sb, const char *s)
{
    sb_putn(sb, s, strlen(s));
}

/* ---- CSV ---------------------------------------------------------------- */

/* Appends 'field' to 'sb', quoted when it holds a comma, quote or newline. */
static void csv_put_field(struct strbuf *sb, const char *field)
{
    if (!strpbrk(field, ",\"\n")) {
        sb_puts(sb, field);
        return;
    }
    sb_putn(sb, "\"", 1);
    for (const char *p = field; *p; p++) {
        if (*p == '"')
            sb_putn(sb, "\"", 1);
        sb_putn(sb, p, 1);
    }
    sb_putn(sb, "\"", 1);
}

/* Reads one field at '*cursor' into 'out' (FIELD_MAX bytes), advancing past
 * the separator; returns the separator seen (',', '\n' or '\0'). */
static char csv_read_field(const char **cursor, char *out)
{
    const char *p = *cursor;
    size_t n = 0;
    if (*p == '"') {
        for (p++; *p && !(*p == '"' && p[1] != '"'); p++) {
            if (*p == '"')
                p++;
            if (n < FIELD_MAX - 1)
                out[n++] = *p;
        }
        if (*p == '"')
            p++;
    } else {
        while (*p && *p != ',' && *p != '\n') {
            if (n < FIELD_MAX - 1)
                out[n++] = *p;
            p++;
        }
    }
    out[n] = '\0';
    char sep = *p;
    *cursor = *p ? p + 1 : p;
    return sep;
}

/* Parses one CSV record at '*cursor' into 'row'; returns 0 at the end. */
static int csv_parse_row(const char **cursor, struct row *row)
{
    if (**cursor == '\0')
        return 0;
    char *field = malloc(FIELD_MAX);
    if (!field)
        abort();
    csv_read_field(cursor, field);
    row->id = strtol(field, NULL, 10);
    csv_read_field(cursor, field);
    row->name = strdup(field);
    csv_read_field(cursor, field);
    row->city = strdup(field);
    csv_read_field(cursor, field);
    row->score = strtod(field, NULL);
    csv_read_field(cursor, field);
    row->tags = strdup(field);
    free(field);
    return 1;
}

/* ---- JSON writer -------------------------------------------------------- */

static void json_put_string(struct strbuf *sb, const char *s)
{
    char *esc = malloc(2 * strlen(s) + 3);
    size_t n = 0;
    if (!esc)
        abort();
    esc[n++] = '"';
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            esc[n++] = '\\';
        esc[n++] = *s;
    }
    esc[n++] = '"';
    sb_putn(sb, esc, n);
    free(esc);
}

static void json_put_row(struct strbuf *sb, const struct row *row)
{
    char num[32];
    snprintf(num, sizeof num, "{\"id\":%ld,\"name\":", row->id);
    sb_puts(sb, num);
    json_put_string(sb, row->name);
    sb_puts(sb, ",\"city\":");
    json_put_string(sb, row->city);
    snprintf(num, sizeof num, ",\"score\":%.2f,\"tags\":", row->score);
    sb_puts(sb, num);
    json_put_string(sb, row->tags);
    sb_puts(sb, "}");
}

/* ---- JSON parser -------------------------------------------------------- */

static struct jvalue *new_value(enum jtype type)
{
    struct jvalue *v = calloc(1, sizeof *v);
    if (!v)
        abort();
    v->type = type;
    return v;
}

static void free_value(struct jvalue *v)
{
    for (size_t i = 0; i < v->count; i++) {
        free_value(v->items[i]);
        if (v->keys)
            free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->str);
    free(v);
}

/* Appends 'item' (under 'key' for objects, which takes ownership) to 'v'. */
static void append_item(struct jvalue *v, char *key, struct jvalue *item)
{
    if (v->count == v->cap) {
        v->cap = v->cap ? 2 * v->cap : 4;
        v->items = realloc(v->items, v->cap * sizeof *v->items);
        if (v->type == J_OBJ)
            v->keys = realloc(v->keys, v->cap * sizeof *v->keys);
        if (!v->items || (v->type == J_OBJ && !v->keys))
            abort();
    }
    if (v->type == J_OBJ)
        v->keys[v->count] = key;
    v->items[v->count++] = item;
}

static void skip_ws(const char **p)
{
    while (isspace((unsigned char)**p))
        (*p)++;
}

/* Parses a JSON string at '*p' (on the opening quote); returns a new C
 * string or NULL. */
static char *parse_string(const char **p)
{
    const char *s = *p + 1;
    size_t len = 0;
    while (s[len] && s[len] != '"')
        len += s[len] == '\\' ? 2 : 1;
    if (s[len] != '"')
        return NULL;
    char *out = malloc(len + 1);
    size_t n = 0;
    if (!out)
        abort();
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\\')
            i++;
        out[n++] = s[i];
    }
    out[n] = '\0';
    *p = s + len + 1;
    return out;
}

static struct jvalue *parse_value(const char **p);

/* Parses the members or elements after '[' or '{' up to 'close'. */
static struct jvalue *parse_container(const char **p, enum jtype type, char close)
{
    struct jvalue *v = new_value(type);
    (*p)++;
    skip_ws(p);
    if (**p == close) {
        (*p)++;
        return v;
    }
    for (;;) {
        char *key = NULL;
        skip_ws(p);
        if (type == J_OBJ) {
            key = **p == '"' ? parse_string(p) : NULL;
            skip_ws(p);
            if (!key || **p != ':') {
                free(key);
                free_value(v);
                return NULL;
            }
            (*p)++;
        }
        struct jvalue *item = parse_value(p);
        if (!item) {
            free(key);
            free_value(v);
            return NULL;
        }
        append_item(v, key, item);
        skip_ws(p);
        if (**p == ',') {
            (*p)++;
            continue;
        }
        if (**p == close) {
            (*p)++;
            return v;
        }
        free_value(v);
        return NULL;
    }
}

static struct jvalue *parse_value(const char **p)
{
    skip_ws(p);
    if (**p == '{')
        return parse_container(p, J_OBJ, '}');
    if (**p == '[')
        return parse_container(p, J_ARR, ']');
    if (**p == '"') {
        char *s = parse_string(p);
        if (!s)
            return NULL;
        struct jvalue *v = new_value(J_STR);
        v->str = s;
        return v;
    }
    char *end;
    double d = strtod(*p, &end);
    if (end == *p)
        return NULL;
    struct jvalue *v = new_value(J_NUM);
    v->num = d;
    *p = end;
    return v;
}

static const struct jvalue *member(const struct jvalue *obj, const char *key)
{
    for (size_t i = 0; i < obj->count; i++)
        if (strcmp(obj->keys[i], key) == 0)
            return obj->items[i];
    return NULL;
}

/* Writes the JSON array of row objects 'doc' back as CSV; returns 0 on a
 * shape mismatch. */
static int json_to_csv(const struct jvalue *doc, struct strbuf *csv)
{
    char num[32];
    if (doc->type != J_ARR)
        return 0;
    for (size_t r = 0; r < doc->count; r++) {
        for (int c = 0; c < NFIELDS; c++) {
            const struct jvalue *f = member(doc->items[r], columns[c]);
            if (!f)
                return 0;
            if (c)
                sb_putn(csv, ",", 1);
            if (f->type == J_STR)
                csv_put_field(csv, f->str);
            else {
                snprintf(num, sizeof num, c == 0 ? "%.0f" : "%.2f", f->num);
                sb_puts(csv, num);
            }
        }
        sb_putn(csv, "\n", 1);
    }
    return 1;
}

/* ---- workload ----------------------------------------------------------- */

static void make_name(struct bench_rng *rng, char *out, size_t outsz)
{
    static const char *const first[] = {"Ada", "Grace", "Linus", "Barbara", "Ken", "Dennis", "Frances"};
    static const char *const last[] = {"Lovelace", "Hopper", "O\"Brien", "Liskov, Jr", "Thompson", "Allen"};
    snprintf(out, outsz, "%s %s", first[bench_below(rng, 7)], last[bench_below(rng, 6)]);
}

/* Writes ROWS_PER_BATCH random CSV records into 'csv'. */
static void make_batch(struct bench_rng *rng, long first_id, struct strbuf *csv)
{
    static const char *const cities[] = {"Oslo", "Lagos", "Lima", "Hanoi", "San Jose, CA", "Zurich"};
    static const char *const tags[] = {"new", "vip", "churn-risk", "beta", "eu", "\"quoted\""};
    char name[64], line[FIELD_MAX], tagl[96];
    for (int r = 0; r < ROWS_PER_BATCH; r++) {
        make_name(rng, name, sizeof name);
        unsigned ntags = bench_below(rng, 4);
        tagl[0] = '\0';
        for (unsigned t = 0; t < ntags; t++) {
            if (t)
                strcat(tagl, ";");
            strcat(tagl, tags[bench_below(rng, 6)]);
        }
        snprintf(line, sizeof line, "%ld,", first_id + r);
        sb_puts(csv, line);
        csv_put_field(csv, name);
        sb_putn(csv, ",", 1);
        csv_put_field(csv, cities[bench_below(rng, 6)]);
        snprintf(line, sizeof line, ",%u.%02u,", bench_below(rng, 1000), bench_below(rng, 100));
        sb_puts(csv, line);
        csv_put_field(csv, tagl);
        sb_putn(csv, "\n", 1);
    }
}

int main(int argc, char **argv)
{
    long n = bench_size(argc, argv, 5000);
    struct bench_rng rng = {31337};
    struct strbuf csv = {0}, json = {0}, back = {0};
    uint64_t sum = BENCH_HASH_INIT;

    for (long b = 0; b < n; b++) {
        csv.len = json.len = back.len = 0;
        make_batch(&rng, b * ROWS_PER_BATCH, &csv);
        struct row *rows = malloc(ROWS_PER_BATCH * sizeof *rows);
        const char *cursor = csv.data;
        int nrows = 0;
        if (!rows)
            abort();
        while (nrows < ROWS_PER_BATCH && csv_parse_row(&cursor, &rows[nrows]))
            nrows++;
        bench_check(nrows == ROWS_PER_BATCH, "csvjson", "every CSV record parses");
        sb_puts(&json, "[");
        for (int r = 0; r < nrows; r++) {
            if (r)
                sb_puts(&json, ",\n ");
            json_put_row(&json, &rows[r]);
            free(rows[r].name);
            free(rows[r].city);
            free(rows[r].tags);
        }
        sb_puts(&json, "]");
        free(rows);
        const char *p = json.data;
        struct jvalue *doc = parse_value(&p);
        bench_check(doc != NULL, "csvjson", "generated JSON parses");
        bench_check(json_to_csv(doc, &back), "csvjson", "JSON has the CSV shape");
        bench_check(back.len == csv.len && memcmp(back.data, csv.data, csv.len) == 0,
                    "csvjson", "CSV -> JSON -> CSV is the identity");
        sum = bench_hash(sum, json.data, json.len);
        free_value(doc);
    }
    free(csv.data);
    free(json.data);
    free(back.data);
    bench_report("csvjson", n, sum);
    return 0;
}
