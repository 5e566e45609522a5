/*
 * Benchmark workload (and differential test at its default size): loops GCC vectorizes at -O3 (float
 * multiply-add, integer add/xor/shift, byte select, reductions). Argument: rounds (default 200; the SIMD&FP
 * measurements used 5000).
 */
#pragma GCC optimize("O3", "tree-vectorize")
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#define N 4096
static float x[N], y[N], z[N];
static int32_t a[N], b[N];
static uint8_t s[N], t[N];
int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 200;
    for (int i = 0; i < N; i++) { x[i] = i * 0.25f; y[i] = (N - i) * 0.5f; a[i] = i * 3; b[i] = i ^ 0x55; s[i] = (uint8_t) (i * 7); }
    float acc = 0; long iacc = 0;
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < N; i++) z[i] = x[i] * 1.5f + y[i] * 0.25f;
        for (int i = 0; i < N; i++) a[i] = (a[i] + b[i]) ^ (a[i] >> 3);
        for (int i = 0; i < N; i++) t[i] = (uint8_t) (s[i] > 100 ? s[i] - 100 : s[i] + 3);
        for (int i = 0; i < N; i++) acc += z[i];
        for (int i = 0; i < N; i++) iacc += t[i];
    }
    printf("%f %ld %d\n", acc, iacc, a[77]);
    return 0;
}
