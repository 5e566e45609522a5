/*
 * A minimal freestanding runtime for the integer-ISA guest programs: _start, write/exit system calls, hex
 * output and a checksum. No libc, no FP/SIMD (built with -mgeneral-regs-only), so the programs exercise only the
 * integer instruction set and run on any Linux user-mode emulator that implements write and exit_group.
 */
#ifndef ISA_RT_H
#define ISA_RT_H

typedef unsigned long u64;
typedef long i64;
typedef unsigned int u32;
typedef int i32;
typedef unsigned short u16;
typedef unsigned char u8;

static long sys_call3(long nr, long a, long b, long c)
{
    register long x8 __asm__("x8") = nr;
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
    return x0;
}

/*
 * One initialised word, so the data segment has file contents: Isotrace's loader (until it accepts a PT_LOAD
 * whose p_offset is past the end of the file when p_filesz is 0, as Linux does) rejects a bss-only segment.
 */
u64 isa_rt_anchor __attribute__((used)) = 0x15074ace;

static char out_buf[1 << 16];
static long out_len;

static void flush(void)
{
    long off = 0;
    while (off < out_len) {
        long n = sys_call3(64, 1, (long) (out_buf + off), out_len - off);
        if (n <= 0) {
            break;
        }
        off += n;
    }
    out_len = 0;
}

static void put_char(char c)
{
    if (out_len == sizeof out_buf) {
        flush();
    }
    out_buf[out_len++] = c;
}

static void put_str(const char *s)
{
    while (*s) {
        put_char(*s++);
    }
}

static void put_hex(u64 v)
{
    for (int i = 60; i >= 0; i -= 4) {
        put_char("0123456789abcdef"[(v >> i) & 15]);
    }
}

static void put_dec(u64 v)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char) ('0' + v % 10);
        v /= 10;
    } while (v);
    while (n) {
        put_char(tmp[--n]);
    }
}

/* "name value\n" */
static void show(const char *name, u64 v)
{
    put_str(name);
    put_char(' ');
    put_hex(v);
    put_char('\n');
}

/* FNV-1a over 64-bit words: one line of output stands for many results. */
typedef struct { u64 h; } sum_t;

static void sum_init(sum_t *s) { s->h = 0xcbf29ce484222325UL; }

static void sum_add(sum_t *s, u64 v)
{
    for (int i = 0; i < 8; i++) {
        s->h ^= (v >> (8 * i)) & 0xff;
        s->h *= 0x100000001b3UL;
    }
}

static u64 read_nzcv(void)
{
    u64 f;
    __asm__ volatile("mrs %0, nzcv" : "=r"(f));
    return f;
}

static void write_nzcv(u64 f)
{
    __asm__ volatile("msr nzcv, %0" : : "r"(f) : "cc");
}

/* The compiler may call these for structure copies and zeroing. */
void *memset(void *d, int c, unsigned long n)
{
    u8 *p = d;
    while (n--) {
        *p++ = (u8) c;
    }
    return d;
}

void *memcpy(void *d, const void *s, unsigned long n)
{
    u8 *p = d;
    const u8 *q = s;
    while (n--) {
        *p++ = *q++;
    }
    return d;
}

int main(int argc, char **argv);

/* The initial stack (Linux ABI): argc, then the argv pointers. */
void __attribute__((noreturn, used)) start_c(u64 *sp)
{
    int status = main((int) sp[0], (char **) (sp + 1));
    flush();
    sys_call3(94, status, 0, 0);
    for (;;) {
    }
}

__asm__(".global _start\n_start:\n mov x29, #0\n mov x30, #0\n mov x0, sp\n bl start_c\n");

/* A decimal argument, or def when absent or not a number. */
static u64 arg_num(int argc, char **argv, int i, u64 def)
{
    if (i >= argc) {
        return def;
    }
    u64 v = 0;
    for (const char *p = argv[i]; *p; p++) {
        if (*p < '0' || *p > '9') {
            return def;
        }
        v = v * 10 + (u64) (*p - '0');
    }
    return v;
}

/* Edge values of integer arithmetic: carries, overflows, sign and zero extensions. */
static const u64 EDGE[] = {
    0, 1, 2, 3, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x7fffffffUL, 0x80000000UL, 0xffffffffUL,
    0x100000000UL, 0x7fffffffffffffffUL, 0x8000000000000000UL, 0xffffffffffffffffUL, 0xfffffffffffffffeUL,
    0x123456789abcdef0UL, 0xfedcba9876543210UL, 31, 32, 33, 63, 64, 0xffffffff80000000UL, 0x00000000fffffffeUL,
};
#define NEDGE (sizeof EDGE / sizeof EDGE[0])

#endif
