/*
 * glibc on top of the emulated kernel: stdio formatting (integers, floating point, strings), malloc from brk and
 * mmap (large blocks), realloc growing a large block (mremap), qsort, string functions, strerror, errno from
 * failing calls, reading the program's own file through /proc/self/exe with stdio, getenv, uname, clock_gettime
 * and nanosleep. Prints only what is the same on every host.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) {
    int x = *(const int *) a, y = *(const int *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    printf("argc=%d argv0=%s\n", argc, argv[0]);
    printf("int %d %u %ld %x %o %+d %05d|%-5d|\n", -42, 42u, 1234567890123L, 0xbeef, 8, 7, 42, 3);
    printf("float %.3f %e %g %g %a\n", 3.14159265, 12345.678, 0.0001, 1e20, 1.0);
    printf("str [%s] [%10s] [%-10s] [%.3s] %c\n", "hello", "right", "left", "truncate", 'z');

    /* small and large allocations: brk and mmap */
    char *small = malloc(100);
    strcpy(small, "small block");
    size_t big = 8u << 20;
    unsigned char *large = malloc(big);
    for (size_t i = 0; i < big; i += 4096) {
        large[i] = (unsigned char) (i >> 12);
    }
    unsigned long sum = 0;
    for (size_t i = 0; i < big; i += 4096) {
        sum += large[i];
    }
    printf("%s; large block sum %lu\n", small, sum);
    large = realloc(large, 32u << 20); /* mremap */
    sum = 0;
    for (size_t i = 0; i < big; i += 4096) {
        sum += large[i];
    }
    large[(32u << 20) - 1] = 1;
    printf("after realloc sum %lu\n", sum);
    free(large);
    free(small);

    /* anonymous mmap reads zero, munmap */
    unsigned char *m = mmap(NULL, 1 << 16, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    int nonzero = 0;
    for (int i = 0; i < 1 << 16; i++) {
        nonzero += m[i] != 0;
    }
    printf("mmap ok=%d nonzero=%d munmap=%d\n", m != MAP_FAILED, nonzero, munmap(m, 1 << 16));

    int v[] = {5, 3, 9, -1, 7, 0, 2};
    qsort(v, 7, sizeof v[0], cmp);
    for (int i = 0; i < 7; i++) {
        printf("%d%c", v[i], i == 6 ? '\n' : ' ');
    }
    char buf[64];
    snprintf(buf, sizeof buf, "%s-%s", "abc", "def");
    printf("strlen=%zu strchr=%s strstr=%s cmp=%d\n", strlen(buf), strchr(buf, '-'), strstr(buf, "cd"),
           strcmp("abc", "abd") < 0);

    errno = 0;
    int fd = open("/nonexistent/file", O_RDONLY);
    printf("open missing: %d %s\n", fd, strerror(errno));
    printf("close(-1): %d %s\n", close(-1), strerror(errno));

    FILE *self = fopen("/proc/self/exe", "rb");
    unsigned char hdr[20];
    size_t n = fread(hdr, 1, sizeof hdr, self);
    printf("self: read %zu magic %02x%c%c%c class %d machine %d\n", n, hdr[0], hdr[1], hdr[2], hdr[3], hdr[4],
           hdr[18] | hdr[19] << 8);
    struct stat st;
    fstat(fileno(self), &st);
    fseek(self, 0, SEEK_END);
    printf("size matches: %d regular: %d\n", ftell(self) == st.st_size, S_ISREG(st.st_mode));
    fclose(self);

    printf("HOME=%s LANG=%s NOPE=%s\n", getenv("HOME"), getenv("LANG"), getenv("NOPE") ? "set" : "(null)");
    struct utsname u;
    uname(&u);
    printf("uname: %s %s\n", u.sysname, u.machine);

    struct timespec a, b, d = {0, 2000000};
    clock_gettime(CLOCK_MONOTONIC, &a);
    nanosleep(&d, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    long ns = (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec);
    printf("slept at least 2 ms: %d\n", ns >= 2000000);
    printf("isatty(1)=%d\n", isatty(1));
    fprintf(stderr, "to stderr\n");
    return 3;
}
