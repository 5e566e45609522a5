/*
 * Exclusives, load-acquire/store-release, barriers and the EL0 system registers and cache maintenance glibc uses:
 * LDXR/STXR (all sizes, success and every way of failing: no load, CLREX, another address, a system call in
 * between), LDXP/STXP, LDAXR/STLXR, LDAR/STLR, DC ZVA, MRS/MSR of NZCV, TPIDR_EL0, FPCR, FPSR, CTR_EL0,
 * DCZID_EL0, CNTVCT_EL0, CNTFRQ_EL0, and code written at run time made visible with DC CVAU / IC IVAU / ISB.
 * Built by ../build.sh.
 */
#include "isa_rt.h"

static u64 cell[8] __attribute__((aligned(64)));

/* A counter incremented through an LDXR/STXR retry loop of each size; prints the final value and retries. */
#define LLSC_ADD(label, ld, st, w)                                                                \
    do {                                                                                          \
        u64 fails = 0;                                                                            \
        cell[0] = 0;                                                                              \
        for (int k = 0; k < 100; k++) {                                                           \
            u64 v, status;                                                                        \
            __asm__ volatile("1: " ld " %" w "0, [%2]\n\tadd %" w "0, %" w "0, #3\n\t"            \
                             st " %w1, %" w "0, [%2]\n\tcbnz %w1, 1b"                             \
                             : "=&r"(v), "=&r"(status) : "r"(cell) : "memory");                    \
            fails += status;                                                                      \
        }                                                                                         \
        show(label, cell[0] + (fails << 56));                                                     \
    } while (0)

static void exclusives(void)
{
    LLSC_ADD("ldxrb/stxrb", "ldxrb", "stxrb", "w");
    LLSC_ADD("ldxrh/stxrh", "ldxrh", "stxrh", "w");
    LLSC_ADD("ldxr/stxr w", "ldxr", "stxr", "w");
    LLSC_ADD("ldxr/stxr x", "ldxr", "stxr", "x");
    LLSC_ADD("ldaxr/stlxr x", "ldaxr", "stlxr", "x");
    LLSC_ADD("ldaxrb/stlxrb", "ldaxrb", "stlxrb", "w");

    u64 st, v;
    cell[0] = 5;
    __asm__ volatile("mov %w0, #7\n\tstxr %w0, %1, [%2]" : "=&r"(st) : "r"(9UL), "r"(cell) : "memory");
    show("stxr without ldxr: status", st);
    show("stxr without ldxr: memory", cell[0]);
    __asm__ volatile("ldxr %1, [%2]\n\tclrex\n\tstxr %w0, %1, [%2]" : "=&r"(st), "=&r"(v) : "r"(cell) : "memory");
    show("stxr after clrex", st);
    __asm__ volatile("ldxr %1, [%2]\n\tstxr %w0, %1, [%3]" : "=&r"(st), "=&r"(v) : "r"(cell), "r"(cell + 1)
                     : "memory");
    show("stxr to another address", st);
    __asm__ volatile("ldxr %1, [%2]\n\tstxr %w0, %1, [%2]\n\tstxr %w0, %1, [%2]" : "=&r"(st), "=&r"(v)
                     : "r"(cell) : "memory");
    show("second stxr", st);
    {
        register long x8 __asm__("x8") = 172; /* getpid */
        register long x0 __asm__("x0");
        __asm__ volatile("ldxr %2, [%3]\n\tsvc #0\n\tstxr %w1, %2, [%3]"
                         : "=r"(x0), "=&r"(st), "=&r"(v) : "r"(cell), "r"(x8) : "memory");
        show("stxr after a system call", st);
    }
    cell[2] = 0x1111111122222222UL;
    cell[3] = 0x3333333344444444UL;
    u64 a, b;
    __asm__ volatile("ldxp %1, %2, [%3]\n\tadd %1, %1, #1\n\tadd %2, %2, #2\n\tstxp %w0, %1, %2, [%3]"
                     : "=&r"(st), "=&r"(a), "=&r"(b) : "r"(cell + 2) : "memory");
    show("stxp status", st);
    show("stxp memory 0", cell[2]);
    show("stxp memory 1", cell[3]);
    __asm__ volatile("ldaxp %w1, %w2, [%3]\n\tstlxp %w0, %w2, %w1, [%3]"
                     : "=&r"(st), "=&r"(a), "=&r"(b) : "r"(cell + 2) : "memory");
    show("stlxp w status", st);
    show("stlxp w memory", cell[2]);
}

static void ordered(void)
{
    cell[4] = 0xfedcba9876543210UL;
    u64 a, b, c, d;
    __asm__ volatile("ldar %0, [%4]\n\tldarb %w1, [%4]\n\tldarh %w2, [%4]\n\tldar %w3, [%4]"
                     : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(d) : "r"(cell + 4) : "memory");
    show("ldar x", a);
    show("ldarb", b);
    show("ldarh", c);
    show("ldar w", d);
    __asm__ volatile("stlr %0, [%1]\n\tstlrb %w0, [%1, #0]\n\tdmb ish\n\tdsb sy\n\tisb"
                     : : "r"(0x0102030405060708UL), "r"(cell + 5) : "memory");
    show("stlr", cell[5]);
    __asm__ volatile("stlrh %w0, [%1]\n\tdmb ishld\n\tdmb oshst" : : "r"(0xaaaabbbbUL), "r"(cell + 5) : "memory");
    show("stlrh", cell[5]);
}

static u8 zva[256] __attribute__((aligned(64)));

static void system_registers(void)
{
    u64 v;
    __asm__ volatile("mrs %0, dczid_el0" : "=r"(v));
    show("dczid_el0", v);
    __asm__ volatile("mrs %0, ctr_el0" : "=r"(v));
    show("ctr_el0", v);
    for (unsigned i = 0; i < sizeof zva; i++) {
        zva[i] = (u8) (i + 1);
    }
    __asm__ volatile("dc zva, %0" : : "r"(zva + 64 + 17) : "memory");
    sum_t s;
    sum_init(&s);
    for (unsigned i = 0; i < sizeof zva; i++) {
        sum_add(&s, zva[i]);
    }
    show("dc zva", s.h);
    show("dc zva block", zva[63] + ((u64) zva[64] << 8) + ((u64) zva[127] << 16) + ((u64) zva[128] << 24));
    __asm__ volatile("dc cvau, %0\n\tdc cvac, %0\n\tdc civac, %0\n\tic ivau, %0\n\tdsb ish\n\tisb"
                     : : "r"(zva) : "memory");
    __asm__ volatile("msr tpidr_el0, %1\n\tmrs %0, tpidr_el0" : "=r"(v) : "r"(0x123456789abcdef0UL));
    show("tpidr_el0", v);
    for (u64 f = 0; f < 16; f++) {
        write_nzcv(f << 28 | 0x0fffffffUL);
        v = read_nzcv();
        if (v != f << 28) {
            show("nzcv bad", v);
        }
    }
    show("nzcv round trip", 1);
    __asm__ volatile("msr fpcr, %1\n\tmrs %0, fpcr" : "=r"(v) : "r"(0x07c00000UL));
    show("fpcr", v);
    __asm__ volatile("msr fpcr, %1\n\tmrs %0, fpcr" : "=r"(v) : "r"(0UL));
    show("fpcr cleared", v);
    __asm__ volatile("msr fpsr, %1\n\tmrs %0, fpsr" : "=r"(v) : "r"(0x9fUL));
    show("fpsr", v);
    __asm__ volatile("msr fpsr, %1\n\tmrs %0, fpsr" : "=r"(v) : "r"(0UL));
    show("fpsr cleared", v);
    u64 t0, t1, freq;
    __asm__ volatile("mrs %0, cntvct_el0\n\tisb\n\tmrs %1, cntvct_el0\n\tmrs %2, cntfrq_el0"
                     : "=r"(t0), "=r"(t1), "=r"(freq));
    show("cntvct monotonic", t1 >= t0);
    show("cntfrq nonzero", freq != 0);
    __asm__ volatile("nop\n\tyield\n\twfe\n\tsev\n\tsevl\n\twfe\n\thint #34\n\tcsdb\n\tssbb\n\tpssbb");
    show("hints", 1);
}

static long mmap_rwx(void)
{
    register long x8 __asm__("x8") = 222;
    register long x0 __asm__("x0") = 0;
    register long x1 __asm__("x1") = 4096;
    register long x2 __asm__("x2") = 7;    /* PROT_READ | PROT_WRITE | PROT_EXEC */
    register long x3 __asm__("x3") = 0x22; /* MAP_PRIVATE | MAP_ANONYMOUS */
    register long x4 __asm__("x4") = -1;
    register long x5 __asm__("x5") = 0;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5) : "memory");
    return x0;
}

/* Code written at run time: MOVZ W0, #n; RET, rewritten in place, made visible the architectural way. */
static void self_modifying_code(void)
{
    long p = mmap_rwx();
    if (p < 0 && p > -4096) {
        show("mmap failed", (u64) -p);
        return;
    }
    u32 *code = (u32 *) p;
    u64 total = 0;
    for (u32 n = 1; n <= 6; n++) {
        code[0] = 0x52800000 | (n * 111) << 5; /* movz w0, #n*111 */
        code[1] = 0xd65f03c0;                  /* ret */
        __asm__ volatile("dc cvau, %0\n\tdsb ish\n\tic ivau, %0\n\tdsb ish\n\tisb" : : "r"(code) : "memory");
        u64 r = ((u64 (*)(void)) code)();
        total = total * 1000 + r;
    }
    show("self-modifying code", total);
}

int main(int argc, char **argv)
{
    (void) argc;
    (void) argv;
    exclusives();
    ordered();
    system_registers();
    self_modifying_code();
    return 0;
}
