/*===- runtime.c - What language runtimes do with pointers LLVM cannot say -===*
 *
 * The C++ runtime, the out-of-line members of the C++ standard libraries and
 * the sanitizers' handlers are declarations without capture attributes, so
 * every block handed to them looked kept.  This table says what each does
 * with each argument, from the interface it implements:
 *   - the Itanium C++ ABI (__dynamic_cast, __cxa_*): a dynamic_cast returns
 *     a pointer into the object it is given, or null, and keeps nothing;
 *   - libstdc++'s headers and src/c++98 (bits/stl_list.h, bits/stl_tree.h,
 *     bits/functexcept.h, bits/basic_string.h): the list and tree helpers
 *     link the node they are given into other nodes and the container's
 *     sentinel, which outlive the call; the __throw_* functions copy their
 *     message into the exception they throw; the string members copy the
 *     characters they are given;
 *   - libc++'s <__memory/shared_count.h> and <string>: __release_weak may
 *     delete its control block; the string members copy the characters
 *     they are given;
 *   - compiler-rt's ubsan_handlers.h: every __ubsan_handle_* function
 *     formats its arguments into a report and keeps none of them;
 *   - POSIX <libgen.h>, which TargetLibraryInfo does not know (so libc.c's
 *     table, keyed by its names, cannot hold them): dirname and basename
 *     (glibc's POSIX basename is __xpg_basename) may write into the path
 *     they are given and return a pointer into it, or to a static ".",
 *     and keep nothing.  Unlike the other names here, these two are the
 *     program's to define where <libgen.h> is not included, and a
 *     definition in another file looks like the library's declaration, so
 *     their entries hold only for a declaration marked nounwind, as
 *     glibc's headers mark theirs (__THROW) and a program's own prototype
 *     is not.
 * The string members that change a string in place (assign, append,
 * replace, erase: libstdc++'s basic_string.tcc, libc++'s <string>) take
 * it as a string object (runtime.h says what they may do with it):
 * memflow.c follows its bytes as those of a holder and escape.c its
 * address as a pointer into one.  libstdc++'s members that may point the
 * object at its inline buffer themselves (reserve, swap, shrink_to_fit)
 * are not described and keep their object; libc++'s strings never point
 * into themselves.
 *
 * An entry is matched by the callee's symbol and by its prototype as LLVM
 * types (so a declaration of the same name with another prototype is not
 * the runtime's), and only for a declaration: a function of the module with
 * a runtime's name is the program's own, and its attributes and body speak
 * for it.
 *
 *===----------------------------------------------------------------------===*/
#include "runtime.h"

#include <stdio.h>
#include <string.h>

/* The symbols of std::string's members start so: basic_string<char> of
 * libstdc++'s C++11 ABI, and of libc++. */
#define LIBSTDCXX_STRING "_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE"
#define LIBCXX_STRING "_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE"

/* One runtime function.  'args' has a letter per parameter, and for a
 * variadic prototype one more for all the variadic arguments:
 *   n keeps nothing, r may return a pointer into it, k keeps it,
 *   f may free it, s and S a std::string it changes in place, of
 *   libstdc++ and of libc++, - not a pointer. */
typedef struct h2s_runtime_entry {
  const char *symbol;
  const char *prototype; /* LLVM types: "ptr(ptr,ptr,ptr,i64)", "void(ptr,...)" */
  const char *args;
} h2s_runtime_entry;

static const h2s_runtime_entry functions[] = {
    /* Itanium C++ ABI 2.9.7, 2.4 */
    {"__dynamic_cast", "ptr(ptr,ptr,ptr,i64)", "rnn-"},
    {"__cxa_begin_catch", "ptr(ptr)", "r"},
    {"__cxa_get_exception_ptr", "ptr(ptr)", "r"},
    {"__cxa_throw", "void(ptr,ptr,ptr)", "knn"},
    /* libstdc++: std::__detail::_List_node_base */
    {"_ZNSt8__detail15_List_node_base7_M_hookEPS0_", "void(ptr,ptr)", "kk"},
    {"_ZNSt8__detail15_List_node_base9_M_unhookEv", "void(ptr)", "n"},
    {"_ZNSt8__detail15_List_node_base11_M_transferEPS0_S1_", "void(ptr,ptr,ptr)", "kkk"},
    {"_ZNSt8__detail15_List_node_base10_M_reverseEv", "void(ptr)", "n"},
    {"_ZNSt8__detail15_List_node_base4swapERS0_S1_", "void(ptr,ptr)", "kk"},
    /* libstdc++: std::_Rb_tree_insert_and_rebalance(bool, node, parent, header) */
    {"_ZSt29_Rb_tree_insert_and_rebalancebPSt18_Rb_tree_node_baseS0_RS_",
     "void(i1,ptr,ptr,ptr)", "-kkk"},
    /* libstdc++: std::__throw_*(const char *) */
    {"_ZSt19__throw_logic_errorPKc", "void(ptr)", "n"},
    {"_ZSt20__throw_domain_errorPKc", "void(ptr)", "n"},
    {"_ZSt24__throw_invalid_argumentPKc", "void(ptr)", "n"},
    {"_ZSt20__throw_length_errorPKc", "void(ptr)", "n"},
    {"_ZSt20__throw_out_of_rangePKc", "void(ptr)", "n"},
    /* formats its variadic arguments into the message it throws, which
     * outlives the call: an address there is kept as text */
    {"_ZSt24__throw_out_of_range_fmtPKcz", "void(ptr,...)", "nk"},
    {"_ZSt21__throw_runtime_errorPKc", "void(ptr)", "n"},
    {"_ZSt19__throw_range_errorPKc", "void(ptr)", "n"},
    {"_ZSt22__throw_overflow_errorPKc", "void(ptr)", "n"},
    {"_ZSt23__throw_underflow_errorPKc", "void(ptr)", "n"},
    {"_ZSt19__throw_ios_failurePKc", "void(ptr)", "n"},
    /* libstdc++: std::string's _M_assign(str), _M_append(s, n),
     * _M_replace(pos, n1, s, n2), _M_replace_aux(pos, n1, n2, c),
     * _M_mutate(pos, n1, s, n2), _M_erase(pos, n), resize(n, c),
     * _M_construct(n, c), and _M_create(&capacity, old), which returns a
     * new heap buffer */
    {LIBSTDCXX_STRING "9_M_assignERKS4_", "void(ptr,ptr)", "sn"},
    {LIBSTDCXX_STRING "9_M_appendEPKcm", "ptr(ptr,ptr,i64)", "sn-"},
    {LIBSTDCXX_STRING "10_M_replaceEmmPKcm", "ptr(ptr,i64,i64,ptr,i64)", "s--n-"},
    {LIBSTDCXX_STRING "14_M_replace_auxEmmmc", "ptr(ptr,i64,i64,i64,i8)", "s----"},
    {LIBSTDCXX_STRING "9_M_mutateEmmPKcm", "void(ptr,i64,i64,ptr,i64)", "s--n-"},
    {LIBSTDCXX_STRING "8_M_eraseEmm", "void(ptr,i64,i64)", "s--"},
    {LIBSTDCXX_STRING "6resizeEmc", "void(ptr,i64,i8)", "s--"},
    {LIBSTDCXX_STRING "12_M_constructEmc", "void(ptr,i64,i8)", "s--"},
    {LIBSTDCXX_STRING "9_M_createERmm", "ptr(ptr,ptr,i64)", "nn-"},
    /* libc++: std::__1::__shared_weak_count::__release_weak() */
    {"_ZNSt3__119__shared_weak_count14__release_weakEv", "void(ptr)", "f"},
    /* libc++: std::string's append(s, n), append(s), append(n, c),
     * append(str, pos, n), assign(s), assign(s, n), assign(str, pos, n),
     * operator=(str), operator=(c), push_back(c), reserve(n), resize(n, c),
     * insert(pos, s, n), insert(pos, s), erase(pos, n),
     * replace(pos, n1, s, n2), replace(pos, n1, s) */
    {LIBCXX_STRING "6appendEPKcm", "ptr(ptr,ptr,i64)", "Sn-"},
    {LIBCXX_STRING "6appendEPKc", "ptr(ptr,ptr)", "Sn"},
    {LIBCXX_STRING "6appendEmc", "ptr(ptr,i64,i8)", "S--"},
    {LIBCXX_STRING "6appendERKS5_mm", "ptr(ptr,ptr,i64,i64)", "Sn--"},
    {LIBCXX_STRING "6assignEPKc", "ptr(ptr,ptr)", "Sn"},
    {LIBCXX_STRING "6assignEPKcm", "ptr(ptr,ptr,i64)", "Sn-"},
    {LIBCXX_STRING "6assignERKS5_mm", "ptr(ptr,ptr,i64,i64)", "Sn--"},
    {LIBCXX_STRING "aSERKS5_", "ptr(ptr,ptr)", "Sn"},
    {LIBCXX_STRING "aSEc", "ptr(ptr,i8)", "S-"},
    {LIBCXX_STRING "9push_backEc", "void(ptr,i8)", "S-"},
    {LIBCXX_STRING "7reserveEm", "void(ptr,i64)", "S-"},
    {LIBCXX_STRING "6resizeEmc", "void(ptr,i64,i8)", "S--"},
    {LIBCXX_STRING "6insertEmPKcm", "ptr(ptr,i64,ptr,i64)", "S-n-"},
    {LIBCXX_STRING "6insertEmPKc", "ptr(ptr,i64,ptr)", "S-n"},
    {LIBCXX_STRING "5eraseEmm", "ptr(ptr,i64,i64)", "S--"},
    {LIBCXX_STRING "7replaceEmmPKcm", "ptr(ptr,i64,i64,ptr,i64)", "S--n-"},
    {LIBCXX_STRING "7replaceEmmPKc", "ptr(ptr,i64,i64,ptr)", "S--n"},
    /* POSIX <libgen.h> */
    {"dirname", "ptr(ptr)", "r"},
    {"basename", "ptr(ptr)", "r"},
    {"__xpg_basename", "ptr(ptr)", "r"},
};

/* compiler-rt's UBSan handlers: void __ubsan_handle_NAME(data, values...),
 * each value a pointer or an integer. */
static const char ubsan_prefix[] = "__ubsan_handle_";

/* Appends 's' to 'out' ('cap' bytes, '*len' used), as far as it fits;
 * '*len' counts what would have been written. */
static void append(char *out, size_t cap, size_t *len, const char *s) {
  size_t n = strlen(s);
  if (*len + n < cap)
    memcpy(out + *len, s, n + 1);
  *len += n;
}

static void append_type(char *out, size_t cap, size_t *len, LLVMTypeRef type) {
  char name[16];
  switch (LLVMGetTypeKind(type)) {
  case LLVMVoidTypeKind:
    append(out, cap, len, "void");
    return;
  case LLVMPointerTypeKind:
    append(out, cap, len, "ptr");
    return;
  case LLVMIntegerTypeKind:
    snprintf(name, sizeof name, "i%u", LLVMGetIntTypeWidth(type));
    append(out, cap, len, name);
    return;
  default:
    append(out, cap, len, "?");
  }
}

/* Writes the prototype of function type 'fn' as the table spells it;
 * false when it does not fit. */
static bool prototype_of(LLVMTypeRef fn, char *out, size_t cap) {
  unsigned n = LLVMCountParamTypes(fn);
  LLVMTypeRef params[16];
  if (n > sizeof params / sizeof *params)
    return false;
  LLVMGetParamTypes(fn, params);
  size_t len = 0;
  append_type(out, cap, &len, LLVMGetReturnType(fn));
  append(out, cap, &len, "(");
  for (unsigned i = 0; i < n; ++i) {
    append(out, cap, &len, i ? "," : "");
    append_type(out, cap, &len, params[i]);
  }
  if (LLVMIsFunctionVarArg(fn))
    append(out, cap, &len, n ? ",..." : "...");
  append(out, cap, &len, ")");
  return len < cap;
}

/* True when function type 'fn' is a UBSan handler's: void, taking pointers
 * and integers. */
static bool is_handler_type(LLVMTypeRef fn) {
  unsigned n = LLVMCountParamTypes(fn);
  LLVMTypeRef params[16];
  if (LLVMGetTypeKind(LLVMGetReturnType(fn)) != LLVMVoidTypeKind || LLVMIsFunctionVarArg(fn) ||
      n > sizeof params / sizeof *params)
    return false;
  LLVMGetParamTypes(fn, params);
  for (unsigned i = 0; i < n; ++i) {
    LLVMTypeKind k = LLVMGetTypeKind(params[i]);
    if (k != LLVMPointerTypeKind && k != LLVMIntegerTypeKind)
      return false;
  }
  return true;
}

static h2s_runtime_use use_of(char letter) {
  switch (letter) {
  case 'n':
    return H2S_RUNTIME_KEEPS_NOTHING;
  case 'r':
    return H2S_RUNTIME_RETURNS_INTO;
  case 'k':
    return H2S_RUNTIME_KEEPS;
  case 'f':
    return H2S_RUNTIME_FREES;
  case 's':
  case 'S':
    return H2S_RUNTIME_STRING_OBJECT;
  default:
    return H2S_RUNTIME_UNKNOWN;
  }
}

/* The letter of 'e' for argument 'index' (the variadic letter past the
 * named parameters). */
static char letter_for(const h2s_runtime_entry *e, LLVMTypeRef fn, unsigned index) {
  unsigned named = LLVMCountParamTypes(fn);
  size_t last = strlen(e->args) - 1;
  return index < named ? e->args[index] : e->args[last];
}

/* True when declaration 'callee', named as 'e', is the runtime's function:
 * it has the entry's prototype and is the implementation's (for a name
 * the program may use, such as dirname, the library header's declaration). */
static bool is_runtimes(const h2s_runtime_entry *e, LLVMValueRef callee) {
  char prototype[128];
  return prototype_of(LLVMGlobalGetValueType(callee), prototype, sizeof prototype) &&
         strcmp(prototype, e->prototype) == 0 &&
         h2s_is_implementation_function(callee);
}

/* The entry that describes the callee of 'call', a declaration, or NULL. */
static const h2s_runtime_entry *entry_of(LLVMValueRef call) {
  LLVMValueRef callee = h2s_called_function(call);
  if (!callee || !LLVMIsDeclaration(callee))
    return NULL;
  const char *name = h2s_callee_name(call);
  for (size_t i = 0; i < sizeof functions / sizeof *functions; ++i)
    if (strcmp(name, functions[i].symbol) == 0)
      return is_runtimes(&functions[i], callee) ? &functions[i] : NULL;
  return NULL;
}

h2s_runtime_use h2s_runtime_arg_use(LLVMValueRef call, unsigned index) {
  LLVMValueRef callee = h2s_called_function(call);
  if (!callee || !LLVMIsDeclaration(callee) || index >= LLVMGetNumArgOperands(call))
    return H2S_RUNTIME_UNKNOWN;
  LLVMTypeRef fn = LLVMGlobalGetValueType(callee); /* the call's type too (ir.c) */
  if (strncmp(h2s_callee_name(call), ubsan_prefix, sizeof ubsan_prefix - 1) == 0)
    return is_handler_type(fn) ? H2S_RUNTIME_KEEPS_NOTHING : H2S_RUNTIME_UNKNOWN;
  const h2s_runtime_entry *e = entry_of(call);
  return e ? use_of(letter_for(e, fn, index)) : H2S_RUNTIME_UNKNOWN;
}

/* libstdc++ (bits/basic_string.h): _M_dataplus._M_p, _M_string_length,
 * then the union of _M_local_buf (16 chars) and _M_allocated_capacity.
 * libc++ (<string>): three words, of a long string its capacity, size
 * and data pointer, or a short string's size and characters in the same
 * bytes, without a pointer to them. */
h2s_string_layout h2s_runtime_string_layout(LLVMValueRef call, uint64_t pointer_size) {
  const h2s_runtime_entry *e = entry_of(call);
  if (e && strchr(e->args, 'S'))
    return (h2s_string_layout){.size = 3 * pointer_size, .inline_at = -1};
  return (h2s_string_layout){.size = 2 * pointer_size + 16, .inline_at = (int64_t)(2 * pointer_size)};
}

bool h2s_is_inline_buffer_pointer(LLVMValueRef member, uint64_t pointer_size, h2s_span object,
                                  h2s_span field, int64_t points_to) {
  h2s_string_layout layout = h2s_runtime_string_layout(member, pointer_size);
  return layout.inline_at >= 0 && object.known && field.known && !object.stride &&
         !field.stride && !field.partial && field.offset == object.offset &&
         field.size == pointer_size && points_to == object.offset + layout.inline_at;
}

h2s_capture h2s_runtime_capture(h2s_runtime_use use) {
  switch (use) {
  case H2S_RUNTIME_KEEPS_NOTHING:
  case H2S_RUNTIME_FREES: /* escape.c asks about frees on their own */
    return H2S_CAPTURES_NOTHING;
  case H2S_RUNTIME_RETURNS_INTO:
  case H2S_RUNTIME_STRING_OBJECT: /* its pointers stay in the object */
    return H2S_CAPTURES_RET_ONLY;
  default:
    return H2S_CAPTURES_MAYBE;
  }
}
