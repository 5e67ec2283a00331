/*===- values.c - Growable arrays and sets of LLVM values -----------------===*
 *
 * The set keeps its load factor at or under one half, so every probe
 * sequence ends at an empty slot.
 *
 *===----------------------------------------------------------------------===*/
#include "values.h"

#include <stdint.h>
#include <stdlib.h>

bool h2s_values_push(h2s_values *vs, LLVMValueRef v) {
  if (vs->len == vs->cap) {
    size_t cap = vs->cap ? vs->cap * 2 : 8;
    LLVMValueRef *items = realloc(vs->items, cap * sizeof *items);
    if (!items)
      return false;
    vs->items = items;
    vs->cap = cap;
  }
  vs->items[vs->len++] = v;
  return true;
}

void h2s_values_free(h2s_values *vs) {
  free(vs->items);
  *vs = (h2s_values){0};
}

static size_t slot_of(const h2s_valset *set, LLVMValueRef v) {
  uintptr_t h = (uintptr_t)v;
  h ^= h >> 17;
  h *= (uintptr_t)0x9E3779B97F4A7C15u;
  h ^= h >> 29;
  size_t i = (size_t)h & (set->cap - 1);
  while (set->slots[i] && set->slots[i] != v)
    i = (i + 1) & (set->cap - 1);
  return i;
}

static bool grow(h2s_valset *set) {
  h2s_valset bigger = {calloc(set->cap ? set->cap * 2 : 16, sizeof(LLVMValueRef)),
                       0, set->cap ? set->cap * 2 : 16};
  if (!bigger.slots)
    return false;
  for (size_t i = 0; i < set->cap; ++i)
    if (set->slots[i])
      bigger.slots[slot_of(&bigger, set->slots[i])] = set->slots[i];
  bigger.used = set->used;
  free(set->slots);
  *set = bigger;
  return true;
}

int h2s_valset_add(h2s_valset *set, LLVMValueRef v) {
  if (2 * (set->used + 1) > set->cap && !grow(set))
    return -1;
  size_t i = slot_of(set, v);
  if (set->slots[i])
    return 0;
  set->slots[i] = v;
  ++set->used;
  return 1;
}

bool h2s_valset_has(const h2s_valset *set, LLVMValueRef v) {
  return set->cap && set->slots[slot_of(set, v)] == v;
}

long h2s_valset_slot(const h2s_valset *set, LLVMValueRef v) {
  if (!set->cap)
    return -1;
  size_t i = slot_of(set, v);
  return set->slots[i] == v ? (long)i : -1;
}

void h2s_valset_free(h2s_valset *set) {
  free(set->slots);
  *set = (h2s_valset){0};
}
