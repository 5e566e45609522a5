/*
 * ARMv8.1 atomics (FEAT_LSE) and LDAPR (FEAT_LRCPC): every LD<op> and ST<op> in each size and ordering, SWP, CAS
 * (equal and unequal), CASP, over all pairs of edge values; and the compiler's own __atomic code for them.
 * Needs an ARMv8.1+ reference: qemu-aarch64 -cpu cortex-a76 (the expected output was recorded with it).
 * isa-march: armv8.2-a+rcpc
 * Built by ../build.sh.
 */
#include "isa_rt.h"

static u64 cell[4] __attribute__((aligned(16)));

/* %0 = old value out, %1 = operand, %2 = address; memory starts as EDGE[i], the operand is EDGE[j]. */
#define AOP(label, insn)                                                                          \
    do {                                                                                          \
        sum_t s;                                                                                  \
        sum_init(&s);                                                                             \
        for (unsigned i = 0; i < NEDGE; i++) {                                                    \
            for (unsigned j = 0; j < NEDGE; j++) {                                                \
                u64 old = 0x5a5a5a5a5a5a5a5aUL;                                                   \
                cell[0] = EDGE[i];                                                                \
                cell[1] = EDGE[(i + j) % NEDGE];                                                  \
                __asm__ volatile(insn : "+&r"(old) : "r"(EDGE[j]), "r"(cell) : "memory");          \
                sum_add(&s, old);                                                                 \
                sum_add(&s, cell[0]);                                                             \
                sum_add(&s, cell[1]);                                                             \
            }                                                                                     \
        }                                                                                         \
        show(label, s.h);                                                                         \
    } while (0)

#define SIZES(op)                                                        \
    AOP(op " x", op " %1, %0, [%2]");                                   \
    AOP(op " w", op " %w1, %w0, [%2]");                                 \
    AOP(op "h", op "h %w1, %w0, [%2]");                                 \
    AOP(op "b", op "b %w1, %w0, [%2]");

#define ORDERS(op) SIZES(op) SIZES(op "a") SIZES(op "l") SIZES(op "al")

static void load_ops(void)
{
    ORDERS("ldadd")
    ORDERS("ldclr")
    ORDERS("ldeor")
    ORDERS("ldset")
    ORDERS("ldsmax")
    ORDERS("ldsmin")
    ORDERS("ldumax")
    ORDERS("ldumin")
    ORDERS("swp")
    AOP("stadd x", "stadd %1, [%2]");
    AOP("staddl w", "staddl %w1, [%2]");
    AOP("stclrh", "stclrh %w1, [%2]");
    AOP("steorb", "steorb %w1, [%2]");
    AOP("stsetl x", "stsetl %1, [%2]");
    AOP("stsmax w", "stsmax %w1, [%2]");
    AOP("stsminl h", "stsminlh %w1, [%2]");
    AOP("stumax b", "stumaxb %w1, [%2]");
    AOP("stumin x", "stumin %1, [%2]");
}

/* CAS: %0 = compare value in, old value out; %1 = new value. Compare with the memory value or EDGE[j]. */
#define CAS(label, insn)                                                                          \
    do {                                                                                          \
        sum_t s;                                                                                  \
        sum_init(&s);                                                                             \
        for (unsigned i = 0; i < NEDGE; i++) {                                                    \
            for (unsigned j = 0; j < NEDGE; j++) {                                                \
                cell[0] = EDGE[i];                                                                \
                u64 cmp = (j & 1) ? EDGE[i] : EDGE[j];                                            \
                __asm__ volatile(insn : "+&r"(cmp) : "r"(EDGE[j] ^ 0x0f0f0f0f0f0f0f0fUL), "r"(cell)  \
                                 : "memory");                                                     \
                sum_add(&s, cmp);                                                                 \
                sum_add(&s, cell[0]);                                                             \
            }                                                                                     \
        }                                                                                         \
        show(label, s.h);                                                                         \
    } while (0)

static void compare_and_swap(void)
{
    CAS("cas x", "cas %0, %1, [%2]");
    CAS("casa w", "casa %w0, %w1, [%2]");
    CAS("casl h", "caslh %w0, %w1, [%2]");
    CAS("casal b", "casalb %w0, %w1, [%2]");
    CAS("casb", "casb %w0, %w1, [%2]");
    CAS("casah", "casah %w0, %w1, [%2]");
    CAS("casal x", "casal %0, %1, [%2]");
    sum_t s;
    sum_init(&s);
    for (unsigned i = 0; i < NEDGE; i++) {
        for (unsigned j = 0; j < NEDGE; j++) {
            cell[0] = EDGE[i];
            cell[1] = EDGE[j];
            register u64 s0 __asm__("x4") = (j & 1) ? EDGE[i] : EDGE[j];
            register u64 s1 __asm__("x5") = (j & 2) ? EDGE[j] : ~EDGE[j];
            register u64 t0 __asm__("x6") = EDGE[(i + j) % NEDGE];
            register u64 t1 __asm__("x7") = i * 1000 + j;
            __asm__ volatile("caspal x4, x5, x6, x7, [%4]" : "+r"(s0), "+r"(s1) : "r"(t0), "r"(t1), "r"(cell)
                             : "memory");
            sum_add(&s, s0);
            sum_add(&s, s1);
            sum_add(&s, cell[0]);
            sum_add(&s, cell[1]);
            s0 = (j & 1) ? (u32) EDGE[i] : EDGE[j];
            s1 = (j & 2) ? (u32) (EDGE[i] >> 32) : EDGE[j];
            __asm__ volatile("casp w4, w5, w6, w7, [%4]" : "+r"(s0), "+r"(s1) : "r"(t0), "r"(t1), "r"(cell)
                             : "memory");
            sum_add(&s, s0);
            sum_add(&s, s1);
            sum_add(&s, cell[0]);
        }
    }
    show("casp", s.h);
}

/* What the compiler makes of the C11 atomics when it may use LSE. */
static void compiler_atomics(void)
{
    static long counter;
    static int flag;
    long total = 0;
    for (long k = 0; k < 1000; k++) {
        total += __atomic_fetch_add(&counter, k, __ATOMIC_SEQ_CST);
        __atomic_fetch_or(&flag, 1 << (k & 31), __ATOMIC_RELEASE);
        __atomic_fetch_and(&flag, ~(1 << ((k * 7) & 31)), __ATOMIC_ACQUIRE);
        long expected = counter;
        __atomic_compare_exchange_n(&counter, &expected, expected ^ k, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED);
        total ^= __atomic_exchange_n(&counter, counter + 1, __ATOMIC_SEQ_CST);
        total += __atomic_load_n(&counter, __ATOMIC_ACQUIRE);
    }
    show("c11 atomics counter", (u64) counter);
    show("c11 atomics flag", (u64) (u32) flag);
    show("c11 atomics total", (u64) total);
}

static void ldapr(void)
{
    cell[2] = 0x8899aabbccddeeffUL;
    u64 a, b, c, d;
    __asm__ volatile("ldapr %0, [%4]\n\tldaprb %w1, [%4]\n\tldaprh %w2, [%4]\n\tldapr %w3, [%4]"
                     : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(d) : "r"(cell + 2) : "memory");
    show("ldapr x", a);
    show("ldaprb", b);
    show("ldaprh", c);
    show("ldapr w", d);
}

int main(int argc, char **argv)
{
    (void) argc;
    (void) argv;
    load_ops();
    compare_and_swap();
    compiler_atomics();
    ldapr();
    return 0;
}
