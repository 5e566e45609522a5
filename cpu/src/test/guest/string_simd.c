/*
 * glibc's string and memory routines, which on AArch64 run Advanced SIMD code (LDP/LD1 of Q registers, CMEQ,
 * UMAXP/ADDP, SHRN, FMOV to general registers, DUP/MOVI, TBL ...): every length up to a few hundred bytes, every
 * source/destination alignment within 16 bytes, and strings ending right before an inaccessible page, checked
 * against byte-at-a-time reference implementations. Prints one line per routine with a checksum of the results.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static unsigned long failures;

static uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

#define CHECK(cond, what, a, b)                                                            \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            if (failures++ < 20) {                                                         \
                printf("FAIL %s at %d/%d\n", what, (int) (a), (int) (b));                  \
            }                                                                              \
        }                                                                                  \
    } while (0)

static size_t ref_strlen(const char *s) {
    size_t n = 0;
    while (s[n]) {
        n++;
    }
    return n;
}

static const void *ref_memchr(const void *s, int c, size_t n) {
    const unsigned char *p = s;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == (unsigned char) c) {
            return p + i;
        }
    }
    return NULL;
}

static int sign(int x) {
    return (x > 0) - (x < 0);
}

static int ref_memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *p = a, *q = b;
    for (size_t i = 0; i < n; i++) {
        if (p[i] != q[i]) {
            return p[i] - q[i];
        }
    }
    return 0;
}

static unsigned char src[1024 + 64], dst[1024 + 64], ref[1024 + 64];

static void fill(unsigned char *p, size_t n, unsigned seed) {
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245 + 12345;
        p[i] = (unsigned char) (seed >> 16);
    }
}

static void copies(void) {
    uint64_t h = 0;
    for (size_t len = 0; len < 300; len += (len < 80 ? 1 : 7)) {
        for (int sa = 0; sa < 16; sa++) {
            for (int da = 0; da < 16; da += 3) {
                fill(src, sizeof src, (unsigned) (len * 31 + sa));
                memset(dst, 0xAA, sizeof dst);
                memset(ref, 0xAA, sizeof ref);
                memcpy(dst + da, src + sa, len);
                for (size_t i = 0; i < len; i++) {
                    ref[da + i] = src[sa + i];
                }
                CHECK(memcmp(dst, ref, sizeof dst) == 0, "memcpy", len, sa);
                h = mix(h, dst[da + len / 2]);
            }
        }
    }
    printf("memcpy %016llx\n", (unsigned long long) h);
    h = 0;
    for (size_t len = 0; len < 300; len += (len < 64 ? 1 : 5)) {
        for (int off = -20; off <= 20; off += 3) {
            fill(src, sizeof src, (unsigned) len);
            memcpy(ref, src, sizeof src);
            int from = 200, to = 200 + off;
            memmove(src + to, src + from, len);
            for (size_t i = 0; i < len; i++) {
                dst[i] = ref[from + i];
            }
            CHECK(memcmp(src + to, dst, len) == 0, "memmove", len, off);
            h = mix(h, src[to]);
        }
    }
    printf("memmove %016llx\n", (unsigned long long) h);
    h = 0;
    for (size_t len = 0; len < 600; len += (len < 100 ? 1 : 13)) {
        for (int a = 0; a < 16; a++) {
            memset(dst, 0x55, sizeof dst);
            memset(dst + a, len & 0xFF, len);
            for (size_t i = 0; i < sizeof dst; i++) {
                unsigned char want = (i >= (size_t) a && i < a + len) ? (unsigned char) len : 0x55;
                if (dst[i] != want) {
                    CHECK(0, "memset", len, a);
                    break;
                }
            }
            h = mix(h, dst[a + len / 3]);
        }
    }
    printf("memset %016llx\n", (unsigned long long) h);
}

static void searches(void) {
    uint64_t h = 0;
    for (size_t len = 0; len < 260; len++) {
        for (int a = 0; a < 16; a++) {
            char *s = (char *) src + a;
            fill((unsigned char *) s, len + 20, (unsigned) len);
            for (size_t i = 0; i < len; i++) {
                if (s[i] == 0) {
                    s[i] = 'x';
                }
            }
            s[len] = 0;
            size_t n = strlen(s);
            CHECK(n == ref_strlen(s), "strlen", len, a);
            CHECK(strnlen(s, len / 2) == (len / 2 < len ? len / 2 : len), "strnlen", len, a);
            char c = len ? s[len * 2 / 3] : 'q';
            char *p = strchr(s, c);
            char *r = strrchr(s, c);
            const void *m = memchr(s, (unsigned char) c, len);
            CHECK(m == ref_memchr(s, (unsigned char) c, len), "memchr", len, a);
            CHECK(p == (len ? ref_memchr(s, (unsigned char) c, len) : NULL), "strchr", len, a);
            CHECK(strchr(s, 0) == s + len, "strchr0", len, a);
            CHECK(rawmemchr(s, 0) == s + len, "rawmemchr", len, a);
            h = mix(h, n);
            h = mix(h, p ? (uint64_t) (p - s) : 999);
            h = mix(h, r ? (uint64_t) (r - s) : 999);
        }
    }
    printf("search %016llx\n", (unsigned long long) h);
}

static void compares(void) {
    uint64_t h = 0;
    for (size_t len = 0; len < 200; len++) {
        for (int a = 0; a < 16; a += 1) {
            int b = (a * 7) & 15;
            char *x = (char *) src + a, *y = (char *) dst + b;
            fill((unsigned char *) x, len + 1, (unsigned) len + 1);
            for (size_t i = 0; i < len; i++) {
                x[i] = (char) ('a' + ((unsigned char) x[i] % 26));
            }
            x[len] = 0;
            memcpy(y, x, len + 1);
            CHECK(strcmp(x, y) == 0, "strcmp eq", len, a);
            CHECK(memcmp(x, y, len) == 0, "memcmp eq", len, a);
            if (len) {
                size_t at = (len * 5) / 7;
                y[at] = (char) (y[at] + ((len & 1) ? 1 : -1));
                int r1 = sign(strcmp(x, y)), r2 = sign(memcmp(x, y, len)), r3 = sign(strncmp(x, y, len));
                CHECK(r1 == sign(ref_memcmp(x, y, len)), "strcmp", len, a);
                CHECK(r2 == sign(ref_memcmp(x, y, len)), "memcmp", len, a);
                CHECK(r3 == r1, "strncmp", len, a);
                CHECK(strncmp(x, y, at) == 0, "strncmp prefix", len, a);
                h = mix(h, (uint64_t) (r1 + 1));
            }
            char buf[512];
            char *e = stpcpy(buf + (a & 7), x);
            CHECK(e == buf + (a & 7) + len && strcmp(buf + (a & 7), x) == 0, "stpcpy", len, a);
            strcpy(buf, x);
            CHECK(strlen(buf) == len, "strcpy", len, a);
        }
    }
    printf("compare %016llx\n", (unsigned long long) h);
}

/* Strings that end exactly at the end of a readable page followed by an inaccessible one. */
static void pageEdges(void) {
    long page = sysconf(_SC_PAGESIZE);
    unsigned char *m = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED || mprotect(m + page, page, PROT_NONE) != 0) {
        printf("mmap failed\n");
        return;
    }
    uint64_t h = 0;
    for (int len = 0; len < 100; len++) {
        unsigned char *s = m + page - len - 1;
        memset(m, 'z', page);
        s[len] = 0;
        h = mix(h, strlen((char *) s));
        h = mix(h, (uint64_t) ((char *) memchr(s, 0, len + 1) - (char *) s));
        h = mix(h, strchr((char *) s, 'y') == NULL);
        h = mix(h, (uint64_t) (strrchr((char *) s, 'z') ? 1 : 0));
        unsigned char *t = m + page - len;
        memset(t, 'k', len);
        h = mix(h, memchr(t, 'q', len) == NULL);
        h = mix(h, memcmp(t, t, len));
        char copy[128];
        memcpy(copy, t, len);
        h = mix(h, (uint64_t) copy[len / 2]);
    }
    printf("page edges %016llx\n", (unsigned long long) h);
    munmap(m, 2 * page);
}

int main(void) {
    copies();
    searches();
    compares();
    pageEdges();
    printf("failures %lu\n", failures);
    return failures != 0;
}
