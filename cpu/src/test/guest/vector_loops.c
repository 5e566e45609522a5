/*
 * Loops GCC auto-vectorizes at -O3 (forced for this file): the Advanced SIMD code compilers generate from plain
 * C — widening and narrowing conversions (UXTL/XTN/UZP1), saturating-style selects, reductions (ADDV, ADDP,
 * FADDP/FMAXNMP), integer/float conversions (SCVTF/FCVTZS vector), shifts, compares with BSL, interleaved
 * structure accesses (LD2/ST2, LD3, LD4), and mixed float/double arithmetic. Prints checksums of every loop.
 */
#pragma GCC optimize("O3", "tree-vectorize")
#include <stdint.h>
#include <stdio.h>

#define N 1000

static uint8_t u8a[N], u8b[N], u8c[N];
static int16_t s16a[N], s16b[N];
static int32_t s32a[N], s32b[N], s32c[N];
static uint32_t u32a[N];
static int64_t s64a[N];
static float fa[N], fb[N], fc[N];
static double da[N], db[N];

static uint64_t h;

static void mix(uint64_t v) {
    h = (h ^ v) * 0x100000001b3ULL;
}

__attribute__((noinline)) static void integerLoops(void) {
    for (int i = 0; i < N; i++) {
        u8c[i] = (uint8_t) ((u8a[i] + u8b[i] + 1) >> 1);
    }
    for (int i = 0; i < N; i++) {
        u8c[i] = u8a[i] > u8b[i] ? u8a[i] - u8b[i] : u8b[i] - u8a[i];
    }
    for (int i = 0; i < N; i++) {
        int v = u8a[i] * 3 - u8b[i];
        u8c[i] = (uint8_t) (v < 0 ? 0 : v > 255 ? 255 : v);
    }
    for (int i = 0; i < N; i++) {
        s32c[i] = s16a[i] * s16b[i] + s32a[i];
    }
    for (int i = 0; i < N; i++) {
        s16a[i] = (int16_t) (s32c[i] >> 7);
    }
    for (int i = 0; i < N; i++) {
        s64a[i] = (int64_t) s32a[i] * s32b[i];
    }
    for (int i = 0; i < N; i++) {
        u32a[i] = (u32a[i] << 3) ^ (u32a[i] >> 5) ^ (uint32_t) s32b[i];
    }
    uint32_t sum8 = 0;
    int64_t sum32 = 0;
    int32_t mx = INT32_MIN, mn = INT32_MAX;
    for (int i = 0; i < N; i++) {
        sum8 += u8c[i];
        sum32 += s32c[i];
        mx = s32c[i] > mx ? s32c[i] : mx;
        mn = s32c[i] < mn ? s32c[i] : mn;
    }
    mix(sum8);
    mix((uint64_t) sum32);
    mix((uint32_t) mx);
    mix((uint32_t) mn);
    for (int i = 0; i < N; i++) {
        mix(u8c[i] | (uint64_t) s16a[i] << 8 | (uint64_t) s64a[i] << 24 | (uint64_t) u32a[i] << 40);
    }
}

struct rgb {
    uint8_t r, g, b;
};

static struct rgb pixels[N];
static uint8_t gray[N];

__attribute__((noinline)) static void structureLoops(void) {
    for (int i = 0; i < N; i++) {
        gray[i] = (uint8_t) ((pixels[i].r * 77 + pixels[i].g * 150 + pixels[i].b * 29) >> 8);
    }
    for (int i = 0; i < N / 2; i++) {
        int16_t re = s16a[2 * i], im = s16a[2 * i + 1];
        s16b[2 * i] = (int16_t) (re - im);
        s16b[2 * i + 1] = (int16_t) (re + im);
    }
    for (int i = 0; i < N / 4; i++) {
        s32c[4 * i] = s32a[4 * i + 3];
        s32c[4 * i + 1] = s32a[4 * i + 2];
        s32c[4 * i + 2] = s32a[4 * i + 1] + 1;
        s32c[4 * i + 3] = s32a[4 * i] - 1;
    }
    for (int i = 0; i < N; i++) {
        mix(gray[i] | (uint64_t) (uint16_t) s16b[i] << 8 | (uint64_t) (uint32_t) s32c[i] << 24);
    }
}

__attribute__((noinline)) static void floatLoops(void) {
    for (int i = 0; i < N; i++) {
        fc[i] = fa[i] * fb[i] + fc[i] * 0.5f;
    }
    for (int i = 0; i < N; i++) {
        fc[i] = fc[i] > fa[i] ? fc[i] : fa[i] - 1.0f;
    }
    for (int i = 0; i < N; i++) {
        da[i] = da[i] * db[i] - (double) fa[i];
    }
    for (int i = 0; i < N; i++) {
        s32c[i] = (int32_t) (fc[i] * 16.0f);
    }
    for (int i = 0; i < N; i++) {
        fb[i] = (float) s32a[i] * 0.125f;
    }
    for (int i = 0; i < N; i++) {
        fa[i] = fa[i] / (fb[i] + 3.0f);
    }
    float fsum = 0, fmx = -1e30f;
    double dsum = 0;
    for (int i = 0; i < N; i++) {
        fsum += fc[i];
        dsum += da[i];
        fmx = fc[i] > fmx ? fc[i] : fmx;
    }
    mix((uint64_t) (fsum * 1000));
    mix((uint64_t) (int64_t) dsum);
    mix((uint64_t) (fmx * 64));
    for (int i = 0; i < N; i++) {
        union {
            float f;
            uint32_t u;
        } x = {fa[i]}, y = {fc[i]};
        union {
            double d;
            uint64_t u;
        } z = {da[i]};
        mix(x.u ^ ((uint64_t) y.u << 32) ^ z.u ^ (uint32_t) s32c[i]);
    }
}

int main(void) {
    for (int i = 0; i < N; i++) {
        u8a[i] = (uint8_t) (i * 37 + 5);
        u8b[i] = (uint8_t) (i * 101 ^ 0x5A);
        s16a[i] = (int16_t) (i * 321 - 20000);
        s16b[i] = (int16_t) (7000 - i * 13);
        s32a[i] = i * 123457 - 50000000;
        s32b[i] = (i * 7919) ^ 0x12345;
        u32a[i] = (uint32_t) i * 2654435761u;
        fa[i] = (float) i * 0.37f - 100.0f;
        fb[i] = 1.0f / (float) (i + 1);
        fc[i] = (float) (i % 17) - 8.0f;
        da[i] = i * 1.1 - 300.0;
        db[i] = 1.0 / (i + 0.5);
        pixels[i].r = (uint8_t) (i * 3);
        pixels[i].g = (uint8_t) (i * 5 + 1);
        pixels[i].b = (uint8_t) (255 - i);
    }
    for (int round = 0; round < 3; round++) {
        integerLoops();
        structureLoops();
        floatLoops();
        printf("round %d: %016llx\n", round, (unsigned long long) h);
    }
    return 0;
}
