/*
 * Catching the synchronous signals an instruction raises (SIGBUS for alignment, SIGILL for UNDEFINED): the
 * handler records the signal, si_code and fault address and resumes after the faulting instruction.
 * Layouts from the Linux uapi headers: struct sigaction (asm-generic), siginfo_t (si_code at 8, si_addr at 16)
 * and arm64's ucontext (uc_mcontext at 176: fault_address, regs[31], sp, pc at offset 440).
 */
#ifndef ISA_SIGNAL_H
#define ISA_SIGNAL_H
#include "isa_rt.h"

struct ksigaction {
    void (*handler)(int, void *, void *);
    unsigned long flags;
    void (*restorer)(void);
    unsigned long mask;
};

void isa_restorer(void);
__asm__(".global isa_restorer\nisa_restorer:\n mov x8, #139\n svc #0\n"); /* rt_sigreturn */

static volatile int trap_signal;
static volatile int trap_code;
static volatile u64 trap_addr;

static void trap_handler(int sig, void *info, void *uc)
{
    trap_signal = sig;
    trap_code = *(int *) ((char *) info + 8);
    trap_addr = *(u64 *) ((char *) info + 16);
    *(u64 *) ((char *) uc + 440) += 4; /* resume after the faulting instruction */
}

static void trap_install(int sig)
{
    struct ksigaction act = {trap_handler, 4 /* SA_SIGINFO */ | 0x04000000 /* SA_RESTORER */, isa_restorer, 0};
    register long x8 __asm__("x8") = 134; /* rt_sigaction */
    register long x0 __asm__("x0") = sig;
    register long x1 __asm__("x1") = (long) &act;
    register long x2 __asm__("x2") = 0;
    register long x3 __asm__("x3") = 8;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3) : "memory");
}

/* Prints "label: signal code address-offset" (or "no signal") for what the last trapped instruction raised. */
static void trap_report(const char *label, u64 base)
{
    put_str(label);
    if (trap_signal == 0) {
        put_str(": no signal\n");
        return;
    }
    put_str(": signal ");
    put_dec((u64) trap_signal);
    if (trap_signal != 4) { /* SIGILL's si_code: Linux says ILL_ILLOPC, qemu-aarch64 ILL_ILLOPN */
        put_str(" code ");
        put_dec((u64) trap_code);
    }
    put_str(" address ");
    if (trap_addr >= base && trap_addr < base + 4096) {
        put_char('+');
        put_dec(trap_addr - base);
    } else {
        put_str("pc");
    }
    put_char('\n');
    trap_signal = 0;
}
#endif
