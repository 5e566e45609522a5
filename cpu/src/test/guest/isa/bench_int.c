/*
 * Benchmark workload "integer loop": a hash/mixing loop of adds, multiplies, shifts, rotates, conditional selects
 * and a small table in memory, as a compiler makes of ordinary integer code. Argument: rounds (default 20000,
 * about 2.4 million instructions; the benchmark passes more). Prints a checksum.
 * Built by ../build.sh.
 */
#include "isa_rt.h"

static u32 table[256];

int main(int argc, char **argv)
{
    u64 rounds = arg_num(argc, argv, 1, 20000);
    for (u32 i = 0; i < 256; i++) {
        table[i] = i * 0x9e3779b9u;
    }
    u64 h = 0x243f6a8885a308d3UL, acc = 0;
    for (u64 r = 0; r < rounds; r++) {
        for (u32 k = 0; k < 8; k++) {
            h ^= h >> 29;
            h *= 0xbf58476d1ce4e5b9UL;
            h += table[(h >> 7) & 255];
            acc += (h & 1) ? (h >> 3) : ~h;
            acc = (acc << 7) | (acc >> 57);
            if ((i64) acc < 0) {
                acc -= k;
            }
        }
    }
    show("bench_int", h ^ acc);
    return 0;
}
