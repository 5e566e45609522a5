/*
 * Benchmark workload (and differential test at its default size): glibc's SIMD string and memory routines on a
 * 64 KiB buffer - memcpy, strlen, memchr, memset, strcmp, strchr, memcmp. Argument: rounds (default 200; the
 * SIMD&FP measurements used 10000).
 */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
static char a[1 << 16], b[1 << 16];
int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 200;
    unsigned long sum = 0;
    for (int i = 0; i < (int) sizeof a; i++) a[i] = (char) ('a' + i % 23);
    a[sizeof a - 1] = 0;
    for (int r = 0; r < rounds; r++) {
        memcpy(b, a, sizeof a);
        sum += strlen(b + (r & 15));
        sum += (unsigned long) ((char *) memchr(b, 'q' + (r & 3), sizeof b) - b);
        memset(b + 100, r & 0x7f, 30000);
        sum += strcmp(a + 200, b + 200) != 0;
        sum += (unsigned long) (strchr(b + 40000, 'z' - (r & 7)) - b);
        sum += memcmp(a, b, 100);
    }
    printf("%lu\n", sum);
    return 0;
}
