/*===- values.h - Growable arrays and sets of LLVM values -----------------===*
 *
 * The containers the core needs and C does not have: an array that grows and
 * a set with membership tests, both of LLVMValueRef.  Allocation failure is
 * reported by the return value, never by exiting.
 *
 *===----------------------------------------------------------------------===*/
#ifndef HEAP2STACK_VALUES_H
#define HEAP2STACK_VALUES_H

#include <llvm-c/Core.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct h2s_values {
  LLVMValueRef *items;
  size_t len, cap;
} h2s_values;

/* Appends 'v'; returns false when memory ran out. */
bool h2s_values_push(h2s_values *vs, LLVMValueRef v);
void h2s_values_free(h2s_values *vs);

/* Open-addressing hash set; the empty slot is NULL. */
typedef struct h2s_valset {
  LLVMValueRef *slots;
  size_t used, cap;
} h2s_valset;

/* Adds 'v'; returns 1 if added, 0 if already present, -1 if out of memory. */
int h2s_valset_add(h2s_valset *set, LLVMValueRef v);
bool h2s_valset_has(const h2s_valset *set, LLVMValueRef v);
/* The slot holding 'v', stable until the next add; -1 if absent. */
long h2s_valset_slot(const h2s_valset *set, LLVMValueRef v);
void h2s_valset_free(h2s_valset *set);

#endif /* HEAP2STACK_VALUES_H */
