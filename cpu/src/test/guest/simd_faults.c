/*
 * SIMD&FP loads that fault part-way: an LD1 of four registers, an LDP of Q registers, an LD4 and an LD1R whose
 * last bytes lie in an inaccessible page. The SIGSEGV handler reads the interrupted context (fault address, the
 * base register, V0-V3 from the fpsimd record) and resumes after it: the fault is reported at the first
 * inaccessible byte and the base register is not written back. The destination registers are printed only for
 * LDP and LD1R: after a faulting LD1/LD4 of several registers the Arm ARM leaves them UNKNOWN (qemu loads element
 * by element and leaves some loaded, Isotrace makes the access as one transaction and loads none). Finally a
 * handler that changes V20 and FPCR, to check that sigreturn restores the fpsimd record.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static sigjmp_buf back;
static volatile int step;

static struct fpsimd_context *fpsimd(ucontext_t *uc) {
    struct _aarch64_ctx *h = (struct _aarch64_ctx *) uc->uc_mcontext.__reserved;
    while (h->magic != 0) {
        if (h->magic == FPSIMD_MAGIC) {
            return (struct fpsimd_context *) h;
        }
        h = (struct _aarch64_ctx *) ((char *) h + h->size);
    }
    return NULL;
}

static void handler(int sig, siginfo_t *si, void *ctx) {
    ucontext_t *uc = ctx;
    struct fpsimd_context *f = fpsimd(uc);
    printf("step %d: signal %d at offset %ld, x1 offset %ld\n", step, sig,
           (long) ((uintptr_t) si->si_addr & 0xFFF), (long) (uc->uc_mcontext.regs[1] & 0xFFF));
    if (f != NULL && (step == 2 || step == 4)) {
        for (int r = 0; r < 4; r++) {
            printf("  v%d = %016llx%016llx\n", r, (unsigned long long) (f->vregs[r] >> 64),
                   (unsigned long long) f->vregs[r]);
        }
        printf("  fpsr %x fpcr %x\n", f->fpsr, f->fpcr);
    }
    /* FP and SIMD work in the handler must not leak into the interrupted code. */
    volatile double x = 1.0 / 3.0;
    __asm__ volatile("movi v0.16b, #0x77\n\tmovi v1.16b, #0x66" ::: "v0", "v1");
    (void) x;
    siglongjmp(back, 1);
}

static void clobber(int sig) {
    (void) sig;
    __asm__ volatile("movi v20.16b, #0x99\n\tmov x9, #(3 << 22)\n\tmsr fpcr, x9" ::: "v20", "x9");
}

static void setRegs(void) {
    __asm__ volatile("movi v0.16b, #0x11\n\tmovi v1.16b, #0x22\n\tmovi v2.16b, #0x33\n\tmovi v3.16b, #0x44"
                     ::: "v0", "v1", "v2", "v3");
}

int main(void) {
    long page = sysconf(_SC_PAGESIZE);
    unsigned char *m = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED || mprotect(m + page, page, PROT_NONE) != 0) {
        printf("mmap failed\n");
        return 1;
    }
    memset(m, 0xAB, page);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGSEGV, &sa, NULL);

    unsigned char *p = m + page - 40;
    step = 1;
    if (sigsetjmp(back, 1) == 0) {
        setRegs();
        __asm__ volatile("mov x1, %0\n\tld1 {v0.16b, v1.16b, v2.16b, v3.16b}, [x1], #64" : : "r"(p)
                         : "x1", "v0", "v1", "v2", "v3", "memory");
        printf("step 1: no fault\n");
    }
    step = 2;
    if (sigsetjmp(back, 1) == 0) {
        setRegs();
        __asm__ volatile("mov x1, %0\n\tldp q0, q1, [x1, #16]!" : : "r"(m + page - 24)
                         : "x1", "v0", "v1", "memory");
        printf("step 2: no fault\n");
    }
    step = 3;
    if (sigsetjmp(back, 1) == 0) {
        setRegs();
        __asm__ volatile("mov x1, %0\n\tld4 {v0.4s, v1.4s, v2.4s, v3.4s}, [x1]" : : "r"(m + page - 60)
                         : "x1", "v0", "v1", "v2", "v3", "memory");
        printf("step 3: no fault\n");
    }
    step = 4;
    if (sigsetjmp(back, 1) == 0) {
        setRegs();
        __asm__ volatile("mov x1, %0\n\tld1r {v0.2d}, [x1]" : : "r"(m + page - 4) : "x1", "v0", "memory");
        printf("step 4: no fault\n");
    }
    /* Registers and FPCR survive a handler that clobbers them: sigreturn restores the fpsimd record. */
    struct sigaction su;
    memset(&su, 0, sizeof su);
    su.sa_handler = clobber;
    sigaction(SIGUSR1, &su, NULL);
    unsigned char out[16];
    uint64_t fpcr;
    __asm__ volatile("movi v20.16b, #0x5a\n\t"
                     "mov x0, %2\n\tmov x1, #10\n\tmov x8, #129\n\tsvc #0\n\t"
                     "str q20, [%1]\n\tmrs %0, fpcr"
                     : "=r"(fpcr) : "r"(out), "r"((long) getpid())
                     : "x0", "x1", "x8", "v20", "memory");
    printf("step 5: v20 byte %02x, fpcr %llx\n", out[7], (unsigned long long) fpcr);
    return 0;
}
