/*
 * Alignment: exclusives and load-acquire/store-release need natural alignment (the whole pair for LDXP/STXP)
 * and raise SIGBUS with si_code BUS_ADRALN (1) and the faulting address otherwise; ordinary loads and stores do
 * not (Linux runs EL0 with SCTLR_EL1.A clear); DC ZVA aligns its address down. Also the UNDEFINED instructions
 * an EL0 program may meet: each raises SIGILL (si_code ILL_ILLOPC 1) at the instruction.
 * Built by ../build.sh.
 */
#include "isa_signal.h"

static u8 data[256] __attribute__((aligned(64)));

#define TRY(label, insn, offset)                                                                  \
    do {                                                                                          \
        u64 a = (u64) (data + 64 + (offset)), r = 0, st = 0;                                      \
        __asm__ volatile(insn : "+r"(r), "+r"(st) : "r"(a) : "memory");                           \
        trap_report(label, (u64) (data + 64));                                                    \
    } while (0)

int main(int argc, char **argv)
{
    (void) argc;
    (void) argv;
    for (unsigned i = 0; i < sizeof data; i++) {
        data[i] = (u8) (3 * i + 1);
    }
    trap_install(7);  /* SIGBUS */
    trap_install(4);  /* SIGILL */
    TRY("ldxr x +4", "ldxr %0, [%2]", 4);
    TRY("ldxr x +8", "ldxr %0, [%2]", 8);
    TRY("ldxr w +2", "ldxr %w0, [%2]", 2);
    TRY("ldxrh +1", "ldxrh %w0, [%2]", 1);
    TRY("ldxrb +1", "ldxrb %w0, [%2]", 1);
    TRY("ldaxr x +1", "ldaxr %0, [%2]", 1);
    /*
     * A misaligned store-exclusive faults in the Arm ARM (AArch64.ExclusiveMonitorsPass checks alignment before
     * the monitor) but fails quietly under qemu-aarch64 when the monitor is not armed for it, so it is checked by
     * the unit tests, not here. So are MRS MIDR_EL1 (qemu emulates the ID registers as Linux does with
     * HWCAP_CPUID; Isotrace does not advertise that, so it is UNDEFINED) and the si_code of SIGILL (Linux says
     * ILL_ILLOPC, qemu ILL_ILLOPN).
     */
    TRY("ldxp x +8", "ldxp %0, %1, [%2]", 8);
    TRY("ldxp w +4", "ldxp %w0, %w1, [%2]", 4);
    TRY("ldxp x +16", "ldxp %0, %1, [%2]", 16);
    TRY("ldar x +4", "ldar %0, [%2]", 4);
    TRY("ldar w +2", "ldar %w0, [%2]", 2);
    TRY("ldarh +3", "ldarh %w0, [%2]", 3);
    TRY("ldarb +3", "ldarb %w0, [%2]", 3);
    TRY("stlr x +2", "stlr %0, [%2]", 2);
    TRY("stlrh +1", "stlrh %w0, [%2]", 1);
    TRY("ldr x +3", "ldr %0, [%2]", 3);
    TRY("ldp x +5", "ldp %0, %1, [%2]", 5);
    TRY("str w +1", "str %w0, [%2]", 1);
    TRY("dc zva +9", "dc zva, %2", 9);
    TRY("mrs cntpct_el0", "mrs %0, cntpct_el0", 0);
    TRY("mrs daif", "mrs %0, daif", 0);
    TRY("msr daifset", "msr daifset, #2", 0);
    TRY("msr spsel", "msr spsel, #1", 0);
    TRY("dc ivac", "dc ivac, %2", 0);
    TRY("ic iallu", "ic iallu", 0);
    TRY("tlbi vmalle1", "tlbi vmalle1", 0);
    TRY("hvc", "hvc #0", 0);
    TRY("eret", "eret", 0);
    TRY("udf", ".inst 0x00000000", 0);
    TRY("reserved add w lsl 32", ".inst 0x0b028020", 0);
    return 0;
}
