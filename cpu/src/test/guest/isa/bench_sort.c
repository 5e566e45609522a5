/*
 * Benchmark workload "sort": an introsort-style quicksort (median of three, insertion sort for short runs) of
 * pseudo-random 32-bit keys, then a check that the result is ordered. Argument: number of keys (default 20000).
 * Prints a checksum of the sorted array.
 * Built by ../build.sh.
 */
#include "isa_rt.h"

#define MAX (1 << 22)
static u32 keys[MAX];

static void insertion(u32 *a, long n)
{
    for (long i = 1; i < n; i++) {
        u32 v = a[i];
        long j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void quicksort(u32 *a, long n)
{
    while (n > 16) {
        u32 x = a[0], y = a[n / 2], z = a[n - 1];
        u32 pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
        long i = 0, j = n - 1;
        for (;;) {
            while (a[i] < pivot) {
                i++;
            }
            while (a[j] > pivot) {
                j--;
            }
            if (i >= j) {
                break;
            }
            u32 t = a[i];
            a[i] = a[j];
            a[j] = t;
            i++;
            j--;
        }
        quicksort(a, j + 1);
        a += j + 1;
        n -= j + 1;
    }
    insertion(a, n);
}

int main(int argc, char **argv)
{
    u64 n = arg_num(argc, argv, 1, 20000);
    if (n > MAX) {
        n = MAX;
    }
    u64 x = 88172645463325252UL;
    for (u64 i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        keys[i] = (u32) x;
    }
    quicksort(keys, (long) n);
    u64 sum = 0, bad = 0;
    for (u64 i = 0; i < n; i++) {
        sum = sum * 1000003 + keys[i];
        bad += i > 0 && keys[i - 1] > keys[i];
    }
    show("bench_sort", sum);
    show("out of order", bad);
    return 0;
}
