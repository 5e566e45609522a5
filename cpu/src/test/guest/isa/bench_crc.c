/*
 * Benchmark workload "CRC": CRC-32C of a buffer with the CRC32CX/CRC32CB instructions and CRC-32 (zlib's) with a
 * byte-wise table, each checked against the other's kind of computation on a prefix. Argument: rounds over a
 * 16 KiB buffer (default 8). Prints both checksums.
 * isa-march: armv8-a+crc
 * Built by ../build.sh.
 */
#include "isa_rt.h"

#define N 16384
static u8 data[N] __attribute__((aligned(8)));
static u32 table[256];

static u32 crc32c_hw(u32 crc, const u8 *p, u64 n)
{
    crc = ~crc;
    while (n >= 8) {
        u64 v;
        memcpy(&v, p, 8);
        __asm__("crc32cx %w0, %w0, %1" : "+r"(crc) : "r"(v));
        p += 8;
        n -= 8;
    }
    while (n--) {
        __asm__("crc32cb %w0, %w0, %w1" : "+r"(crc) : "r"((u32) *p++));
    }
    return ~crc;
}

static u32 crc32_hw(u32 crc, const u8 *p, u64 n)
{
    crc = ~crc;
    while (n--) {
        __asm__("crc32b %w0, %w0, %w1" : "+r"(crc) : "r"((u32) *p++));
    }
    return ~crc;
}

static u32 crc32_table(u32 crc, const u8 *p, u64 n)
{
    crc = ~crc;
    while (n--) {
        crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    }
    return ~crc;
}

int main(int argc, char **argv)
{
    u64 rounds = arg_num(argc, argv, 1, 8);
    for (u32 i = 0; i < 256; i++) {
        u32 c = i;
        for (int k = 0; k < 8; k++) {
            c = (c & 1) ? (c >> 1) ^ 0xedb88320u : c >> 1;
        }
        table[i] = c;
    }
    for (u32 i = 0; i < N; i++) {
        data[i] = (u8) (i * 131 + (i >> 8));
    }
    u32 c1 = 0, c2 = 0;
    for (u64 r = 0; r < rounds; r++) {
        c1 = crc32c_hw(c1, data, N - (r & 7));
        c2 = crc32_table(c2, data + (r & 3), N / 4);
    }
    show("crc32c", c1);
    show("crc32 table", c2);
    show("crc32 of \"123456789\"", crc32_hw(0, (const u8 *) "123456789", 9));
    show("crc32c of \"123456789\"", crc32c_hw(0, (const u8 *) "123456789", 9));
    return 0;
}
