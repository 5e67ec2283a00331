/*===- heapcount.c - Count a process's heap calls (LD_PRELOAD) ------------===*
 *
 * heapcount is a tiny LD_PRELOAD library that tells how many heap blocks a
 * program asked for, so the end-to-end tests can show what heap2stack
 * removed. It interposes the C allocator entry points (malloc, calloc,
 * realloc, reallocarray, aligned_alloc, memalign, posix_memalign, valloc,
 * pvalloc, free), counts each call in a lock-free atomic counter and forwards
 * it to glibc's own implementation (__libc_malloc and friends). Forwarding to
 * those exported names rather than to dlsym(RTLD_NEXT, ...) avoids the
 * bootstrap loop where dlsym itself calls malloc.
 *
 * What is counted:
 *   allocs   - successful calls that create a new block: malloc, calloc,
 *              aligned_alloc, memalign, posix_memalign, valloc, pvalloc.
 *              C++ operator new in libstdc++ calls malloc (aligned new calls
 *              aligned_alloc), so it is counted here too.
 *   reallocs - successful realloc/reallocarray calls, whatever the old
 *              pointer was (realloc(NULL, n) is counted here, not in allocs).
 *   frees    - free() of a non-null pointer.
 * The invariant: the library never allocates, and never calls anything that
 * may, so the counts describe the program alone (plus the C runtime's own
 * start-up allocations, which are the same in every build of a program).
 *
 * Usage:
 *   HEAPCOUNT_OUT=counts.txt LD_PRELOAD=build/tools/heapcount/libheapcount.so ./prog
 * At exit one line "allocs=N frees=M reallocs=R" is appended to
 * $HEAPCOUNT_OUT. Without HEAPCOUNT_OUT nothing is printed. A process that
 * ends by _exit() or a signal writes no line.
 *
 *===----------------------------------------------------------------------===*/

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* glibc's real allocator, exported under these names since glibc 2.0. */
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);
extern void __libc_free(void *ptr);

#define H2S_EXPORT __attribute__((visibility("default")))

static atomic_ullong h2s_allocs;
static atomic_ullong h2s_frees;
static atomic_ullong h2s_reallocs;

/* Adds one to 'counter' when 'result' is a block; returns 'result'. */
static void *h2s_count(atomic_ullong *counter, void *result) {
  if (result)
    atomic_fetch_add_explicit(counter, 1, memory_order_relaxed);
  return result;
}

H2S_EXPORT void *malloc(size_t size) {
  return h2s_count(&h2s_allocs, __libc_malloc(size));
}

H2S_EXPORT void *calloc(size_t count, size_t size) {
  return h2s_count(&h2s_allocs, __libc_calloc(count, size));
}

H2S_EXPORT void *realloc(void *ptr, size_t size) {
  return h2s_count(&h2s_reallocs, __libc_realloc(ptr, size));
}

/* reallocarray is its own symbol in glibc and does not go through realloc,
   so it is interposed too; like realloc it fails on 'count'*'size' overflow. */
H2S_EXPORT void *reallocarray(void *ptr, size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) {
    errno = ENOMEM;
    return NULL;
  }
  return h2s_count(&h2s_reallocs, __libc_realloc(ptr, count * size));
}

H2S_EXPORT void *aligned_alloc(size_t alignment, size_t size) {
  return h2s_count(&h2s_allocs, __libc_memalign(alignment, size));
}

H2S_EXPORT void *memalign(size_t alignment, size_t size) {
  return h2s_count(&h2s_allocs, __libc_memalign(alignment, size));
}

/* Returns 0 and sets '*memptr', or EINVAL when 'alignment' is not a power of
   two multiple of sizeof(void *), or ENOMEM; '*memptr' is untouched on
   failure, as POSIX requires. */
H2S_EXPORT int posix_memalign(void **memptr, size_t alignment, size_t size) {
  if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0 ||
      alignment == 0)
    return EINVAL;
  void *block = h2s_count(&h2s_allocs, __libc_memalign(alignment, size));
  if (!block)
    return ENOMEM;
  *memptr = block;
  return 0;
}

H2S_EXPORT void *valloc(size_t size) {
  return h2s_count(&h2s_allocs, __libc_valloc(size));
}

H2S_EXPORT void *pvalloc(size_t size) {
  return h2s_count(&h2s_allocs, __libc_pvalloc(size));
}

H2S_EXPORT void free(void *ptr) {
  if (ptr)
    atomic_fetch_add_explicit(&h2s_frees, 1, memory_order_relaxed);
  __libc_free(ptr);
}

/* Appends the counts to $HEAPCOUNT_OUT. A preloaded library is finalised
   after the program and the libraries it loaded, so their exit-time frees
   are already counted. Uses only open/write, which never allocate. */
__attribute__((destructor)) static void h2s_report(void) {
  const char *path = getenv("HEAPCOUNT_OUT");
  if (!path || !*path)
    return;
  char line[128];
  int len = snprintf(line, sizeof line, "allocs=%llu frees=%llu reallocs=%llu\n",
                     atomic_load(&h2s_allocs), atomic_load(&h2s_frees),
                     atomic_load(&h2s_reallocs));
  if (len <= 0 || (size_t)len >= sizeof line)
    return;
  int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0)
    return;
  ssize_t written = write(fd, line, (size_t)len);
  (void)written; /* Nothing useful to do about a short write at exit. */
  close(fd);
}
