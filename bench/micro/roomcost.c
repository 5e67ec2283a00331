/*
 * roomcost.c -- what a room guard costs per call, for bench/run.sh.
 *
 * chain(n) recurses n levels; every level holds a malloc(32) note across
 * the recursive call, so with the plugin the function is split (room
 * guards) and every call goes through the dispatcher's test.  Usage:
 *
 *     roomcost shallow|deep REPS
 *
 * runs the chain of CHAIN levels REPS times: from main ("shallow": within
 * the first 5% of the 8 MiB main stack, where the test finds room and the
 * note is on the stack), or below FILL levels of filler frames of 64 KiB
 * each ("deep": past that share, where the test finds no room and the
 * plain body runs, malloc and all).  The instructions per level are the
 * difference between two REPS counts divided by the extra levels.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CHAIN = 64, FILL = 16, FILL_BYTES = 64 << 10 };

/* Returns a rolling hash of the NUL-terminated 'text'; only reads. */
__attribute__((noinline)) static unsigned text_hash(const char *text)
{
    unsigned h = 5381;
    while (*text)
        h = h * 33u + (unsigned char)*text++;
    return h;
}

/* Recurses 'n' levels, each holding a 32-byte note across the call. */
unsigned chain(unsigned n)
{
    char *note = malloc(32);
    if (!note)
        return 0;
    memset(note, 'a' + (int)(n % 26), 31);
    note[31] = '\0';
    unsigned h = n ? chain(n - 1) : 7;
    h = h * 33u ^ text_hash(note);
    free(note);
    return h;
}

static unsigned run_chains(long reps)
{
    unsigned h = 0;
    for (long i = 0; i < reps; i++)
        h ^= chain(CHAIN);
    return h;
}

/* Takes FILL_BYTES of stack per level for 'n' levels, then runs the
 * chains; the empty asm that receives the array keeps all of its bytes in
 * the frame. */
__attribute__((noinline)) static unsigned fill_then_run(unsigned n, long reps)
{
    char pad[FILL_BYTES];
    pad[0] = (char)n;
    __asm__ volatile("" : : "r"(pad) : "memory");
    unsigned h = n ? fill_then_run(n - 1, reps) : run_chains(reps);
    __asm__ volatile("" : : "r"(pad) : "memory");
    return h + (unsigned)pad[0];
}

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[1], "shallow") && strcmp(argv[1], "deep"))) {
        fprintf(stderr, "usage: roomcost shallow|deep REPS\n");
        return 2;
    }
    long reps = strtol(argv[2], NULL, 10);
    unsigned h = strcmp(argv[1], "deep") ? run_chains(reps) : fill_then_run(FILL, reps);
    printf("roomcost %s reps=%ld hash=%08x\n", argv[1], reps, h);
    return 0;
}
