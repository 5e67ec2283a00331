// RUN: %e2e %s -pthread | FileCheck %s
// RUN: env LTO=thin %e2e %s -pthread | FileCheck %s
// RUN: env LTO=full %e2e %s -pthread | FileCheck %s
//
// Room guards in a recursion that holds a malloc(32) note across each
// recursive call.  The same function runs four ways, and each must print
// what the plain build prints:
//   - on the main thread, 1000 levels: all within the first 5% of its 8 MiB
//     stack, so every level runs the body with the note on the stack;
//   - on a thread with a 256 KiB stack, 1500 levels: the levels in the first
//     5% of that stack (181) hold their notes on the stack, the deeper ones
//     run the plain body;
//   - in a SIGUSR1 handler on a 64 KiB sigaltstack, 200 levels: the stack
//     pointer is outside the thread's stack, so there is "no room" and every
//     note goes to the heap;
//   - on a 64 KiB makecontext/swapcontext stack, 200 levels: the same.
// The plain build makes 2904 allocations for the notes and the two side
// stacks, plus 4 of the C runtime's and the thread's; with the plugin the
// 1000 notes of the main thread and 181 of the 256 KiB thread are gone, the
// 400 of the other two stacks stay, and finding the main thread's stack
// bounds once (pthread_getattr_np reads /proc/self/maps through stdio)
// adds 4.  The same holds when the pass runs at the link, with ThinLTO and
// full LTO.
//
// CHECK: output: same, exit status: same (0)
// CHECK: heap allocations: 2908 without the plugin, 1731 with it

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

/* Returns a rolling hash of the NUL-terminated 'text'; only reads. */
__attribute__((noinline)) unsigned text_hash(const char *text) {
  unsigned h = 5381;
  while (*text)
    h = h * 33u + (unsigned char)*text++;
  return h;
}

/* Recurses 'n' levels; each level holds a 32-byte note across the call. */
unsigned descend(unsigned n) {
  char *note = malloc(32);
  if (!note)
    return 0;
  snprintf(note, 32, "level %u", n);
  unsigned h = n ? descend(n - 1) : 7;
  h = h * 33u ^ text_hash(note);
  free(note);
  return h;
}

static unsigned from_thread, from_handler, from_context;

static void *on_thread(void *unused) {
  (void)unused;
  from_thread = descend(1500);
  return NULL;
}

static void on_signal(int sig) {
  (void)sig;
  from_handler = descend(200);
}

static ucontext_t main_context, side_context;

static void on_context(void) { from_context = descend(200); }

int main(void) {
  unsigned from_main = descend(1000);

  pthread_attr_t attr;
  pthread_t thread;
  if (pthread_attr_init(&attr) || pthread_attr_setstacksize(&attr, 256 << 10) ||
      pthread_create(&thread, &attr, on_thread, NULL) || pthread_join(thread, NULL))
    return 2;

  stack_t alt = {.ss_sp = malloc(64 << 10), .ss_size = 64 << 10};
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sa.sa_flags = SA_ONSTACK;
  if (!alt.ss_sp || sigaltstack(&alt, NULL) || sigaction(SIGUSR1, &sa, NULL) ||
      raise(SIGUSR1))
    return 3;

  char *side_stack = malloc(64 << 10);
  if (!side_stack || getcontext(&side_context))
    return 4;
  side_context.uc_stack.ss_sp = side_stack;
  side_context.uc_stack.ss_size = 64 << 10;
  side_context.uc_link = &main_context;
  makecontext(&side_context, on_context, 0);
  if (swapcontext(&main_context, &side_context))
    return 5;

  printf("main %08x, thread %08x, handler %08x, context %08x\n", from_main,
         from_thread, from_handler, from_context);
  return 0;
}
