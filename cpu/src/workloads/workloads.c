/*
 * Isotrace CPU benchmark workloads, one static binary, chosen by argv[1]:
 *   int     integer arithmetic loop (no memory traffic beyond the stack)
 *   string  memcpy/memset/strlen/strchr over buffers (glibc's SIMD string routines)
 *   chase   pointer chase over a 64 MiB random cycle (one dependent load per step)
 *   sort    qsort of 1 M pseudo-random 32-bit keys
 *   crc     bitwise CRC-32 (IEEE) over 16 MiB
 * Each prints one checksum line so runs can be compared with qemu-aarch64. argv[2] scales the work (default 1).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x2545F4914F6CDD1DULL;
static uint64_t next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

static uint64_t w_int(int scale) {
    uint64_t a = 1, b = 3, c = 0;
    for (long i = 0; i < 20000000L * scale; i++) {
        a = a * 6364136223846793005ULL + b;
        b ^= a >> 17;
        c += (a & 0xff) + (b | 1) / 7;
    }
    return a ^ b ^ c;
}

static uint64_t w_string(int scale) {
    size_t n = 1 << 20;
    char *src = malloc(n), *dst = malloc(n);
    for (size_t i = 0; i < n; i++) src[i] = 'a' + (char)(next() % 26);
    src[n - 1] = 0;
    uint64_t sum = 0;
    for (int r = 0; r < 40 * scale; r++) {
        memcpy(dst, src, n);
        dst[(r * 7919) % (n - 1)] = 0;
        sum += strlen(dst);
        char *p = strchr(dst, 'q');
        sum += p ? (uint64_t)(p - dst) : 0;
        memset(dst, r, n / 2);
        sum += (unsigned char)dst[n / 4];
    }
    free(src);
    free(dst);
    return sum;
}

static uint64_t w_chase(int scale) {
    size_t n = (64u << 20) / sizeof(uint32_t);
    uint32_t *next_idx = malloc(n * sizeof(uint32_t));
    for (size_t i = 0; i < n; i++) next_idx[i] = (uint32_t)i;
    for (size_t i = n - 1; i > 0; i--) { /* Sattolo: one cycle through every slot */
        size_t j = next() % i;
        uint32_t t = next_idx[i]; next_idx[i] = next_idx[j]; next_idx[j] = t;
    }
    uint32_t p = 0;
    uint64_t sum = 0;
    for (long s = 0; s < 4000000L * scale; s++) { p = next_idx[p]; sum += p; }
    free(next_idx);
    return sum;
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static uint64_t w_sort(int scale) {
    size_t n = 1000000;
    uint32_t *v = malloc(n * sizeof(uint32_t));
    uint64_t sum = 0;
    for (int r = 0; r < scale; r++) {
        for (size_t i = 0; i < n; i++) v[i] = (uint32_t)next();
        qsort(v, n, sizeof(uint32_t), cmp_u32);
        for (size_t i = 0; i < n; i += 1000) sum += v[i];
    }
    free(v);
    return sum;
}

static uint64_t w_crc(int scale) {
    size_t n = 16u << 20;
    unsigned char *buf = malloc(n);
    for (size_t i = 0; i < n; i++) buf[i] = (unsigned char)next();
    uint32_t crc = 0;
    for (int r = 0; r < scale; r++) {
        crc = ~crc;
        for (size_t i = 0; i < n; i++) {
            crc ^= buf[i];
            for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
        }
        crc = ~crc;
    }
    free(buf);
    return crc;
}

int main(int argc, char **argv) {
    const char *w = argc > 1 ? argv[1] : "int";
    int scale = argc > 2 ? atoi(argv[2]) : 1;
    uint64_t r;
    if (!strcmp(w, "int")) r = w_int(scale);
    else if (!strcmp(w, "string")) r = w_string(scale);
    else if (!strcmp(w, "chase")) r = w_chase(scale);
    else if (!strcmp(w, "sort")) r = w_sort(scale);
    else if (!strcmp(w, "crc")) r = w_crc(scale);
    else { fprintf(stderr, "unknown workload %s\n", w); return 2; }
    printf("%s %d %llu\n", w, scale, (unsigned long long)r);
    return 0;
}
