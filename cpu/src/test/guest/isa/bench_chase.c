/*
 * Benchmark workload "pointer chase": follows a random cyclic permutation through an array of 64 MiB (8 Mi
 * 8-byte slots), so nearly every load goes to a different page: the memory path's worst case. Argument: steps
 * (default 100000); the permutation is built by a Sattolo shuffle over the first 2^k slots, k given as the second
 * argument (default 16; the benchmark uses 23: all 64 MiB). Prints where the chase ended.
 * Built by ../build.sh.
 */
#include "isa_rt.h"

#define SLOTS (8UL << 20)
static u64 next[SLOTS];

int main(int argc, char **argv)
{
    u64 steps = arg_num(argc, argv, 1, 100000);
    u64 bits = arg_num(argc, argv, 2, 16);
    u64 n = 1UL << (bits > 23 ? 23 : bits);
    for (u64 i = 0; i < n; i++) {
        next[i] = i;
    }
    u64 x = 0x853c49e6748fea9bUL;
    for (u64 i = n - 1; i > 0; i--) { /* Sattolo: one cycle through all slots */
        x = x * 6364136223846793005UL + 1442695040888963407UL;
        u64 j = (x >> 33) % i;
        u64 t = next[i];
        next[i] = next[j];
        next[j] = t;
    }
    u64 p = 0, sum = 0;
    for (u64 s = 0; s < steps; s++) {
        p = next[p];
        sum += p;
    }
    show("bench_chase", p ^ sum);
    return 0;
}
