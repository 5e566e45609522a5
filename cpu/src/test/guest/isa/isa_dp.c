/*
 * Data processing: every integer data-processing instruction group, each form run over all pairs of edge values
 * (carries, overflows, sign/zero extension, shifts by 0 and width-1, division by zero and INT_MIN / -1) with
 * varied incoming flags. One line per form: the FNV-1a checksum of its results and the NZCV after it.
 * isa-march: armv8-a+crc
 * Built by ../build.sh.
 */
#include "isa_rt.h"

/* insn uses %0 = result, %2 = a, %3 = b; the flags in are set and the flags out read in the same asm. */
#define BIN(label, insn)                                                                          \
    do {                                                                                          \
        sum_t s;                                                                                  \
        sum_init(&s);                                                                             \
        for (unsigned i = 0; i < NEDGE; i++) {                                                    \
            for (unsigned j = 0; j < NEDGE; j++) {                                                \
                u64 r, f, a = EDGE[i], b = EDGE[j], fin = (u64) ((i * 7 + j * 3) & 15) << 28;     \
                __asm__ volatile("msr nzcv, %4\n\t" insn "\n\tmrs %1, nzcv"                     \
                                 : "=&r"(r), "=&r"(f) : "r"(a), "r"(b), "r"(fin) : "cc", "x9");   \
                sum_add(&s, r);                                                                   \
                sum_add(&s, f);                                                                   \
            }                                                                                     \
        }                                                                                         \
        show(label, s.h);                                                                         \
    } while (0)

/* %0 = result, %2 = a, %3 = b, %4 = c (the accumulator of the 3-source forms). */
#define TER(label, insn)                                                                          \
    do {                                                                                          \
        sum_t s;                                                                                  \
        sum_init(&s);                                                                             \
        for (unsigned i = 0; i < NEDGE; i++) {                                                    \
            for (unsigned j = 0; j < NEDGE; j++) {                                                \
                u64 r, a = EDGE[i], b = EDGE[j], c = EDGE[(i + 3 * j) % NEDGE];                   \
                __asm__ volatile(insn : "=&r"(r) : "r"(0), "r"(a), "r"(b), "r"(c));                \
                sum_add(&s, r);                                                                   \
            }                                                                                     \
        }                                                                                         \
        show(label, s.h);                                                                         \
    } while (0)

/* Unary and immediate forms: %0 = result, %2 = a; all edge values and all 16 incoming flag values. */
#define UN(label, insn)                                                                           \
    do {                                                                                          \
        sum_t s;                                                                                  \
        sum_init(&s);                                                                             \
        for (unsigned i = 0; i < NEDGE; i++) {                                                    \
            for (unsigned k = 0; k < 16; k++) {                                                   \
                u64 r = EDGE[(i + k) % NEDGE] ^ 0x5a5a, f, a = EDGE[i], fin = (u64) k << 28;       \
                __asm__ volatile("msr nzcv, %3\n\t" insn "\n\tmrs %1, nzcv"                     \
                                 : "+&r"(r), "=&r"(f) : "r"(a), "r"(fin) : "cc");                 \
                sum_add(&s, r);                                                                   \
                sum_add(&s, f);                                                                   \
            }                                                                                     \
        }                                                                                         \
        show(label, s.h);                                                                         \
    } while (0)

#define CONDS(M, base) \
    M(base " eq", "eq") M(base " ne", "ne") M(base " cs", "cs") M(base " cc", "cc") M(base " mi", "mi") \
    M(base " pl", "pl") M(base " vs", "vs") M(base " vc", "vc") M(base " hi", "hi") M(base " ls", "ls") \
    M(base " ge", "ge") M(base " lt", "lt") M(base " gt", "gt") M(base " le", "le") M(base " al", "al") \
    M(base " nv", "nv")

static void add_sub_shifted(void)
{
    BIN("add x", "add %0, %2, %3");
    BIN("add x lsl1", "add %0, %2, %3, lsl #1");
    BIN("add x lsl63", "add %0, %2, %3, lsl #63");
    BIN("add x lsr7", "add %0, %2, %3, lsr #7");
    BIN("add x asr63", "add %0, %2, %3, asr #63");
    BIN("add w", "add %w0, %w2, %w3");
    BIN("add w lsl31", "add %w0, %w2, %w3, lsl #31");
    BIN("add w asr5", "add %w0, %w2, %w3, asr #5");
    BIN("adds x", "adds %0, %2, %3");
    BIN("adds x lsr1", "adds %0, %2, %3, lsr #1");
    BIN("adds w", "adds %w0, %w2, %w3");
    BIN("adds w asr31", "adds %w0, %w2, %w3, asr #31");
    BIN("sub x", "sub %0, %2, %3");
    BIN("sub x asr3", "sub %0, %2, %3, asr #3");
    BIN("sub w", "sub %w0, %w2, %w3");
    BIN("subs x", "subs %0, %2, %3");
    BIN("subs x lsl4", "subs %0, %2, %3, lsl #4");
    BIN("subs w", "subs %w0, %w2, %w3");
    BIN("subs w lsr31", "subs %w0, %w2, %w3, lsr #31");
    BIN("cmp x", "cmp %2, %3\n\tmov %0, #0");
    BIN("cmn w", "cmn %w2, %w3\n\tmov %0, #0");
    BIN("neg x", "neg %0, %3, lsl #2");
    BIN("negs w", "negs %w0, %w3");
}

static void add_sub_extended(void)
{
    BIN("add uxtb", "add %0, %2, %w3, uxtb");
    BIN("add uxth1", "add %0, %2, %w3, uxth #1");
    BIN("add uxtw2", "add %0, %2, %w3, uxtw #2");
    BIN("add uxtx3", "add %0, %2, %3, uxtx #3");
    BIN("add sxtb4", "add %0, %2, %w3, sxtb #4");
    BIN("add sxth", "add %0, %2, %w3, sxth");
    BIN("add sxtw", "add %0, %2, %w3, sxtw");
    BIN("add sxtx1", "add %0, %2, %3, sxtx #1");
    BIN("adds sxtw3", "adds %0, %2, %w3, sxtw #3");
    BIN("adds w uxtb", "adds %w0, %w2, %w3, uxtb");
    BIN("sub uxtw", "sub %0, %2, %w3, uxtw");
    BIN("subs sxtb", "subs %0, %2, %w3, sxtb");
    BIN("subs w sxth2", "subs %w0, %w2, %w3, sxth #2");
    BIN("cmp sxtw", "cmp %2, %w3, sxtw\n\tmov %0, #0");
    BIN("sp add", "mov x9, sp\n\tmov sp, %2\n\tadd %0, sp, %w3, uxtw #1\n\tmov sp, x9");
}

static void add_sub_carry(void)
{
    BIN("adc x", "adc %0, %2, %3");
    BIN("adc w", "adc %w0, %w2, %w3");
    BIN("adcs x", "adcs %0, %2, %3");
    BIN("adcs w", "adcs %w0, %w2, %w3");
    BIN("sbc x", "sbc %0, %2, %3");
    BIN("sbc w", "sbc %w0, %w2, %w3");
    BIN("sbcs x", "sbcs %0, %2, %3");
    BIN("sbcs w", "sbcs %w0, %w2, %w3");
    BIN("ngc x", "ngc %0, %3");
    BIN("ngcs w", "ngcs %w0, %w3");
}

static void logical_shifted(void)
{
    BIN("and x", "and %0, %2, %3");
    BIN("and x ror9", "and %0, %2, %3, ror #9");
    BIN("and w lsr31", "and %w0, %w2, %w3, lsr #31");
    BIN("bic x asr1", "bic %0, %2, %3, asr #1");
    BIN("bic w", "bic %w0, %w2, %w3");
    BIN("orr x lsl63", "orr %0, %2, %3, lsl #63");
    BIN("orr w ror31", "orr %w0, %w2, %w3, ror #31");
    BIN("orn x", "orn %0, %2, %3");
    BIN("orn w asr7", "orn %w0, %w2, %w3, asr #7");
    BIN("eor x ror63", "eor %0, %2, %3, ror #63");
    BIN("eor w", "eor %w0, %w2, %w3");
    BIN("eon x lsr3", "eon %0, %2, %3, lsr #3");
    BIN("eon w", "eon %w0, %w2, %w3");
    BIN("ands x", "ands %0, %2, %3");
    BIN("ands w lsl1", "ands %w0, %w2, %w3, lsl #1");
    BIN("bics x ror1", "bics %0, %2, %3, ror #1");
    BIN("bics w", "bics %w0, %w2, %w3");
    BIN("tst x", "tst %2, %3\n\tmov %0, #0");
    BIN("mvn x lsl4", "mvn %0, %3, lsl #4");
    BIN("mov w", "mov %w0, %w3");
}

static void variable_shifts(void)
{
    BIN("lslv x", "lsl %0, %2, %3");
    BIN("lslv w", "lsl %w0, %w2, %w3");
    BIN("lsrv x", "lsr %0, %2, %3");
    BIN("lsrv w", "lsr %w0, %w2, %w3");
    BIN("asrv x", "asr %0, %2, %3");
    BIN("asrv w", "asr %w0, %w2, %w3");
    BIN("rorv x", "ror %0, %2, %3");
    BIN("rorv w", "ror %w0, %w2, %w3");
}

static void divide(void)
{
    BIN("udiv x", "udiv %0, %2, %3");
    BIN("udiv w", "udiv %w0, %w2, %w3");
    BIN("sdiv x", "sdiv %0, %2, %3");
    BIN("sdiv w", "sdiv %w0, %w2, %w3");
}

static void three_source(void)
{
    TER("madd x", "madd %0, %2, %3, %4");
    TER("madd w", "madd %w0, %w2, %w3, %w4");
    TER("msub x", "msub %0, %2, %3, %4");
    TER("msub w", "msub %w0, %w2, %w3, %w4");
    TER("mul x", "mul %0, %2, %3");
    TER("mneg w", "mneg %w0, %w2, %w3");
    TER("smaddl", "smaddl %0, %w2, %w3, %4");
    TER("smsubl", "smsubl %0, %w2, %w3, %4");
    TER("umaddl", "umaddl %0, %w2, %w3, %4");
    TER("umsubl", "umsubl %0, %w2, %w3, %4");
    TER("smull", "smull %0, %w2, %w3");
    TER("umull", "umull %0, %w2, %w3");
    TER("smulh", "smulh %0, %2, %3");
    TER("umulh", "umulh %0, %2, %3");
}

static void crc(void)
{
    BIN("crc32b", "crc32b %w0, %w2, %w3");
    BIN("crc32h", "crc32h %w0, %w2, %w3");
    BIN("crc32w", "crc32w %w0, %w2, %w3");
    BIN("crc32x", "crc32x %w0, %w2, %3");
    BIN("crc32cb", "crc32cb %w0, %w2, %w3");
    BIN("crc32ch", "crc32ch %w0, %w2, %w3");
    BIN("crc32cw", "crc32cw %w0, %w2, %w3");
    BIN("crc32cx", "crc32cx %w0, %w2, %3");
}

static void one_source(void)
{
    UN("rbit x", "rbit %0, %2");
    UN("rbit w", "rbit %w0, %w2");
    UN("rev16 x", "rev16 %0, %2");
    UN("rev16 w", "rev16 %w0, %w2");
    UN("rev32", "rev32 %0, %2");
    UN("rev x", "rev %0, %2");
    UN("rev w", "rev %w0, %w2");
    UN("clz x", "clz %0, %2");
    UN("clz w", "clz %w0, %w2");
    UN("cls x", "cls %0, %2");
    UN("cls w", "cls %w0, %w2");
}

static void immediates(void)
{
    UN("add imm", "add %0, %2, #0xfff");
    UN("add imm lsl12", "add %w0, %w2, #0x7ff, lsl #12");
    UN("adds imm", "adds %0, %2, #1");
    UN("adds w imm", "adds %w0, %w2, #1");
    UN("sub imm", "sub %w0, %w2, #0x80");
    UN("subs imm", "subs %0, %2, #0x80, lsl #12");
    UN("cmp imm", "cmp %2, #63");
    UN("cmn w imm", "cmn %w2, #1");
    UN("and imm", "and %0, %2, #0xff");
    UN("and w imm", "and %w0, %w2, #0x80000001");
    UN("orr imm", "orr %0, %2, #0x5555555555555555");
    UN("orr w imm", "orr %w0, %w2, #0xf0f0f0f0");
    UN("eor imm", "eor %0, %2, #0xfffffffffffffffe");
    UN("eor w imm", "eor %w0, %w2, #0x3c");
    UN("ands imm", "ands %0, %2, #0x8000000000000001");
    UN("ands w imm", "ands %w0, %w2, #0xffff0000");
    UN("tst imm", "tst %2, #0x7fffffff");
    UN("movz", "movz %0, #0xbeef, lsl #32");
    UN("movn", "movn %0, #0x1234, lsl #16");
    UN("movn w", "movn %w0, #0x1234");
    UN("movk", "movk %0, #0xcafe, lsl #48");
    UN("movk w", "movk %w0, #0xcafe, lsl #16");
}

static void bitfield(void)
{
    UN("ubfx", "ubfx %0, %2, #3, #17");
    UN("ubfx w", "ubfx %w0, %w2, #31, #1");
    UN("sbfx", "sbfx %0, %2, #60, #4");
    UN("sbfx w", "sbfx %w0, %w2, #8, #24");
    UN("ubfiz", "ubfiz %0, %2, #62, #2");
    UN("sbfiz w", "sbfiz %w0, %w2, #4, #12");
    UN("bfi", "bfi %0, %2, #8, #40");
    UN("bfi w", "bfi %w0, %w2, #30, #2");
    UN("bfxil", "bfxil %0, %2, #1, #63");
    UN("bfxil w", "bfxil %w0, %w2, #16, #16");
    UN("bfc", "bfi %0, xzr, #4, #8");
    UN("lsl imm", "lsl %0, %2, #63");
    UN("lsl w imm", "lsl %w0, %w2, #1");
    UN("lsr imm", "lsr %0, %2, #1");
    UN("lsr w imm", "lsr %w0, %w2, #31");
    UN("asr imm", "asr %0, %2, #40");
    UN("asr w imm", "asr %w0, %w2, #0");
    UN("sxtb", "sxtb %0, %w2");
    UN("sxth w", "sxth %w0, %w2");
    UN("sxtw", "sxtw %0, %w2");
    UN("uxtb", "uxtb %w0, %w2");
    UN("uxth", "uxth %w0, %w2");
    UN("sbfm", "sbfm %0, %2, #7, #3");
    UN("ubfm w", "ubfm %w0, %w2, #0, #0");
    UN("extr", "extr %0, %2, %0, #13");
    UN("extr w", "extr %w0, %w2, %w0, #31");
    UN("ror imm", "ror %0, %2, #1");
}

#define CSEL_M(label, cc) BIN(label, "csel %0, %2, %3, " cc);
#define CSINC_M(label, cc) BIN(label, "csinc %w0, %w2, %w3, " cc);
#define CSINV_M(label, cc) BIN(label, "csinv %0, %2, %3, " cc);
#define CSNEG_M(label, cc) BIN(label, "csneg %w0, %w2, %w3, " cc);
#define CCMP_M(label, cc) BIN(label, "ccmp %2, %3, #5, " cc "\n\tmov %0, #0");
#define CCMN_M(label, cc) BIN(label, "ccmn %w2, #17, #10, " cc "\n\tmov %0, #0");

static void conditional(void)
{
    CONDS(CSEL_M, "csel")
    CONDS(CSINC_M, "csinc w")
    CONDS(CSINV_M, "csinv")
    CONDS(CSNEG_M, "csneg w")
    CONDS(CCMP_M, "ccmp")
    CONDS(CCMN_M, "ccmn w imm")
    BIN("cset", "cset %0, hi");
    BIN("csetm", "csetm %w0, lt");
    BIN("cinc", "cinc %0, %2, ge");
    BIN("cinv", "cinv %w0, %w2, vs");
    BIN("cneg", "cneg %0, %2, ls");
}

static void pc_relative(void)
{
    u64 a, b;
    __asm__ volatile("adr %0, 1f\n\tadrp %1, 1f\n1:" : "=r"(a), "=r"(b));
    show("adr-adrp", a - b);
}

int main(int argc, char **argv)
{
    (void) argc;
    (void) argv;
    add_sub_shifted();
    add_sub_extended();
    add_sub_carry();
    logical_shifted();
    variable_shifts();
    divide();
    three_source();
    crc();
    one_source();
    immediates();
    bitfield();
    conditional();
    pc_relative();
    return 0;
}
