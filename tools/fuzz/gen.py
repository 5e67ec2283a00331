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
# aligned_alloc, memalign, strdup, realloc) of sizes on both sides of the
# 1024-byte limit, use them (loops, noinline helpers, string functions,
# aliases through selects, phis and pointer arithmetic), free them on all,
# some or no paths, let some escape (globals, returns, helpers that keep or
# free them, integer casts) and fold their contents into an unsigned checksum.
# Around that: loops that allocate per iteration (freed in the same or the
# next iteration, kept in an array, found and kept past a break), recursion
# (direct, and through a table of function pointers), setjmp/longjmp,
# worker threads with 64 KiB stacks, and functions holding many blocks at
# once (the 2048-byte frame budget).  main prints every checksum and exits
# with a status computed from them.
#
# INVARIANT: the programs have no undefined behaviour and read nothing
# indeterminate, so any difference between two builds is the compiler's.
# The generator keeps it by construction:
#   - arithmetic is unsigned; an element is converted to unsigned before any
#     shift or multiplication;
#   - every block is fully written right after it is allocated (calloc's are
#     zero and only checked); realloc's new tail is written too;
#   - indices are constants below the element count, or reduced modulo it;
#   - a text block (char) always ends in a zero byte and writes stay below
#     it, so string functions never run off its end; copies check lengths;
#   - a block is used only while it is owned; after it is freed, kept or
#     handed away it is never touched again; a block freed on some paths
#     is set to NULL there and used only under `if (p)`;
#   - nothing prints, compares or hashes an address (except a check of
#     alignment whose result is the same on both builds);
#   - threads share nothing mutable: the globals are _Thread_local;
#   - setjmp appears only as the controlling expression of a switch, and
#     nothing changed between setjmp and longjmp is read afterwards unless
#     it is volatile.
# Check a seed with sanitizers: campaign.sh --check-ub runs the plain build
# under -fsanitize=address,undefined and -fsanitize=memory.
#
# Usage: gen.py SEED [-o FILE]
#
# ===----------------------------------------------------------------------===#
import argparse
import random
import sys

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

NOINLINE void h_release(void *p) { free(p); }

NOINLINE void *h_ident(void *p) { return p; }

NOINLINE void *h_pick(void *a, void *b, unsigned c) { return c ? a : b; }

NOINLINE void *h_advance(void *p, size_t k) { return (unsigned char *)p + k; }

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
  return h;
}
"""


class Block:
    """A pointer variable holding a block the function owns."""

    def __init__(self, name, ctype, count, family, loop_level, scope=0):
        self.name = name
        self.ctype = ctype
        self.count = count          # elements
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

    # -- emission ----------------------------------------------------------
    def emit(self, line):
        self.lines.append("  " * self.ind + line)

    def open(self, line):
        self.emit(line + " {")
        self.ind += 1

    def close(self, tail=""):
        self.ind -= 1
        self.emit("}" + tail)

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

    def fill(self, b, seed):
        r = self.r
        if b.is_text:
            if r.random() < 0.5:
                self.emit("h_fill_text(%s, %d, %s);" % (b.name, b.count, seed))
            else:
                i = self.fresh("i")
                self.emit("for (size_t %s = 0; %s + 1 < %d; %s++)" % (i, i, b.count, i))
                self.emit("  %s" % self.elem_write(b, i, "mix(%s, (unsigned)%s)" % (seed, i)))
                self.emit("%s[%d] = 0;" % (b.name, b.count - 1))
            return
        if r.random() < 0.4:
            self.emit("h_fill_bytes(%s, %d, %s);" % (b.name, b.nbytes, seed))
            return
        i = self.fresh("i")
        self.open("for (size_t %s = 0; %s < %d; %s++)" % (i, i, b.count, i))
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

    def alloc(self, ctype=None, nbytes=None, declare=True, name=None):
        """Allocates a block into a new (or the named) variable, fills it,
        and returns it (owned).  Emits the null check."""
        r = self.r
        ctype = ctype or r.choice(list(TYPES))
        esize = TYPES[ctype]
        nbytes = nbytes if nbytes is not None else self.pick_size()
        count = max(1, nbytes // esize)
        if ctype == "char":
            count = max(2, count)
        name = name or self.fresh("b")
        kinds = ["malloc"] * 5 + ["calloc"] * 2 + ["aligned"] * 2 + ["memalign", "realloc0"]
        if ctype == "char":
            kinds += ["strdup"] * 2
        kind = r.choice(kinds)
        family = "malloc"
        decl = "%s *" % ctype if declare else ""
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
                      if declare and r.random() < 0.5 else
                      "%s%s = calloc(%d, %d);" % (decl, name, count, esize))
        elif kind == "realloc0":
            self.emit("%s%s = realloc(NULL, %d);" % (decl, name, count * esize))
        else:
            size = ("%d * sizeof(%s)" % (count, ctype)) if r.random() < 0.5 else str(count * esize)
            self.emit("%s%s = malloc(%s);" % (decl, name, size))
        b = Block(name, ctype, count, family, self.loop_level, self.nest)
        self.emit("if (!%s)" % name)
        self.emit(("  return %s;" % self.fail).replace(" ;", ";"))
        if kind == "calloc":
            if r.random() < 0.5:
                self.emit("t_bad += !h_is_zero(%s, %d);" % (name, b.nbytes))
            else:
                i = self.fresh("i")
                self.emit("for (size_t %s = 0; %s < %d; %s++)" % (i, i, b.count, i))
                self.emit("  t_bad += %s != 0u;" % self.elem_read(b, i))
            if not b.is_text and r.random() < 0.5:
                return b  # zero is a fine initial value
            if b.is_text:
                return b  # all zero: the empty string
        if kind in ("aligned", "memalign"):
            if r.random() < 0.7:
                self.emit("t_bad += !h_aligned(%s, %d);" % (name, align))
            else:  # a cast to an integer: the block escapes
                self.emit("acc = mix(acc, (unsigned)((uintptr_t)%s %% %du));" % (name, align))
        if kind != "strdup":
            self.fill(b, "acc ^ %du" % r.randint(0, 999))
        if kind in ("aligned", "memalign") and align >= 32 and r.random() < 0.4:
            # The IR then relies on the alignment: the slot must keep it.
            al = self.fresh("al")
            self.emit("const unsigned char *%s = __builtin_assume_aligned(%s, %d);" % (al, name, align))
            self.emit("acc = mix(acc, (unsigned)%s[%d]);" % (al, r.randrange(b.nbytes)))
        return b

    def add_block(self):
        b = self.alloc()
        self.blocks.append(b)
        return b

    def release(self, b, how=None):
        """Frees (or leaks) owned block 'b' and forgets it."""
        r = self.r
        how = how or r.choice(["free"] * 6 + ["helper", "leak"])
        if how == "free":
            self.emit("free(%s);" % b.name)
        elif how == "helper":
            self.emit("h_release(%s);" % b.name)
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
        r = self.r
        cand = self.freeable(lambda b: not b.maybe_null and b.family == "malloc"
                             and b.scope == self.nest)
        if not cand:
            return self.f_alloc()
        b = r.choice(cand)
        esize = TYPES[b.ctype]
        new = max(2 if b.is_text else 1, r.choice([b.count // 2, b.count * 2, b.count + 3,
                                                   self.pick_size() // esize]))
        t = self.fresh("t")
        self.emit("%s *%s = realloc(%s, %d);" % (b.ctype, t, b.name, new * esize))
        self.open("if (!%s)" % t)
        self.emit("free(%s);" % b.name)
        self.emit(("return %s;" % self.fail).replace(" ;", ";"))
        self.close()
        self.emit("%s = %s;" % (b.name, t))
        if new > b.count:
            i = self.fresh("i")
            start = b.count - 1 if b.is_text else b.count
            lim = new - 1 if b.is_text else new
            tmp = Block(b.name, b.ctype, new, b.family, 0)
            self.open("for (size_t %s = %d; %s < %d; %s++)" % (i, start, i, lim, i))
            if b.ctype == "struct rec":
                self.emit("%s[%s].a = %s[%s].b = (unsigned)%s;" % (b.name, i, b.name, i, i))
                self.emit("memset(%s[%s].c, 1, sizeof %s[%s].c);" % (b.name, i, b.name, i))
            else:
                self.emit(self.elem_write(tmp, i, "acc + (unsigned)%s" % i))
            self.close()
        if b.is_text:
            self.emit("%s[%d] = 0;" % (b.name, new - 1))
        b.count = new
        self.emit("acc = mix(acc, h_sum(%s, %d));" % (b.name, b.nbytes))

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
        elif op == 2:
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
        elif op == 5 and others:
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
            self.open(head)
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
            self.open(head)
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
            self.open(head)
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
            self.open(head)
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
            self.open(head)
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
            self.open(head)
            self.loop_level += 1
            j = self.fresh("j")
            m = r.randint(1, 4)
            self.open("for (unsigned %s = 0; %s < %du; %s++)" % (j, j, m, j))
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


# Features --without can leave out, e.g. while a mismatch they cause is
# being fixed, so that a campaign can look for others.
OPTIONAL = ("threads", "recursion", "table-recursion", "setjmp", "positional-p")


class Gen:
    def __init__(self, seed, without=()):
        self.seed = seed
        self.without = set(without)
        self.r = random.Random(seed)
        self.units = []
        self.out = []
        self.protos = []

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
        fn.emit("unsigned acc = x * 2654435761u + %du;" % self.r.randint(0, 1 << 20))
        fn.body()
        fn.finish()
        fn.emit("return acc;")
        self.out.append("%sunsigned %s(unsigned x) {" % (self.linkage(), name))
        self.out += fn.lines + ["}", ""]
        self.units.append(Unit("scenario", name, self.depth_of(fn), printing or any(
            u.printing for u in fn.callees)))

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
        self.units.append(u)

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
        self.units.append(u)

    def disp(self, idx):
        """Recursion through a table of handlers, as in an interpreter: the
        dispatcher makes the indirect call, the handlers call the
        dispatcher."""
        r = self.r
        name = "disp%d" % idx
        nops = r.randint(2, 3)
        self.out.append("NOINLINE static unsigned %s(unsigned depth, unsigned x);" % name)
        ops = []
        for k in range(nops):
            op = "%s_op%d" % (name, k)
            ops.append(op)
            fn = Fn(self, op, False, fail="x", early="acc")
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
        self.units.append(u)

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
        self.units.append(Unit("scenario", name, 1, False))

    def main(self):
        r = self.r
        out = self.out
        threaded = [u for u in self.units if not u.printing and u.kind != "factory"]
        if "threads" in self.without:
            threaded = []
        workers = []
        if threaded:
            for k in range(r.randint(1, 3)):
                u = r.choice(threaded)
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
            if u.kind == "factory":
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
                  (self.rec, 0 if "recursion" in off else 1),
                  (self.disp, 0 if off & {"recursion", "table-recursion"} else 2),
                  (self.setjmp_unit, 0 if "setjmp" in off else 1)]
        fns, ws = zip(*makers)
        for idx in range(r.randint(4, 9)):
            r.choices(fns, ws)[0](idx)
        self.main()
        head = "/* heap2stack differential fuzzing program: tools/fuzz/gen.py %d%s */" % (
            self.seed, "".join(" --without " + ",".join(sorted(self.without))) if self.without else "")
        return "\n".join([head, PRELUDE.strip(), ""] + self.out) + "\n"


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
