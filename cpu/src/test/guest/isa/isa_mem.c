/*
 * Loads and stores of general registers: every addressing form (unsigned offset, unscaled, pre/post-index,
 * unprivileged, register offset with LSL/UXTW/SXTW/SXTX, PC-relative literal), every size and sign extension,
 * pairs (LDP/STP, LDPSW, LDNP/STNP), unaligned accesses and accesses that straddle a page boundary, PRFM.
 * One line per form: a checksum of the values loaded, the written-back base and the buffer after stores.
 * Built by ../build.sh.
 */
#include "isa_rt.h"

static u8 buf[3 * 4096] __attribute__((aligned(4096)));

static void fill(void)
{
    u64 x = 0x9e3779b97f4a7c15UL;
    for (unsigned i = 0; i < sizeof buf; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        buf[i] = (u8) x;
    }
}

/* Checksum of the buffer around the page boundary at 4096, where the accesses go. */
static void sum_buffer(sum_t *s)
{
    for (unsigned i = 3584; i < 4608; i += 8) {
        u64 v;
        memcpy(&v, buf + i, 8);
        sum_add(s, v);
    }
}

/*
 * %0 = result, %1 = base (may be written back), %2 = index. Bases run across the page boundary at 4096 in steps
 * of 3 bytes, so most accesses are unaligned and some straddle the boundary.
 */
#define LD(label, insn, index)                                                                    \
    do {                                                                                          \
        sum_t s;                                                                                  \
        sum_init(&s);                                                                             \
        for (int k = 0; k < 96; k++) {                                                            \
            u64 r, b = (u64) (buf + 4000 + 3 * k), x = (u64) (index);                             \
            __asm__ volatile(insn : "=&r"(r), "+&r"(b) : "r"(x) : "memory");                      \
            sum_add(&s, r);                                                                       \
            sum_add(&s, b - (u64) buf);                                                           \
        }                                                                                         \
        show(label, s.h);                                                                         \
    } while (0)

/* %0 = value stored, %1 = base (may be written back), %2 = index; then the buffer's checksum. */
#define ST(label, insn, index)                                                                    \
    do {                                                                                          \
        sum_t s;                                                                                  \
        sum_init(&s);                                                                             \
        fill();                                                                                   \
        for (int k = 0; k < 96; k++) {                                                            \
            u64 v = 0x0102030405060708UL * (u64) (k + 1), b = (u64) (buf + 4000 + 3 * k);          \
            u64 x = (u64) (index);                                                                \
            __asm__ volatile(insn : "+&r"(v), "+&r"(b) : "r"(x) : "memory");                      \
            sum_add(&s, b - (u64) buf);                                                           \
        }                                                                                         \
        sum_buffer(&s);                                                                           \
        show(label, s.h);                                                                         \
    } while (0)

/* Pairs: %0, %1 = the two registers, %2 = base. */
#define LDP(label, insn)                                                                          \
    do {                                                                                          \
        sum_t s;                                                                                  \
        sum_init(&s);                                                                             \
        for (int k = 0; k < 96; k++) {                                                            \
            u64 r1, r2, b = (u64) (buf + 4000 + 4 * k);                                           \
            __asm__ volatile(insn : "=&r"(r1), "=&r"(r2), "+&r"(b) : : "memory");                  \
            sum_add(&s, r1);                                                                      \
            sum_add(&s, r2);                                                                      \
            sum_add(&s, b - (u64) buf);                                                           \
        }                                                                                         \
        show(label, s.h);                                                                         \
    } while (0)

#define STP(label, insn)                                                                          \
    do {                                                                                          \
        sum_t s;                                                                                  \
        sum_init(&s);                                                                             \
        fill();                                                                                   \
        for (int k = 0; k < 96; k++) {                                                            \
            u64 v1 = 0x1111111111111111UL * (u64) k, v2 = ~v1 ^ (u64) k << 40;                     \
            u64 b = (u64) (buf + 4000 + 4 * k);                                                   \
            __asm__ volatile(insn : "+&r"(v1), "+&r"(v2), "+&r"(b) : : "memory");                  \
            sum_add(&s, b - (u64) buf);                                                           \
        }                                                                                         \
        sum_buffer(&s);                                                                           \
        show(label, s.h);                                                                         \
    } while (0)

static void loads(void)
{
    LD("ldr x uimm", "ldr %0, [%1, #8]", 0);
    LD("ldr w uimm", "ldr %w0, [%1, #4]", 0);
    LD("ldrh uimm", "ldrh %w0, [%1, #2]", 0);
    LD("ldrb uimm", "ldrb %w0, [%1, #4095]", 0);
    LD("ldrsb x", "ldrsb %0, [%1]", 0);
    LD("ldrsb w", "ldrsb %w0, [%1, #1]", 0);
    LD("ldrsh x", "ldrsh %0, [%1, #2]", 0);
    LD("ldrsh w", "ldrsh %w0, [%1]", 0);
    LD("ldrsw", "ldrsw %0, [%1, #4]", 0);
    LD("ldur x", "ldur %0, [%1, #-3]", 0);
    LD("ldur w", "ldur %w0, [%1, #255]", 0);
    LD("ldursb w", "ldursb %w0, [%1, #-256]", 0);
    LD("ldursh x", "ldursh %0, [%1, #-1]", 0);
    LD("ldursw", "ldursw %0, [%1, #7]", 0);
    LD("ldr x pre", "ldr %0, [%1, #-16]!", 0);
    LD("ldr w post", "ldr %w0, [%1], #12", 0);
    LD("ldrb pre", "ldrb %w0, [%1, #1]!", 0);
    LD("ldrsh post", "ldrsh %0, [%1], #-2", 0);
    LD("ldrsw pre", "ldrsw %0, [%1, #-255]!", 0);
    LD("ldtr x", "ldtr %0, [%1, #8]", 0);
    LD("ldtrb", "ldtrb %w0, [%1, #-7]", 0);
    LD("ldtrsh w", "ldtrsh %w0, [%1]", 0);
    LD("ldtrsw", "ldtrsw %0, [%1, #100]", 0);
    LD("ldr x reg", "ldr %0, [%1, %2]", k);
    LD("ldr x lsl3", "ldr %0, [%1, %2, lsl #3]", k - 48);
    LD("ldr w uxtw", "ldr %w0, [%1, %w2, uxtw]", k | 0xffffffff00000000UL);
    LD("ldr w uxtw2", "ldr %w0, [%1, %w2, uxtw #2]", k);
    LD("ldrh sxtw1", "ldrh %w0, [%1, %w2, sxtw #1]", (u64) (k - 40) | 0x1234567800000000UL);
    LD("ldrb sxtw", "ldrb %w0, [%1, %w2, sxtw]", (u64) (i64) -k);
    LD("ldrb lsl0", "ldrb %w0, [%1, %2, lsl #0]", k);
    LD("ldrsb sxtx", "ldrsb %0, [%1, %2, sxtx]", -k);
    LD("ldrsh x lsl1", "ldrsh %0, [%1, %2, lsl #1]", k);
    LD("ldrsw sxtx2", "ldrsw %0, [%1, %2, sxtx #2]", -k);
    LD("prfm", "prfm pldl1keep, [%1, #8]\n\tprfm pstl3strm, [%1, %2]\n\tprfum plil2keep, [%1, #-1]\n\tmov %0, #7", k);
}

static void stores(void)
{
    ST("str x uimm", "str %0, [%1, #16]", 0);
    ST("str w uimm", "str %w0, [%1, #4]", 0);
    ST("strh uimm", "strh %w0, [%1, #2]", 0);
    ST("strb uimm", "strb %w0, [%1, #4095]", 0);
    ST("stur x", "stur %0, [%1, #-5]", 0);
    ST("sturh", "sturh %w0, [%1, #-256]", 0);
    ST("str x pre", "str %0, [%1, #-8]!", 0);
    ST("str w post", "str %w0, [%1], #5", 0);
    ST("strb pre", "strb %w0, [%1, #255]!", 0);
    ST("strh post", "strh %w0, [%1], #-256", 0);
    ST("sttr x", "sttr %0, [%1, #3]", 0);
    ST("sttrb", "sttrb %w0, [%1]", 0);
    ST("sttrh", "sttrh %w0, [%1, #-1]", 0);
    ST("str x reg", "str %0, [%1, %2]", k);
    ST("str x sxtw3", "str %0, [%1, %w2, sxtw #3]", (u64) (k - 50));
    ST("str w uxtw", "str %w0, [%1, %w2, uxtw]", k | 0xabcdef0100000000UL);
    ST("strh lsl1", "strh %w0, [%1, %2, lsl #1]", k);
    ST("strb sxtx", "strb %w0, [%1, %2, sxtx]", -k);
}

static void pairs(void)
{
    LDP("ldp x", "ldp %0, %1, [%2, #16]");
    LDP("ldp w", "ldp %w0, %w1, [%2, #-256]");
    LDP("ldp x pre", "ldp %0, %1, [%2, #-512]!");
    LDP("ldp x post", "ldp %0, %1, [%2], #504");
    LDP("ldp w pre", "ldp %w0, %w1, [%2, #252]!");
    LDP("ldpsw", "ldpsw %0, %1, [%2, #8]");
    LDP("ldpsw pre", "ldpsw %0, %1, [%2, #-8]!");
    LDP("ldpsw post", "ldpsw %0, %1, [%2], #-4");
    LDP("ldnp x", "ldnp %0, %1, [%2, #-8]");
    LDP("ldnp w", "ldnp %w0, %w1, [%2, #4]");
    STP("stp x", "stp %0, %1, [%2, #8]");
    STP("stp w", "stp %w0, %w1, [%2, #-4]");
    STP("stp x pre", "stp %0, %1, [%2, #-16]!");
    STP("stp w post", "stp %w0, %w1, [%2], #-256");
    STP("stnp x", "stnp %0, %1, [%2, #24]");
    STP("stnp w", "stnp %w0, %w1, [%2]");
}

/* PC-relative loads from a literal pool in the code. */
static void literals(void)
{
    u64 a, b, c;
    __asm__ volatile("ldr %0, 1f\n\tldr %w1, 2f\n\tldrsw %2, 2f\n\tprfm pldl1keep, 1f\n\tb 3f\n"
                     "1: .quad 0x8877665544332211\n2: .word 0x89abcdef\n3:"
                     : "=r"(a), "=r"(b), "=r"(c));
    show("ldr literal x", a);
    show("ldr literal w", b);
    show("ldrsw literal", c);
}

/* A load whose base register is also its destination, and stores of a register that is also the base. */
static void overlaps(void)
{
    u64 b = (u64) (buf + 64);
    __asm__ volatile("ldr %0, [%0]" : "+r"(b) : : "memory");
    show("ldr base=dest", b);
    b = (u64) (buf + 64);
    __asm__ volatile("str %0, [%0, #8]\n\tldr %0, [%0, #8]" : "+r"(b) : : "memory");
    show("str base=src", b - (u64) buf);
}

int main(int argc, char **argv)
{
    (void) argc;
    (void) argv;
    fill();
    loads();
    stores();
    fill();
    pairs();
    literals();
    overlaps();
    return 0;
}
