/*
 * Benchmark workload (and differential test at its default size): scalar double-precision n-body steps
 * (FMADD, FDIV, FSQRT) and a float matrix product. Argument: steps (default 20000; the SIMD&FP measurements used
 * 2000000).
 */
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#define N 5
static double px[N], py[N], pz[N], vx[N], vy[N], vz[N], m[N];
static float A[64][64], B[64][64], C[64][64];
int main(int argc, char **argv) {
    int steps = argc > 1 ? atoi(argv[1]) : 20000;
    for (int i = 0; i < N; i++) { px[i] = i; py[i] = i * 0.5; pz[i] = -i; vx[i] = 0.01 * i; vy[i] = 0; vz[i] = 0.02; m[i] = 1.0 + i; }
    for (int s = 0; s < steps; s++) {
        for (int i = 0; i < N; i++)
            for (int j = i + 1; j < N; j++) {
                double dx = px[i] - px[j], dy = py[i] - py[j], dz = pz[i] - pz[j];
                double d2 = dx * dx + dy * dy + dz * dz + 0.01;
                double mag = 0.001 / (d2 * sqrt(d2));
                vx[i] -= dx * m[j] * mag; vy[i] -= dy * m[j] * mag; vz[i] -= dz * m[j] * mag;
                vx[j] += dx * m[i] * mag; vy[j] += dy * m[i] * mag; vz[j] += dz * m[i] * mag;
            }
        for (int i = 0; i < N; i++) { px[i] += 0.001 * vx[i]; py[i] += 0.001 * vy[i]; pz[i] += 0.001 * vz[i]; }
    }
    for (int i = 0; i < 64; i++) for (int j = 0; j < 64; j++) { A[i][j] = (i * j % 7) * 0.5f; B[i][j] = (i + j) % 5 - 2.0f; }
    for (int r = 0; r < 20; r++)
        for (int i = 0; i < 64; i++)
            for (int k = 0; k < 64; k++) {
                float a = A[i][k];
                for (int j = 0; j < 64; j++) C[i][j] += a * B[k][j];
            }
    double e = 0; float c = 0;
    for (int i = 0; i < N; i++) e += m[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
    for (int i = 0; i < 64; i++) for (int j = 0; j < 64; j++) c += C[i][j];
    printf("%.9f %.3f\n", e, c);
    return 0;
}
