/*
 * Benchmark workload "memcpy/strlen": copies between buffers (word and pair loads/stores, as a compiler's inline
 * copies and glibc's generic memcpy use) and measures strings byte by byte and word by word. Argument: rounds
 * (default 40, about 3 million instructions). Prints a checksum.
 * Built by ../build.sh.
 */
#include "isa_rt.h"

#define N 16384
static u64 src[N / 8], dst[N / 8];
static char text[N];

static void copy_words(u64 *d, const u64 *s, unsigned n)
{
    for (unsigned i = 0; i < n; i += 4) {
        u64 a = s[i], b = s[i + 1], c = s[i + 2], e = s[i + 3];
        d[i] = a;
        d[i + 1] = b;
        d[i + 2] = c;
        d[i + 3] = e;
    }
}

static u64 length_bytes(const char *s)
{
    const char *p = s;
    while (*p) {
        p++;
    }
    return (u64) (p - s);
}

/* The classic word-at-a-time zero-byte test glibc's generic strlen uses. */
static u64 length_words(const char *s)
{
    const u64 *w = (const u64 *) s;
    for (;;) {
        u64 v = *w;
        if ((v - 0x0101010101010101UL) & ~v & 0x8080808080808080UL) {
            const char *p = (const char *) w;
            while (*p) {
                p++;
            }
            return (u64) (p - s);
        }
        w++;
    }
}

int main(int argc, char **argv)
{
    u64 rounds = arg_num(argc, argv, 1, 40);
    for (unsigned i = 0; i < N / 8; i++) {
        src[i] = i * 0x0101010101010101UL + 0x1234;
    }
    for (unsigned i = 0; i < N; i++) {
        text[i] = (char) ('a' + i % 26);
    }
    u64 sum = 0;
    for (u64 r = 0; r < rounds; r++) {
        copy_words(dst, src, N / 8);
        copy_words(src, dst, N / 8 - 4);
        src[r % (N / 8)] ^= r;
        unsigned cut = (unsigned) (N - 1 - (r * 977) % 4096) & ~7u;
        text[cut] = 0;
        sum += length_bytes(text + (r & 7)) + length_words(text);
        text[cut] = 'x';
    }
    for (unsigned i = 0; i < N / 8; i++) {
        sum = sum * 31 + dst[i];
    }
    show("bench_mem", sum);
    return 0;
}
