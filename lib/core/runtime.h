/*===- runtime.h - What language runtimes do with pointers LLVM cannot say -===*/
#ifndef HEAP2STACK_RUNTIME_H
#define HEAP2STACK_RUNTIME_H

#include "site.h"

/* What a runtime function does with one of its arguments. */
typedef enum h2s_runtime_use {
  H2S_RUNTIME_UNKNOWN,       /* not a function runtime.c describes */
  H2S_RUNTIME_KEEPS_NOTHING, /* reads or writes through it, or prints it */
  H2S_RUNTIME_RETURNS_INTO,  /* may return a pointer into it, keeps nothing */
  H2S_RUNTIME_KEEPS,         /* stores it where it outlives the call */
  H2S_RUNTIME_FREES,         /* may free it */
  H2S_RUNTIME_STRING_OBJECT  /* a std::string it changes in place
                                (see h2s_string_layout) */
} h2s_runtime_use;

/* What the callee of 'call' does with its argument 'index', when it is a
 * declared function of the C++ runtime, the C++ standard library, a
 * sanitizer runtime or <libgen.h> that runtime.c describes, under its own
 * symbol and with the prototype the runtime gives it. */
h2s_runtime_use h2s_runtime_arg_use(LLVMValueRef call, unsigned index);

/* The std::string object of the standard library whose member
 * H2S_RUNTIME_STRING_OBJECT describes.  Such a member reads and writes the
 * object's bytes, replaces its buffer pointer by a heap buffer it
 * allocates, frees the buffer it replaces unless that is the inline one,
 * keeps nothing, and returns the object if it returns a pointer.  It never
 * points the buffer pointer at the object's inline buffer itself: that
 * pointer is the one the inline constructor stored, or a heap buffer's. */
typedef struct h2s_string_layout {
  uint64_t size;     /* bytes of the object */
  int64_t inline_at; /* the inline buffer, to which the buffer pointer (the
                        object's first bytes) may point; -1 when it never
                        points into the object (libc++) */
} h2s_string_layout;

/* The layout of the strings that the members of 'call's callee take, for
 * pointers of 'pointer_size' bytes; 'call' has an argument of use
 * H2S_RUNTIME_STRING_OBJECT. */
h2s_string_layout h2s_runtime_string_layout(LLVMValueRef call, uint64_t pointer_size);

/* True when a pointer stored at 'field' of a holder, pointing to
 * 'points_to' there, is the buffer pointer of the string whose bytes
 * 'object' spans, which string member 'member' takes, pointing to the
 * string's own inline buffer. */
bool h2s_is_inline_buffer_pointer(LLVMValueRef member, uint64_t pointer_size, h2s_span object,
                                  h2s_span field, int64_t points_to);

/* How the escape walk sees 'use' (not H2S_RUNTIME_UNKNOWN). */
h2s_capture h2s_runtime_capture(h2s_runtime_use use);

#endif /* HEAP2STACK_RUNTIME_H */
