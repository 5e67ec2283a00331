/*
 * h2s_heapshim.c -- an LD_PRELOAD shim for the heap2stack benchmarks: it
 * counts heap calls, measures the peak stack depth, and, in an instrumented
 * build, sorts every heap block into "freed while its allocating frame was
 * live" or not.
 *
 * Counting. malloc, calloc, realloc, reallocarray, free and the aligned
 * allocators are interposed and forwarded to glibc's __libc_* entry points.
 * C++ operator new/delete reach us through malloc/free.
 *
 * Peak stack. A constructor paints PAINT_BYTES below its own stack pointer
 * with a pattern; the destructor finds the deepest word that no longer holds
 * it. The peak is the distance from the constructor's stack pointer to that
 * word: bytes of stack actually written, so space a frame reserves but never
 * writes, below every callee, is not counted.
 *
 * Classification. When the program is built with
 * -finstrument-functions-after-inlining, every function left after inlining
 * calls __cyg_profile_func_enter/exit, which we keep as a shadow stack of
 * activation ids. Each block remembers the activation on top when it was
 * allocated (the allocating frame) and its depth; at free the block is
 * "local" when that activation is still on the shadow stack. Every heap
 * call is tallied under the class its block ends in (blocks alive at exit
 * end non-local) and under its entry point (malloc, ..., or operator
 * new/delete when the immediate caller is one), which lets bench/report.py
 * apportion callgrind's allocator cost. Blocks allocated by other library
 * code (stdio, qsort...) are classed "library": no pass over the program
 * could remove them. strdup/strndup count as program allocations.
 *
 * Invariant: the shim never allocates with the heap it measures; its tables
 * live in mmap'd memory. Single-threaded programs only.
 *
 * Output: one line of key=value pairs, appended at exit to the file named
 * by $H2S_SHIM_OUT (stderr if unset).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);

#define PAINT_BYTES (1u << 20)
#define PAINT_WORD 0x5ca1ab1edeadbeefULL
#define SHADOW_MAX (1u << 16)
#define SMALL_BLOCK 1024

/* ---- tallies ------------------------------------------------------------ */

enum entry { E_MALLOC, E_CALLOC, E_REALLOC, E_MEMALIGN, E_FREE, E_NEW, E_DELETE, E_COUNT };
enum cls { C_NONLOCAL, C_LIBRARY, C_LOCAL_SMALL, C_LOCAL_LARGE, C_COUNT };
enum origin { O_PROGRAM, O_LIBRARY };

static const char *const entry_names[E_COUNT] = {"malloc", "calloc", "realloc", "memalign",
                                                 "free", "new", "delete"};
static const char *const cls_names[C_COUNT] = {"nonlocal", "library", "local_small", "local_large"};

static uint64_t calls[E_COUNT];          /* every call, by entry point */
static uint64_t tally[C_COUNT][E_COUNT]; /* classify mode: calls by final class */
static uint64_t blocks[C_COUNT];         /* classify mode: blocks by final class */
static uint64_t blocks_same_frame;       /* local blocks freed by the allocating frame itself */
static uint64_t bytes_requested;
static int in_shim; /* reentrancy guard: dladdr or stdio inside a hook */

/* ---- shadow stack (classify mode) --------------------------------------- */

static uint64_t shadow[SHADOW_MAX];
static uint32_t depth;
static uint64_t next_activation = 1;
static uint64_t shadow_overflows;

__attribute__((no_instrument_function)) void __cyg_profile_func_enter(void *fn, void *site)
{
    (void)fn;
    (void)site;
    if (depth + 1 < SHADOW_MAX)
        shadow[++depth] = next_activation++;
    else
        shadow_overflows++;
}

__attribute__((no_instrument_function)) void __cyg_profile_func_exit(void *fn, void *site)
{
    (void)fn;
    (void)site;
    if (depth > 0)
        depth--;
}

static int classifying(void)
{
    return next_activation > 1;
}

/* ---- block table (classify mode): open addressing, linear probing ------- */

struct block {
    uintptr_t ptr; /* 0: empty slot */
    uint64_t activation;
    uint32_t depth;
    uint32_t reallocs;
    size_t size;
    uint8_t entry;  /* entry point of the allocating call */
    uint8_t origin; /* enum origin */
};

static struct block *table;
static size_t table_cap, table_len;

static size_t slot_of(uintptr_t ptr, size_t cap)
{
    uint64_t h = (uint64_t)ptr * 0x9e3779b97f4a7c15ULL;
    return (size_t)(h >> 20) & (cap - 1);
}

static struct block *table_alloc(size_t cap)
{
    void *m = mmap(NULL, cap * sizeof(struct block), PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return m == MAP_FAILED ? NULL : m;
}

/* Doubles the table; returns 0 when mmap fails. */
static int table_grow(void)
{
    size_t cap = table_cap ? 2 * table_cap : 1u << 16;
    struct block *t = table_alloc(cap);
    if (!t)
        return 0;
    for (size_t i = 0; i < table_cap; i++) {
        if (!table[i].ptr)
            continue;
        size_t s = slot_of(table[i].ptr, cap);
        while (t[s].ptr)
            s = (s + 1) & (cap - 1);
        t[s] = table[i];
    }
    if (table)
        munmap(table, table_cap * sizeof(struct block));
    table = t;
    table_cap = cap;
    return 1;
}

static struct block *table_find(uintptr_t ptr)
{
    if (!table)
        return NULL;
    for (size_t s = slot_of(ptr, table_cap); table[s].ptr; s = (s + 1) & (table_cap - 1))
        if (table[s].ptr == ptr)
            return &table[s];
    return NULL;
}

static void table_insert(const struct block *b)
{
    if ((table_len + 1) * 2 > table_cap && !table_grow())
        return;
    size_t s = slot_of(b->ptr, table_cap);
    while (table[s].ptr)
        s = (s + 1) & (table_cap - 1);
    table[s] = *b;
    table_len++;
}

/* Removes 'b' (a slot of the table), shifting later probes back. */
static void table_remove(struct block *b)
{
    size_t hole = (size_t)(b - table), s = hole;
    table[hole].ptr = 0;
    table_len--;
    for (;;) {
        s = (s + 1) & (table_cap - 1);
        if (!table[s].ptr)
            return;
        size_t home = slot_of(table[s].ptr, table_cap);
        int movable = hole <= s ? (home <= hole || home > s) : (home <= hole && home > s);
        if (movable) {
            table[hole] = table[s];
            table[s].ptr = 0;
            hole = s;
        }
    }
}

/* ---- who is calling ----------------------------------------------------- */

struct caller_info {
    uintptr_t ra;
    uint8_t wrapper; /* 1: operator new, 2: operator delete, 0: neither */
    uint8_t origin;
};

static struct caller_info caller_cache[4096];
static uintptr_t exe_base;

/* Describes the code at return address 'ra': is it operator new/delete,
 * and does it belong to the program (the executable or strdup/strndup)? */
static struct caller_info describe_caller(uintptr_t ra)
{
    struct caller_info *c = &caller_cache[(ra >> 2) & 4095];
    if (c->ra == ra)
        return *c;
    Dl_info info;
    if (!exe_base && dladdr((void *)getauxval(AT_ENTRY), &info))
        exe_base = (uintptr_t)info.dli_fbase;
    struct caller_info d = {ra, 0, O_LIBRARY};
    if (dladdr((void *)ra, &info)) {
        const char *s = info.dli_sname ? info.dli_sname : "";
        if ((uintptr_t)info.dli_fbase == exe_base)
            d.origin = O_PROGRAM;
        else if (!strncmp(s, "_Znw", 4) || !strncmp(s, "_Zna", 4))
            d.wrapper = 1, d.origin = O_PROGRAM;
        else if (!strncmp(s, "_Zdl", 4) || !strncmp(s, "_Zda", 4))
            d.wrapper = 2, d.origin = O_PROGRAM;
        else if (strstr(s, "strdup") || strstr(s, "strndup"))
            d.origin = O_PROGRAM;
    }
    *c = d;
    return d;
}

/* ---- hooks -------------------------------------------------------------- */

/* Records the allocation of 'size' bytes at 'p' through 'entry', called
 * from return address 'ra'. */
static void note_alloc(void *p, size_t size, enum entry entry, uintptr_t ra)
{
    if (!p || in_shim || !classifying())
        return;
    in_shim = 1;
    struct caller_info who = describe_caller(ra);
    struct block b = {(uintptr_t)p, shadow[depth], depth, 0, size,
                      (uint8_t)(who.wrapper == 1 ? E_NEW : entry), who.origin};
    table_insert(&b);
    in_shim = 0;
}

/* Tallies the calls of block 'b' under class 'c'; 'free_entry' is the
 * entry point that released it, or E_COUNT when it was never released. */
static void settle(const struct block *b, enum cls c, enum entry free_entry)
{
    blocks[c]++;
    tally[c][b->entry]++;
    tally[c][E_REALLOC] += b->reallocs;
    if (free_entry != E_COUNT)
        tally[c][free_entry]++;
}

/* Returns the class of block 'b' released now. */
static enum cls class_at_free(const struct block *b)
{
    if (b->origin == O_LIBRARY)
        return C_LIBRARY;
    if (b->activation == 0 || b->depth > depth || shadow[b->depth] != b->activation)
        return C_NONLOCAL;
    if (b->depth == depth)
        blocks_same_frame++;
    return b->reallocs == 0 && b->size <= SMALL_BLOCK ? C_LOCAL_SMALL : C_LOCAL_LARGE;
}

/* Records the release of 'p' through free, from return address 'ra'. */
static void note_free(void *p, uintptr_t ra)
{
    if (in_shim || !classifying())
        return;
    in_shim = 1;
    enum entry entry = describe_caller(ra).wrapper == 2 ? E_DELETE : E_FREE;
    struct block *b = p ? table_find((uintptr_t)p) : NULL;
    if (b) {
        settle(b, class_at_free(b), entry);
        table_remove(b);
    } else
        tally[C_NONLOCAL][entry]++; /* free(NULL) or a block from before the shim */
    in_shim = 0;
}

/* Counts one call of 'e' from return address 'ra', as operator new or
 * delete when that is the caller. */
static void count_call(enum entry e, uintptr_t ra)
{
    if (!in_shim) {
        in_shim = 1;
        int w = describe_caller(ra).wrapper;
        e = w == 1 ? E_NEW : w == 2 ? E_DELETE : e;
        in_shim = 0;
    }
    calls[e]++;
}

#define RA() ((uintptr_t)__builtin_return_address(0))

void *malloc(size_t size)
{
    void *p = __libc_malloc(size);
    count_call(E_MALLOC, RA());
    bytes_requested += size;
    note_alloc(p, size, E_MALLOC, RA());
    return p;
}

void *calloc(size_t n, size_t size)
{
    void *p = __libc_calloc(n, size);
    calls[E_CALLOC]++;
    bytes_requested += n * size;
    note_alloc(p, n * size, E_CALLOC, RA());
    return p;
}

void free(void *p)
{
    count_call(E_FREE, RA());
    note_free(p, RA());
    __libc_free(p);
}

/* Moves the record of 'old' to 'p' (the block keeps its allocating frame)
 * or starts a new one when 'old' is NULL. */
static void note_realloc(void *old, void *p, size_t size, uintptr_t ra)
{
    if (!old) {
        note_alloc(p, size, E_REALLOC, ra);
        return;
    }
    if (in_shim || !classifying())
        return;
    in_shim = 1;
    struct block *b = table_find((uintptr_t)old);
    struct block moved;
    if (b) {
        moved = *b;
        table_remove(b);
        moved.reallocs++;
        moved.size = size > moved.size ? size : moved.size;
        if (p) {
            moved.ptr = (uintptr_t)p;
            table_insert(&moved);
        } else if (size == 0)
            settle(&moved, class_at_free(&moved), E_COUNT);
    }
    in_shim = 0;
}

void *realloc(void *old, size_t size)
{
    void *p = __libc_realloc(old, size);
    calls[E_REALLOC]++;
    bytes_requested += size;
    if (p || size == 0)
        note_realloc(old, p, size, RA());
    return p;
}

void *reallocarray(void *old, size_t n, size_t size)
{
    size_t total;
    if (__builtin_mul_overflow(n, size, &total)) {
        errno = ENOMEM;
        return NULL;
    }
    void *p = __libc_realloc(old, total);
    calls[E_REALLOC]++;
    bytes_requested += total;
    if (p || total == 0)
        note_realloc(old, p, total, RA());
    return p;
}

static void *aligned(size_t align, size_t size, uintptr_t ra)
{
    void *p = __libc_memalign(align, size);
    calls[E_MEMALIGN]++;
    bytes_requested += size;
    note_alloc(p, size, E_MEMALIGN, ra);
    return p;
}

void *aligned_alloc(size_t align, size_t size)
{
    return aligned(align, size, RA());
}

void *memalign(size_t align, size_t size)
{
    return aligned(align, size, RA());
}

void *valloc(size_t size)
{
    return aligned((size_t)sysconf(_SC_PAGESIZE), size, RA());
}

int posix_memalign(void **out, size_t align, size_t size)
{
    if (align % sizeof(void *) || (align & (align - 1)))
        return EINVAL;
    void *p = aligned(align, size, RA());
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}

/* ---- stack painting ----------------------------------------------------- */

static uintptr_t paint_top;    /* stack pointer of the constructor */
static uintptr_t paint_bottom; /* lowest painted address */

/* Paints 'bytes' of stack below the caller's frame. Kept out of line so its
 * frame (the painted area) is below the constructor's. */
__attribute__((noinline)) static void paint_stack(size_t bytes)
{
    volatile uint64_t *area = __builtin_alloca(bytes);
    for (size_t i = 0; i < bytes / 8; i++)
        area[i] = PAINT_WORD;
    paint_bottom = (uintptr_t)area;
}

__attribute__((constructor)) static void shim_start(void)
{
    struct rlimit rl;
    size_t bytes = PAINT_BYTES;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur / 2 < bytes)
        bytes = rl.rlim_cur / 2;
    paint_top = (uintptr_t)__builtin_frame_address(0);
    paint_stack(bytes);
}

/* Returns the bytes between the constructor's frame and the deepest
 * written word; 'saturated' is set when the painted area was exhausted. */
static size_t stack_peak(int *saturated)
{
    const volatile uint64_t *w = (const volatile uint64_t *)paint_bottom;
    const volatile uint64_t *end = (const volatile uint64_t *)paint_top;
    while (w < end && *w == PAINT_WORD)
        w++;
    *saturated = w == (const volatile uint64_t *)paint_bottom;
    return (size_t)(paint_top - (uintptr_t)w);
}

/* ---- report ------------------------------------------------------------- */

static int put(char *buf, size_t sz, int n, const char *key, uint64_t v)
{
    if (n < 0 || (size_t)n >= sz)
        return n;
    return n + snprintf(buf + n, sz - (size_t)n, "%s=%llu ", key, (unsigned long long)v);
}

/* Settles the blocks still alive: never freed, so not local. */
static void settle_live_blocks(void)
{
    for (size_t i = 0; i < table_cap; i++)
        if (table[i].ptr)
            settle(&table[i], table[i].origin == O_LIBRARY ? C_LIBRARY : C_NONLOCAL, E_COUNT);
}

__attribute__((destructor)) static void shim_report(void)
{
    static char buf[8192];
    char key[64];
    int n = 0, saturated;
    in_shim = 1;
    size_t peak = stack_peak(&saturated);
    for (int e = 0; e < E_COUNT; e++)
        n = put(buf, sizeof buf, n, entry_names[e], calls[e]);
    n = put(buf, sizeof buf, n, "bytes", bytes_requested);
    n = put(buf, sizeof buf, n, "stack_peak", peak);
    n = put(buf, sizeof buf, n, "stack_saturated", (uint64_t)saturated);
    if (classifying()) {
        settle_live_blocks();
        n = put(buf, sizeof buf, n, "activations", next_activation - 1);
        n = put(buf, sizeof buf, n, "shadow_overflows", shadow_overflows);
        n = put(buf, sizeof buf, n, "blocks_same_frame", blocks_same_frame);
        for (int c = 0; c < C_COUNT; c++) {
            snprintf(key, sizeof key, "blocks.%s", cls_names[c]);
            n = put(buf, sizeof buf, n, key, blocks[c]);
            for (int e = 0; e < E_COUNT; e++) {
                snprintf(key, sizeof key, "%s.%s", cls_names[c], entry_names[e]);
                n = put(buf, sizeof buf, n, key, tally[c][e]);
            }
        }
    }
    if (n > 0 && (size_t)n < sizeof buf - 1)
        buf[n - 1] = '\n';
    const char *path = getenv("H2S_SHIM_OUT");
    int fd = path ? open(path, O_WRONLY | O_CREAT | O_APPEND, 0644) : 2;
    if (fd >= 0 && n > 0) {
        ssize_t w = write(fd, buf, strlen(buf));
        (void)w;
        if (path)
            close(fd);
    }
}
