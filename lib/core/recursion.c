/*===- recursion.c - Which functions may be active more than once? -------===*
 *
 * A promoted block costs stack in every activation of its function, and a
 * recursive function's activations are unbounded, so policy.c gives such
 * functions a smaller budget.  LLVM's CallGraph misses the recursion that
 * matters most here: through function pointers, as in interpreters and
 * tree walkers (eval -> handlers[op] -> eval), because it sends indirect
 * calls to an external node with no edges back.  This file builds its own
 * may-call graph over the module:
 *
 *   - a direct call to a function defined in the module is an edge to it;
 *   - a call to a declaration that may call back is an edge to ANY, a
 *     node standing for "some address-taken function": a function of
 *     another file may call any function whose address it was ever
 *     given, and so may a C library function that takes callbacks (qsort,
 *     pthread_create), whatever pointer it is handed (a comparator loaded
 *     from a table as much as a constant one); the rest of the C library
 *     (as TargetLibraryInfo names it), intrinsics and declarations marked
 *     nocallback call no function of the module, unless handed one, or
 *     unless the module gave stdio functions to call (fopencookie's
 *     streams, glibc's printf handlers), which any C library call that
 *     touches a stream or formats may run;
 *   - an indirect call, which may call a function of another file (an
 *     interpreter's handler table defined there), and a call to a
 *     declaration the program itself may define in another file, one that
 *     is not the implementation's (a reserved name, as __printf_chk,
 *     _Unwind_Resume and std::'s members have, or a C function declared
 *     nounwind, as by the C library's headers), are edges to NAMED: that
 *     file may call back by name any function the module exports, as a
 *     parser whose files call each other does (expr calls stmt of another
 *     file, which calls expr); so is any call handed such a function
 *     (qsort given a comparator of another file);
 *   - ANY has an edge to every address-taken function of the module: one
 *     used other than as the callee of a call; NAMED has an edge to ANY
 *     and to every function other modules may call by name (not internal
 *     or private), but main, which no other file calls (C++ forbids it).
 *
 * A function may recurse when it lies on a cycle of this graph (Tarjan's
 * strongly connected components, iteratively, so that long call chains do
 * not exhaust the compiler's own stack).
 *
 *===----------------------------------------------------------------------===*/
#include "heap2stack/recursion.h"
#include "libc.h"
#include "site.h"

#include <stdlib.h>
#include <string.h>

struct h2s_recursion {
  h2s_valset recursive;
};

typedef struct h2s_graph {
  h2s_module_ctx *ctx;
  h2s_values fns;        /* node i < fns.len is fns.items[i], then ANY and NAMED */
  h2s_valset index;      /* function -> its slot, mapped to a node by 'node_of' */
  size_t *node_of;       /* per slot of 'index' */
  size_t *first, *edges; /* CSR adjacency: edges of n are first[n]..first[n+1] */
  size_t nedges;
  bool stdio_callbacks; /* the module gives stdio functions to call */
} h2s_graph;

enum { OUTSIDE_NODES = 2 };

static size_t any_node(const h2s_graph *g) { return g->fns.len; }
static size_t named_node(const h2s_graph *g) { return g->fns.len + 1; }
static size_t node_count(const h2s_graph *g) { return g->fns.len + OUTSIDE_NODES; }

static size_t node(const h2s_graph *g, LLVMValueRef fn) {
  long slot = h2s_valset_slot(&g->index, fn);
  return slot < 0 ? (size_t)-1 : g->node_of[slot];
}

static bool is_defined_function(LLVMValueRef v) {
  return v && LLVMIsAFunction(v) && !LLVMIsDeclaration(v);
}

/* True when 'use' of a function is its callee operand: a call's callee is
 * its last operand. */
static bool is_callee_use(LLVMUseRef use) {
  LLVMValueRef user = LLVMGetUser(use);
  return LLVMIsAInstruction(user) && h2s_is_call(user) &&
         h2s_operand_index(use) + 1 == (unsigned)LLVMGetNumOperands(user);
}

/* True when other modules may call 'fn' by its name. */
static bool exported(LLVMValueRef fn) {
  LLVMLinkage linkage = LLVMGetLinkage(fn);
  return linkage != LLVMInternalLinkage && linkage != LLVMPrivateLinkage &&
         strcmp(LLVMGetValueName(fn), "main") != 0;
}

/* True when 'fn' is used other than as the callee of a call (f(f) too). */
static bool address_taken(LLVMValueRef fn) {
  for (LLVMUseRef use = LLVMGetFirstUse(fn); use; use = LLVMGetNextUse(use))
    if (!is_callee_use(use))
      return true;
  return false;
}

/* Of two outside targets (or (size_t)-1, nothing), the one that leads to
 * more: NAMED reaches ANY. */
static size_t wider_target(const h2s_graph *g, size_t a, size_t b) {
  if (a == named_node(g) || b == named_node(g))
    return named_node(g);
  return a == any_node(g) || b == any_node(g) ? any_node(g) : (size_t)-1;
}

/* Where the functions 'call' is handed may lead when called: NAMED for
 * another file's (a comparator given to qsort may call back by name any
 * function the module exports), ANY for the module's and the
 * implementation's, nothing when it is handed none. */
static size_t handed_functions_target(const h2s_graph *g, LLVMValueRef call) {
  size_t to = (size_t)-1;
  for (unsigned i = 0, n = LLVMGetNumArgOperands(call); i < n; ++i) {
    LLVMValueRef arg = LLVMGetOperand(call, i);
    if (!LLVMIsAFunction(arg))
      continue;
    bool elsewhere = LLVMIsDeclaration(arg) && !LLVMGetIntrinsicID(arg) &&
                     !h2s_is_implementation_function(arg);
    to = wider_target(g, to, elsewhere ? named_node(g) : any_node(g));
  }
  return to;
}

/* True when C library function 'name', called in the graph's module, may
 * call one of the module's functions back, whatever it is handed. */
static bool library_may_call_back(const h2s_graph *g, const char *name) {
  return h2s_libc_calls_back(name) ||
         (g->stdio_callbacks && h2s_libc_runs_stdio_callbacks(name));
}

/* The outside node 'call' of declaration 'callee', in 'fn', leads to, or
 * (size_t)-1: NAMED for a function of another file of the program; ANY
 * for the rest of the implementation, which may call back only through
 * pointers, and for a C library function that may call back (as
 * library_may_call_back says); nothing for intrinsics, nocallback
 * declarations and the other C library functions.  Each leads as well
 * where the functions it is handed lead. */
static size_t declaration_target(const h2s_graph *g, LLVMValueRef fn, LLVMValueRef call,
                                 LLVMValueRef callee) {
  char name[H2S_FAMILY_CAP];
  size_t handed = handed_functions_target(g, call);
  if (LLVMGetIntrinsicID(callee) || h2s_fn_has_attr(callee, "nocallback") ||
      LLVMGetCallSiteEnumAttribute(call, LLVMAttributeFunctionIndex,
                                   h2s_attr_kind("nocallback")))
    return handed;
  h2s_fn_ctx *ctx = h2s_bridge_function_context(g->ctx, fn);
  if (h2s_bridge_library_function(ctx, call, name))
    return wider_target(g, handed, library_may_call_back(g, name) ? any_node(g) : (size_t)-1);
  bool implementation = h2s_is_implementation_function(callee);
  return wider_target(g, handed, implementation ? any_node(g) : named_node(g));
}

/* The node 'call' in 'fn' leads to, or (size_t)-1 when it leads nowhere
 * that can come back. */
static size_t call_target(const h2s_graph *g, LLVMValueRef fn, LLVMValueRef call) {
  LLVMValueRef callee = h2s_called_function(call);
  if (LLVMIsAInlineAsm(LLVMGetCalledValue(call)))
    return (size_t)-1;
  if (!callee) /* a pointer to this module's function or another file's */
    return named_node(g);
  if (is_defined_function(callee))
    return node(g, callee);
  return declaration_target(g, fn, call, callee);
}

/* Calls 'visit(g, from, to, out)' for every edge; with 'out' NULL it only
 * counts them into g->nedges. */
static void for_each_edge(h2s_graph *g, void (*visit)(h2s_graph *, size_t, size_t, void *),
                          void *out) {
  visit(g, named_node(g), any_node(g), out);
  for (size_t n = 0; n < g->fns.len; ++n) {
    LLVMValueRef fn = g->fns.items[n];
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
      for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i)) {
        size_t to = h2s_is_call(i) ? call_target(g, fn, i) : (size_t)-1;
        if (to != (size_t)-1)
          visit(g, n, to, out);
      }
    if (address_taken(fn))
      visit(g, any_node(g), n, out);
    if (exported(fn))
      visit(g, named_node(g), n, out);
  }
}

static void count_edge(h2s_graph *g, size_t from, size_t to, void *out) {
  (void)to, (void)out;
  ++g->first[from + 1];
}

static void place_edge(h2s_graph *g, size_t from, size_t to, void *fill) {
  g->edges[((size_t *)fill)[from]++] = to;
}

static bool build_graph(h2s_graph *g, LLVMModuleRef mod) {
  g->stdio_callbacks = h2s_libc_installs_stdio_callbacks(mod);
  for (LLVMValueRef fn = LLVMGetFirstFunction(mod); fn; fn = LLVMGetNextFunction(fn))
    if (is_defined_function(fn) && !h2s_values_push(&g->fns, fn))
      return false;
  size_t nodes = node_count(g);
  for (size_t n = 0; n < g->fns.len; ++n)
    if (h2s_valset_add(&g->index, g->fns.items[n]) < 0)
      return false;
  g->node_of = calloc(g->index.cap ? g->index.cap : 1, sizeof *g->node_of);
  g->first = calloc(nodes + 1, sizeof *g->first);
  size_t *fill = calloc(nodes, sizeof *fill);
  if (!g->node_of || !g->first || !fill) {
    free(fill);
    return false;
  }
  for (size_t n = 0; n < g->fns.len; ++n)
    g->node_of[h2s_valset_slot(&g->index, g->fns.items[n])] = n;
  for_each_edge(g, count_edge, NULL);
  for (size_t n = 0; n < nodes; ++n)
    g->first[n + 1] += g->first[n];
  g->nedges = g->first[nodes];
  g->edges = malloc((g->nedges ? g->nedges : 1) * sizeof *g->edges);
  if (!g->edges) {
    free(fill);
    return false;
  }
  for (size_t n = 0; n < nodes; ++n)
    fill[n] = g->first[n];
  for_each_edge(g, place_edge, fill);
  free(fill);
  return true;
}

typedef struct h2s_tarjan {
  const h2s_graph *g;
  size_t *index, *low, *stack, *frames, *next_edge;
  bool *on_stack, *on_cycle;
  size_t counter, depth, nframes;
} h2s_tarjan;

enum { UNVISITED = 0 };

static void open_node(h2s_tarjan *t, size_t v) {
  t->index[v] = t->low[v] = ++t->counter;
  t->stack[t->depth++] = v;
  t->on_stack[v] = true;
  t->next_edge[v] = t->g->first[v];
  t->frames[t->nframes++] = v;
}

/* Pops the component rooted at 'v'; marks its members when it is a cycle. */
static void close_component(h2s_tarjan *t, size_t v) {
  size_t top = t->depth;
  while (t->stack[--top] != v)
    ;
  bool cycle = t->depth - top > 1;
  for (size_t e = t->g->first[v]; !cycle && e < t->g->first[v + 1]; ++e)
    cycle = t->g->edges[e] == v;
  for (size_t i = top; i < t->depth; ++i) {
    t->on_stack[t->stack[i]] = false;
    t->on_cycle[t->stack[i]] = cycle;
  }
  t->depth = top;
}

static void strongconnect(h2s_tarjan *t, size_t root) {
  open_node(t, root);
  while (t->nframes) {
    size_t v = t->frames[t->nframes - 1];
    if (t->next_edge[v] < t->g->first[v + 1]) {
      size_t w = t->g->edges[t->next_edge[v]++];
      if (t->index[w] == UNVISITED)
        open_node(t, w);
      else if (t->on_stack[w] && t->index[w] < t->low[v])
        t->low[v] = t->index[w];
      continue;
    }
    --t->nframes;
    if (t->low[v] == t->index[v])
      close_component(t, v);
    if (t->nframes) {
      size_t parent = t->frames[t->nframes - 1];
      if (t->low[v] < t->low[parent])
        t->low[parent] = t->low[v];
    }
  }
}

static bool find_cycles(const h2s_graph *g, bool *on_cycle) {
  size_t nodes = node_count(g);
  h2s_tarjan t = {.g = g, .on_cycle = on_cycle};
  t.index = calloc(nodes, sizeof *t.index);
  t.low = calloc(nodes, sizeof *t.low);
  t.stack = calloc(nodes, sizeof *t.stack);
  t.frames = calloc(nodes, sizeof *t.frames);
  t.next_edge = calloc(nodes, sizeof *t.next_edge);
  t.on_stack = calloc(nodes, sizeof *t.on_stack);
  bool ok = t.index && t.low && t.stack && t.frames && t.next_edge && t.on_stack;
  for (size_t v = 0; ok && v < nodes; ++v)
    if (t.index[v] == UNVISITED)
      strongconnect(&t, v);
  free(t.index), free(t.low), free(t.stack), free(t.frames);
  free(t.next_edge), free(t.on_stack);
  return ok;
}

static void free_graph(h2s_graph *g) {
  h2s_values_free(&g->fns);
  h2s_valset_free(&g->index);
  free(g->node_of), free(g->first), free(g->edges);
}

h2s_recursion *h2s_recursion_analyse(h2s_module_ctx *ctx, LLVMModuleRef mod) {
  h2s_recursion *r = calloc(1, sizeof *r);
  h2s_graph g = {.ctx = ctx};
  bool *on_cycle = NULL;
  bool ok = r && build_graph(&g, mod) &&
            (on_cycle = calloc(node_count(&g), sizeof *on_cycle)) &&
            find_cycles(&g, on_cycle);
  for (size_t n = 0; ok && n < g.fns.len; ++n)
    if (on_cycle[n] && h2s_valset_add(&r->recursive, g.fns.items[n]) < 0)
      ok = false;
  free(on_cycle);
  free_graph(&g);
  if (!ok) {
    h2s_recursion_free(r);
    return NULL; /* callers treat every function as recursive */
  }
  return r;
}

bool h2s_recursion_may_recurse(const h2s_recursion *r, LLVMValueRef fn) {
  return !r || h2s_valset_has(&r->recursive, fn);
}

void h2s_recursion_free(h2s_recursion *r) {
  if (!r)
    return;
  h2s_valset_free(&r->recursive);
  free(r);
}
