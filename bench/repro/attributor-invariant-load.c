/*
 * attributor-invariant-load.c -- a reduced reproducer of the miscompile that
 * breaks most benchmark programs under LLVM's Attributor.
 *
 * sum_bytes only reads its argument, so the Attributor's AAInvariantLoadPointer
 * marks its loads !invariant.load; but main writes the block (through fill)
 * before every call, and once the calls are inlined the loads are moved above
 * those writes. Heap-to-stack is not involved: the result is the same with
 * -mllvm -enable-heap-to-stack-conversion=false. Upstream:
 * llvm/llvm-project#147706.
 *
 *   clang-22 -O2 attributor-invariant-load.c && ./a.out          # 297, exit 0
 *   clang-22 -O2 -mllvm -attributor-enable=module \
 *       attributor-invariant-load.c && ./a.out                   # garbage, exit 1
 */
#include <stdio.h>
#include <stdlib.h>

static void fill(char *dst, int c)
{
    dst[0] = (char)c;
    dst[1] = 0;
}

static int sum_bytes(const char *src)
{
    int s = 0;
    for (; *src; src++)
        s += *src;
    return s;
}

int main(int argc, char **argv)
{
    (void)argv;
    int total = 0;
    for (int i = 0; i < 3; i++) {
        char *buf = malloc(8);
        if (!buf)
            return 2;
        fill(buf, 'a' + i + argc);
        total += sum_bytes(buf);
        free(buf);
    }
    printf("%d\n", total);
    return total != 'b' + 'c' + 'd';
}
