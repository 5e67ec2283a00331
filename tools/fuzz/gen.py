#!/usr/bin/env python3
# ===- tools/fuzz/gen.py - Random allocation-heavy C programs ----------------===#
#
# Writes one C program, chosen by a seed, for differential testing of
# heap2stack: the program is built with and without the plugin and the two
# runs must print the same text and exit with the same status (campaign.sh).
# The same seed always gives the same program (random.Random(seed), nothing
# else random), and the program's output depends only on its own arithmetic.
#
# What the programs do: many functions that allocate blocks (malloc, calloc,
# aligned_alloc, memalign, strdup, strndup, realloc) of sizes on both sides
# of the 1024-byte limit, use them (loops, noinline helpers, string
# functions, aliases through selects, phis and pointer arithmetic), free
# them on all, some or no paths, let some escape (globals, returns, helpers
# that keep or free them, integer casts) and fold their contents into an
# unsigned checksum.  About two in five sizes are known at run time only
# (made from the parameter, the checksum, loop counters or strlen() of a
# word from the program's table, reduced modulo or masked so that LLVM can
# prove a bound, or laundered by h_opaque() so that it cannot), on both
# sides of small guard limits (1-512 bytes) and of the 1024-byte one, and
# for calloc in the count, the element size or both.  Shapes built on
# them: buffers that grow by doubling with realloc or reallocarray
# (elements, from a first block or from NULL, or words appended to a
# string; staying small or growing past 1 KiB; then shrunk,
# freed, kept or released by realloc(p, 0); or a string builder managed by
# its helpers h_sb_init/h_sb_add/h_sb_release, released, freed or kept),
# realloc chains that grow and
# then shrink and check the kept part, strdup and strndup of run-time
# strings (limits below and above the length, sometimes once per loop
# iteration), interior pointers from strchr, strrchr, strstr and memchr
# compared with the block and subtracted from it, double buffering (the
# previous iteration's block read after the next allocation, by malloc or
# by realloc of two swapping buffers), a block allocated in both branches
# of an if and freed after the join, callocs whose product overflows
# size_t (they must fail), and blocks of 1-4 MiB.
# Memory flow (blocks whose pointers wait in other objects, memflow.c in
# the pass): local or malloc'd arrays of pointers indexed at run time
# (blocks overwritten, freed on some paths, one kept past the shape), a
# malloc'd, calloc'd or local struct holder { char *buf; unsigned n; char
# *aux; } whose fields get new blocks, are read back, replaced and freed
# through the field (or the struct escapes: a global, a keeper, a helper
# the pass cannot see into, the return of a holder factory), arrays of
# struct item { pointer, size, tag } indexed at run time (and sorted by
# qsort), strtol and its kind with a local 'char *end' (or a struct scan's)
# into a buffer, strtok_r and strsep loops over a strdup'd word list,
# double buffering through a holder (the previous block read from a slot
# or a field after the next one is allocated), and a holder struct copied
# by memcpy or assignment and freed through the copy, and a small-buffer
# text whose pointer first points at its own array, a chain of malloc'd
# holders, each holding a new block, whose previous holder is read after
# the next block is allocated, and records holding a block's pointer
# compared by memcmp with the record before while both blocks are live.
# Each is a feature --without can leave out (MEMFLOW; "memflow" leaves out
# all).
# Around that: loops that allocate per iteration (freed in the same or the
# next iteration, kept in an array, found and kept past a break), recursion
# (direct, and through a table of function pointers), setjmp/longjmp,
# worker threads with 64 KiB stacks (mostly running functions with
# run-time sizes), and functions holding many blocks at once (the
# 2048-byte frame budget).  main prints every checksum and exits with a
# status computed from them.
#
# INVARIANT: the programs have no undefined behaviour and read nothing
# indeterminate, so any difference between two builds is the compiler's.
# The generator keeps it by construction:
#   - arithmetic is unsigned; an element is converted to unsigned before any
#     shift or multiplication;
#   - every block is fully written right after it is allocated (calloc's are
#     zero and only checked); realloc's new tail is written too;
#   - a block of run-time size is written up to its real size, but the
#     generator only knows (Block.count) the least size it can have, and
#     later uses stay below that; code that keeps the real size in a
#     variable (growing buffers, realloc chains) uses that variable;
#   - indices are constants below the element count, or reduced modulo it;
#   - a text block (char) always ends in a zero byte and writes stay below
#     it, so string functions never run off its end; copies check lengths;
#   - a block is used only while it is owned; after it is freed, kept or
#     handed away it is never touched again; a block freed on some paths
#     is set to NULL there and used only under `if (p)`;
#   - a holder of pointers (a local array or struct, a malloc'd one) is
#     written before it is read: every slot NULL or a block, every field
#     set (a struct's padding is only ever copied, by memcpy); a block is
#     freed through a slot at most once (the slot is then set to NULL, or
#     never read again); a holder's fields are read only while it is owned
#     (copied out first when the holder is freed before its blocks); uses
#     through a slot stay below the least size of any block that slot can
#     hold; an escaping holder's 'buf' has exactly 'n' bytes, all written;
#   - strtod parses only "digits.digits" the program wrote (its value
#     converts to unsigned without overflow); strtol and its kind may
#     parse anything (they saturate, deterministically);
#   - realloc(p, 0) is taken as glibc defines it (p is freed, NULL is
#     returned; C17 leaves it to the library): p is never used again and
#     the result, NULL on glibc, is freed; a failed realloc leaves the old
#     block owned, and it is freed;
#   - an allocation whose result would only be tested and freed is also
#     passed to a helper (h_is_null, h_is_zero): LLVM may delete such an
#     allocation and take it as having succeeded, which would make the
#     output depend on the optimisation level;
#   - nothing prints, compares or hashes an address (except a check of
#     alignment whose result is the same on both builds); pointers into a
#     block are compared with and subtracted from pointers into the same
#     block (or NULL) only;
#   - threads share nothing mutable: the globals are _Thread_local (the
#     word table is const);
#   - setjmp appears only as the controlling expression of a switch, and
#     nothing changed between setjmp and longjmp is read afterwards unless
#     it is volatile.
# Check a seed with sanitizers: campaign.sh --check-ub runs the plain build
# under -fsanitize=address,undefined and -fsanitize=memory (the programs
# set allocator_may_return_null, so that an impossible calloc returns NULL
# there too).
#
# Usage: gen.py SEED [-o FILE] [--without FEATURES]
#
# ===----------------------------------------------------------------------===#
import argparse
import random
import sys

# Characters of the word table (and what strchr and its kind look for).
WORD_CHARS = "abcdeilnorstu-:"

# Share of allocations (alloc()) whose size is known at run time only.
RT_SHARE = 0.3

# Element types of blocks: C type, size in bytes.
TYPES = {
    "char": 1,                 # text: zero-terminated, see the invariant
    "unsigned char": 1,
    "unsigned short": 2,
    "unsigned": 4,
    "unsigned long long": 8,
    "struct rec": 16,          # no padding: every byte is a field's
}

PRELUDE = r"""
#include <malloc.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOINLINE __attribute__((noinline))

struct rec { unsigned a; unsigned b; unsigned short c[4]; };

/* Per-thread state: failed self-checks, blocks handed to the keeper, and
 * the one block parked in a global slot. */
static _Thread_local unsigned t_bad;
static _Thread_local void *t_kept[256];
static _Thread_local size_t t_kept_n[256];
static _Thread_local unsigned t_nkept;
static _Thread_local unsigned t_overflow;
static _Thread_local unsigned char *t_slot;
static _Thread_local size_t t_slot_n;
static _Thread_local char t_addr[64]; /* a block's address, as text */
static _Thread_local size_t t_addr_n;

static inline unsigned mix(unsigned h, unsigned v) {
  h ^= v + 0x9e3779b9u + (h << 6) + (h >> 2);
  return h * 0x85ebca6bu;
}

NOINLINE unsigned h_sum(const void *p, size_t n) {
  const unsigned char *b = p;
  unsigned h = 17u;
  for (size_t i = 0; i < n; i++)
    h = mix(h, b[i]);
  return h;
}

NOINLINE void h_scramble(void *p, size_t n, unsigned k) {
  unsigned char *b = p;
  for (size_t i = 0; i < n; i++)
    b[i] = (unsigned char)(b[i] ^ (k >> (i % 24u)) ^ (unsigned)i);
}

NOINLINE void h_fill_text(char *s, size_t n, unsigned seed) {
  for (size_t i = 0; i + 1 < n; i++)
    s[i] = (char)('a' + (mix(seed, (unsigned)i) >> 7) % 26u);
  if (n)
    s[n - 1] = 0;
}

NOINLINE void h_fill_bytes(void *p, size_t n, unsigned seed) {
  unsigned char *b = p;
  for (size_t i = 0; i < n; i++)
    b[i] = (unsigned char)(mix(seed, (unsigned)i) >> 11);
}

NOINLINE unsigned h_is_zero(const void *p, size_t n) {
  const unsigned char *b = p;
  for (size_t i = 0; i < n; i++)
    if (b[i])
      return 0;
  return 1;
}

/* noescape: the address is only inspected, so the block may still move. */
NOINLINE unsigned h_aligned(const void *p __attribute__((noescape)), size_t a) {
  return (uintptr_t)p % a == 0;
}

/* Only whether 'p' is NULL is looked at.  The call also keeps LLVM from
 * deleting an allocation whose result is only tested and freed (it then
 * takes the test as passed, though realloc(p, 0) returns NULL). */
NOINLINE unsigned h_is_null(const void *p __attribute__((noescape))) { return p == NULL; }

NOINLINE void h_release(void *p) { free(p); }

/* Free wrappers that do more than free (wrappers.c): one reads the block
 * first and returns what it read, one frees through h_release. */
NOINLINE unsigned h_release_sum(void *p, size_t n) {
  unsigned s = p ? h_sum(p, n) : 0u;
  free(p);
  return s;
}

static _Thread_local unsigned t_released;
NOINLINE void h_release_counted(void *p) {
  t_released += p != NULL;
  h_release(p);
}

/* An allocation wrapper the inliner may keep out of line (factories.c
 * inlines its calls where their block is freed): it counts what it makes
 * and stamps the first byte, which the caller's fill overwrites. */
static _Thread_local unsigned t_made, t_made_bytes;
static void *h_make(size_t n) {
  unsigned char *p = malloc(n);
  if (!p)
    return NULL;
  t_made++;
  t_made_bytes += (unsigned)n;
  if ((t_made & 1023u) == 0)
    t_overflow = mix(t_overflow, t_made_bytes);
  p[0] = (unsigned char)t_made;
  return p;
}

/* A string builder whose helpers manage its buffer (helpers.c inlines
 * their calls where the builder's buffer is both allocated and freed).
 * h_sb_add is cold, so that LLVM's inliner leaves it out of line. */
struct h_sb {
  char *buf;
  size_t len, cap;
};

static int h_sb_init(struct h_sb *b, size_t cap) {
  b->len = 0;
  b->cap = cap ? cap : 1;
  b->buf = malloc(b->cap);
  if (!b->buf)
    return -1;
  b->buf[0] = 0;
  return 0;
}

__attribute__((cold)) static int h_sb_add(struct h_sb *b, const char *s, size_t n) {
  while (b->len + n + 1 > b->cap) {
    char *p = realloc(b->buf, 2 * b->cap);
    if (!p)
      return -1;
    b->buf = p;
    b->cap *= 2;
  }
  memcpy(b->buf + b->len, s, n);
  b->len += n;
  b->buf[b->len] = 0;
  return 0;
}

static void h_sb_release(struct h_sb *b) {
  free(b->buf);
  b->buf = NULL;
  b->len = b->cap = 0;
}

NOINLINE void *h_ident(void *p) { return p; }

NOINLINE void *h_pick(void *a, void *b, unsigned c) { return c ? a : b; }

NOINLINE void *h_advance(void *p, size_t k) { return (unsigned char *)p + k; }

/* Always zero, but no optimiser can know it: a size that goes through
 * h_opaque() is known at run time only, with no bound LLVM can prove. */
static _Thread_local volatile size_t t_zero;
NOINLINE size_t h_opaque(size_t v) { return v + t_zero; }

/* In the sanitized builds (campaign.sh --check-ub, the AddressSanitizer
 * build) an allocation that cannot be made (a calloc whose product
 * overflows) returns NULL, as glibc's does, instead of ending the run. */
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }
const char *__msan_default_options(void) { return "allocator_may_return_null=1"; }

/* Takes ownership of 'p' ('n' bytes); drain_kept() reads and frees it. */
NOINLINE void h_keep(void *p, size_t n) {
  if (t_nkept < 256) {
    t_kept[t_nkept] = p;
    t_kept_n[t_nkept++] = n;
  } else {
    t_overflow = mix(t_overflow, h_sum(p, n));
    free(p);
  }
}

/* A pointer that only lives in a struct on the caller's stack. */
struct box { unsigned char *p; size_t n; };
NOINLINE unsigned h_box_sum(const struct box *bx) { return h_sum(bx->p, bx->n); }

/* Parks 'p' in the thread's global slot, folding out the previous one. */
static void park(void *p, size_t n) {
  if (t_slot) {
    t_overflow = mix(t_overflow, h_sum(t_slot, t_slot_n));
    free(t_slot);
  }
  t_slot = p;
  t_slot_n = n;
}

/* Memory flow: objects that hold blocks' pointers.  A holder's 'buf' is
 * text of exactly 'n' bytes (n >= 2, all written, buf[n - 1] == 0); 'aux'
 * is NULL or a string.  Both are owned by whoever owns the holder. */
struct holder { char *buf; unsigned n; char *aux; };

static unsigned holder_sum(const struct holder *h) {
  unsigned v = h_sum(h->buf, h->n);
  if (h->aux)
    v = mix(v, h_sum(h->aux, strlen(h->aux) + 1));
  return v;
}

static void holder_free(struct holder *h) {
  free(h->buf);
  free(h->aux);
  free(h);
}

/* Reads a holder: the pass cannot see that it only reads. */
NOINLINE unsigned h_holder_sum(const struct holder *h) { return holder_sum(h); }

static _Thread_local struct holder *t_holds[64];
static _Thread_local unsigned t_nholds;
static _Thread_local struct holder *t_hold;

/* Takes ownership of holder 'h' and its blocks; drain_kept() frees them. */
NOINLINE void h_hold_keep(struct holder *h) {
  if (t_nholds < 64) {
    t_holds[t_nholds++] = h;
  } else {
    t_overflow = mix(t_overflow, holder_sum(h));
    holder_free(h);
  }
}

/* A block's text in a node of a chain (memory flow through holders made
 * in a loop), and a record compared byte by byte: no padding, so memcmp
 * reads only the pointer's and the number's bytes. */
struct node { char *p; };
struct named { char *name; size_t id; };

/* A small-buffer text: 'p' points at its own 'inl' until the text (of
 * 'len' bytes, then a zero) outgrows it, then at a heap block of 'cap'
 * bytes, grown by realloc, or by a new block and a copy. */
struct sbuf { char *p; size_t len, cap; char inl[24]; };

static void sbuf_init(struct sbuf *b) {
  b->p = b->inl;
  b->len = 0;
  b->cap = sizeof b->inl;
  b->inl[0] = 0;
}

/* Appends the 'n' bytes at 's'; 0 when memory ran out (the text stays). */
static int sbuf_put(struct sbuf *b, const char *s, size_t n, int by_copy) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = 2 * (b->len + n + 1);
    char *q;
    if (b->p == b->inl || by_copy) {
      q = malloc(cap);
      if (q) {
        memcpy(q, b->p, b->len + 1);
        if (b->p != b->inl)
          free(b->p);
      }
    } else {
      q = realloc(b->p, cap);
    }
    if (!q)
      return 0;
    b->p = q;
    b->cap = cap;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = 0;
  return 1;
}

static void sbuf_release(struct sbuf *b) {
  if (b->p != b->inl)
    free(b->p);
}

/* Reads a small-buffer text: the pass cannot see that it only reads. */
NOINLINE unsigned h_sbuf_sum(const struct sbuf *b) { return h_sum(b->p, b->len + 1); }

/* Parks holder 'h' in the thread's global holder slot. */
static void hold_park(struct holder *h) {
  if (t_hold) {
    t_overflow = mix(t_overflow, holder_sum(t_hold));
    holder_free(t_hold);
  }
  t_hold = h;
}

/* An element of an array of blocks: 'p' has 'n' bytes, all written; 'tag'
 * is unique within its array (what qsort orders by). */
struct item { unsigned char *p; unsigned n; unsigned tag; };

static int cmp_item(const void *a, const void *b) {
  unsigned x = ((const struct item *)a)->tag, y = ((const struct item *)b)->tag;
  return (x > y) - (x < y);
}

/* A parse in progress: its address goes to strtol or strtok_r. */
struct scan { char *text; char *end; char *save; unsigned count; unsigned sum; };

static int cmp_unsigned(const void *a, const void *b) {
  unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
  return (x > y) - (x < y);
}

static unsigned drain_kept(void) {
  unsigned h = t_overflow;
  void *q;
  if (t_addr[0] && sscanf(t_addr, "%p", &q) == 1) /* the block is leaked */
    h = mix(h, h_sum(q, t_addr_n));
  t_addr[0] = 0;
  for (unsigned i = 0; i < t_nkept; i++) {
    h = mix(h, h_sum(t_kept[i], t_kept_n[i]));
    free(t_kept[i]);
  }
  t_nkept = 0;
  if (t_slot) {
    h = mix(h, h_sum(t_slot, t_slot_n));
    free(t_slot);
    t_slot = NULL;
  }
  for (unsigned i = 0; i < t_nholds; i++) {
    h = mix(h, holder_sum(t_holds[i]));
    holder_free(t_holds[i]);
  }
  t_nholds = 0;
  if (t_hold) {
    h = mix(h, holder_sum(t_hold));
    holder_free(t_hold);
    t_hold = NULL;
  }
  return h;
}
"""


class Block:
    """A pointer variable holding a block the function owns."""

    def __init__(self, name, ctype, count, family, loop_level, scope=0):
        self.name = name
        self.ctype = ctype
        self.count = count          # elements any use may touch: for a
                                    # block of run-time size, the fewest
                                    # it can have
        self.family = family        # malloc, or aligned (never realloc'd)
        self.maybe_null = False     # freed on some paths: use under if (p)
        self.loop_level = loop_level
        self.scope = scope          # nesting of the C scope it belongs to:
                                    # only there may realloc change its size

    @property
    def nbytes(self):
        return self.count * TYPES[self.ctype]

    @property
    def is_text(self):
        return self.ctype == "char"


class Unit:
    """A generated function other code may call."""

    def __init__(self, kind, name, depth, printing, ret=None):
        self.kind = kind            # scenario, factory, rec, disp, sj
        self.name = name
        self.depth = depth          # longest chain of generated calls below
        self.printing = printing    # calls printf: not for threads
        self.ret = ret              # factory: (ctype, count)
        self.max_depth = 0          # rec/disp: recursion depth for main
        self.rt = False             # allocates blocks of run-time size


class Fn:
    """Emits the body of one function, tracking the blocks it owns."""

    def __init__(self, gen, name, printing, fail="acc", early=None):
        self.gen = gen
        self.r = gen.r
        self.name = name
        self.printing = printing
        self.fail = fail            # what to return when an allocation fails
        self.early = early          # what an early return returns;
                                    # None: acc ^ a constant
        self.lines = []
        self.ind = 1
        self.blocks = []
        self.loop_level = 0
        self.nest = 0               # nested C scopes (if and loop bodies)
        self.uid = 0
        self.callees = []
        self.budget = gen.r.randint(6, 14)   # features in this function
        self.loop_vars = []         # (counter, trip count, indent) of the
                                    # open loops a size may be made from
        self.rt_used = False        # emitted a run-time size
        self.allow_huge = False     # may allocate megabytes (not in
                                    # recursion, where every level would)
        self.deferred = []          # (nest, statement): frees of holders
                                    # whose fields are owned blocks, due
                                    # when the scope at 'nest' ends

    # -- emission ----------------------------------------------------------
    def emit(self, line):
        self.lines.append("  " * self.ind + line)

    def open(self, line):
        self.emit(line + " {")
        self.ind += 1

    def close(self, tail=""):
        self.ind -= 1
        self.emit("}" + tail)
        while self.loop_vars and self.loop_vars[-1][2] > self.ind:
            self.loop_vars.pop()    # the loop's counter is out of scope

    def open_for(self, i, n):
        """Opens `for (unsigned i = 0; i < n; i++)`; until it is closed,
        run-time sizes may be made from 'i' (a bound SCEV can prove)."""
        self.open("for (unsigned %s = 0; %s < %du; %s++)" % (i, i, n, i))
        self.loop_vars.append((i, n, self.ind))

    def ret_fail(self):
        """The statement that gives up when an allocation fails."""
        return ("return %s;" % self.fail).replace(" ;", ";")

    def fresh(self, prefix):
        self.uid += 1
        return "%s%d" % (prefix, self.uid)

    def cond(self):
        """A condition that depends on the running checksum."""
        r = self.r
        m = r.choice([2, 3, 5, 7, 11])
        return "((acc >> %du) %% %du == %du)" % (r.randint(0, 9), m, r.randrange(m))

    # -- block helpers -----------------------------------------------------
    def elem_read(self, b, idx):
        n = b.name
        if b.ctype == "struct rec":
            return "(%s[%s].a ^ %s[%s].b ^ %s[%s].c[%s %% 4u])" % (n, idx, n, idx, n, idx, idx)
        if b.ctype == "unsigned long long":
            return "(unsigned)(%s[%s] ^ (%s[%s] >> 32))" % (n, idx, n, idx)
        if b.is_text:
            return "(unsigned)(unsigned char)%s[%s]" % (n, idx)
        return "(unsigned)%s[%s]" % (n, idx)

    def elem_write(self, b, idx, val):
        n = b.name
        if b.ctype == "struct rec":
            return "%s[%s].b = %s;" % (n, idx, val)
        if b.is_text:
            return "%s[%s] = (char)('a' + (%s) %% 26u);" % (n, idx, val)
        return "%s[%s] = (%s)(%s);" % (n, idx, b.ctype, val)

    def writable(self, b):
        """Elements that may be written (a text block keeps its last zero)."""
        return b.count - 1 if b.is_text else b.count

    def bytes_of(self, b, n=None):
        """The C expression of the size of 'b' in bytes: 'n' elements (a C
        expression) when given, else the count known here."""
        if n is None:
            return str(b.nbytes)
        return n if TYPES[b.ctype] == 1 else "%s * sizeof *%s" % (n, b.name)

    def fill(self, b, seed, n=None):
        """Writes every element of new block 'b' ('n' of them, a C
        expression, when its size is known at run time only)."""
        r = self.r
        count = n or str(b.count)
        if b.is_text:
            if r.random() < 0.5:
                self.emit("h_fill_text(%s, %s, %s);" % (b.name, count, seed))
            else:
                i = self.fresh("i")
                self.emit("for (size_t %s = 0; %s + 1 < %s; %s++)" % (i, i, count, i))
                self.emit("  %s" % self.elem_write(b, i, "mix(%s, (unsigned)%s)" % (seed, i)))
                last = "%d" % (b.count - 1) if n is None else "%s - 1" % n
                self.emit("%s[%s] = 0;" % (b.name, last))
            return
        if r.random() < 0.4:
            self.emit("h_fill_bytes(%s, %s, %s);" % (b.name, self.bytes_of(b, n), seed))
            return
        i = self.fresh("i")
        self.open("for (size_t %s = 0; %s < %s; %s++)" % (i, i, count, i))
        if b.ctype == "struct rec":
            self.emit("%s[%s].a = mix(%s, (unsigned)%s);" % (b.name, i, seed, i))
            self.emit("%s[%s].b = (unsigned)%s * 7u;" % (b.name, i, i))
            for k in range(4):
                self.emit("%s[%s].c[%d] = (unsigned short)(%s + %du);" % (b.name, i, k, seed, k))
        else:
            self.emit(self.elem_write(b, i, "mix(%s, (unsigned)%s)" % (seed, i)))
        self.close()

    def usable(self, pred=None):
        return [b for b in self.blocks if pred is None or pred(b)]

    def freeable(self, pred=None):
        """Owned blocks this point may free or hand away (not loop-outer)."""
        return [b for b in self.blocks
                if b.loop_level == self.loop_level and (pred is None or pred(b))]

    def guarded(self, b):
        """Opens `if (b)` for a block that may be null; returns whether."""
        if b.maybe_null:
            self.open("if (%s)" % b.name)
            return True
        return False

    # -- allocation --------------------------------------------------------
    def pick_size(self):
        r = self.r
        x = r.random()
        if x < 0.33:
            return r.randint(1, 64)
        if x < 0.58:
            return r.randint(65, 512)
        if x < 0.75:
            return r.choice([1024, 1023, 1016, r.randint(513, 1024)])
        if x < 0.87:
            return r.choice([1025, 1032, r.randint(1025, 1100)])
        return r.randint(1101, 6000)

    # -- run-time sizes ----------------------------------------------------
    def rt_source(self):
        """An unsigned value known at run time only: the parameter, the
        checksum, or a mix of them."""
        r = self.r
        self.rt_used = True
        return r.choice(["x", "x", "acc", "(x >> 3)", "(acc >> 7)",
                         "mix(x, %du)" % r.randint(1, 99)])

    def rt_expr(self, lo, hi):
        """A size_t C expression whose run-time value lies in [lo, hi]: a
        parameter or checksum reduced modulo the span or masked (bounds
        LLVM can prove), a loop counter times a step, a strlen() from the
        word table, or a value laundered by h_opaque() (no bound)."""
        r = self.r
        span = hi - lo + 1
        src = self.rt_source()
        form = r.randrange(6)
        if form == 0 and self.loop_vars:
            i, n, _ = r.choice(self.loop_vars)
            step = (span - 1) // max(1, n - 1)
            if step:
                return "(size_t)%du + (size_t)%s * %du" % (lo, i, step)
        if form <= 1:
            mask = (1 << (span.bit_length() - 1)) - 1   # at most span - 1
            return "(size_t)%du + (size_t)(%s & %du)" % (lo, src, mask)
        if form == 2:
            return "(size_t)%du + h_opaque(%s %% %du)" % (lo, src, span)
        if form == 3:
            return "(size_t)%du + strlen(%s) %% %du" % (lo, self.word(), span)
        return "(size_t)%du + (size_t)(%s %% %du)" % (lo, src, span)

    def rt_count(self, lo, hi):
        """Declares a size_t variable holding a run-time value in [lo, hi];
        returns its name."""
        n = self.fresh("n")
        self.emit("size_t %s = %s;" % (n, self.rt_expr(lo, hi)))
        return n

    def rt_range(self, nbytes=None):
        """Bounds in bytes for a run-time size: always below the guard
        limits the pass may use (K, somewhere in 64-256), across them,
        close to one of them, across the 1024-byte limit, or above it;
        sometimes just below the 'nbytes' a caller wanted."""
        r = self.r
        if nbytes is not None and r.random() < 0.3:
            return max(1, nbytes // r.choice([2, 4, 16])), nbytes
        x = r.random()
        if x < 0.25:
            return 1, r.randint(8, 64)
        if x < 0.6:
            return r.randint(1, 64), r.randint(65, 512)
        if x < 0.8:
            k = r.choice([32, 64, 96, 128, 192, 256, 384, 512])
            d = r.randint(1, 16)
            return k - d, k + d
        if x < 0.93:
            return r.randint(256, 1000), r.randint(1000, 1100)
        return r.randint(513, 2000), r.randint(2000, 6000)

    def rt_elems(self, ctype, nbytes=None):
        """rt_range() in elements of 'ctype' (text: at least 2)."""
        lo_b, hi_b = self.rt_range(nbytes)
        esize = TYPES[ctype]
        least = 2 if ctype == "char" else 1
        lo = max(least, lo_b // esize)
        return lo, max(lo, hi_b // esize)

    def word(self):
        """A string of the word table, picked at run time."""
        return "g_words[%s %% %du]" % (self.rt_source(), len(self.gen.words))

    def word_lens(self):
        lens = [len(w) for w in self.gen.words]
        return min(lens), max(lens)

    # -- allocation --------------------------------------------------------
    def alloc(self, ctype=None, nbytes=None, declare=True, name=None):
        """Allocates a block into a new (or the named) variable, fills it,
        and returns it (owned).  Emits the null check.  Some blocks get a
        size known at run time only (alloc_rt)."""
        r = self.r
        ctype = ctype or r.choice(list(TYPES))
        nbytes = nbytes if nbytes is not None else self.pick_size()
        name = name or self.fresh("b")
        decl = "%s *" % ctype if declare else ""
        if "rt-size" not in self.gen.without and r.random() < RT_SHARE:
            b, kind, align, n = self.alloc_rt(ctype, nbytes, decl, name)
        else:
            b, kind, align, n = self.alloc_const(ctype, nbytes, decl, name)
        self.init_block(b, kind, align, n)
        return b

    def alloc_const(self, ctype, nbytes, decl, name):
        """Emits an allocation of a constant size, about 'nbytes'; returns
        the block, the kind of call, the alignment and None (see
        init_block)."""
        r = self.r
        esize = TYPES[ctype]
        count = max(1, nbytes // esize)
        if ctype == "char":
            count = max(2, count)
        kinds = ["malloc"] * 5 + ["calloc"] * 2 + ["aligned"] * 2 + ["memalign", "realloc0",
                                                                    "factory"]
        if ctype == "char":
            kinds += ["strdup"] * 2
        kind = r.choice(kinds)
        family = "malloc"
        align = None
        if kind == "strdup":
            text = "".join(r.choice("abcdefghijklmnopqrstuvwxyz-:") for _ in range(r.randint(1, 40)))
            count = len(text) + 1
            self.emit('%s%s = strdup("%s");' % (decl, name, text))
        elif kind in ("aligned", "memalign"):
            align = r.choice([16, 32, 64, 128, 256, 512] + ([4096] if r.random() < 0.1 else []))
            total = -(-count * esize // align) * align
            count = total // esize
            fn = "aligned_alloc" if kind == "aligned" else "memalign"
            self.emit("%s%s = %s(%d, %d);" % (decl, name, fn, align, total))
            family = "aligned"
        elif kind == "calloc":
            self.emit("%s%s = calloc(%d, sizeof *%s);" % (decl, name, count, name)
                      if decl and r.random() < 0.5 else
                      "%s%s = calloc(%d, %d);" % (decl, name, count, esize))
        elif kind == "realloc0":
            self.emit("%s%s = realloc(NULL, %d);" % (decl, name, count * esize))
        elif kind == "factory":
            self.emit("%s%s = h_make(%d);" % (decl, name, count * esize))
        else:
            size = ("%d * sizeof(%s)" % (count, ctype)) if r.random() < 0.5 else str(count * esize)
            self.emit("%s%s = malloc(%s);" % (decl, name, size))
        return Block(name, ctype, count, family, self.loop_level, self.nest), kind, align, None

    def alloc_rt(self, ctype, nbytes, decl, name):
        """Emits an allocation of a run-time number of elements (bounds
        from rt_range()): malloc, calloc (the count, or both arguments, at
        run time), aligned_alloc, memalign, realloc(NULL, n), or for text
        strdup and strndup of a word.  Returns the block, whose count is
        the lower bound, the kind, the alignment and the variable holding
        the real element count (None when no fill is due)."""
        r = self.r
        esize = TYPES[ctype]
        kinds = ["malloc"] * 4 + ["calloc"] * 2 + ["calloc2", "aligned", "memalign", "realloc0",
                                                   "factory"]
        if ctype == "char":
            kinds += ["strdup", "strndup"]
        kind = r.choice(kinds)
        if kind in ("strdup", "strndup"):
            return self.alloc_rt_dup(kind, decl, name)
        lo, hi = self.rt_elems(ctype, nbytes)
        family, align = "malloc", None
        if kind in ("aligned", "memalign"):
            align = r.choice([16, 32, 64, 128, 256])
            per = align // esize            # elements per aligned unit
            k = self.rt_count(max(1, lo // per), max(1, hi // per))
            n = self.fresh("n")
            self.emit("size_t %s = %s * %du;" % (n, k, per))
            lo = max(1, lo // per) * per
            fn = "aligned_alloc" if kind == "aligned" else "memalign"
            self.emit("%s%s = %s(%d, %s * %du);" % (decl, name, fn, align, k, align))
            family = "aligned"
        elif kind == "calloc2":
            most = r.choice([2, 3, 4, 8])
            c1 = self.rt_count(lo, max(lo, hi // most))
            c2 = self.rt_count(1, most)
            n = self.fresh("n")
            self.emit("size_t %s = %s * %s;" % (n, c1, c2))
            args = [c1, "%s * sizeof(%s)" % (c2, ctype)]
            r.shuffle(args)
            self.emit("%s%s = calloc(%s, %s);" % (decl, name, args[0], args[1]))
            kind = "calloc"
        else:
            n = self.rt_count(lo, hi)
            if kind == "calloc":
                self.emit("%s%s = calloc(%s, sizeof(%s));" % (decl, name, n, ctype))
            elif kind == "realloc0":
                self.emit("%s%s = realloc(NULL, %s * sizeof(%s));" % (decl, name, n, ctype))
            elif kind == "factory":
                self.emit("%s%s = h_make(%s * sizeof(%s));" % (decl, name, n, ctype))
            else:
                self.emit("%s%s = malloc(%s * sizeof(%s));" % (decl, name, n, ctype))
        return Block(name, ctype, lo, family, self.loop_level, self.nest), kind, align, n

    def alloc_rt_dup(self, kind, decl, name):
        """strdup, or strndup with a run-time limit, of a word picked at
        run time; the block's count is the shortest result it can be."""
        short, long_ = self.word_lens()
        src = self.word()
        if kind == "strdup":
            self.emit("%s%s = strdup(%s);" % (decl, name, src))
            least = short
        else:
            lo, hi = self.limit_range(short, long_)
            lim = self.rt_count(lo, hi)
            self.emit("%s%s = strndup(%s, %s);" % (decl, name, src, lim))
            least = min(short, lo)
        return Block(name, "char", least + 1, "malloc", self.loop_level, self.nest), kind, None, None

    def limit_range(self, short, long_):
        """Bounds (at least 1) for a strndup limit on strings of 'short' to
        'long_' characters: below all of them, above all, or across."""
        r = self.r
        x = r.random()
        if x < 0.3:
            return 1, max(1, short)
        if x < 0.6:
            return long_, long_ + r.randint(0, 40)
        return r.randint(1, max(1, short)), long_ + r.randint(0, 10)

    def init_block(self, b, kind, align, n):
        """The null check, the self-checks (calloc's zeros, the alignment)
        and the fill of new block 'b'; 'n' is the C variable holding its
        element count when that is known at run time only."""
        r = self.r
        name = b.name
        count = n or str(b.count)
        self.emit("if (!%s)" % name)
        self.emit("  " + self.ret_fail())
        if kind == "calloc":
            if r.random() < 0.5:
                self.emit("t_bad += !h_is_zero(%s, %s);" % (name, self.bytes_of(b, n)))
            else:
                i = self.fresh("i")
                self.emit("for (size_t %s = 0; %s < %s; %s++)" % (i, i, count, i))
                self.emit("  t_bad += %s != 0u;" % self.elem_read(b, i))
            if not b.is_text and r.random() < 0.5:
                return  # zero is a fine initial value
            if b.is_text:
                return  # all zero: the empty string
        if kind in ("aligned", "memalign"):
            if r.random() < 0.7:
                self.emit("t_bad += !h_aligned(%s, %d);" % (name, align))
            else:  # a cast to an integer: the block escapes
                self.emit("acc = mix(acc, (unsigned)((uintptr_t)%s %% %du));" % (name, align))
        if kind not in ("strdup", "strndup"):
            self.fill(b, "acc ^ %du" % r.randint(0, 999), n)
        if kind in ("aligned", "memalign") and align >= 32 and r.random() < 0.4:
            # The IR then relies on the alignment: the slot must keep it.
            al = self.fresh("al")
            self.emit("const unsigned char *%s = __builtin_assume_aligned(%s, %d);" % (al, name, align))
            self.emit("acc = mix(acc, (unsigned)%s[%d]);" % (al, r.randrange(b.nbytes)))

    def add_block(self):
        b = self.alloc()
        self.blocks.append(b)
        return b

    def release(self, b, how=None):
        """Frees (or leaks) owned block 'b' and forgets it."""
        r = self.r
        how = how or r.choice(["free"] * 6 + ["helper", "helper_sum", "helper_counted", "leak"])
        if how == "free":
            self.emit("free(%s);" % b.name)
        elif how == "helper":
            self.emit("h_release(%s);" % b.name)
        elif how == "helper_sum":
            self.emit("acc = mix(acc, h_release_sum(%s, %d));" % (b.name, b.nbytes))
        elif how == "helper_counted":
            self.emit("h_release_counted(%s);" % b.name)
        self.blocks.remove(b)

    # -- features ----------------------------------------------------------
    def feature(self):
        r = self.r
        weights = [
            (self.f_alloc, 5), (self.f_use, 8), (self.f_alias, 4),
            (self.f_free, 3), (self.f_cond_free, 2), (self.f_escape, 2),
            (self.f_realloc, 1), (self.f_text, 3), (self.f_merge_free, 1),
            (self.f_branch_free, 1),
        ]
        if self.nest < 2:
            weights += [(self.f_loop, 4), (self.f_if, 2), (self.f_many, 1)]
        if self.loop_level == 0:
            weights += [(self.f_call, 3), (self.f_factory, 2), (self.f_early_return, 1)]
        if self.printing:
            weights += [(self.f_print, 2)]
        weights += [(self.f_interior, 2)]
        if "rt-size" not in self.gen.without:   # shapes with run-time sizes
            weights += [(self.f_grow, 2), (self.f_dup, 2), (self.f_phi_alloc, 1),
                        (self.f_realloc_chain, 1)]
            if "calloc-overflow" not in self.gen.without:
                weights += [(self.f_calloc_overflow, 0.5)]
            if self.nest < 2:
                weights += [(self.f_double_buffer, 1)]
            if self.allow_huge and self.loop_level == 0:
                weights += [(self.f_huge, 0.3)]
        weights += self.memflow_weights()
        fns, ws = zip(*weights)
        r.choices(fns, ws)[0]()

    def f_alloc(self):
        self.add_block()

    def any_block(self):
        """An owned block to use, allocated when there is none."""
        cand = self.usable()
        return self.r.choice(cand) if cand else self.add_block()

    def f_use(self):
        r = self.r
        b = self.any_block()
        g = self.guarded(b)
        op = r.randrange(8)
        if op == 0:
            i = self.fresh("i")
            self.emit("for (size_t %s = 0; %s < %d; %s++)" % (i, i, b.count, i))
            self.emit("  acc = mix(acc, %s);" % self.elem_read(b, i))
        elif op == 1:
            self.emit("acc = mix(acc, h_sum(%s, %d));" % (b.name, b.nbytes))
        elif op == 2 and self.writable(b) > 0:
            k = r.randrange(self.writable(b))
            self.emit(self.elem_write(b, "%du" % k, "acc"))
            self.emit(self.elem_write(b, "acc %% %du" % self.writable(b), "acc >> 3"))
            self.emit("acc = mix(acc, %s);" % self.elem_read(b, "%du" % k))
        elif op == 3 and self.writable(b) > 0:
            self.emit("h_scramble(%s, %d, acc);" % (b.name, self.writable(b) * TYPES[b.ctype]))
            self.emit("acc = mix(acc, %s);" % self.elem_read(b, "acc %% %du" % b.count))
        elif op == 4:
            others = [o for o in self.usable() if o is not b and not o.maybe_null]
            if others:
                o = r.choice(others)
                n = min(self.writable(b) * TYPES[b.ctype], o.nbytes)
                if n > 0:
                    self.emit("memcpy(%s, %s, %d);" % (b.name, o.name, n))
            self.emit("acc = mix(acc, h_sum(%s, %d));" % (b.name, b.nbytes))
        elif op == 5 and self.writable(b) > 1:
            n = self.writable(b)
            k = r.randrange(1, n)
            self.emit("memmove(%s, %s + %d, %d * sizeof *%s);" % (b.name, b.name, k, n - k, b.name))
            self.emit("acc = mix(acc, %s);" % self.elem_read(b, "0"))
        elif op == 6 and b.ctype == "unsigned" and r.random() < 0.5:
            self.emit("qsort(%s, %d, sizeof *%s, cmp_unsigned);" % (b.name, b.count, b.name))
            self.emit("acc = mix(acc, %s);" % self.elem_read(b, "%du" % r.randrange(b.count)))
        elif op == 6 and not b.is_text:
            self.emit("memset(%s, (int)(acc & 0xffu), %d);" % (b.name, b.nbytes))
            self.emit("acc = mix(acc, %s);" % self.elem_read(b, "acc %% %du" % b.count))
        else:
            bx = self.fresh("bx")
            self.emit("struct box %s = { (unsigned char *)%s, %d };" % (bx, b.name, b.nbytes))
            self.emit("acc = mix(acc, h_box_sum(&%s));" % bx)
        if g:
            self.close()

    def f_alias(self):
        r = self.r
        b = self.any_block()
        if b.maybe_null:
            return self.f_use()
        a = self.fresh("a")
        t = b.ctype
        op = r.randrange(6)
        count = b.count
        same = [o for o in self.usable(lambda o: o.ctype == t and not o.maybe_null) if o is not b]
        if op == 0 and count > 1:
            off = r.randrange(1, count)
            self.emit("%s *%s = %s + %d;" % (t, a, b.name, off))
            count -= off
        elif op == 1:
            self.emit("%s *%s = h_ident(%s);" % (t, a, b.name))
        elif op == 2 and b.nbytes > 1 and TYPES[t] == 1:
            off = r.randrange(1, count)
            self.emit("%s *%s = h_advance(%s, %d);" % (t, a, b.name, off))
            count -= off
        elif op == 3 and same:
            o = r.choice(same)
            how = r.randrange(3)
            if how == 0:
                self.emit("%s *%s = %s ? %s : %s;" % (t, a, self.cond(), b.name, o.name))
            elif how == 1:
                self.emit("%s *%s = h_pick(%s, %s, %s);" % (t, a, b.name, o.name, self.cond()))
            else:
                self.emit("%s *%s;" % (t, a))
                self.open("if %s" % self.cond())
                self.emit("%s = %s;" % (a, b.name))
                self.emit("acc = mix(acc, 1u);")
                self.close(" else {")
                self.ind += 1
                self.emit("%s = %s;" % (a, o.name))
                self.close()
            count = min(count, o.count)
        else:
            self.emit("%s *%s = %s ? %s : NULL;" % (t, a, self.cond(), b.name))
            self.open("if (%s)" % a)
            self.use_view(a, t, count)
            self.close()
            return
        self.use_view(a, t, count)

    def use_view(self, a, t, count):
        view = Block(a, t, count, "view", self.loop_level)
        wr = self.writable(view)
        if wr > 0:
            self.emit(self.elem_write(view, "acc %% %du" % wr, "acc + 5u"))
        self.emit("acc = mix(acc, %s);" % self.elem_read(view, "%du" % (count - 1)))
        if self.r.random() < 0.5:
            self.emit("acc = mix(acc, h_sum(%s, %d));" % (a, count * TYPES[t]))

    def f_free(self):
        cand = self.freeable()
        if not cand:
            return self.f_alloc()
        b = self.r.choice(cand)
        if b.maybe_null:
            self.emit("free(%s);" % b.name)
            self.blocks.remove(b)
        else:
            self.release(b)

    def f_cond_free(self):
        cand = self.freeable(lambda b: not b.maybe_null)
        if not cand:
            return self.f_alloc()
        b = self.r.choice(cand)
        self.open("if %s" % self.cond())
        self.emit("acc = mix(acc, %s);" % self.elem_read(b, "0"))
        self.emit("%s(%s);" % (self.r.choice(["free", "free", "h_release"]), b.name))
        self.emit("%s = NULL;" % b.name)
        self.close()
        b.maybe_null = True

    def f_merge_free(self):
        """Frees through a select or phi of two blocks (or a block and NULL)."""
        r = self.r
        cand = self.freeable(lambda b: not b.maybe_null)
        if not cand:
            return self.f_alloc()
        b = r.choice(cand)
        others = [o for o in cand if o is not b]
        c = self.fresh("c")
        v = self.fresh("v")
        self.emit("unsigned %s = %s;" % (c, self.cond()))
        o = r.choice(others) if others and r.random() < 0.6 else None
        self.emit("void *%s = %s ? (void *)%s : %s;" % (v, c, b.name, o.name if o else "NULL"))
        self.emit("free(%s);" % v)
        self.emit("if (%s)" % c)
        self.emit("  %s = NULL;" % b.name)
        b.maybe_null = True
        if o:
            self.emit("else")
            self.emit("  %s = NULL;" % o.name)
            o.maybe_null = True

    def f_branch_free(self):
        """Each branch frees its own block: SimplifyCFG may sink the two
        frees into one free of a phi, shared by two allocation sites."""
        r = self.r
        cand = self.freeable(lambda b: not b.maybe_null)
        if len(cand) < 2:
            return self.f_alloc()
        a, b = r.sample(cand, 2)
        self.open("if %s" % self.cond())
        for x, other in ((a, b), (b, a)):
            self.emit("acc = mix(acc, %s);" % self.elem_read(x, "acc %% %du" % x.count))
            self.emit("free(%s);" % x.name)
            if r.random() < 0.5:
                self.emit("%s = NULL;" % x.name)
                x.maybe_null = True
            else:  # leaves 'x' dangling: neither is used again
                x.maybe_null = None
            if x is a:
                self.close(" else {")
                self.ind += 1
        self.close()
        for x in (a, b):
            if x.maybe_null is None:
                self.blocks.remove(x)   # the other branch leaks it

    def f_escape(self):
        r = self.r
        cand = self.freeable(lambda b: not b.maybe_null)
        if not cand:
            return self.f_alloc()
        b = r.choice(cand)
        how = r.randrange(4)
        if how == 0:
            self.emit("h_keep(%s, %d);" % (b.name, b.nbytes))
        elif how == 1:
            self.emit("park(%s, %d);" % (b.name, b.nbytes))
        elif how == 2:  # only the address, as text; drain_kept() reads it
            fmt = r.choice(["%p", "%1$p", "%-20p", "%24p"])
            if fmt == "%1$p" and "positional-p" in self.gen.without:
                fmt = "%p"
            self.emit('snprintf(t_addr, sizeof t_addr, "%s", (void *)%s);' % (fmt, b.name))
            self.emit("t_addr_n = %d;" % b.nbytes)
        else:  # an integer cast: the block escapes but stays ours
            self.emit("acc = mix(acc, (unsigned)((uintptr_t)%s %% 16u));" % b.name)
            return
        self.blocks.remove(b)

    def f_realloc(self):
        """Resizes an owned block: to a constant or a run-time size (its
        new tail written), or to 0 (realloc_zero)."""
        r = self.r
        cand = self.freeable(lambda b: not b.maybe_null and b.family == "malloc"
                             and b.scope == self.nest)
        if not cand:
            return self.f_alloc()
        b = r.choice(cand)
        rt = "rt-size" not in self.gen.without
        if rt and "realloc-zero" not in self.gen.without and r.random() < 0.1:
            return self.realloc_zero(b)
        esize = TYPES[b.ctype]
        rt = rt and r.random() < 0.4
        if rt:      # 'lo' is the least new count, 'n' the real one
            lo, hi = self.rt_elems(b.ctype, 2 * b.nbytes)
            n = self.rt_count(lo, hi)
            size, last = self.bytes_of(b, n), "%s - 1" % n
        else:
            lo = max(2 if b.is_text else 1, r.choice([b.count // 2, b.count * 2, b.count + 3,
                                                      self.pick_size() // esize]))
            n, size, last = "%d" % lo, "%d" % (lo * esize), "%d" % (lo - 1)
        self.realloc_or_fail(b.name, b.ctype, size, count=n)
        if rt or lo > b.count:
            # From the least old count on: this covers the new tail
            # whatever the old block's real size was.
            i = self.fresh("i")
            start = b.count - 1 if b.is_text else b.count
            self.open("for (size_t %s = %d; %s < %s; %s++)" % (
                i, start, i, last if b.is_text else n, i))
            self.emit(self.store(b.ctype, b.name, i, "acc + (unsigned)%s" % i))
            self.close()
        if b.is_text:
            self.emit("%s[%s] = 0;" % (b.name, last))
        self.emit("acc = mix(acc, h_sum(%s, %s));" % (b.name, size))
        b.count = lo

    def realloc_zero(self, b):
        """realloc(b, 0): glibc frees 'b' and returns NULL (so 'b' is never
        freed again); whether it returned NULL goes into the checksum, and
        a block it returned (another C library's way) is freed."""
        z = self.fresh("z")
        zero = self.r.choice(["0", "0", "h_opaque(0)"])
        self.emit("void *%s = realloc(%s, %s);" % (z, b.name, zero))
        self.emit("acc = mix(acc, h_is_null(%s));" % z)
        self.emit("free(%s);" % z)
        self.blocks.remove(b)

    def realloc_or_fail(self, p, ctype, size, also=(), count=None):
        """Resizes block 'p' to 'size' bytes through a temporary, or, when
        'count' (a C expression) is given, maybe to 'count' elements with
        reallocarray; when that fails, frees 'p' (still valid, still owned)
        and the blocks named in 'also', and gives up."""
        t = self.fresh("t")
        if count is not None and self.r.random() < 0.3:
            call = "reallocarray(%s, %s, sizeof *%s)" % (p, count, p)
        else:
            call = "realloc(%s, %s)" % (p, size)
        self.emit("%s *%s = %s;" % (ctype, t, call))
        self.open("if (!%s)" % t)
        for q in (p,) + tuple(also):
            self.emit("free(%s);" % q)
        self.emit(self.ret_fail())
        self.close()
        self.emit("%s = %s;" % (p, t))

    def store(self, ctype, p, idx, val):
        """A statement writing every byte of element 'idx' of 'p' (text:
        a letter, never the zero); 'idx' is evaluated once."""
        if ctype == "struct rec":
            return "%s[%s] = (struct rec){ %s, (%s) * 7u, { (unsigned short)(%s), 2, 3, 4 } };" % (
                p, idx, val, val, val)
        return self.elem_write(Block(p, ctype, 1, "view", 0), idx, val)

    def text_block(self):
        cand = self.usable(lambda b: b.is_text and not b.maybe_null)
        if cand:
            return self.r.choice(cand)
        b = self.alloc(ctype="char", nbytes=self.r.choice([8, 16, 24, 40, 64, 100, 300, 1000, 1100]))
        self.blocks.append(b)
        return b

    def f_text(self):
        r = self.r
        s = self.text_block()
        n = s.count
        op = r.randrange(10)
        others = [o for o in self.usable(lambda o: o.is_text and not o.maybe_null) if o is not s]
        if op == 9:
            save, tok = self.fresh("save"), self.fresh("tok")
            self.emit("char *%s;" % save)
            self.emit('for (char *%s = strtok_r(%s, "%s", &%s); %s; %s = strtok_r(NULL, "%s", &%s))'
                      % (tok, s.name, "aeiou", save, tok, tok, "aeiou", save))
            self.emit("  acc = mix(acc, (unsigned)strlen(%s));" % tok)
            return
        if op == 0:
            self.emit("acc = mix(acc, (unsigned)strlen(%s));" % s.name)
        elif op == 1:
            p = self.fresh("p")
            ch = r.choice("abcdexyz")
            self.emit("char *%s = strchr(%s, '%s');" % (p, s.name, ch))
            self.open("if (%s)" % p)
            self.emit("*%s = '%s';" % (p, r.choice("ABCDE")))
            self.emit("acc = mix(acc, (unsigned)(unsigned char)%s[1] + 3u);" % p)
            self.close()
        elif op == 2 and n >= 8:   # shorter: clang warns of truncation
            self.emit('snprintf(%s, %d, "%%u:%s", acc);' % (s.name, n, r.choice(["x", "ab", "-q-", ""])))
            self.emit("acc = mix(acc, (unsigned)(unsigned char)%s[%d]);" % (s.name, r.randrange(n)))
        elif op == 3 and others:
            o = r.choice(others)
            self.emit("if (strlen(%s) < %d)" % (o.name, n))
            self.emit("  strcpy(%s, %s);" % (s.name, o.name))
            self.emit("acc = mix(acc, h_sum(%s, %d));" % (s.name, n))
        elif op == 4 and others:
            o = r.choice(others)
            self.emit("if (strlen(%s) + strlen(%s) < %d)" % (s.name, o.name, n))
            self.emit("  strcat(%s, %s);" % (s.name, o.name))
            self.emit("acc = mix(acc, (unsigned)strlen(%s));" % s.name)
        elif op == 5 and others and n >= 8:
            o = r.choice(others)
            self.emit("acc = mix(acc, (unsigned)(strcmp(%s, %s) > 0));" % (s.name, o.name))
            self.emit('snprintf(%s, %d, "%%s|%%u", %s, acc & 255u);' % (s.name, n, o.name))
        elif op == 6:
            v = self.fresh("v")
            self.emit("unsigned %s = 7u;" % v)
            self.emit('if (sscanf(%s, "%%5u", &%s) == 1)' % (s.name, v))
            self.emit("  acc = mix(acc, %s);" % v)
            self.emit('sscanf("%d", "%%u", &%s);' % (r.randint(0, 99999), v))
            self.emit("acc = mix(acc, %s);" % v)
        elif op == 7:
            p = self.fresh("p")
            self.emit("char *%s = memchr(%s, '%s', %d);" % (p, s.name, r.choice("aeiou"), n))
            self.emit("acc = mix(acc, %s ? (unsigned)(unsigned char)%s[0] : 1u);" % (p, p))
            p2 = self.fresh("p")
            self.emit('char *%s = strstr(%s, "%s");' % (p2, s.name, r.choice(["a", "ab", "x", ":"])))
            self.emit("acc = mix(acc, %s ? (unsigned)strlen(%s) : 2u);" % (p2, p2))
        else:
            p = self.fresh("p")
            self.emit("char *%s = strrchr(%s, '%s');" % (p, s.name, r.choice("aeiou")))
            self.emit("acc = mix(acc, %s ? (unsigned)(unsigned char)%s[0] : 9u);" % (p, p))
        if self.printing and r.random() < 0.4:
            self.emit('printf("%s %%s\\n", %s);' % (self.name, s.name))

    # -- run-time sized shapes ----------------------------------------------
    def elem_type(self):
        """An element type for shapes that write whole elements (not text)."""
        return self.r.choice([t for t in TYPES if t != "char"])

    def f_grow(self):
        """A buffer that starts small and grows by doubling while a loop
        appends to it: elements, or words of text."""
        x = self.r.random()
        if x < 0.25:
            self.grow_text()
        elif x < 0.4:
            self.grow_builder()
        else:
            self.grow_elems()

    def grow_start(self, ctype, g, cap):
        """Declares buffer 'g' of 'cap' elements (malloc, calloc or
        realloc(NULL, ...)) and checks it."""
        call = self.r.choice(["malloc(%s * sizeof(%s))", "realloc(NULL, %s * sizeof(%s))",
                              "calloc(%s, sizeof(%s))"])
        self.emit("%s *%s = %s;" % (ctype, g, call % (cap, ctype)))
        self.emit("if (!%s)" % g)
        self.emit("  " + self.ret_fail())

    def grow_cap(self):
        """A starting capacity of 1-16 elements, constant or not."""
        if self.r.random() < 0.5:
            return "%du" % self.r.choice([1, 2, 4, 8, 16])
        return self.rt_expr(1, 16)

    def grow_elems(self):
        r = self.r
        t = self.elem_type()
        esize = TYPES[t]
        g, cap, ln, i = self.fresh("g"), self.fresh("cap"), self.fresh("len"), self.fresh("i")
        first = self.grow_cap()
        from_null = r.random() < 0.3
        self.emit("size_t %s = %s, %s = 0;" % (cap, "0" if from_null else first, ln))
        if from_null:   # the first round allocates: realloc(NULL, ...) grows itself
            self.emit("%s *%s = NULL;" % (t, g))
        else:
            self.grow_start(t, g, cap)
        x = r.random()
        if x < 0.4:     # stays small
            lo, hi = 1, max(1, r.randint(16, 256) // esize)
        elif x < 0.75:  # grows past 1 KiB
            lo, hi = max(1, 1100 // esize), max(2, 3000 // esize)
        else:
            lo, hi = 1, max(2, 3000 // esize)
        want = self.rt_count(lo, hi)
        self.open("for (size_t %s = 0; %s < %s; %s++)" % (i, i, want, i))
        self.open("if (%s == %s)" % (ln, cap))
        more = "(%s ? 2 * %s : %s)" % (cap, cap, first) if from_null else "2 * %s" % cap
        self.realloc_or_fail(g, t, "%s * sizeof *%s" % (more, g), count=more)
        self.emit("%s = %s;" % (cap, more))
        self.close()
        self.emit(self.store(t, g, "%s++" % ln, "mix(acc, (unsigned)%s)" % i))
        self.close()
        self.emit("acc = mix(acc, h_sum(%s, %s * sizeof *%s));" % (g, ln, g))
        self.emit("acc = mix(acc, %s);" % self.elem_read(Block(g, t, 1, "view", 0), "acc %% %s" % ln))
        self.end_grown(Block(g, t, lo, "malloc", self.loop_level, self.nest), ln)

    def grow_text(self):
        """Appends run-time words to a string, doubling its capacity
        (maybe more than once per word) whenever the next one would not
        fit with its zero."""
        r = self.r
        sb, cap, ln = self.fresh("sb"), self.fresh("cap"), self.fresh("len")
        i, w, wl = self.fresh("i"), self.fresh("w"), self.fresh("wl")
        self.emit("size_t %s = %s, %s = 0;" % (cap, self.grow_cap(), ln))
        self.grow_start("char", sb, cap)
        self.emit("%s[0] = 0;" % sb)
        lo, hi = r.choice([(0, 4), (1, 12), (20, 120)])
        want = self.rt_count(lo, hi)
        self.open("for (size_t %s = 0; %s < %s; %s++)" % (i, i, want, i))
        self.emit("const char *%s = g_words[(%s * %du + %s) %% %du];" % (
            w, i, r.randint(1, 7), self.rt_source(), len(self.gen.words)))
        self.emit("size_t %s = strlen(%s);" % (wl, w))
        self.open("while (%s + %s + 1 > %s)" % (ln, wl, cap))
        self.realloc_or_fail(sb, "char", "2 * %s" % cap)
        self.emit("%s *= 2;" % cap)
        self.close()
        self.emit("memcpy(%s + %s, %s, %s + 1);" % (sb, ln, w, wl))
        self.emit("%s += %s;" % (ln, wl))
        self.close()
        self.emit("t_bad += strlen(%s) != %s;" % (sb, ln))
        self.emit("acc = mix(acc, h_sum(%s, %s + 1));" % (sb, ln))
        if r.random() < 0.6:
            self.interior(sb, "%s + 1" % ln)
        least = lo * self.word_lens()[0] + 1
        self.end_grown(Block(sb, "char", least, "malloc", self.loop_level, self.nest),
                       "%s + 1" % ln, keep=least >= 2)

    def grow_builder(self):
        """Appends run-time words to a string builder through its helpers
        (h_sb_init, h_sb_add), then releases it with h_sb_release, frees
        its buffer directly, or keeps the buffer."""
        r = self.r
        b, i, w = self.fresh("b"), self.fresh("i"), self.fresh("w")
        self.emit("struct h_sb %s;" % b)
        self.emit("if (h_sb_init(&%s, %s) < 0)" % (b, self.grow_cap()))
        self.emit("  " + self.ret_fail())
        want = self.rt_count(*r.choice([(0, 4), (1, 12), (20, 120)]))
        self.open("for (size_t %s = 0; %s < %s; %s++)" % (i, i, want, i))
        self.emit("const char *%s = g_words[(%s * %du + %s) %% %du];" % (
            w, i, r.randint(1, 7), self.rt_source(), len(self.gen.words)))
        self.emit("if (h_sb_add(&%s, %s, strlen(%s)) < 0)" % (b, w, w))
        self.emit("  break;")
        self.close()
        self.emit("t_bad += strlen(%s.buf) != %s.len;" % (b, b))
        self.emit("acc = mix(acc, h_sum(%s.buf, %s.len + 1));" % (b, b))
        x = r.random()
        if x < 0.5:
            self.emit("h_sb_release(&%s);" % b)
        elif x < 0.8:
            self.emit("free(%s.buf);" % b)
        else:
            self.emit("h_keep(%s.buf, %s.len + 1);" % (b, b))

    def end_grown(self, b, n, keep=True):
        """After growing 'b' (its first 'n' elements written, 'n' a C
        expression): maybe shrinks it to fit, then frees it, releases it
        with realloc(b, 0), or keeps it owned like any block."""
        r = self.r
        if r.random() < 0.4:
            self.realloc_or_fail(b.name, b.ctype, self.bytes_of(b, "(%s)" % n),
                                 count="(%s)" % n)
            self.emit("acc = mix(acc, h_sum(%s, %s));" % (b.name, self.bytes_of(b, "(%s)" % n)))
        self.blocks.append(b)
        x = r.random()
        if x < 0.15 and "realloc-zero" not in self.gen.without:
            self.realloc_zero(b)
        elif x < 0.6 or not keep:
            self.release(b, "free")

    def f_realloc_chain(self):
        """A block resized two to four times to run-time sizes, growing and
        then shrinking; each time the kept part must have kept its
        contents.  Ends freed, released by realloc(p, 0), or owned."""
        r = self.r
        t = self.elem_type()
        c = self.fresh("c")
        lo, hi = self.rt_elems(t, r.randint(8, 256))
        n = self.rt_count(lo, hi)
        self.emit("%s *%s = %s;" % (t, c, r.choice(["malloc(%s * sizeof(%s))",
                                                     "realloc(NULL, %s * sizeof(%s))"]) % (n, t)))
        b = Block(c, t, lo, "malloc", self.loop_level, self.nest)
        self.init_block(b, "malloc", None, n)
        steps = r.randint(2, 4)
        for k in range(steps):
            if k < (steps + 1) // 2:
                lo_b, hi_b = r.choice([(65, 512), (200, 1100), (1025, 4000)])
            else:
                lo_b, hi_b = r.choice([(1, 64), (1, 256), (100, 300)])
            lo2 = max(1, lo_b // TYPES[t])
            n2 = self.rt_count(lo2, max(lo2, hi_b // TYPES[t]))
            kept, sv = self.fresh("kept"), self.fresh("sum")
            self.emit("size_t %s = %s < %s ? %s : %s;" % (kept, n, n2, n, n2))
            self.emit("unsigned %s = h_sum(%s, %s);" % (sv, c, self.bytes_of(b, kept)))
            self.realloc_or_fail(c, t, self.bytes_of(b, n2), count=n2)
            self.emit("t_bad += h_sum(%s, %s) != %s;" % (c, self.bytes_of(b, kept), sv))
            j = self.fresh("j")
            self.emit("for (size_t %s = %s; %s < %s; %s++)" % (j, kept, j, n2, j))
            self.emit("  " + self.store(t, c, j, "acc ^ (unsigned)%s" % j))
            self.emit("acc = mix(acc, h_sum(%s, %s));" % (c, self.bytes_of(b, n2)))
            n, b.count = n2, lo2
        self.blocks.append(b)
        x = r.random()
        if x < 0.2 and "realloc-zero" not in self.gen.without:
            self.realloc_zero(b)
        elif x < 0.7:
            self.release(b, "free")

    def f_dup(self):
        """strdup or strndup of a string known at run time only; sometimes
        one per iteration of a loop, freed in it."""
        r = self.r
        in_loop = self.nest < 2 and r.random() < 0.35
        if in_loop:
            self.open_for(self.fresh("i"), r.randint(2, 6))
            self.nest += 1
            self.loop_level += 1
        d, least = self.dup_string()
        self.emit("acc = mix(acc, h_sum(%s, strlen(%s) + 1));" % (d, d))
        if r.random() < 0.6:
            self.interior(d, "strlen(%s) + 1" % d)
        if not in_loop and least >= 2 and r.random() < 0.5:
            self.blocks.append(Block(d, "char", least, "malloc", self.loop_level, self.nest))
        else:
            self.emit("free(%s);" % d)
        if in_loop:
            self.nest -= 1
            self.loop_level -= 1
            self.close()

    def dup_string(self):
        """Emits `char *d = strdup(src)` or strndup(src, limit), 'src' a
        string of run-time length built in a local array, or a word picked
        at run time, the limit below, across or above its length.  Returns
        d and the least size in bytes the copy can have."""
        r = self.r
        d = self.fresh("d")
        if r.random() < 0.5:
            cap = r.choice([8, 16, 40, 64, 100, 200, 300, 600])
            src = self.fresh("loc")
            self.emit("char %s[%d];" % (src, cap))
            short, long_ = r.randint(0, min(8, cap - 1)), cap - 1
            ln = self.rt_count(short, long_)
            self.emit("h_fill_text(%s, %s + 1, acc ^ %du);" % (src, ln, r.randint(0, 999)))
        else:
            src = self.fresh("w")
            self.emit("const char *%s = %s;" % (src, self.word()))
            short, long_ = self.word_lens()
        if r.random() < 0.5:
            self.emit("char *%s = strdup(%s);" % (d, src))
            self.emit("if (!%s)" % d)
            self.emit("  " + self.ret_fail())
            return d, short + 1
        lo, hi = self.limit_range(short, long_)
        lim = self.rt_count(lo, hi)
        self.emit("char *%s = strndup(%s, %s);" % (d, src, lim))
        self.emit("if (!%s)" % d)
        self.emit("  " + self.ret_fail())
        self.emit("t_bad += strlen(%s) != (strlen(%s) < %s ? strlen(%s) : %s);" % (d, src, lim, src, lim))
        return d, min(short, lo) + 1

    def f_interior(self):
        s = self.text_block()
        self.interior(s.name, str(s.count))

    def interior(self, s, n):
        """Pointers into owned text 's' (its first 'n' bytes written, 'n' a
        C expression, and a zero among them or after) from strchr, strrchr,
        strstr and memchr: compared with NULL and with 's' (never with
        another block), subtracted from it, and the differences folded
        into the checksum or used as a length."""
        r = self.r
        shapes = [self.ptr_index, self.ptr_first_last, self.ptr_substring,
                  self.ptr_memchr, self.ptr_count, self.ptr_from_end]
        if "rt-size" not in self.gen.without:
            shapes.append(self.ptr_prefix)      # allocates a run-time size
        r.choice(shapes)(s, n, r.choice(WORD_CHARS))

    def ptr_index(self, s, n, c):
        """The index of the first 'c' (or the length); the character before
        it is read, and the match overwritten (it was not the zero)."""
        p, k = self.fresh("p"), self.fresh("k")
        self.emit("char *%s = strchr(%s, '%s');" % (p, s, c))
        self.emit("size_t %s = %s ? (size_t)(%s - %s) : strlen(%s);" % (k, p, p, s, s))
        self.emit("acc = mix(acc, (unsigned)%s + (unsigned)(%s == %s));" % (k, p, s))
        self.open("if (%s && %s != %s)" % (p, p, s))
        self.emit("acc = mix(acc, (unsigned)(unsigned char)%s[-1]);" % p)
        self.emit("*%s = '%s';" % (p, self.r.choice("XYZ")))
        self.close()

    def ptr_first_last(self, s, n, c):
        """The first and the last 'c': ordered, and their distance."""
        p, q = self.fresh("p"), self.fresh("q")
        self.emit("char *%s = strchr(%s, '%s');" % (p, s, c))
        self.emit("char *%s = strrchr(%s, '%s');" % (q, s, c))
        self.open("if (%s && %s)" % (p, q))
        self.emit("t_bad += %s < %s;" % (q, p))
        self.emit("acc = mix(acc, (unsigned)(%s - %s) * 5u + (unsigned)strlen(%s));" % (q, p, q))
        self.close(" else {")
        self.ind += 1
        self.emit("t_bad += %s != %s;  /* both NULL */" % (p, q))
        self.close()

    def ptr_substring(self, s, n, c):
        """Where a substring starts, and what follows it."""
        p = self.fresh("p")
        self.emit('char *%s = strstr(%s, "%s");' % (p, s, self.needle()))
        self.emit("acc = mix(acc, %s ? (unsigned)(%s - %s) * 3u + (unsigned)strlen(%s) : 7u);"
                  % (p, p, s, p))
        self.emit("acc = mix(acc, (unsigned)(%s == %s));" % (p, s))

    def ptr_memchr(self, s, n, c):
        """memchr over the 'n' written bytes, and for the zero."""
        p = self.fresh("p")
        self.emit("char *%s = memchr(%s, '%s', %s);" % (p, s, c, n))
        self.open("if (%s)" % p)
        self.emit("t_bad += %s < %s || (size_t)(%s - %s) >= (size_t)(%s);" % (p, s, p, s, n))
        self.emit("acc = mix(acc, (unsigned)(%s - %s));" % (p, s))
        self.close()
        self.emit("t_bad += (char *)memchr(%s, 0, strlen(%s) + 1) != %s + strlen(%s);" % (s, s, s, s))

    def ptr_count(self, s, n, c):
        """The matches of 'c', counted by a pointer walking the string."""
        q, k = self.fresh("q"), self.fresh("k")
        self.emit("unsigned %s = 0;" % k)
        self.emit("for (const char *%s = %s; (%s = strchr(%s, '%s')) != NULL; %s++)"
                  % (q, s, q, q, c, q))
        self.emit("  %s++;" % k)
        self.emit("acc = mix(acc, %s);" % k)

    def ptr_from_end(self, s, n, c):
        """Back from the zero to just after the last 'c'."""
        q = self.fresh("q")
        self.emit("const char *%s = %s + strlen(%s);" % (q, s, s))
        self.emit("t_bad += strchr(%s, 0) != %s;" % (s, q))
        self.emit("while (%s > %s && %s[-1] != '%s')" % (q, s, q, c))
        self.emit("  %s--;" % q)
        self.emit("acc = mix(acc, (unsigned)(%s - %s));" % (q, s))

    def ptr_prefix(self, s, n, c):
        """The text before the first 'c', its length from the pointer
        difference, copied into a block of its own (strndup, or malloc
        and memcpy)."""
        p, k, d = self.fresh("p"), self.fresh("k"), self.fresh("d")
        self.emit("char *%s = strchr(%s, '%s');" % (p, s, c))
        self.emit("size_t %s = %s ? (size_t)(%s - %s) : strlen(%s);" % (k, p, p, s, s))
        if self.r.random() < 0.5:
            self.emit("char *%s = strndup(%s, %s);" % (d, s, k))
            self.emit("if (!%s)" % d)
            self.emit("  " + self.ret_fail())
        else:
            self.emit("char *%s = malloc(%s + 1);" % (d, k))
            self.emit("if (!%s)" % d)
            self.emit("  " + self.ret_fail())
            self.emit("memcpy(%s, %s, %s);" % (d, s, k))
            self.emit("%s[%s] = 0;" % (d, k))
        self.emit("t_bad += strlen(%s) != %s;" % (d, k))
        self.emit("acc = mix(acc, h_sum(%s, %s + 1));" % (d, k))
        self.emit("free(%s);" % d)

    def needle(self):
        """A string for strstr: often part of a word, so that it matches."""
        r = self.r
        if r.random() < 0.3:
            return r.choice(["a", "e", "-", "ab", ":"])
        w = r.choice(self.gen.words)
        k = r.randrange(len(w))
        return w[k:k + r.randint(1, 3)]

    def f_calloc_overflow(self):
        """calloc whose count times size overflows size_t, both known at
        run time only, while the wrapped product is small (even zero):
        calloc must fail, and the program says so in a fixed way."""
        r = self.r
        c, k, o = self.fresh("cnt"), self.fresh("k"), self.fresh("o")
        if r.random() < 0.6:    # powers of two: wraps to a multiple of k
            sh = self.fresh("sh")
            self.emit("unsigned %s = %du + %s %% 3u;" % (sh, r.randint(1, 8), self.rt_source()))
            self.emit("size_t %s = (size_t)1 << %s;" % (k, sh))
            self.emit("size_t %s = (SIZE_MAX >> %s) + 1u + %s %% %du;" % (
                c, sh, self.rt_source(), r.randint(1, 8)))
        else:
            self.emit("size_t %s = %s;" % (k, self.rt_expr(3, r.randint(4, 100))))
            self.emit("size_t %s = SIZE_MAX / %s + 1u + %s %% 5u;" % (c, k, self.rt_source()))
        args = [c, k] if r.random() < 0.5 else [k, c]
        if r.random() < 0.3:
            args = ["h_opaque(%s)" % a for a in args]
        self.emit("void *%s = calloc(%s, %s);" % (o, args[0], args[1]))
        self.open("if (%s)" % o)
        # Read, so that LLVM cannot drop the call and take it as succeeding.
        self.emit("t_bad += 1u + h_is_zero(%s, 1);  /* calloc must fail */" % o)
        self.emit("free(%s);" % o)
        self.close(" else {")
        self.ind += 1
        self.emit("acc = mix(acc, 0xca11u);")
        self.close()

    def f_double_buffer(self):
        """Double buffering: each iteration makes a buffer of a run-time
        size from the previous one, which is read after the new one is
        allocated; by malloc with the old one freed after, or by realloc
        of one of two buffers that swap."""
        if self.r.random() < 0.5:
            self.double_malloc()
        else:
            self.double_realloc()

    def copy_from(self, t, dst, dn, src, sn):
        """Writes the 'dn' elements of 'dst' from those of 'src' ('sn' of
        them; 'src' may be NULL)."""
        j = self.fresh("j")
        old = self.elem_read(Block(src, t, 1, "view", 0), "%s %% %s" % (j, sn))
        self.emit("for (size_t %s = 0; %s < %s; %s++)" % (j, j, dn, j))
        self.emit("  " + self.store(t, dst, j, "%s ? %s + (unsigned)%s : mix(acc, (unsigned)%s)"
                                    % (src, old, j, j)))

    def double_malloc(self):
        r = self.r
        t = self.elem_type()
        prev, pn, cur = self.fresh("prev"), self.fresh("pn"), self.fresh("cur")
        self.emit("%s *%s = NULL;" % (t, prev))
        self.emit("size_t %s = 0;" % pn)
        self.open_for(self.fresh("i"), r.randint(2, 8))
        lo, hi = self.rt_elems(t)
        cn = self.rt_count(lo, hi)
        call = r.choice(["malloc(%s * sizeof(%s))", "realloc(NULL, %s * sizeof(%s))",
                         "calloc(%s, sizeof(%s))"])
        self.emit("%s *%s = %s;" % (t, cur, call % (cn, t)))
        self.open("if (!%s)" % cur)
        self.emit("free(%s);" % prev)
        self.emit(self.ret_fail())
        self.close()
        self.copy_from(t, cur, cn, prev, pn)
        self.emit("free(%s);" % prev)
        self.emit("%s = %s;" % (prev, cur))
        self.emit("%s = %s;" % (pn, cn))
        self.close()
        self.emit("acc = mix(acc, h_sum(%s, %s * sizeof *%s));" % (prev, pn, prev))
        self.emit("free(%s);" % prev)

    def double_realloc(self):
        r = self.r
        t = self.elem_type()
        a, b, an, bn = self.fresh("fa"), self.fresh("fb"), self.fresh("fan"), self.fresh("fbn")
        self.emit("%s *%s = NULL, *%s = NULL;" % (t, a, b))
        self.emit("size_t %s = 0, %s = 0;" % (an, bn))
        self.open_for(self.fresh("i"), r.randint(2, 8))
        lo, hi = self.rt_elems(t)
        cn = self.rt_count(lo, hi)
        self.realloc_or_fail(b, t, "%s * sizeof *%s" % (cn, b), also=(a,), count=cn)
        self.emit("%s = %s;" % (bn, cn))
        self.copy_from(t, b, bn, a, an)
        sw, sn = self.fresh("sw"), self.fresh("sn")
        self.emit("%s *%s = %s;" % (t, sw, a))
        self.emit("%s = %s;" % (a, b))
        self.emit("%s = %s;" % (b, sw))
        self.emit("size_t %s = %s;" % (sn, an))
        self.emit("%s = %s;" % (an, bn))
        self.emit("%s = %s;" % (bn, sn))
        self.close()
        self.emit("acc = mix(acc, h_sum(%s, %s * sizeof *%s));" % (a, an, a))
        self.emit("free(%s);" % a)
        self.emit("free(%s);" % b)

    def f_phi_alloc(self):
        """Each branch of an if allocates with its own size (run-time, or
        a constant in one of them); the block is filled, used and freed
        after the join, through the phi."""
        r = self.r
        t = r.choice(list(TYPES))
        p, pn = self.fresh("pp"), self.fresh("ppn")
        self.emit("%s *%s;" % (t, p))
        self.emit("size_t %s;" % pn)
        self.open("if %s" % self.cond())
        lo = self.phi_branch(t, p, pn)
        self.close(" else {")
        self.ind += 1
        lo = min(lo, self.phi_branch(t, p, pn))
        self.close()
        self.emit("if (!%s)" % p)
        self.emit("  " + self.ret_fail())
        b = Block(p, t, lo, "malloc", self.loop_level, self.nest)
        self.fill(b, "acc ^ %du" % r.randint(0, 999), pn)
        self.emit("acc = mix(acc, h_sum(%s, %s));" % (p, self.bytes_of(b, pn)))
        if r.random() < 0.5:
            self.emit("free(%s);" % p)
        else:
            self.blocks.append(b)

    def phi_branch(self, t, p, pn):
        """One branch of f_phi_alloc; returns the least count it gives."""
        r = self.r
        lo, hi = self.rt_elems(t)
        if r.random() < 0.3:
            self.emit("%s = %d;" % (pn, lo))
        else:
            self.emit("%s = %s;" % (pn, self.rt_expr(lo, hi)))
        call = r.choice(["malloc(%s * sizeof *%s)", "calloc(%s, sizeof *%s)",
                         "realloc(NULL, %s * sizeof *%s)"])
        self.emit("%s = %s;" % (p, call % (pn, p)))
        return lo

    def f_huge(self):
        """A block of 1-4 MiB whose size is known at run time only (no
        stack slot can hold it): malloc, calloc, aligned_alloc, or realloc
        of a small block, which must keep its contents.  Written by
        memset (or calloc's zeros), then at a few places; read at a few."""
        r = self.r
        h, n = self.fresh("h"), self.fresh("n")
        how = r.randrange(4)
        odd = " + %s %% 4096u" % self.rt_source() if how in (0, 3) and r.random() < 0.5 else ""
        if how == 3:
            m, sv = self.fresh("m"), self.fresh("sum")
            m_expr = self.rt_expr(1, r.choice([64, 200, 600]))
            self.emit("size_t %s = %s;" % (m, m_expr))
            self.emit("unsigned char *%s = malloc(%s);" % (h, m))
            self.emit("if (!%s)" % h)
            self.emit("  " + self.ret_fail())
            self.emit("h_fill_bytes(%s, %s, acc);" % (h, m))
            self.emit("unsigned %s = h_sum(%s, %s);" % (sv, h, m))
        self.emit("size_t %s = (((size_t)1u + %s %% 4u) << 20)%s;" % (n, self.rt_source(), odd))
        if how == 3:
            self.realloc_or_fail(h, "unsigned char", n)
            self.emit("t_bad += h_sum(%s, %s) != %s;" % (h, m, sv))
            self.emit("memset(%s + %s, (int)(acc & 0xffu), %s - %s);" % (h, m, n, m))
        else:
            call = ["malloc(%s)" % n, "calloc(%s >> 4, 16)" % n, "aligned_alloc(4096, %s)" % n][how]
            self.emit("unsigned char *%s = %s;" % (h, call))
            self.emit("if (!%s)" % h)
            self.emit("  " + self.ret_fail())
            if how == 1:
                self.emit("t_bad += %s[0] != 0 || %s[%s / 2] != 0 || %s[%s - 1] != 0;" % (h, h, n, h, n))
            else:
                self.emit("memset(%s, (int)(acc & 0xffu), %s);" % (h, n))
        for _ in range(r.randint(1, 3)):
            self.emit("%s[(size_t)mix(acc, %du) %% %s] = (unsigned char)(acc >> %d);" % (
                h, r.randint(0, 999), n, r.randint(0, 24)))
        self.emit("acc = mix(acc, h_sum(%s + (size_t)acc %% (%s - 4096u), 4096));" % (h, n))
        self.emit("acc = mix(acc, (unsigned)%s[%s - 1]);" % (h, n))
        if r.random() < 0.3:    # back to a small size
            m2 = self.rt_count(1, 300)
            self.realloc_or_fail(h, "unsigned char", m2)
            self.emit("acc = mix(acc, h_sum(%s, %s));" % (h, m2))
        self.emit("free(%s);" % h)

    # -- memory flow: blocks whose pointers wait in other objects -------------
    # A block's pointer stored into a local array or struct the compiler
    # keeps in memory, or into another block of the same function, and read
    # back from there (lib/core/memflow.c).  Every shape keeps the invariant:
    # a holder is written before it is read (NULL, or a block), a block is
    # freed through the holder at most once (the cell is set to NULL, or
    # never read again), and uses stay below the least size the cell's
    # blocks can have.

    def memflow_weights(self):
        """The memory-flow shapes this point may emit, with weights."""
        # (feature, shape, weight, only at shallow nesting)
        shapes = [
            ("ptr-slots", self.f_ptr_slots, 1.2, True),
            ("holder-struct", self.f_holder, 1.2, False),
            ("struct-array", self.f_item_array, 0.8, True),
            ("strto", self.f_strto, 0.8, False),
            ("tokens", self.f_tokens, 0.8, False),
            ("held-double-buffer", self.f_held_double, 0.8, True),
            ("struct-copy", self.f_struct_copy, 0.6, False),
            ("small-buffer", self.f_small_buffer, 0.6, False),
            ("node-chain", self.f_node_chain, 0.5, True),
            ("record-compare", self.f_record_compare, 0.5, True),
        ]
        return [(shape, weight) for feature, shape, weight, shallow in shapes
                if not self.gen.off(feature) and (not shallow or self.nest < 2)]

    def shape_begin(self, name):
        """A comment naming the shape, for whoever reads a failing program
        (and for counting remarks per shape)."""
        self.emit("/* memflow: %s { */" % name)

    def shape_end(self, name):
        self.emit("/* } %s */" % name)

    def defer(self, stmt):
        """Emits 'stmt' (a holder's free) when the current scope ends, after
        the blocks it holds were freed or leaked."""
        self.deferred.append((self.nest, stmt))

    def emit_deferred(self, nest):
        for entry in [e for e in self.deferred if e[0] >= nest]:
            self.emit(entry[1])
            self.deferred.remove(entry)

    def count_expr(self, lo, hi):
        """A size_t C expression in [lo, hi], at run time when run-time sizes
        are on (often), else a constant; returns it and its least value."""
        r = self.r
        if "rt-size" not in self.gen.without and r.random() < 0.6:
            return self.rt_expr(lo, hi), lo
        c = r.randint(lo, hi)
        return "(size_t)%du" % c, c

    def text_range(self):
        """Bounds (at least 2) for the length with its zero of a text block."""
        return self.r.choice([(2, 16), (8, 64), (30, 200), (100, 1100), (900, 3000)])

    def run_index(self, k, i=None):
        """An index below 'k' known at run time only: from the checksum,
        the parameter and the loop counter 'i' (when given)."""
        r = self.r
        src = r.choice(["(acc >> %du)" % r.randint(0, 12), "(x + %du)" % r.randint(0, 9),
                        "mix(acc, %du)" % r.randint(1, 99)])
        if i is not None:
            src = "%s * %du + %s" % (i, r.choice([1, 3, 5, 7]), src)
        return "(%s) %% %du" % (src, k)

    def null_array(self, decl, name, k):
        """Declares 'decl name[k]' with every element NULL."""
        if self.r.random() < 0.5:
            self.emit("%s%s[%d] = {0};" % (decl, name, k))
        else:
            q = self.fresh("q")
            self.emit("%s%s[%d];" % (decl, name, k))
            self.emit("for (unsigned %s = 0; %s < %du; %s++)" % (q, q, k, q))
            self.emit("  %s[%s] = NULL;" % (name, q))

    # Shape 1: an array of pointers indexed at run time.
    def f_ptr_slots(self):
        """An array of pointers indexed at run time, local or itself a
        malloc'd or calloc'd block of the function: blocks stored into
        run-time slots (by a loop, or a few in a row), an older block in
        the slot folded and freed first, used through other run-time
        slots, freed on some paths (the slot set to NULL); at the end
        freed in order or in a run-time order, some leaked, and one slot
        maybe kept past the shape as an owned block."""
        r = self.r
        self.shape_begin("ptr-slots")
        t = r.choice(list(TYPES))
        k = r.choice([2, 3, 4, 4, 8])
        sl = self.fresh("sl")
        heap = r.random() < 0.35
        if heap:
            if r.random() < 0.5:
                self.emit("%s **%s = calloc(%d, sizeof *%s);" % (t, sl, k, sl))
                self.emit("if (!%s)" % sl)
                self.emit("  " + self.ret_fail())
            else:
                q = self.fresh("q")
                self.emit("%s **%s = malloc(%d * sizeof *%s);" % (t, sl, k, sl))
                self.emit("if (!%s)" % sl)
                self.emit("  " + self.ret_fail())
                self.emit("for (unsigned %s = 0; %s < %du; %s++)" % (q, q, k, q))
                self.emit("  %s[%s] = NULL;" % (sl, q))
        else:
            self.null_array("%s *" % t, sl, k)
        nbytes = r.choice([r.randint(4, 64)] * 2 + [r.randint(65, 400)] * 2 + [self.pick_size()])
        st = {"count": None, "family": "malloc"}
        if r.random() < 0.55:
            i = self.fresh("i")
            self.open_for(i, r.randint(2, 9))
            self.nest += 1
            self.loop_level += 1
            c = self.fresh("k")
            self.emit("unsigned %s = %s;" % (c, self.run_index(k, i)))
            self.slot_store(t, sl, c, nbytes, st)
            self.slot_use(t, sl, k, c, st)
            if r.random() < 0.4:
                self.slot_cond_free(t, sl, c, st)
            self.nest -= 1
            self.loop_level -= 1
            self.close()
        else:
            for _ in range(r.randint(2, 4)):
                c = self.fresh("k")
                self.emit("unsigned %s = %s;" % (c, self.run_index(k)))
                self.slot_store(t, sl, c, nbytes, st)
                self.slot_use(t, sl, k, c, st)
                if r.random() < 0.25:
                    self.slot_cond_free(t, sl, c, st)
        self.slots_end(t, sl, k, nbytes, st, heap)
        self.shape_end("ptr-slots")

    def slot_alloc(self, t, nbytes, st, name=None):
        """Allocates a block for a slot (into 'name', or a new variable);
        records its least count and family in 'st'."""
        b = self.alloc(ctype=t, nbytes=nbytes, declare=name is None, name=name)
        st["count"] = b.count if st["count"] is None else min(st["count"], b.count)
        if b.family != "malloc":
            st["family"] = b.family
        return b

    def slot_bytes(self, t, st):
        return st["count"] * TYPES[t]

    def slot_store(self, t, sl, c, nbytes, st):
        """Puts a new block into slot sl[c], folding and freeing the one
        there: freed first and allocated straight into the slot, or
        allocated first into a variable."""
        cell = "%s[%s]" % (sl, c)
        if self.r.random() < 0.5:
            tok = "%%%s%%" % self.fresh("SLOT")
            self.open("if (%s)" % cell)
            self.emit("acc = mix(acc, h_sum(%s, %s));" % (cell, tok))
            self.emit("free(%s);" % cell)
            self.close()
            self.slot_alloc(t, nbytes, st, name=cell)
            size = str(self.slot_bytes(t, st))
            self.lines = [l.replace(tok, size) for l in self.lines]
        else:
            b = self.slot_alloc(t, nbytes, st)
            self.open("if (%s)" % cell)
            self.emit("acc = mix(acc, %s);" % self.elem_read(
                Block(cell, t, 1, "view", 0), "0"))
            self.emit("%s(%s);" % ("h_release" if self.r.random() < 0.1 else "free", cell))
            self.close()
            self.emit("%s = %s;" % (cell, b.name))

    def slot_use(self, t, sl, k, c, st):
        """Uses the block in another run-time slot, when there is one."""
        r = self.r
        j = self.fresh("j")
        self.emit("unsigned %s = (%s + (acc >> %du)) %% %du;" % (j, c, r.randint(0, 9), k))
        v = Block("%s[%s]" % (sl, j), t, st["count"], "view", 0)
        self.open("if (%s)" % v.name)
        op = r.randrange(4)
        if op == 0 and self.writable(v) > 0:
            self.emit(self.elem_write(v, "acc %% %du" % self.writable(v), "acc"))
        if op == 1 and v.is_text:
            self.emit("acc = mix(acc, (unsigned)strlen(%s));" % v.name)
        elif op == 2:
            self.emit("acc = mix(acc, h_sum(%s, %d));" % (v.name, v.nbytes))
        else:
            self.emit("acc = mix(acc, %s);" % self.elem_read(v, "acc %% %du" % v.count))
        self.close()

    def slot_cond_free(self, t, sl, c, st):
        cell = "%s[%s]" % (sl, c)
        self.open("if %s" % self.cond())
        self.emit("acc = mix(acc, %s);" % self.elem_read(Block(cell, t, 1, "view", 0), "0"))
        self.emit("free(%s);" % cell)
        self.emit("%s = NULL;" % cell)
        self.close()

    def slots_end(self, t, sl, k, nbytes, st, heap):
        r = self.r
        keep = r.randrange(k) if r.random() < 0.45 else None
        sure = False
        if keep is not None and r.random() < 0.5:
            # A second site for the kept slot: it is never NULL after.
            self.open("if (!%s[%d])" % (sl, keep))
            self.nest += 1
            self.slot_alloc(t, nbytes, st, name="%s[%d]" % (sl, keep))
            self.nest -= 1
            self.close()
            sure = True
        q = self.fresh("q")
        skip = "if (%s == %du) continue;" % (q, keep) if keep is not None else None
        how = r.random()
        if how < 0.5:       # in order
            self.open("for (unsigned %s = 0; %s < %du; %s++)" % (q, q, k, q))
            if skip:
                self.emit(skip)
            self.emit("if (%s[%s])" % (sl, q))
            self.emit("  acc = mix(acc, h_sum(%s[%s], %d));" % (sl, q, self.slot_bytes(t, st)))
            self.emit("%s(%s[%s]);" % ("h_release" if r.random() < 0.1 else "free", sl, q))
            self.close()
        elif how < 0.9:     # in a run-time order; a freed slot is set to NULL
            w = self.fresh("w")
            self.open("for (unsigned %s = 0; %s < %du; %s++)" % (q, q, k, q))
            self.emit("unsigned %s = (%s * %du + (acc >> %du)) %% %du;" % (
                w, q, r.choice([1, 3, 5]), r.randint(0, 9), k))
            if keep is not None:
                self.emit("if (%s == %du) continue;" % (w, keep))
            self.open("if (%s[%s])" % (sl, w))
            v = Block("%s[%s]" % (sl, w), t, st["count"], "view", 0)
            self.emit("acc = mix(acc, %s);" % self.elem_read(v, "acc %% %du" % v.count))
            self.emit("free(%s);" % v.name)
            self.emit("%s = NULL;" % v.name)
            self.close()
            self.close()
            if r.random() < 0.6:    # the rest; else they leak
                self.open("for (unsigned %s = 0; %s < %du; %s++)" % (q, q, k, q))
                if skip:
                    self.emit(skip)
                self.emit("free(%s[%s]);" % (sl, q))
                self.close()
        # else: all leaked
        if keep is not None:
            b = Block("%s[%d]" % (sl, keep), t, st["count"], st["family"],
                      self.loop_level, self.nest)
            b.maybe_null = not sure
            self.blocks.append(b)
            if heap:
                self.defer("free(%s);" % sl)
        elif heap:
            self.emit("free(%s);" % sl)

    # Shape 2: a block holding pointers to blocks.
    def holder_fields(self, p, fail_frees):
        """Sets the fields of a holder ('p' its prefix, 'hd->' or 'lh.'):
        'buf' a new text block (malloc, calloc, strdup or strndup of a
        word), 'aux' NULL or a copy of it or a word; on a failed allocation
        frees what is owned ('fail_frees', statements) and gives up.
        Returns the least 'n'."""
        r = self.r
        kind = r.choice(["malloc", "malloc", "calloc", "strdup", "strndup"])
        self.emit("%saux = NULL;" % p)
        if kind in ("malloc", "calloc"):
            lo, hi = self.text_range()
            e, least = self.count_expr(lo, hi)
            self.emit("%sn = (unsigned)(%s);" % (p, e))
            self.emit("%sbuf = %s;" % (p, "malloc(%sn)" % p if kind == "malloc"
                                       else "calloc(%sn, 1)" % p))
        else:
            short, long_ = self.word_lens()
            if kind == "strdup":
                self.emit("%sbuf = strdup(%s);" % (p, self.word()))
                least = short + 1
            else:
                lo, hi = self.limit_range(short, long_)
                lim, _ = self.count_expr(lo, hi)
                self.emit("%sbuf = strndup(%s, %s);" % (p, self.word(), lim))
                least = min(short, lo) + 1
        self.open("if (!%sbuf)" % p)
        for f in fail_frees:
            self.emit(f)
        self.emit(self.ret_fail())
        self.close()
        if kind == "malloc" or (kind == "calloc" and r.random() < 0.5):
            self.emit("h_fill_text(%sbuf, %sn, acc ^ %du);" % (p, p, r.randint(0, 999)))
        elif kind in ("strdup", "strndup"):
            self.emit("%sn = (unsigned)strlen(%sbuf) + 1u;" % (p, p))
        if r.random() < 0.5:
            how = r.randrange(3)
            if how == 0:
                self.emit("%saux = strdup(%sbuf);" % (p, p))
            elif how == 1:
                self.emit("%saux = strndup(%sbuf, %du);" % (p, p, r.randint(1, 40)))
            else:
                self.emit("%saux = strdup(%s);" % (p, self.word()))
            self.open("if (!%saux)" % p)
            self.emit("free(%sbuf);" % p)
            for f in fail_frees:
                self.emit(f)
            self.emit(self.ret_fail())
            self.close()
        return least

    def new_holder(self, hd):
        """Declares 'struct holder *hd', malloc'd or calloc'd, and sets its
        fields; returns the least 'n'."""
        r = self.r
        call = r.choice(["malloc(sizeof *%s)" % hd, "calloc(1, sizeof *%s)" % hd,
                         "malloc(sizeof(struct holder))", "calloc(1, sizeof(struct holder))"])
        self.emit("struct holder *%s = %s;" % (hd, call))
        self.emit("if (!%s)" % hd)
        self.emit("  " + self.ret_fail())
        return self.holder_fields(hd + "->", ["free(%s);" % hd])

    def holder_uses(self, p, least, fail_frees):
        """A few uses of a holder's fields: read back, written through,
        searched, and 'buf' replaced by a new block (the old one freed
        first, or after the new one is made from it).  Returns the least
        'n' after them."""
        r = self.r
        for _ in range(r.randint(1, 4)):
            op = r.randrange(8)
            if op == 0:
                self.emit("acc = mix(acc, h_sum(%sbuf, %sn));" % (p, p))
            elif op == 1:
                self.emit("acc = mix(acc, (unsigned)strlen(%sbuf));" % p)
            elif op == 2 and least > 2:
                self.emit("%sbuf[acc %% %du] = (char)('a' + acc %% 26u);" % (p, least - 1))
            elif op == 3:
                v = self.fresh("bv")
                self.emit("char *%s = %sbuf;" % (v, p))
                self.emit("acc = mix(acc, (unsigned)(unsigned char)%s[acc %% %du]);" % (v, least))
            elif op == 4:
                q = self.fresh("p")
                self.emit("char *%s = strchr(%sbuf, '%s');" % (q, p, r.choice(WORD_CHARS)))
                self.emit("acc = mix(acc, %s ? (unsigned)(%s - %sbuf) : 5u);" % (q, q, p))
            elif op == 5:
                self.emit("if (%saux)" % p)
                self.emit("  acc = mix(acc, h_sum(%saux, strlen(%saux) + 1));" % (p, p))
            elif op == 6:
                least = self.holder_replace_buf(p, fail_frees)
            else:
                self.emit("free(%saux);" % p)
                self.emit("%saux = %s;" % (p, r.choice(["NULL", "strdup(%s)" % self.word()])))
                self.emit("acc = mix(acc, %saux ? (unsigned)strlen(%saux) : 3u);" % (p, p))
        return least

    def holder_replace_buf(self, p, fail_frees):
        """Replaces 'buf' by a new block: the old one folded and freed first,
        or kept until the new one is written from it."""
        r = self.r
        lo, hi = self.text_range()
        e, least = self.count_expr(lo, hi)
        frees = ["free(%saux);" % p] + fail_frees
        if r.random() < 0.5:
            self.emit("acc = mix(acc, h_sum(%sbuf, %sn));" % (p, p))
            self.emit("free(%sbuf);" % p)
            self.emit("%sn = (unsigned)(%s);" % (p, e))
            self.emit("%sbuf = malloc(%sn);" % (p, p))
            self.open("if (!%sbuf)" % p)
            for f in frees:
                self.emit(f)
            self.emit(self.ret_fail())
            self.close()
            self.emit("h_fill_text(%sbuf, %sn, acc ^ %du);" % (p, p, r.randint(0, 999)))
            return least
        old, on, j = self.fresh("old"), self.fresh("on"), self.fresh("j")
        self.emit("char *%s = %sbuf;" % (old, p))
        self.emit("unsigned %s = %sn;" % (on, p))
        self.emit("%sn = (unsigned)(%s);" % (p, e))
        self.emit("%sbuf = malloc(%sn);" % (p, p))
        self.open("if (!%sbuf)" % p)
        self.emit("free(%s);" % old)
        for f in frees:
            self.emit(f)
        self.emit(self.ret_fail())
        self.close()
        self.emit("for (size_t %s = 0; %s + 1 < %sn; %s++)" % (j, j, p, j))
        self.emit("  %sbuf[%s] = (char)('a' + ((unsigned)(unsigned char)%s[%s %% (%s - 1u)] + (unsigned)%s) %% 26u);"
                  % (p, j, old, j, on, j))
        self.emit("%sbuf[%sn - 1u] = 0;" % (p, p))
        self.emit("free(%s);" % old)
        return least

    def f_holder(self):
        """A malloc'd (or local) struct holder: its fields set to new blocks,
        read back, written through, replaced; then freed through the
        fields and the struct freed, or the struct handed away (a global,
        a keeper, a reader the pass cannot see into) so the fields must
        stay on the heap; or its 'buf' kept as an owned block until the
        scope ends."""
        r = self.r
        self.shape_begin("holder-struct")
        if r.random() < 0.75:
            hd = self.fresh("hd")
            least = self.new_holder(hd)
            p, heap, fail = hd + "->", True, ["free(%s);" % hd]
        else:
            hd = self.fresh("lh")
            self.emit("struct holder %s;" % hd)
            least = self.holder_fields(hd + ".", [])
            p, heap, fail = hd + ".", False, []
        least = self.holder_uses(p, least, fail)
        x = r.random()
        if heap and x < 0.3:
            how = r.randrange(3)
            if how == 0:
                self.emit("h_hold_keep(%s);" % hd)
            elif how == 1:
                self.emit("hold_park(%s);" % hd)
            else:
                self.emit("acc = mix(acc, h_holder_sum(%s));" % hd)
                self.emit("holder_free(%s);" % hd)
        elif not heap and x < 0.2:
            self.emit("acc = mix(acc, h_holder_sum(&%s));" % hd)
            self.emit("free(%sbuf);" % p)
            self.emit("free(%saux);" % p)
        elif x < 0.55:
            # buf stays an owned block while the holder lives on.
            self.emit("free(%saux);" % p)
            if heap:
                self.defer("free(%s);" % hd)
            self.blocks.append(Block(p + "buf", "char", least, "malloc", self.loop_level, self.nest))
        else:
            frees = ["free(%sbuf);" % p, "free(%saux);" % p]
            r.shuffle(frees)
            if r.random() < 0.3 and heap:
                b, a = self.fresh("fb"), self.fresh("fa")
                self.emit("char *%s = %sbuf, *%s = %saux;" % (b, p, a, p))
                self.emit("free(%s);" % hd)
                self.emit("acc = mix(acc, (unsigned)strlen(%s));" % b)
                self.emit("free(%s);" % b)
                self.emit("free(%s);" % a)
            else:
                for f in frees:
                    self.emit(f)
                if heap:
                    self.emit("free(%s);" % hd)
        self.shape_end("holder-struct")

    def take_hfactory(self, u):
        """Calls a holder factory: the holder and its blocks come from
        another function (or its inlined copy)."""
        r = self.r
        hq = self.fresh("hq")
        self.shape_begin("holder-struct")
        self.emit("struct holder *%s = %s(acc);" % (hq, u.name))
        self.open("if (%s)" % hq)
        self.emit("acc = mix(acc, holder_sum(%s));" % hq)
        self.holder_uses(hq + "->", 2, ["free(%s);" % hq])
        how = r.randrange(4)
        if how == 0:
            self.emit("holder_free(%s);" % hq)
        elif how == 1:
            self.emit("free(%s->aux);" % hq)
            self.emit("free(%s->buf);" % hq)
            self.emit("free(%s);" % hq)
        elif how == 2:
            self.emit("h_hold_keep(%s);" % hq)
        else:
            self.emit("hold_park(%s);" % hq)
        self.close()
        self.shape_end("holder-struct")

    # Shape 3: an array of structs, each with a block and its size.
    def f_item_array(self):
        """A local (or calloc'd) array of struct item indexed at run time:
        blocks stored into run-time elements (by a loop, or a few in a
        row) with their size and a tag, an older block there folded and
        freed, others read through the
        element's own size; freed on some paths (NULL); at the end maybe
        sorted by tag (qsort moves the pointers), folded and freed, one
        element maybe kept past the shape."""
        r = self.r
        self.shape_begin("struct-array")
        k = r.choice([2, 3, 4, 6])
        it = self.fresh("it")
        heap = r.random() < 0.3
        if heap:
            self.emit("struct item *%s = calloc(%d, sizeof *%s);" % (it, k, it))
            self.emit("if (!%s)" % it)
            self.emit("  " + self.ret_fail())
        else:
            self.emit("struct item %s[%d];" % (it, k))
        q = self.fresh("q")
        self.open("for (unsigned %s = 0; %s < %du; %s++)" % (q, q, k, q))
        self.emit("%s[%s].p = NULL;" % (it, q))
        self.emit("%s[%s].n = 0;" % (it, q))
        self.emit("%s[%s].tag = 1000u + %s;" % (it, q, q))
        self.close()
        lo, hi = r.choice([(1, 32), (16, 200), (100, 1100), (800, 3000)])
        st = {"least": hi}
        if r.random() < 0.6:
            i, c = self.fresh("i"), self.fresh("k")
            self.open_for(i, r.randint(2, 9))
            self.nest += 1
            self.loop_level += 1
            self.emit("unsigned %s = %s;" % (c, self.run_index(k, i)))
            self.item_store(it, k, c, i, lo, hi, heap, st)
            self.nest -= 1
            self.loop_level -= 1
            self.close()
        else:
            for step in range(r.randint(2, 4)):
                c = self.fresh("k")
                self.emit("unsigned %s = %s;" % (c, self.run_index(k)))
                self.item_store(it, k, c, "%du" % (100 + step), lo, hi, heap, st)
        least = st["least"]
        if r.random() < 0.3:
            self.emit("qsort(%s, %d, sizeof *%s, cmp_item);" % (it, k, it))
        keep = r.randrange(k) if r.random() < 0.35 else None
        self.open("for (unsigned %s = 0; %s < %du; %s++)" % (q, q, k, q))
        if keep is not None:
            self.emit("if (%s == %du) continue;" % (q, keep))
        self.emit("if (%s[%s].p)" % (it, q))
        self.emit("  acc = mix(acc, h_sum(%s[%s].p, %s[%s].n) ^ %s[%s].tag);" % (it, q, it, q, it, q))
        self.emit("free(%s[%s].p);" % (it, q))
        self.close()
        if keep is not None:
            b = Block("%s[%d].p" % (it, keep), "unsigned char", least, "malloc",
                      self.loop_level, self.nest)
            b.maybe_null = True
            self.blocks.append(b)
            if heap:
                self.defer("free(%s);" % it)
        elif heap:
            self.emit("free(%s);" % it)
        self.shape_end("struct-array")

    def item_store(self, it, k, c, tag, lo, hi, heap, st):
        """Puts a new block of lo-hi bytes into element it[c] (the old one
        folded and freed first) with its size and 'tag', reads another
        run-time element, and sometimes frees the new one again."""
        r = self.r
        q = self.fresh("q")
        e = "%s[%s]" % (it, c)
        self.open("if (%s.p)" % e)
        self.emit("acc = mix(acc, h_sum(%s.p, %s.n) + %s.tag);" % (e, e, e))
        self.emit("free(%s.p);" % e)
        self.close()
        m = self.fresh("m")
        ex, least = self.count_expr(lo, hi)
        st["least"] = min(st["least"], least)
        self.emit("size_t %s = %s;" % (m, ex))
        calloc = r.random() < 0.3
        self.emit("%s.p = %s;" % (e, "calloc(%s, 1)" % m if calloc else "malloc(%s)" % m))
        self.open("if (!%s.p)" % e)
        self.emit("for (unsigned %s = 0; %s < %du; %s++)" % (q, q, k, q))
        self.emit("  free(%s[%s].p);" % (it, q))
        if heap:
            self.emit("free(%s);" % it)
        self.emit(self.ret_fail())
        self.close()
        self.emit("%s.n = (unsigned)%s;" % (e, m))
        self.emit("%s.tag = %s;" % (e, tag))
        if not calloc:
            self.emit("h_fill_bytes(%s.p, %s, acc ^ %du);" % (e, m, r.randint(0, 999)))
        j = self.fresh("j")
        self.emit("unsigned %s = (%s + (acc >> %du)) %% %du;" % (j, c, r.randint(0, 9), k))
        f = "%s[%s]" % (it, j)
        self.emit("if (%s.p)" % f)
        if r.random() < 0.5:
            self.emit("  acc = mix(acc, (unsigned)%s.p[acc %% %s.n] + %s.tag);" % (f, f, f))
        else:
            self.emit("  acc = mix(acc, (unsigned)%s.p[acc %% %du]);" % (f, st["least"]))
        if r.random() < 0.35:
            self.open("if %s" % self.cond())
            self.emit("free(%s.p);" % e)
            self.emit("%s.p = NULL;" % e)
            self.close()

    # Shape 4: strtol and its kind, strtok_r and strsep.
    def number_text(self, s, size):
        """Writes numbers into text block 's' of 'size' (a C expression)
        bytes: what strtol and its kind parse."""
        r = self.r
        sep = r.choice([" ", ",", ":", " ,"])
        tail = r.choice(["", " x", ":q-", "z9", "-", " 0x1f"])
        self.emit('snprintf(%s, %s, "%%u%s%%u%s%%u%s", acc %% %du, x %% %du, (acc >> %du) %% 100000u);'
                  % (s, size, sep, sep, tail, r.choice([10, 1000, 100000]), r.randint(2, 999),
                     r.randint(3, 20)))

    def f_strto(self):
        """strtol, strtoul, strtoll or strtod with a local 'char *end' (or the
        'end' of a local struct scan) into a malloc'd or strdup'd buffer:
        end compared with the buffer and subtracted from it, numbers
        parsed one after another; then the buffer freed."""
        r = self.r
        self.shape_begin("strto")
        s = self.fresh("nb")
        mode = r.randrange(4)
        if mode == 3:       # a word, base 36 or so: letters are digits
            self.emit("char *%s = strdup(%s);" % (s, self.word()))
            self.emit("if (!%s)" % s)
            self.emit("  " + self.ret_fail())
        else:
            e, least = self.count_expr(*r.choice([(24, 40), (32, 64), (48, 300)]))
            sz = self.fresh("sz")
            self.emit("size_t %s = %s;" % (sz, e))
            self.emit("char *%s = %s;" % (s, r.choice(["malloc(%s)", "calloc(%s, 1)"]) % sz))
            self.emit("if (!%s)" % s)
            self.emit("  " + self.ret_fail())
            self.emit("h_fill_text(%s, %s, acc);" % (s, sz))
            if mode == 2:   # a decimal fraction: strtod (its value stays small)
                self.emit('snprintf(%s, %s, "%%u.%%02u%s", acc %% 10000u, x %% 100u);'
                          % (s, sz, r.choice(["", ":x", " q", "-z", ",5"])))
            else:
                self.number_text(s, sz)
        in_struct = r.random() < 0.3
        if in_struct:
            sc = self.fresh("sc")
            self.emit("struct scan %s;" % sc)
            self.emit("%s.text = %s;" % (sc, s))
            self.emit("%s.count = 0;" % sc)
            text, end = sc + ".text", sc + ".end"
        else:
            end = self.fresh("end")
            self.emit("char *%s;" % end if r.random() < 0.6 else "char *%s = NULL;" % end)
            text = s
        if mode == 2:
            d = self.fresh("d")
            self.emit("double %s = strtod(%s, &%s);" % (d, text, end))
            self.emit("acc = mix(acc, (unsigned)(%s * 4.0));" % d)
            self.emit("acc = mix(acc, (unsigned)(%s - %s));" % (end, text))
            self.emit("t_bad += %s < %s || %s > %s + strlen(%s);" % (end, text, end, text, text))
        elif mode == 3:
            base = r.choice([0, 10, 16, 36, 36])
            v = self.fresh("v")
            self.emit("long %s = strtol(%s, &%s, %d);" % (v, text, end, base))
            self.emit("acc = mix(acc, (unsigned)%s ^ (unsigned)((unsigned long)%s >> 32));" % (v, v))
            self.emit("acc = mix(acc, (unsigned)(%s - %s) + (unsigned)(%s == %s));"
                      % (end, text, end, text))
            self.emit("if (*%s)" % end)
            self.emit("  acc = mix(acc, (unsigned)(unsigned char)*%s);" % end)
        else:
            fn, ty = r.choice([("strtoul", "unsigned long"), ("strtol", "long"),
                               ("strtoull", "unsigned long long"), ("strtoll", "long long")])
            base = r.choice([10, 10, 0, 16])
            q, cnt, v = self.fresh("q"), self.fresh("cnt"), self.fresh("v")
            self.emit("unsigned %s = 0;" % cnt)
            self.open("for (const char *%s = %s; %s < 8u; %s++)" % (q, text, cnt, cnt))
            self.emit("%s %s = %s(%s, &%s, %d);" % (ty, v, fn, q, end, base))
            self.emit("if (%s == %s)" % (end, q))
            self.emit("  break;")
            self.emit("acc = mix(acc, (unsigned)%s ^ (unsigned)((unsigned long long)%s >> 32));" % (v, v))
            self.emit("acc = mix(acc, (unsigned)(%s - %s));" % (end, text))
            self.emit("%s = %s + (*%s == ',' || *%s == ':');" % (q, end, end, end))
            self.close()
            self.emit("acc = mix(acc, %s);" % cnt)
        self.emit("free(%s);" % text)
        self.shape_end("strto")

    def word_list(self):
        """Declares a local array holding a few words of the table joined by
        separators (truncated to its size); returns its name."""
        r = self.r
        wl = self.fresh("wl")
        n = r.randint(2, 5)
        seps = [r.choice([" ", ":", "-", "  ", " :"]) for _ in range(n - 1)]
        fmt = "%s" + "".join(sp + "%s" for sp in seps)
        # Small in recursive functions (no allow_huge), whose every level
        # has one, maybe on a 64 KiB thread stack.
        sizes = [32, 64, 128, 256] + ([700] if self.allow_huge else [])
        self.emit("char %s[%d];" % (wl, r.choice(sizes)))
        self.emit('snprintf(%s, sizeof %s, "%s", %s);' % (
            wl, wl, fmt, ", ".join(self.word() for _ in range(n))))
        return wl

    def f_tokens(self):
        """strtok_r over a strdup'd copy of a word list (the cursor a local
        'char *save' or the 'save' of a struct scan), counting tokens and
        hashing their characters; or strsep over a copy, the original
        pointer kept to free it.  Then the copy is freed."""
        r = self.r
        self.shape_begin("tokens")
        src = self.word_list() if r.random() < 0.7 else self.word()
        cp = self.fresh("cp")
        how = r.randrange(3)
        if how == 0:
            self.emit("char *%s = strdup(%s);" % (cp, src))
        elif how == 1:
            self.emit("char *%s = strndup(%s, %d);" % (cp, src, r.randint(1, 200)))
        else:
            ln = self.fresh("ln")
            self.emit("size_t %s = strlen(%s);" % (ln, src))
            self.emit("char *%s = malloc(%s + 1);" % (cp, ln))
            self.emit("if (%s)" % cp)
            self.emit("  memcpy(%s, %s, %s + 1);" % (cp, src, ln))
        self.emit("if (!%s)" % cp)
        self.emit("  " + self.ret_fail())
        sep = r.choice([" ", " :", "-:", ":- ", "aeiou", ":"])
        nt, t, c = self.fresh("nt"), self.fresh("t"), self.fresh("c")
        self.emit("unsigned %s = 0;" % nt)
        if r.random() < 0.6:
            if r.random() < 0.3:
                sc = self.fresh("sc")
                self.emit("struct scan %s;" % sc)
                save = sc + ".save"
            else:
                save = self.fresh("save")
                self.emit("char *%s;" % save if r.random() < 0.5 else "char *%s = NULL;" % save)
            self.open('for (char *%s = strtok_r(%s, "%s", &%s); %s; %s = strtok_r(NULL, "%s", &%s))'
                      % (t, cp, sep, save, t, t, sep, save))
        else:
            cur = self.fresh("cur")
            self.emit("char *%s = %s, *%s;" % (cur, cp, t))
            self.open('while ((%s = strsep(&%s, "%s")) != NULL)' % (t, cur, sep))
        self.emit("%s++;" % nt)
        self.emit("for (const char *%s = %s; *%s; %s++)" % (c, t, c, c))
        self.emit("  acc = mix(acc, (unsigned)(unsigned char)*%s);" % c)
        if r.random() < 0.5:
            self.emit("acc = mix(acc, (unsigned)(%s - %s));" % (t, cp))
        self.close()
        self.emit("acc = mix(acc, %s);" % nt)
        self.emit("free(%s);" % cp)
        self.shape_end("tokens")

    # Shape 5: double buffering through memory.
    def f_held_double(self):
        """Double buffering through a holder: each iteration makes a block
        from the previous one, which it reads from a run-time slot of a
        local array or from a holder's field after the new block is
        allocated (so the pass must keep them on the heap); or, in the
        last variant, reads and frees it before (which it may promote)."""
        r = self.r
        self.shape_begin("held-double-buffer")
        v = r.randrange(3)
        if v == 0:
            self.held_ping_pong()
        else:
            self.held_field(before=v == 2)
        self.shape_end("held-double-buffer")

    def held_ping_pong(self):
        r = self.r
        t = self.elem_type()
        db, dn, cur = self.fresh("db"), self.fresh("dn"), self.fresh("cur")
        self.emit("%s *%s[2] = {NULL, NULL};" % (t, db))
        self.emit("size_t %s[2] = {0, 0};" % dn)
        i, k = self.fresh("i"), self.fresh("k")
        self.open_for(i, r.randint(2, 8))
        self.emit("unsigned %s = (%s + %s) %% 2u;" % (k, i, r.choice(["x", "(acc & 0u)", "1u"])))
        lo, hi = self.rt_elems(t) if "rt-size" not in self.gen.without else (8, 8)
        cn = self.fresh("cn")
        e, _ = self.count_expr(lo, hi)
        self.emit("size_t %s = %s;" % (cn, e))
        call = r.choice(["malloc(%s * sizeof(%s))", "realloc(NULL, %s * sizeof(%s))",
                         "calloc(%s, sizeof(%s))"])
        self.emit("%s *%s = %s;" % (t, cur, call % (cn, t)))
        self.open("if (!%s)" % cur)
        self.emit("free(%s[0]);" % db)
        self.emit("free(%s[1]);" % db)
        self.emit(self.ret_fail())
        self.close()
        self.copy_from(t, cur, cn, "%s[%s ^ 1u]" % (db, k), "%s[%s ^ 1u]" % (dn, k))
        self.emit("free(%s[%s]);" % (db, k))
        self.emit("%s[%s] = %s;" % (db, k, cur))
        self.emit("%s[%s] = %s;" % (dn, k, cn))
        self.close()
        q = self.fresh("q")
        self.open("for (unsigned %s = 0; %s < 2u; %s++)" % (q, q, q))
        self.emit("if (%s[%s])" % (db, q))
        self.emit("  acc = mix(acc, h_sum(%s[%s], %s[%s] * sizeof(%s)));" % (db, q, dn, q, t))
        self.emit("free(%s[%s]);" % (db, q))
        self.close()

    def held_field(self, before):
        """The previous text block in a holder's 'buf' (a calloc'd or
        malloc'd struct): read after the next block is allocated, then
        freed; or ('before') read and freed before it."""
        r = self.r
        hd = self.fresh("hd")
        if r.random() < 0.5:
            self.emit("struct holder *%s = calloc(1, sizeof *%s);" % (hd, hd))
            self.emit("if (!%s)" % hd)
            self.emit("  " + self.ret_fail())
        else:
            self.emit("struct holder *%s = malloc(sizeof *%s);" % (hd, hd))
            self.emit("if (!%s)" % hd)
            self.emit("  " + self.ret_fail())
            self.emit("%s->buf = NULL;" % hd)
            self.emit("%s->n = 0;" % hd)
            self.emit("%s->aux = NULL;" % hd)
        i, m, nb, j = self.fresh("i"), self.fresh("m"), self.fresh("nb"), self.fresh("j")
        self.open_for(i, r.randint(2, 8))
        lo, hi = self.text_range()
        e, least = self.count_expr(lo, hi)
        self.emit("size_t %s = %s;" % (m, e))
        if before:
            self.open("if (%s->buf)" % hd)
            self.emit("acc = mix(acc, h_sum(%s->buf, %s->n));" % (hd, hd))
            self.emit("free(%s->buf);" % hd)
            if r.random() < 0.5:
                self.emit("%s->buf = NULL;" % hd)
            self.close()
            self.emit("%s->buf = malloc(%s);" % (hd, m))
            self.open("if (!%s->buf)" % hd)
            self.emit("free(%s);" % hd)
            self.emit(self.ret_fail())
            self.close()
            self.emit("%s->n = (unsigned)%s;" % (hd, m))
            self.emit("h_fill_text(%s->buf, %s, acc ^ (unsigned)%s);" % (hd, m, i))
        else:
            self.emit("char *%s = malloc(%s);" % (nb, m))
            self.open("if (!%s)" % nb)
            self.emit("free(%s->buf);" % hd)
            self.emit("free(%s);" % hd)
            self.emit(self.ret_fail())
            self.close()
            self.emit("for (size_t %s = 0; %s + 1 < %s; %s++)" % (j, j, m, j))
            self.emit("  %s[%s] = (char)('a' + (%s->buf ? (unsigned)(unsigned char)%s->buf[%s %% (%s->n - 1u)] + (unsigned)%s : mix(acc, (unsigned)%s)) %% 26u);"
                      % (nb, j, hd, hd, j, hd, j, j))
            self.emit("%s[%s - 1] = 0;" % (nb, m))
            self.emit("free(%s->buf);" % hd)
            self.emit("%s->buf = %s;" % (hd, nb))
            self.emit("%s->n = (unsigned)%s;" % (hd, m))
        self.emit("acc = mix(acc, (unsigned)(unsigned char)%s->buf[acc %% %du]);" % (hd, least))
        self.close()
        self.emit("acc = mix(acc, h_sum(%s->buf, %s->n));" % (hd, hd))
        if r.random() < 0.5:
            self.emit("holder_free(%s);" % hd)
        else:
            self.emit("free(%s->buf);" % hd)
            self.emit("free(%s);" % hd)

    # Shape 6: a struct holding a block, copied.
    def f_small_buffer(self):
        """A local small-buffer text (struct sbuf, whose pointer first
        points at its own array) filled with a run-time number of words:
        it leaves the array once the text is longer, for a block grown by
        realloc or by a new block and a copy; the text is read in place or
        by a function the pass cannot see into, then released."""
        r = self.r
        self.shape_begin("small-buffer")
        sb, i, w = self.fresh("sb"), self.fresh("i"), self.fresh("w")
        self.emit("struct sbuf %s;" % sb)
        self.emit("sbuf_init(&%s);" % sb)
        self.open("for (unsigned %s = 0; %s < %s; %s++)"
                  % (i, i, self.count_expr(1, r.choice([3, 8, 16]))[0], i))
        self.emit("const char *%s = %s;" % (w, self.word()))
        self.emit("if (!sbuf_put(&%s, %s, strlen(%s), %d))" % (sb, w, w, r.random() < 0.3))
        self.emit("  break;")
        self.close()
        if r.random() < 0.25:
            self.emit("acc = mix(acc, h_sbuf_sum(&%s));" % sb)
        else:
            self.emit("acc = mix(acc, h_sum(%s.p, %s.len + 1));" % (sb, sb))
        self.emit("sbuf_release(&%s);" % sb)
        self.shape_end("small-buffer")

    def f_node_chain(self):
        """A loop that allocates a node and a text block each iteration,
        stores the block into the node, and reads the node of the iteration
        before (the pointer a loop variable carries) after both
        allocations, then frees it and its block: two blocks of the site
        live at once, which must not share a slot."""
        r = self.r
        self.shape_begin("node-chain")
        prev, i, h, b = self.fresh("prev"), self.fresh("i"), self.fresh("h"), self.fresh("b")
        n = r.randint(4, 16)
        self.emit("struct node *%s = NULL;" % prev)
        self.open("for (unsigned %s = 0; %s < %s; %s++)"   # not unrolled
                  % (i, i, self.count_expr(2, 6)[0], i))
        self.emit("struct node *%s = malloc(sizeof *%s);" % (h, h))
        # Only the read below may see the node before: on these failures
        # it is leaked.
        self.emit("if (!%s)" % h)
        self.emit("  %s" % self.ret_fail())
        self.emit("char *%s = malloc(%d);" % (b, n))
        self.open("if (!%s)" % b)
        self.emit("free(%s);" % h)
        self.emit(self.ret_fail())
        self.close()
        self.emit("snprintf(%s, %d, \"%%s%%u\", %s, %s);" % (b, n, self.word(), i))
        self.emit("%s->p = %s;" % (h, b))
        self.open("if (%s)" % prev)
        self.emit("acc = mix(acc, h_sum(%s->p, strlen(%s->p)));" % (prev, prev))
        self.emit("free(%s->p);" % prev)
        self.emit("free(%s);" % prev)
        self.close()
        self.emit("%s = %s;" % (prev, h))
        self.close()
        self.open("if (%s)" % prev)
        self.emit("acc = mix(acc, h_sum(%s->p, strlen(%s->p)));" % (prev, prev))
        self.emit("free(%s->p);" % prev)
        self.emit("free(%s);" % prev)
        self.close()
        self.shape_end("node-chain")

    def f_record_compare(self):
        """Records holding a fresh block's pointer, each compared by memcmp
        (of a run-time length, so not inlined) with the record before
        while that record's block is still allocated: in a defined
        program the two names differ, so the records never compare
        equal; then the earlier block is freed."""
        r = self.r
        self.shape_begin("record-compare")
        prev, cur, i, b = self.fresh("prev"), self.fresh("cur"), self.fresh("i"), self.fresh("b")
        self.emit("struct named %s = {NULL, 0}, %s;" % (prev, cur))
        self.open("for (unsigned %s = 0; %s < %s; %s++)"   # not unrolled
                  % (i, i, self.count_expr(2, 6)[0], i))
        self.emit("char *%s = malloc(%d);" % (b, r.randint(4, 16)))
        self.emit("if (!%s)" % b)
        self.emit("  %s /* leaks the record before */" % self.ret_fail())
        self.emit("%s[0] = (char)('a' + %s);" % (b, i))
        self.emit("%s.name = %s;" % (cur, b))
        self.emit("%s.id = %s;" % (cur, r.choice(["7u", "(size_t)%s" % i])))
        # Only equality: the order of two addresses is the allocator's.
        # (LLVM makes this bcmp.)
        self.emit("acc = mix(acc, (unsigned)(memcmp(&%s, &%s, %s) == 0));"
                  % (prev, cur, self.count_expr(16, 16)[0]))
        self.emit("free(%s.name);" % prev)
        self.emit("%s.name = %s.name;" % (prev, cur))
        self.emit("%s.id = %s.id;" % (prev, cur))
        self.close()
        self.emit("acc = mix(acc, (unsigned char)%s.name[0]);" % prev)
        self.emit("free(%s.name);" % prev)
        self.shape_end("record-compare")

    def f_struct_copy(self):
        """A struct holder copied (memcpy or assignment) from a local to a
        local (a run-time element of an array), from a malloc'd one to a
        local, or from a local to a malloc'd one; the blocks are used and
        freed through the copy."""
        r = self.r
        self.shape_begin("struct-copy")
        how = r.randrange(3)
        cp = r.random() < 0.5
        if how == 0:
            sa, sb, k = self.fresh("sa"), self.fresh("sb"), self.fresh("k")
            self.emit("struct holder %s;" % sa)
            least = self.holder_fields(sa + ".", [])
            if r.random() < 0.6:
                self.emit("struct holder %s[2];" % sb)
                self.emit("unsigned %s = %s;" % (k, self.run_index(2)))
                dst = "%s[%s]" % (sb, k)
            else:
                self.emit("struct holder %s;" % sb)
                dst = sb
            self.emit("memcpy(&%s, &%s, sizeof %s);" % (dst, sa, sa) if cp else
                      "%s = %s;" % (dst, sa))
            p = dst + "."
        elif how == 1:
            hp, sb = self.fresh("hp"), self.fresh("sb")
            least = self.new_holder(hp)
            self.emit("struct holder %s;" % sb)
            self.emit("memcpy(&%s, %s, sizeof %s);" % (sb, hp, sb) if cp else
                      "%s = *%s;" % (sb, hp))
            self.emit("free(%s);" % hp)
            p = sb + "."
        else:
            sa, hp = self.fresh("sa"), self.fresh("hp")
            self.emit("struct holder %s;" % sa)
            least = self.holder_fields(sa + ".", [])
            self.emit("struct holder *%s = malloc(sizeof *%s);" % (hp, hp))
            self.open("if (!%s)" % hp)
            self.emit("free(%s.buf);" % sa)
            self.emit("free(%s.aux);" % sa)
            self.emit(self.ret_fail())
            self.close()
            self.emit("memcpy(%s, &%s, sizeof %s);" % (hp, sa, sa) if cp else
                      "*%s = %s;" % (hp, sa))
            p = hp + "->"
        self.emit("acc = mix(acc, h_sum(%sbuf, %sn));" % (p, p))
        if least > 2:
            self.emit("%sbuf[acc %% %du] = (char)('A' + acc %% 26u);" % (p, least - 1))
        self.emit("acc = mix(acc, %saux ? (unsigned)strlen(%saux) : 1u);" % (p, p))
        self.emit("free(%sbuf);" % p)
        self.emit("free(%saux);" % p)
        if how == 2:
            self.emit("free(%s);" % hp)
        self.shape_end("struct-copy")

    def f_print(self):
        r = self.r
        cand = self.usable(lambda b: b.is_text)
        if cand and r.random() < 0.6:
            b = r.choice(cand)
            g = self.guarded(b)
            self.emit('printf("%s: %%s\\n", %s);' % (self.name, b.name))
            if g:
                self.close()
        else:
            self.emit('printf("%s: %%08x\\n", acc);' % self.name)

    def f_if(self):
        r = self.r
        self.nest += 1
        self.open("if %s" % self.cond())
        outer = list(self.blocks)
        for _ in range(r.randint(1, 3)):
            self.feature()
        self.end_scope(outer)
        if r.random() < 0.4:
            self.close(" else {")
            self.ind += 1
            for _ in range(r.randint(1, 2)):
                self.feature()
            self.end_scope(outer)
        self.close()
        self.nest -= 1

    def end_scope(self, outer):
        """Frees or leaks the blocks declared since 'outer' was taken, and
        turns outer blocks freed in the scope into maybe-null ones."""
        for b in [b for b in self.blocks if b not in outer]:
            if b.maybe_null:
                self.emit("free(%s);" % b.name)
                self.blocks.remove(b)
            else:
                self.release(b)
        self.emit_deferred(self.nest)
        for b in outer:
            if b not in self.blocks:    # freed or handed away inside
                self.emit("%s = NULL;" % b.name)
                b.maybe_null = True
                self.blocks.append(b)

    def f_many(self):
        """Many blocks live at once: the frame budget decides."""
        r = self.r
        made = [self.alloc(ctype=r.choice(["unsigned char", "unsigned", "char"]),
                           nbytes=r.randint(100, 900)) for _ in range(r.randint(3, 7))]
        for b in made:
            self.emit("acc = mix(acc, %s);" % self.elem_read(b, "acc %% %du" % b.count))
        r.shuffle(made)
        for b in made:
            self.blocks.append(b)
            if r.random() < 0.7:
                self.release(b)

    def f_early_return(self):
        """Returns on some inputs, leaking every block still owned."""
        what = self.early if self.early is not None else "acc ^ %du" % self.r.randint(0, 99)
        self.emit("if %s" % self.cond())
        self.emit(("  return %s;" % what).replace(" ;", ";"))

    def f_call(self):
        u = self.gen.callable_unit(self)
        if not u:
            return self.f_alloc()
        self.callees.append(u)
        if u.kind in ("rec", "disp"):
            depth = self.r.randint(0, min(u.max_depth, 12))
            self.emit("acc = mix(acc, %s(%du, acc));" % (u.name, depth))
        elif u.kind == "factory":
            return self.take_factory(u)
        elif u.kind == "hfactory":
            return self.take_hfactory(u)
        else:
            self.emit("acc = mix(acc, %s(acc & 0xffu));" % u.name)

    def f_factory(self):
        u = self.gen.callable_unit(self, kind="factory")
        if not u:
            return self.f_alloc()
        self.callees.append(u)
        self.take_factory(u)

    def take_factory(self, u):
        ctype, count = u.ret
        b = Block(self.fresh("f"), ctype, count, "malloc", self.loop_level, self.nest)
        self.emit("%s *%s = %s(acc);" % (ctype, b.name, u.name))
        b.maybe_null = True
        self.blocks.append(b)

    # -- loops ---------------------------------------------------------------
    def loop_body(self):
        """A few features inside the body of the loop just opened."""
        self.loop_level += 1
        self.nest += 1
        outer = list(self.blocks)
        for _ in range(self.r.randint(0, 2)):
            self.feature()
        self.end_scope(outer)
        self.nest -= 1
        self.loop_level -= 1

    def f_loop(self):
        r = self.r
        pattern = r.randrange(8)
        n = r.randint(2, 9)
        i = self.fresh("i")
        head = "for (unsigned %s = 0; %s < %du; %s++)" % (i, i, n, i)
        t = r.choice(list(TYPES))
        nbytes = self.pick_size()
        if pattern == 0:  # allocated and freed (or leaked) every iteration
            self.open_for(i, n)
            self.loop_level += 1
            b = self.alloc(ctype=t, nbytes=nbytes)
            self.emit("acc = mix(acc, %s + %s);" % (self.elem_read(b, "%s %% %du" % (i, b.count)), i))
            self.blocks.append(b)
            self.loop_level -= 1
            self.loop_body()
            self.loop_level += 1
            if b in self.blocks:
                if r.random() < 0.2:
                    self.emit("if (%s %% 2u)" % i)
                    self.emit("  free(%s);" % b.name)
                    self.blocks.remove(b)
                elif b.maybe_null:
                    self.emit("free(%s);" % b.name)
                    self.blocks.remove(b)
                else:
                    self.release(b)
            self.loop_level -= 1
            self.close()
        elif pattern in (1, 2, 3):  # a 'prev' pointer into the next iteration
            prev = self.fresh("prev")
            self.emit("%s *%s = NULL;" % (t, prev))
            self.open_for(i, n)
            self.loop_level += 1
            early = pattern == 2
            if early:
                self.emit("if (%s)" % prev)
                self.emit("  acc = mix(acc, h_sum(%s, %s));" % (prev, "%PREV%"))
                self.emit("free(%s);" % prev)
            if pattern == 3:   # read the previous block, never free it
                self.emit("if (%s)" % prev)
                self.emit("  acc = mix(acc, h_sum(%s, %s));" % (prev, "%PREV%"))
            b = self.alloc(ctype=t, nbytes=nbytes)
            self.lines = [l.replace("%PREV%", str(b.nbytes)) for l in self.lines]
            if pattern == 1:
                self.open("if (%s)" % prev)
                pv = Block(prev, t, b.count, "view", 0)
                self.emit("acc = mix(acc, %s + %s);" % (self.elem_read(pv, "%s %% %du" % (i, b.count)),
                                                        self.elem_read(b, "0")))
                self.close()
                self.emit("free(%s);" % prev)
            self.emit("%s = %s;" % (prev, b.name))
            self.loop_level -= 1
            self.close()
            self.emit("if (%s)" % prev)
            self.emit("  acc = mix(acc, h_sum(%s, %d));" % (prev, b.nbytes))
            if r.random() < 0.7:
                self.emit("free(%s);" % prev)
        elif pattern == 4:  # kept in an array, used after the loop
            k = r.randint(2, 8)
            arr = self.fresh("arr")
            self.emit("%s *%s[%d];" % (t, arr, k))
            head = "for (unsigned %s = 0; %s < %du; %s++)" % (i, i, k, i)
            self.open_for(i, k)
            self.loop_level += 1
            b = self.alloc(ctype=t, nbytes=nbytes)
            self.emit("%s[%s] = %s;" % (arr, i, b.name))
            self.loop_level -= 1
            self.close()
            j = self.fresh("j")
            self.open(head.replace(i, j))
            av = Block("%s[%s]" % (arr, j), t, b.count, "view", 0)
            self.emit("acc = mix(acc, %s);" % self.elem_read(av, "acc %% %du" % b.count))
            if r.random() < 0.8:
                self.emit("free(%s[%s]);" % (arr, j))
            self.close()
        elif pattern == 5:  # found, and kept past a break
            found = self.fresh("found")
            self.emit("%s *%s = NULL;" % (t, found))
            self.open_for(i, n)
            self.loop_level += 1
            b = self.alloc(ctype=t, nbytes=nbytes)
            self.open("if ((%s ^ acc) %% %du == 0u)" % (self.elem_read(b, "0"), r.randint(2, 5)))
            self.emit("%s = %s;" % (found, b.name))
            self.emit("break;")
            self.close()
            self.emit("acc = mix(acc, %s);" % self.elem_read(b, "%s %% %du" % (i, b.count)))
            self.emit("free(%s);" % b.name)
            self.loop_level -= 1
            self.close()
            self.open("if (%s)" % found)
            self.emit("acc = mix(acc, h_sum(%s, %d));" % (found, b.nbytes))
            self.emit("free(%s);" % found)
            self.close()
        elif pattern == 6:  # allocated only when the previous one was freed
            hold = self.fresh("hold")
            self.emit("%s *%s = NULL;" % (t, hold))
            self.open_for(i, n)
            self.loop_level += 1
            self.open("if (%s && %s %% %du == 0u)" % (hold, i, r.randint(2, 3)))
            self.emit("acc = mix(acc, h_sum(%s, %s));" % (hold, "%HOLD%"))
            self.emit("free(%s);" % hold)
            self.emit("%s = NULL;" % hold)
            self.close()
            self.open("if (!%s)" % hold)
            b = self.alloc(ctype=t, nbytes=nbytes)
            self.lines = [l.replace("%HOLD%", str(b.nbytes)) for l in self.lines]
            self.emit("%s = %s;" % (hold, b.name))
            self.close()
            hv = Block(hold, t, b.count, "view", 0)
            if self.writable(hv) > 0:
                self.emit(self.elem_write(hv, "%s %% %du" % (i, self.writable(hv)), "acc"))
            self.emit("acc = mix(acc, %s);" % self.elem_read(hv, "0"))
            self.loop_level -= 1
            self.close()
            self.emit("free(%s);" % hold)
        else:  # nested loops, the inner one allocating
            self.open_for(i, n)
            self.loop_level += 1
            j = self.fresh("j")
            m = r.randint(1, 4)
            self.open_for(j, m)
            self.loop_level += 1
            b = self.alloc(ctype=t, nbytes=nbytes)
            self.emit("acc = mix(acc, %s + %s * 3u);" % (self.elem_read(b, "%s %% %du" % (j, b.count)), i))
            self.blocks.append(b)
            self.loop_level -= 1
            self.loop_body()
            self.loop_level += 1
            if b in self.blocks:
                if b.maybe_null:
                    self.emit("free(%s);" % b.name)
                    self.blocks.remove(b)
                else:
                    self.release(b)
            self.loop_level -= 1
            self.close()
            self.loop_level -= 1
            self.close()

    # -- whole functions -----------------------------------------------------
    def body(self):
        while self.budget > 0:
            self.budget -= 1
            self.feature()

    def finish(self):
        """Frees or leaks what is still owned."""
        for b in list(self.blocks):
            if b.maybe_null or self.r.random() < 0.85:
                self.emit("free(%s);" % b.name)
                self.blocks.remove(b)
            else:
                self.blocks.remove(b)
        self.emit_deferred(0)


# Features --without can leave out, e.g. while a mismatch they cause is
# being fixed, so that a campaign can look for others.
# The memory-flow shapes (blocks whose pointers wait in local arrays,
# structs and other blocks); "memflow" leaves out all of them.
MEMFLOW = ("ptr-slots", "holder-struct", "struct-array", "strto", "tokens",
           "held-double-buffer", "struct-copy", "small-buffer", "node-chain",
           "record-compare")
OPTIONAL = ("threads", "recursion", "table-recursion", "setjmp", "positional-p",
            "rt-size", "calloc-overflow", "realloc-zero", "memflow") + MEMFLOW


class Gen:
    def __init__(self, seed, without=()):
        self.seed = seed
        self.without = set(without)
        self.r = random.Random(seed)
        self.units = []
        self.out = []
        self.protos = []
        self.words = self.make_words()

    def make_words(self):
        """The program's word table: strings picked at run time for strdup,
        strndup and appends; most short, some longer than any guard limit
        the pass may use."""
        r = self.r
        words = []
        for _ in range(r.randint(4, 12)):
            n = r.choice([r.randint(1, 12)] * 3 + [r.randint(13, 40), r.randint(60, 300)])
            words.append("".join(r.choice(WORD_CHARS) for _ in range(n)))
        return words

    def off(self, feature):
        """True when --without leaves 'feature' out."""
        return feature in self.without or (feature in MEMFLOW and "memflow" in self.without)

    def callable_unit(self, fn, kind=None):
        ok = [u for u in self.units
              if u.depth < 3 and (fn.printing or not u.printing)
              and (kind is None or u.kind == kind)]
        return self.r.choice(ok) if ok else None

    def linkage(self):
        return self.r.choice(["NOINLINE ", "NOINLINE static ", "static ", "static inline ", ""])

    def depth_of(self, fn):
        return 1 + max([u.depth for u in fn.callees], default=0)

    def scenario(self, idx):
        name = "s%d" % idx
        printing = self.r.random() < 0.4
        fn = Fn(self, name, printing)
        fn.allow_huge = True
        fn.emit("unsigned acc = x * 2654435761u + %du;" % self.r.randint(0, 1 << 20))
        fn.body()
        fn.finish()
        fn.emit("return acc;")
        self.out.append("%sunsigned %s(unsigned x) {" % (self.linkage(), name))
        self.out += fn.lines + ["}", ""]
        self.add_unit(Unit("scenario", name, self.depth_of(fn), printing or any(
            u.printing for u in fn.callees)), fn)

    def add_unit(self, u, *fns):
        """Records unit 'u', made of the functions 'fns'."""
        u.rt = any(f.rt_used for f in fns) or any(c.rt for f in fns for c in f.callees)
        self.units.append(u)

    def factory(self, idx):
        """Returns a block: it escapes through the return (maybe NULL)."""
        r = self.r
        name = "mk%d" % idx
        fn = Fn(self, name, False, fail="NULL", early="NULL")
        fn.budget = r.randint(1, 4)
        fn.emit("unsigned acc = x + %du;" % r.randint(0, 999))
        b = fn.alloc()      # not in fn.blocks: the body must not free it
        fn.body()
        fn.finish()
        if r.random() < 0.3:
            fn.open("if (x %% %du == 1u)" % r.randint(3, 9))
            fn.emit("free(%s);" % b.name)
            fn.emit("return NULL;")
            fn.close()
        fn.emit("acc = mix(acc, h_sum(%s, %d));" % (b.name, b.nbytes))
        if fn.writable(b) > 0:
            fn.emit(fn.elem_write(b, "0", "acc"))
        fn.emit("return %s;" % b.name)
        self.out.append("%s%s *%s(unsigned x) {" % (self.linkage(), b.ctype, name))
        self.out += fn.lines + ["}", ""]
        u = Unit("factory", name, self.depth_of(fn), False, ret=(b.ctype, b.count))
        self.add_unit(u, fn)

    def holder_factory(self, idx):
        """Returns a malloc'd struct holder with its blocks: all escape
        through the return (unless the function is inlined)."""
        r = self.r
        name = "mkh%d" % idx
        fn = Fn(self, name, False, fail="NULL", early="NULL")
        fn.budget = r.randint(0, 3)
        fn.emit("unsigned acc = x + %du;" % r.randint(0, 999))
        hd = fn.fresh("hd")
        fn.shape_begin("holder-struct")
        least = fn.new_holder(hd)
        fn.holder_uses(hd + "->", least, ["free(%s);" % hd])
        fn.shape_end("holder-struct")
        fn.body()
        fn.finish()
        fn.emit("acc = mix(acc, holder_sum(%s));" % hd)
        fn.emit("%s->buf[0] = (char)('a' + acc %% 26u);" % hd)
        fn.emit("return %s;" % hd)
        self.out.append("%sstruct holder *%s(unsigned x) {" % (self.linkage(), name))
        self.out += fn.lines + ["}", ""]
        self.add_unit(Unit("hfactory", name, self.depth_of(fn), False), fn)

    def rec(self, idx):
        """Direct recursion: a block per level, live across the call."""
        r = self.r
        name = "rec%d" % idx
        link = r.choice(["NOINLINE ", "NOINLINE static ", "static "])
        proto = "%sunsigned %s(unsigned depth, unsigned x)" % (link, name)
        self.out.append(proto + ";")
        fn = Fn(self, name, False, fail="x")
        fn.budget = r.randint(0, 2)
        fn.emit("unsigned acc = x ^ depth;")
        b = fn.add_block()
        fn.body()
        if b not in fn.blocks or b.maybe_null:
            b = fn.add_block()
        fn.open("if (depth > 0u)")
        fn.emit("acc = mix(acc, %s(depth - 1u, acc));" % name)
        fn.emit("acc = mix(acc, h_sum(%s, %d));" % (b.name, b.nbytes))
        fn.close()
        fn.finish()
        fn.emit("return acc;")
        self.out.append(proto + " {")
        self.out += fn.lines + ["}", ""]
        u = Unit("rec", name, 1, False)
        u.max_depth = 60
        self.add_unit(u, fn)

    def disp(self, idx):
        """Recursion through a table of handlers, as in an interpreter: the
        dispatcher makes the indirect call, the handlers call the
        dispatcher."""
        r = self.r
        name = "disp%d" % idx
        nops = r.randint(2, 3)
        self.out.append("NOINLINE static unsigned %s(unsigned depth, unsigned x);" % name)
        ops, fns = [], []
        for k in range(nops):
            op = "%s_op%d" % (name, k)
            ops.append(op)
            fn = Fn(self, op, False, fail="x", early="acc")
            fns.append(fn)
            fn.budget = r.randint(0, 2)
            fn.emit("unsigned acc = x * %du + depth;" % r.randint(1, 99))
            made = [fn.alloc(ctype=r.choice(["unsigned char", "unsigned", "char"]),
                             nbytes=r.choice([r.randint(200, 1024), r.randint(16, 200)]))
                    for _ in range(r.randint(1, 3))]
            fn.blocks += made
            fn.body()
            live = [b for b in made if b in fn.blocks and not b.maybe_null]
            fn.open("if (depth > 0u)")
            fn.emit("acc = mix(acc, %s(depth - 1u, acc));" % name)
            for b in live:
                fn.emit("acc = mix(acc, %s);" % fn.elem_read(b, "acc %% %du" % b.count))
            fn.close()
            fn.finish()
            fn.emit("return acc;")
            self.out.append("static unsigned %s(unsigned depth, unsigned x) {" % op)
            self.out += fn.lines + ["}", ""]
        self.out.append("static unsigned (*const %s_ops[%d])(unsigned, unsigned) = {%s};" % (
            name, nops, ", ".join(ops)))
        self.out.append("NOINLINE static unsigned %s(unsigned depth, unsigned x) {" % name)
        self.out.append("  return %s_ops[(x >> 4) %% %du](depth, x);" % (name, nops))
        self.out += ["}", ""]
        u = Unit("disp", name, 1, False)
        u.max_depth = 60
        self.add_unit(u, *fns)

    def setjmp_unit(self, idx):
        """setjmp in one function; a callee (which may promote its own
        blocks) longjmps back on some inputs."""
        r = self.r
        name = "sj%d" % idx
        thrower = "%s_throw" % name
        fn = Fn(self, thrower, False, fail="", early="")
        fn.budget = r.randint(0, 3)
        fn.emit("unsigned acc = x;")
        fn.add_block()
        fn.body()
        fn.emit("acc = mix(acc, h_sum(in, n));")
        fn.emit("if (acc %% %du == 0u)" % r.randint(2, 4))
        fn.emit("  longjmp(*jb, (int)(acc % 5u) + 1);")
        fn.finish()
        self.out.append("NOINLINE static void %s(jmp_buf *jb, const unsigned char *in, size_t n, unsigned x) {" % thrower)
        self.out += fn.lines + ["}", ""]

        throw_fn = fn
        fn = Fn(self, name, False, fail="x")
        fn.budget = r.randint(0, 2)
        fn.emit("unsigned acc = x;")
        fn.emit("jmp_buf jb;")
        b = fn.alloc(ctype="unsigned char")
        fn.blocks.append(b)
        fn.body()
        if b not in fn.blocks or b.maybe_null:
            b = fn.add_block()
        fn.emit("volatile unsigned v = acc;")
        fn.open("switch (setjmp(jb))")
        fn.emit("case 0:")
        fn.emit("  %s(&jb, (const unsigned char *)%s, %d, v);" % (thrower, b.name, b.nbytes))
        fn.emit("  v = v * 3u + 1u;")
        fn.emit("  %s(&jb, (const unsigned char *)%s, %d, v ^ 0x55u);" % (thrower, b.name, b.nbytes))
        fn.emit("  v = v + 2u;")
        fn.emit("  break;")
        fn.emit("default:")
        fn.emit("  v = v * 31u + 7u;")
        fn.emit("  break;")
        fn.close()
        fn.emit("acc = mix(v, h_sum(%s, %d));" % (b.name, b.nbytes))
        fn.finish()
        fn.emit("return acc;")
        self.out.append("NOINLINE unsigned %s(unsigned x) {" % name)
        self.out += fn.lines + ["}", ""]
        self.add_unit(Unit("scenario", name, 1, False), throw_fn, fn)

    def main(self):
        r = self.r
        out = self.out
        threaded = [u for u in self.units
                    if not u.printing and u.kind not in ("factory", "hfactory")]
        if "threads" in self.without:
            threaded = []
        workers = []
        if threaded:
            sized = [u for u in threaded if u.rt]
            for k in range(r.randint(1, 3)):
                # Run-time sized blocks on small stacks, more often than not.
                u = r.choice(sized if sized and r.random() < 0.6 else threaded)
                w = "worker%d" % k
                workers.append(w)
                out.append("static void *%s(void *arg) {" % w)
                out.append("  unsigned *io = arg;")
                if u.kind in ("rec", "disp"):
                    out.append("  io[0] = %s(%du, io[0]);" % (u.name, r.randint(16, 56)))
                else:
                    out.append("  io[0] = %s(io[0]);" % u.name)
                out.append("  io[0] = mix(io[0], drain_kept());")
                out.append("  io[1] = t_bad;")
                out.append("  return NULL;")
                out += ["}", ""]
        out.append("int main(void) {")
        out.append("  unsigned total = %du;" % r.randint(0, 1 << 16))
        for u in self.units:
            if u.kind in ("factory", "hfactory"):
                continue
            reps = r.randint(1, 3)
            out.append("  for (unsigned r = 0; r < %du; r++) {" % reps)
            if u.kind in ("rec", "disp"):
                out.append("    unsigned v = %s(%du + r, r * %du);" % (u.name, r.randint(0, u.max_depth), r.randint(1, 999)))
            else:
                out.append("    unsigned v = %s(r * %du + %du);" % (u.name, r.randint(1, 999), r.randint(0, 99)))
            out.append('    printf("%s.%%u %%08x\\n", r, v);' % u.name)
            out.append("    total = mix(total, v);")
            out.append("  }")
        if workers:
            n = len(workers)
            out.append("  pthread_attr_t attr;")
            out.append("  pthread_attr_init(&attr);")
            out.append("  pthread_attr_setstacksize(&attr, 65536);")
            out.append("  void *(*const fns[%d])(void *) = {%s};" % (n, ", ".join(workers)))
            out.append("  unsigned io[%d][2];" % n)
            out.append("  pthread_t th[%d];" % n)
            out.append("  int started[%d];" % n)
            out.append("  for (unsigned k = 0; k < %du; k++) {" % n)
            out.append("    io[k][0] = k * 977u + %du;" % r.randint(0, 999))
            out.append("    io[k][1] = 0;")
            out.append("    started[k] = pthread_create(&th[k], &attr, fns[k], io[k]) == 0;")
            out.append("    if (!started[k])")
            out.append("      fns[k](io[k]); /* no thread to be had: same work here */")
            out.append("  }")
            out.append("  for (unsigned k = 0; k < %du; k++) {" % n)
            out.append("    if (started[k])")
            out.append("      pthread_join(th[k], NULL);")
            out.append('    printf("thread%u %08x\\n", k, io[k][0]);')
            out.append("    total = mix(total, io[k][0]);")
            out.append("    t_bad += io[k][1];")
            out.append("  }")
        out.append("  total = mix(total, drain_kept());")
        out.append('  printf("total %08x bad %u\\n", total, t_bad);')
        out.append("  return t_bad ? 100 + (int)(t_bad % 20u) : (int)(total % 61u);")
        out.append("}")

    def program(self):
        r = self.r
        off = self.without
        makers = [(self.scenario, 10), (self.factory, 3),
                  (self.holder_factory, 0 if self.off("holder-struct") else 1),
                  (self.rec, 0 if "recursion" in off else 1),
                  (self.disp, 0 if off & {"recursion", "table-recursion"} else 2),
                  (self.setjmp_unit, 0 if "setjmp" in off else 1)]
        fns, ws = zip(*makers)
        for idx in range(r.randint(4, 9)):
            r.choices(fns, ws)[0](idx)
        self.main()
        head = "/* heap2stack differential fuzzing program: tools/fuzz/gen.py %d%s */" % (
            self.seed, "".join(" --without " + ",".join(sorted(self.without))) if self.without else "")
        return "\n".join([head, PRELUDE.strip(), "", self.word_table()] + self.out) + "\n"

    def word_table(self):
        items = "".join('  "%s",\n' % w for w in self.words)
        return "/* Words picked at run time. */\nstatic const char *const g_words[%d] = {\n%s};\n" % (
            len(self.words), items)


def main():
    ap = argparse.ArgumentParser(
        description="Writes the allocation-heavy C program of a seed (see the "
                    "header of this file).")
    ap.add_argument("seed", type=int)
    ap.add_argument("-o", "--output", help="file to write (default: stdout)")
    ap.add_argument("--without", default="",
                    help="comma-separated features to leave out: " + ", ".join(OPTIONAL))
    args = ap.parse_args()
    without = [w for w in args.without.split(",") if w]
    for w in without:
        if w not in OPTIONAL:
            ap.error("unknown feature '%s' (known: %s)" % (w, ", ".join(OPTIONAL)))
    text = Gen(args.seed, without).program()
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
