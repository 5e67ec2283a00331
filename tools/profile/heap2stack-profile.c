/*
 * heap2stack-profile.c -- an LD_PRELOAD library that counts heap calls,
 * measures the peak stack depth, and, in an instrumented build, sorts every
 * heap block into "freed while its allocating frame was live" or not: the
 * benchmarks' shim (bench/run.sh, tools/realworld/run.sh INSTRUMENT=1), and
 * with H2S_PROFILE_OUT the profile of allocation call sites that
 * heap2stack-report --profile ranks.
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
 * "local" when that activation is still on the shadow stack. A local block
 * is also "shared" when another block of its call site was alive in the same
 * activation while it was: one stack slot per site and frame could not have
 * held both (a list built in a loop); so is one whose call site is unknown
 * (no instrumented frame in its backtrace, or the site table full). Every heap
 * call is tallied under the class its block ends in (blocks alive at exit
 * end non-local) and under its entry point (malloc, ..., or operator
 * new/delete when the immediate caller is one), which lets bench/report.py
 * apportion callgrind's allocator cost. The program is the code of the
 * instrumented objects -- the executable, and shared libraries built with
 * the same flag -- which the enter hook records as it sees their functions.
 * Blocks allocated by other code (libc's stdio, qsort...) are classed
 * "library": no pass over the program could remove them. strdup/strndup and
 * operator new count as program allocations.
 *
 * Sizes. Each settled program block also lands in a size histogram of
 * power-of-two buckets (hist.SET.UNIT.BUCKET: SET "local" for blocks freed
 * while their allocating frame was live, "program" for all program blocks;
 * UNIT "blocks" or "calls", the heap calls the block accounts for -- its
 * allocation, reallocs and free; BUCKET le16 .. le1024, le4096, gt4096, by
 * upper bound, le16 including 0-byte blocks). A realloc'd block counts at
 * the largest size it reached.
 *
 * Profile. With $H2S_PROFILE_OUT set, each program block is also tallied
 * under its allocation call site: the return address of the program's call
 * of the allocator, found for strdup/strndup and operator new (which call
 * malloc from the library) as the innermost frame of the backtrace that is
 * in an instrumented object. At exit one line per site is appended to the
 * file, "site OBJECT VADDR blocks=N local=L one_slot=O local_small=S
 * max_size=M", VADDR being the return address in OBJECT's own addresses
 * (what llvm-symbolizer --obj=OBJECT reads), local the blocks freed while
 * their allocating frame was live, one_slot those of them that were not
 * shared, and local_small those of at most 1 KiB that were never resized.
 *
 * Invariant: the shim never allocates with the heap it measures; its tables
 * live in mmap'd memory (when profiling, the constructor lets backtrace()
 * load the unwinder first, which may allocate once). Single-threaded programs only: calls from any
 * thread but the first are forwarded untouched and only counted
 * (foreign_thread_calls), so a multithreaded process is flagged, not
 * corrupted. A child forked without exec starts its tallies afresh, so each
 * process reports only its own calls.
 *
 * Output: one line of key=value pairs, appended at exit to the file named
 * by $H2S_SHIM_OUT (stderr if unset).  With $H2S_SHIM_ONLY_UNDER set to a
 * directory, only processes whose executable lies under it write a line:
 * counting a project's own programs in a test run preloaded into every
 * process (make, sh, cmp), as tools/realworld/run.sh does for both builds.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <link.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
#define SITE_BITS 14
#define MAX_SITES (1u << SITE_BITS)
#define BACKTRACE_DEPTH 16

/* ---- tallies ------------------------------------------------------------ */

enum entry { E_MALLOC, E_CALLOC, E_REALLOC, E_MEMALIGN, E_FREE, E_NEW, E_DELETE, E_COUNT };
enum cls { C_NONLOCAL, C_LIBRARY, C_LOCAL_SMALL, C_LOCAL_LARGE, C_LOCAL_SHARED, C_COUNT };
enum origin { O_PROGRAM, O_LIBRARY };

static const char *const entry_names[E_COUNT] = {"malloc", "calloc", "realloc", "memalign",
                                                 "free", "new", "delete"};
static const char *const cls_names[C_COUNT] = {"nonlocal", "library", "local_small", "local_large",
                                               "local_shared"};

/* True for the classes of blocks freed while their allocating frame was
 * live; of those, the ones one slot per site and frame could hold. */
static int freed_in_frame(enum cls c)
{
    return c == C_LOCAL_SMALL || c == C_LOCAL_LARGE || c == C_LOCAL_SHARED;
}

static int one_slot_holds(enum cls c)
{
    return c == C_LOCAL_SMALL || c == C_LOCAL_LARGE;
}

static uint64_t calls[E_COUNT];          /* every call, by entry point */
static uint64_t tally[C_COUNT][E_COUNT]; /* classify mode: calls by final class */
static uint64_t blocks[C_COUNT];         /* classify mode: blocks by final class */
static uint64_t blocks_same_frame;       /* local blocks freed by the allocating frame itself */
static uint64_t bytes_requested;
static int in_shim; /* reentrancy guard: dladdr or stdio inside a hook */

/* ---- size histogram (classify mode) ------------------------------------- */

enum hist { H_LOCAL, H_PROGRAM, H_COUNT };
#define SIZE_BUCKETS 9

static const char *const hist_names[H_COUNT] = {"local", "program"};
static const size_t bucket_limit[SIZE_BUCKETS - 1] = {16, 32, 64, 128, 256, 512, 1024, 4096};
static const char *const bucket_names[SIZE_BUCKETS] = {"le16",  "le32",   "le64",   "le128", "le256",
                                                       "le512", "le1024", "le4096", "gt4096"};
static uint64_t hist_blocks[H_COUNT][SIZE_BUCKETS];
static uint64_t hist_calls[H_COUNT][SIZE_BUCKETS];

/* Returns the histogram bucket of a block of 'size' bytes. */
static int size_bucket(size_t size)
{
    int i = 0;
    while (i < SIZE_BUCKETS - 1 && size > bucket_limit[i])
        i++;
    return i;
}

/* ---- threads ------------------------------------------------------------ */

/* The first thread is the one whose constructor ran; the address of a
 * thread-local variable tells threads apart without a system call. */
static __thread char thread_anchor __attribute__((tls_model("initial-exec")));
static const char *main_anchor;
static uint64_t foreign_calls; /* updated atomically: any thread may count */

/* Returns true when the caller runs on the measured (first) thread. */
static int is_main_thread(void)
{
    return !main_anchor || &thread_anchor == main_anchor;
}

/* Returns true when a heap call may be measured; counts it as foreign when
 * another thread made it. */
static int measured_thread(void)
{
    if (is_main_thread())
        return 1;
    __atomic_fetch_add(&foreign_calls, 1, __ATOMIC_RELAXED);
    return 0;
}

/* ---- instrumented objects (classify mode) -------------------------------- */

#define MAX_OBJECTS 64

struct range {
    uintptr_t lo, hi;
};

static struct range instrumented[MAX_OBJECTS]; /* address ranges of their segments */
static int n_instrumented;
static uintptr_t function_cache[1024]; /* functions already seen by the enter hook */

/* Returns true when address 'a' lies in an instrumented object. */
static int is_instrumented(uintptr_t a)
{
    for (int i = 0; i < n_instrumented; i++)
        if (a >= instrumented[i].lo && a < instrumented[i].hi)
            return 1;
    return 0;
}

/* The loaded object that holds 'address': its range, load bias and name. */
struct object_of {
    uintptr_t address, lo, hi, bias;
    const char *name;
};

/* dl_iterate_phdr callback: fills in the object_of '*data' when 'info' is
 * the object holding its address. */
static int find_object(struct dl_phdr_info *info, size_t size, void *data)
{
    struct object_of *o = data;
    uintptr_t lo = UINTPTR_MAX, hi = 0;
    (void)size;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD)
            continue;
        uintptr_t start = info->dlpi_addr + ph->p_vaddr;
        lo = start < lo ? start : lo;
        hi = start + ph->p_memsz > hi ? start + ph->p_memsz : hi;
    }
    if (o->address < lo || o->address >= hi)
        return 0;
    *o = (struct object_of){o->address, lo, hi, info->dlpi_addr, info->dlpi_name};
    return 1;
}

/* Notes that function 'fn' is instrumented, and so is its object. */
static void note_function(uintptr_t fn)
{
    uintptr_t *c = &function_cache[(fn >> 4) & 1023];
    if (*c == fn)
        return;
    *c = fn;
    struct object_of o = {fn, 0, 0, 0, NULL};
    if (!is_instrumented(fn) && dl_iterate_phdr(find_object, &o) && n_instrumented < MAX_OBJECTS)
        instrumented[n_instrumented++] = (struct range){o.lo, o.hi};
}

/* ---- shadow stack (classify mode) --------------------------------------- */

static uint64_t shadow[SHADOW_MAX];
static uint32_t depth;
static uint64_t next_activation = 1;
static uint64_t activations_before; /* of the parent, in a forked child */
static uint64_t shadow_overflows;

__attribute__((no_instrument_function)) void __cyg_profile_func_enter(void *fn, void *site)
{
    (void)site;
    if (!is_main_thread())
        return;
    note_function((uintptr_t)fn);
    if (depth + 1 < SHADOW_MAX)
        shadow[++depth] = next_activation++;
    else
        shadow_overflows++;
}

__attribute__((no_instrument_function)) void __cyg_profile_func_exit(void *fn, void *site)
{
    (void)fn;
    (void)site;
    if (is_main_thread() && depth > 0)
        depth--;
}

static int classifying(void)
{
    return next_activation > 1;
}

/* ---- hash tables: open addressing, linear probing ----------------------- */

/* A table of fixed-size entries, each starting with a non-zero key. */
struct table {
    char *slots;
    size_t cap, len, size; /* cap is a power of two; size of one entry */
};

static uintptr_t *key_at(const struct table *t, size_t i)
{
    return (uintptr_t *)(t->slots + i * t->size);
}

static size_t slot_of(uintptr_t key, size_t cap)
{
    uint64_t h = (uint64_t)key * 0x9e3779b97f4a7c15ULL;
    return (size_t)(h >> 20) & (cap - 1);
}

/* Copies entry 'e' into the first free slot of its probe sequence;
 * returns that slot. */
static void *place(struct table *t, const void *e)
{
    size_t s = slot_of(*(const uintptr_t *)e, t->cap);
    while (*key_at(t, s))
        s = (s + 1) & (t->cap - 1);
    return memcpy(key_at(t, s), e, t->size);
}

/* Doubles the table; returns 0 when mmap fails. */
static int table_grow(struct table *t)
{
    size_t cap = t->cap ? 2 * t->cap : 1u << 16;
    void *m = mmap(NULL, cap * t->size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        return 0;
    struct table old = *t;
    t->slots = m;
    t->cap = cap;
    for (size_t i = 0; i < old.cap; i++)
        if (*key_at(&old, i))
            place(t, key_at(&old, i));
    if (old.slots)
        munmap(old.slots, old.cap * old.size);
    return 1;
}

/* Returns the entry of 'key', or NULL. */
static void *table_find(const struct table *t, uintptr_t key)
{
    if (!t->slots)
        return NULL;
    for (size_t s = slot_of(key, t->cap); *key_at(t, s); s = (s + 1) & (t->cap - 1))
        if (*key_at(t, s) == key)
            return key_at(t, s);
    return NULL;
}

/* Copies entry 'e' into the table; returns it there, or NULL when the
 * table cannot grow. */
static void *table_insert(struct table *t, const void *e)
{
    if ((t->len + 1) * 2 > t->cap && !table_grow(t))
        return NULL;
    t->len++;
    return place(t, e);
}

/* Removes entry 'e' (a slot of the table), shifting later probes back. */
static void table_remove(struct table *t, void *e)
{
    size_t hole = (size_t)((char *)e - t->slots) / t->size, s = hole;
    *key_at(t, hole) = 0;
    t->len--;
    for (;;) {
        s = (s + 1) & (t->cap - 1);
        if (!*key_at(t, s))
            return;
        size_t home = slot_of(*key_at(t, s), t->cap);
        int movable = hole <= s ? (home <= hole || home > s) : (home <= hole && home > s);
        if (movable) {
            memcpy(key_at(t, hole), key_at(t, s), t->size);
            *key_at(t, s) = 0;
            hole = s;
        }
    }
}

/* Forgets every entry. */
static void table_clear(struct table *t)
{
    if (t->slots)
        munmap(t->slots, t->cap * t->size);
    t->slots = NULL;
    t->cap = t->len = 0;
}

/* ---- live blocks (classify mode) ---------------------------------------- */

struct block {
    uintptr_t ptr;   /* the key */
    uintptr_t site;  /* the program's allocation call, or 0 */
    uintptr_t group; /* key of its frame_site, or 0 */
    uint64_t activation;
    uint32_t depth;
    uint32_t reallocs;
    size_t size;
    uint8_t entry;  /* entry point of the allocating call */
    uint8_t origin; /* enum origin */
};

static struct table blocks_live = {NULL, 0, 0, sizeof(struct block)};

/* ---- who is calling ----------------------------------------------------- */

struct caller_info {
    uintptr_t ra;
    uint8_t wrapper; /* 1: operator new, 2: operator delete, 0: neither */
    uint8_t origin;
};

static struct caller_info caller_cache[4096];

/* Describes the code at return address 'ra': is it operator new/delete,
 * and does it belong to the program (an instrumented object, operator new
 * or strdup/strndup)? */
static struct caller_info describe_caller(uintptr_t ra)
{
    struct caller_info *c = &caller_cache[(ra >> 2) & 4095];
    if (c->ra == ra)
        return *c;
    Dl_info info;
    struct caller_info d = {ra, 0, O_LIBRARY};
    if (is_instrumented(ra))
        d.origin = O_PROGRAM;
    else if (dladdr((void *)ra, &info)) {
        const char *s = info.dli_sname ? info.dli_sname : "";
        if (!strncmp(s, "_Znw", 4) || !strncmp(s, "_Zna", 4))
            d.wrapper = 1, d.origin = O_PROGRAM;
        else if (!strncmp(s, "_Zdl", 4) || !strncmp(s, "_Zda", 4))
            d.wrapper = 2, d.origin = O_PROGRAM;
        else if (strstr(s, "strdup") || strstr(s, "strndup"))
            d.origin = O_PROGRAM;
    }
    *c = d;
    return d;
}

/* ---- allocation call sites (classify mode) ------------------------------ */

struct site_tally {
    uintptr_t ra; /* 0: empty slot */
    uint64_t blocks, local, one_slot, local_small, max_size;
};

static struct site_tally *sites; /* MAX_SITES slots, mmap'd by the constructor */
static uint64_t sites_dropped;   /* blocks of sites that found the table full */
static const char *profile_path; /* $H2S_PROFILE_OUT */

/* The program's return address for a block allocated from 'ra': 'ra'
 * itself in an instrumented object, else (strdup, operator new) the
 * innermost instrumented frame of the backtrace, or 0. */
static uintptr_t program_call_site(uintptr_t ra)
{
    if (is_instrumented(ra))
        return ra;
    void *frames[BACKTRACE_DEPTH];
    int n = backtrace(frames, BACKTRACE_DEPTH);
    for (int i = 0; i < n; i++)
        if (is_instrumented((uintptr_t)frames[i]))
            return (uintptr_t)frames[i];
    return 0;
}

static struct site_tally *site_slot(uintptr_t ra)
{
    if (!sites)
        return NULL;
    size_t s = slot_of(ra, MAX_SITES);
    for (size_t probes = 0; probes < MAX_SITES; probes++, s = (s + 1) & (MAX_SITES - 1))
        if (sites[s].ra == ra || !sites[s].ra) {
            sites[s].ra = ra;
            return &sites[s];
        }
    return NULL;
}

/* ---- one slot per site and frame (classify mode) ------------------------- */

/* The blocks of one call site alive in one activation. A stack slot per
 * site holds one block per frame: when a second is allocated while the
 * first lives (a list built in a loop), neither could have used the slot,
 * and 'shared' marks them all until the last is released. */
struct frame_site {
    uintptr_t key; /* activation << SITE_BITS | the site's slot */
    uint32_t live;
    uint8_t shared;
};

static struct table frame_sites = {NULL, 0, 0, sizeof(struct frame_site)};

/* Counts a block of call site 'site' allocated in 'activation'; returns the
 * key of its frame_site, or 0 when the site is unknown. */
static uintptr_t join_frame_site(uintptr_t site, uint64_t activation)
{
    struct site_tally *t = site && activation ? site_slot(site) : NULL;
    if (!t)
        return 0;
    uintptr_t key = (uintptr_t)activation << SITE_BITS | (uintptr_t)(t - sites);
    struct frame_site *f = table_find(&frame_sites, key);
    if (f) {
        f->live++;
        f->shared = 1;
        return key;
    }
    struct frame_site fresh = {key, 1, 0};
    return table_insert(&frame_sites, &fresh) ? key : 0;
}

/* Releases block 'b' from its frame_site; returns true when no other block
 * of its site was alive in its frame while it was. */
static int leave_frame_site(const struct block *b)
{
    struct frame_site *f = b->group ? table_find(&frame_sites, b->group) : NULL;
    if (!f)
        return 0;
    int alone = !f->shared;
    if (--f->live == 0)
        table_remove(&frame_sites, f);
    return alone;
}

/* Tallies block 'b', settled in class 'c', under its call site. */
static void profile_block(const struct block *b, enum cls c)
{
    if (!profile_path || !b->site || c == C_LIBRARY)
        return;
    struct site_tally *t = site_slot(b->site);
    if (!t) {
        sites_dropped++;
        return;
    }
    t->blocks++;
    t->local += freed_in_frame(c);
    t->one_slot += one_slot_holds(c);
    t->local_small += c == C_LOCAL_SMALL;
    t->max_size = b->size > t->max_size ? b->size : t->max_size;
}

/* Appends one line per profiled site to the file named by H2S_PROFILE_OUT,
 * with write(2) from a static buffer: stdio would allocate. */
static void write_profile(void)
{
    static char line[4096 + 256], exe[4096];
    int fd = open(profile_path, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0)
        return;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';
    for (size_t i = 0; i < MAX_SITES; i++) {
        struct object_of o = {sites[i].ra, 0, 0, 0, NULL};
        if (!sites[i].ra || !dl_iterate_phdr(find_object, &o))
            continue;
        int len = snprintf(line, sizeof line,
                           "site %s 0x%llx blocks=%llu local=%llu one_slot=%llu local_small=%llu "
                           "max_size=%llu\n",
                           o.name && *o.name ? o.name : exe,
                           (unsigned long long)(sites[i].ra - o.bias),
                           (unsigned long long)sites[i].blocks, (unsigned long long)sites[i].local,
                           (unsigned long long)sites[i].one_slot,
                           (unsigned long long)sites[i].local_small,
                           (unsigned long long)sites[i].max_size);
        if (len > 0 && (size_t)len < sizeof line && write(fd, line, (size_t)len) < 0)
            break;
    }
    int len = snprintf(line, sizeof line, "dropped blocks=%llu\n", (unsigned long long)sites_dropped);
    if (sites_dropped && write(fd, line, (size_t)len) < 0)
        len = 0;
    close(fd);
}

/* ---- hooks -------------------------------------------------------------- */

/* Returns the class of block 'b', released now by the program when
 * 'freed', and releases it from its frame_site. */
static enum cls class_of(const struct block *b, int freed)
{
    int alone = leave_frame_site(b);
    if (b->origin == O_LIBRARY)
        return C_LIBRARY;
    if (!freed || b->activation == 0 || b->depth > depth || shadow[b->depth] != b->activation)
        return C_NONLOCAL;
    if (b->depth == depth)
        blocks_same_frame++;
    if (!alone)
        return C_LOCAL_SHARED;
    return b->reallocs == 0 && b->size <= SMALL_BLOCK ? C_LOCAL_SMALL : C_LOCAL_LARGE;
}

/* Tallies the calls of block 'b' under class 'c'; 'free_entry' is the
 * entry point that released it, or E_COUNT when it was never released. */
static void settle(const struct block *b, enum cls c, enum entry free_entry)
{
    profile_block(b, c);
    blocks[c]++;
    tally[c][b->entry]++;
    tally[c][E_REALLOC] += b->reallocs;
    if (free_entry != E_COUNT)
        tally[c][free_entry]++;
    if (c == C_LIBRARY)
        return;
    int k = size_bucket(b->size);
    uint64_t ncalls = 1 + b->reallocs + (free_entry != E_COUNT);
    hist_blocks[H_PROGRAM][k]++;
    hist_calls[H_PROGRAM][k] += ncalls;
    if (freed_in_frame(c)) {
        hist_blocks[H_LOCAL][k]++;
        hist_calls[H_LOCAL][k] += ncalls;
    }
}

/* Records the allocation of 'size' bytes at 'p' through 'entry', called
 * from return address 'ra'. */
static void note_alloc(void *p, size_t size, enum entry entry, uintptr_t ra)
{
    if (!p || in_shim || !classifying())
        return;
    in_shim = 1;
    struct block *stale = table_find(&blocks_live, (uintptr_t)p);
    if (stale) { /* its free was not seen: another thread released it */
        settle(stale, class_of(stale, 0), E_COUNT);
        table_remove(&blocks_live, stale);
    }
    struct caller_info who = describe_caller(ra);
    uintptr_t site = who.origin == O_PROGRAM ? program_call_site(ra) : 0;
    struct block b = {(uintptr_t)p, site, join_frame_site(site, shadow[depth]), shadow[depth], depth,
                      0, size, (uint8_t)(who.wrapper == 1 ? E_NEW : entry), who.origin};
    table_insert(&blocks_live, &b);
    in_shim = 0;
}

/* Records the release of 'p' through free, from return address 'ra'. */
static void note_free(void *p, uintptr_t ra)
{
    if (in_shim || !classifying())
        return;
    in_shim = 1;
    enum entry entry = describe_caller(ra).wrapper == 2 ? E_DELETE : E_FREE;
    struct block *b = p ? table_find(&blocks_live, (uintptr_t)p) : NULL;
    if (b) {
        settle(b, class_of(b, 1), entry);
        table_remove(&blocks_live, b);
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
    if (!measured_thread())
        return p;
    count_call(E_MALLOC, RA());
    bytes_requested += size;
    note_alloc(p, size, E_MALLOC, RA());
    return p;
}

void *calloc(size_t n, size_t size)
{
    void *p = __libc_calloc(n, size);
    if (!measured_thread())
        return p;
    calls[E_CALLOC]++;
    bytes_requested += n * size;
    note_alloc(p, n * size, E_CALLOC, RA());
    return p;
}

void free(void *p)
{
    if (!measured_thread()) {
        __libc_free(p);
        return;
    }
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
    struct block *b = table_find(&blocks_live, (uintptr_t)old);
    struct block moved;
    if (b) {
        moved = *b;
        table_remove(&blocks_live, b);
        moved.reallocs++;
        moved.size = size > moved.size ? size : moved.size;
        if (p) {
            moved.ptr = (uintptr_t)p;
            table_insert(&blocks_live, &moved);
        } else if (size == 0)
            settle(&moved, class_of(&moved, 1), E_COUNT);
    }
    in_shim = 0;
}

static void *resize(void *old, size_t size, uintptr_t ra)
{
    void *p = __libc_realloc(old, size);
    if (!measured_thread())
        return p;
    calls[E_REALLOC]++;
    bytes_requested += size;
    if (p || size == 0)
        note_realloc(old, p, size, ra);
    return p;
}

void *realloc(void *old, size_t size)
{
    return resize(old, size, RA());
}

void *reallocarray(void *old, size_t n, size_t size)
{
    size_t total;
    if (__builtin_mul_overflow(n, size, &total)) {
        errno = ENOMEM;
        return NULL;
    }
    return resize(old, total, RA());
}

static void *aligned(size_t align, size_t size, uintptr_t ra)
{
    void *p = __libc_memalign(align, size);
    if (!measured_thread())
        return p;
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

/* Lets backtrace() load the unwinder now rather than inside a malloc; its
 * heap calls are the shim's, not the program's, and are not counted. */
static void load_unwinder(void)
{
    uint64_t before[E_COUNT];
    void *frame;
    memcpy(before, calls, sizeof calls);
    in_shim = 1;
    backtrace(&frame, 1);
    in_shim = 0;
    memcpy(calls, before, sizeof calls);
}

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

/* Runs in the child of a fork: forgets the parent's tallies and blocks, so
 * that each process reports only its own calls. The shadow stack stays: the
 * child returns through the parent's frames. */
static void shim_forked(void)
{
    if (!is_main_thread())
        return;
    memset(calls, 0, sizeof calls);
    memset(tally, 0, sizeof tally);
    memset(blocks, 0, sizeof blocks);
    memset(hist_blocks, 0, sizeof hist_blocks);
    memset(hist_calls, 0, sizeof hist_calls);
    blocks_same_frame = bytes_requested = shadow_overflows = foreign_calls = 0;
    if (sites)
        memset(sites, 0, MAX_SITES * sizeof *sites);
    sites_dropped = 0;
    activations_before = next_activation - 1;
    table_clear(&blocks_live);
    table_clear(&frame_sites);
}

__attribute__((constructor)) static void shim_start(void)
{
    struct rlimit rl;
    main_anchor = &thread_anchor;
    pthread_atfork(NULL, NULL, shim_forked); /* glibc keeps the first 48 without malloc */
    load_unwinder(); /* before the painting: its stack is not the program's */
    size_t bytes = PAINT_BYTES;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur / 2 < bytes)
        bytes = rl.rlim_cur / 2;
    paint_top = (uintptr_t)__builtin_frame_address(0);
    paint_stack(bytes);
    profile_path = getenv("H2S_PROFILE_OUT");
    void *m = mmap(NULL, MAX_SITES * sizeof *sites, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    sites = m == MAP_FAILED ? NULL : m;
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

/* Appends the size histograms to 'buf' (of 'sz' bytes, 'n' used). */
static int put_histograms(char *buf, size_t sz, int n)
{
    char key[64];
    for (int h = 0; h < H_COUNT; h++)
        for (int k = 0; k < SIZE_BUCKETS; k++) {
            snprintf(key, sizeof key, "hist.%s.blocks.%s", hist_names[h], bucket_names[k]);
            n = put(buf, sz, n, key, hist_blocks[h][k]);
            snprintf(key, sizeof key, "hist.%s.calls.%s", hist_names[h], bucket_names[k]);
            n = put(buf, sz, n, key, hist_calls[h][k]);
        }
    return n;
}

/* Settles the blocks still alive: never freed, so not local. */
static void settle_live_blocks(void)
{
    for (size_t i = 0; i < blocks_live.cap; i++) {
        const struct block *b = (const struct block *)key_at(&blocks_live, i);
        if (b->ptr)
            settle(b, class_of(b, 0), E_COUNT);
    }
}

/* True unless $H2S_SHIM_ONLY_UNDER names a directory that does not hold
 * this process's executable. */
static int reports_this_process(void)
{
    const char *dir = getenv("H2S_SHIM_ONLY_UNDER");
    char exe[4096];
    if (!dir || !*dir)
        return 1;
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    return len > (ssize_t)n && strncmp(exe, dir, n) == 0 && exe[n] == '/';
}

__attribute__((destructor)) static void shim_report(void)
{
    static char buf[8192];
    char key[64];
    int n = 0, saturated;
    in_shim = 1;
    if (!reports_this_process())
        return;
    size_t peak = stack_peak(&saturated);
    for (int e = 0; e < E_COUNT; e++)
        n = put(buf, sizeof buf, n, entry_names[e], calls[e]);
    n = put(buf, sizeof buf, n, "bytes", bytes_requested);
    n = put(buf, sizeof buf, n, "stack_peak", peak);
    n = put(buf, sizeof buf, n, "stack_saturated", (uint64_t)saturated);
    if (classifying()) {
        settle_live_blocks();
        if (profile_path && sites)
            write_profile();
        n = put(buf, sizeof buf, n, "activations", next_activation - 1 - activations_before);
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
        n = put_histograms(buf, sizeof buf, n);
    }
    n = put(buf, sizeof buf, n, "foreign_thread_calls", foreign_calls);
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
