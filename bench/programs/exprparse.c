/*
 * exprparse.c -- a recursive-descent expression parser building short-lived
 * syntax-tree nodes, as a config language or a spreadsheet formula engine
 * would.
 *
 * A generator writes a random arithmetic expression as text and computes its
 * value on the way. The parser keeps its state in a malloc'd struct, lexes
 * numbers through a small scratch buffer, and builds one malloc'd node per
 * operator and operand; a folding pass replaces constant subtrees with new
 * nodes and frees the old ones; the tree is evaluated, printed back into a
 * growing buffer and freed. Self-check: both evaluations give the generated
 * value and the printed text parses to the same value. Arithmetic is on
 * uint64_t, so overflow wraps instead of being undefined.
 */
#include "bench.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { NUM, VAR, ADD, SUB, MUL, NEG };

struct node {
    enum kind kind;
    uint64_t value;
    struct node *lhs, *rhs;
};

struct parser {
    const char *src;
    size_t pos;
    uint64_t x; /* value of the variable 'x' */
    int error;
};

struct strbuf {
    char *data;
    size_t len, cap;
};

/* ---- generator ---------------------------------------------------------- */

/* Appends 'text' to 'sb', growing it. */
static void sb_puts(struct strbuf *sb, const char *text)
{
    size_t n = strlen(text);
    if (sb->len + n + 1 > sb->cap) {
        sb->cap = (sb->len + n + 1) * 2;
        sb->data = realloc(sb->data, sb->cap);
        if (!sb->data)
            abort();
    }
    memcpy(sb->data + sb->len, text, n + 1);
    sb->len += n;
}

/* Writes a random expression of at most 'depth' levels into 'sb' and
 * returns its value for the variable value 'x'. */
static uint64_t gen_expr(struct bench_rng *rng, int depth, uint64_t x, struct strbuf *sb)
{
    unsigned pick = depth > 0 ? bench_below(rng, 10) : bench_below(rng, 3);
    char num[24];
    if (pick <= 1) {
        uint64_t v = bench_below(rng, 1000);
        snprintf(num, sizeof num, "%llu", (unsigned long long)v);
        sb_puts(sb, num);
        return v;
    }
    if (pick == 2) {
        sb_puts(sb, "x");
        return x;
    }
    if (pick == 3) {
        sb_puts(sb, "-(");
        uint64_t v = gen_expr(rng, depth - 1, x, sb);
        sb_puts(sb, ")");
        return -v;
    }
    static const char *const ops[] = {" + ", " - ", " * "};
    unsigned op = bench_below(rng, 3);
    sb_puts(sb, "(");
    uint64_t a = gen_expr(rng, depth - 1, x, sb);
    sb_puts(sb, ops[op]);
    uint64_t b = gen_expr(rng, depth - 1, x, sb);
    sb_puts(sb, ")");
    return op == 0 ? a + b : op == 1 ? a - b : a * b;
}

/* ---- parser ------------------------------------------------------------- */

/* Returns a new node; the caller owns it. */
static struct node *new_node(enum kind kind, uint64_t value, struct node *lhs, struct node *rhs)
{
    struct node *n = malloc(sizeof *n);
    if (!n)
        abort();
    n->kind = kind;
    n->value = value;
    n->lhs = lhs;
    n->rhs = rhs;
    return n;
}

static void free_tree(struct node *n)
{
    if (!n)
        return;
    free_tree(n->lhs);
    free_tree(n->rhs);
    free(n);
}

static void skip_space(struct parser *p)
{
    while (p->src[p->pos] == ' ')
        p->pos++;
}

/* Lexes a decimal number at the current position. */
static uint64_t lex_number(struct parser *p)
{
    char *digits = malloc(32);
    size_t n = 0;
    if (!digits)
        abort();
    while (isdigit((unsigned char)p->src[p->pos]) && n < 31)
        digits[n++] = p->src[p->pos++];
    digits[n] = '\0';
    uint64_t v = strtoull(digits, NULL, 10);
    free(digits);
    return v;
}

static struct node *parse_sum(struct parser *p);

/* primary := number | 'x' | '(' sum ')' | '-' primary */
static struct node *parse_primary(struct parser *p)
{
    skip_space(p);
    char c = p->src[p->pos];
    if (isdigit((unsigned char)c))
        return new_node(NUM, lex_number(p), NULL, NULL);
    if (c == 'x') {
        p->pos++;
        return new_node(VAR, 0, NULL, NULL);
    }
    if (c == '-') {
        p->pos++;
        return new_node(NEG, 0, parse_primary(p), NULL);
    }
    if (c == '(') {
        p->pos++;
        struct node *inner = parse_sum(p);
        skip_space(p);
        if (p->src[p->pos] == ')')
            p->pos++;
        else
            p->error = 1;
        return inner;
    }
    p->error = 1;
    return new_node(NUM, 0, NULL, NULL);
}

/* product := primary ('*' primary)* */
static struct node *parse_product(struct parser *p)
{
    struct node *lhs = parse_primary(p);
    for (;;) {
        skip_space(p);
        if (p->src[p->pos] != '*')
            return lhs;
        p->pos++;
        lhs = new_node(MUL, 0, lhs, parse_primary(p));
    }
}

/* sum := product (('+' | '-') product)* */
static struct node *parse_sum(struct parser *p)
{
    struct node *lhs = parse_product(p);
    for (;;) {
        skip_space(p);
        char c = p->src[p->pos];
        if (c != '+' && c != '-')
            return lhs;
        p->pos++;
        lhs = new_node(c == '+' ? ADD : SUB, 0, lhs, parse_product(p));
    }
}

/* Parses 'src' into a tree; returns NULL on a syntax error. */
static struct node *parse(const char *src)
{
    struct parser *p = malloc(sizeof *p);
    if (!p)
        abort();
    memset(p, 0, sizeof *p);
    p->src = src;
    struct node *tree = parse_sum(p);
    skip_space(p);
    if (p->error || p->src[p->pos] != '\0') {
        free_tree(tree);
        tree = NULL;
    }
    free(p);
    return tree;
}

/* ---- passes over the tree ----------------------------------------------- */

static uint64_t eval(const struct node *n, uint64_t x)
{
    switch (n->kind) {
    case NUM: return n->value;
    case VAR: return x;
    case NEG: return -eval(n->lhs, x);
    case ADD: return eval(n->lhs, x) + eval(n->rhs, x);
    case SUB: return eval(n->lhs, x) - eval(n->rhs, x);
    case MUL: return eval(n->lhs, x) * eval(n->rhs, x);
    }
    return 0;
}

/* Replaces every subtree without 'x' by one NUM node; consumes 'n'. */
static struct node *fold(struct node *n)
{
    if (n->kind == NUM || n->kind == VAR)
        return n;
    n->lhs = fold(n->lhs);
    if (n->rhs)
        n->rhs = fold(n->rhs);
    if (n->lhs->kind != NUM || (n->rhs && n->rhs->kind != NUM))
        return n;
    struct node *folded = new_node(NUM, eval(n, 0), NULL, NULL);
    free_tree(n);
    return folded;
}

/* Prints 'n' fully parenthesised into 'sb'. */
static void print_tree(const struct node *n, struct strbuf *sb)
{
    char num[24];
    switch (n->kind) {
    case NUM:
        snprintf(num, sizeof num, "%llu", (unsigned long long)n->value);
        sb_puts(sb, num);
        return;
    case VAR: sb_puts(sb, "x"); return;
    case NEG:
        sb_puts(sb, "-(");
        print_tree(n->lhs, sb);
        sb_puts(sb, ")");
        return;
    default:
        sb_puts(sb, "(");
        print_tree(n->lhs, sb);
        sb_puts(sb, n->kind == ADD ? " + " : n->kind == SUB ? " - " : " * ");
        print_tree(n->rhs, sb);
        sb_puts(sb, ")");
        return;
    }
}

int main(int argc, char **argv)
{
    long n = bench_size(argc, argv, 400000);
    struct bench_rng rng = {7};
    struct strbuf text = {0}, printed = {0};
    uint64_t sum = BENCH_HASH_INIT;

    for (long i = 0; i < n; i++) {
        uint64_t x = bench_below(&rng, 100);
        text.len = 0;
        uint64_t want = gen_expr(&rng, 2 + (int)bench_below(&rng, 5), x, &text);
        struct node *tree = parse(text.data);
        bench_check(tree != NULL, "exprparse", "generated text parses");
        bench_check(eval(tree, x) == want, "exprparse", "value of the parsed tree");
        tree = fold(tree);
        bench_check(eval(tree, x) == want, "exprparse", "value after folding");
        printed.len = 0;
        print_tree(tree, &printed);
        struct node *again = parse(printed.data);
        bench_check(again && eval(again, x) == want, "exprparse", "printed tree re-parses");
        sum = bench_hash_u64(sum, want);
        sum = bench_hash(sum, printed.data, printed.len);
        free_tree(again);
        free_tree(tree);
    }
    free(text.data);
    free(printed.data);
    bench_report("exprparse", n, sum);
    return 0;
}
