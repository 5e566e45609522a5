/*
 * Faults as signals, each caught by a handler that checks siginfo and resumes past the faulting instruction:
 * BRK (SIGTRAP, TRAP_BRKPT), an unaligned exclusive load (SIGBUS, BUS_ADRALN), a jump into a page without execute
 * permission (SIGSEGV, SEGV_ACCERR at the PC), a store to a PROT_NONE page (SEGV_ACCERR), a load from an unmapped
 * page (SEGV_MAPERR), and raise(SIGFPE) (SI_TKILL). Then code written at run time into an executable mapping runs,
 * and runs again after it is rewritten (decoded code must not be stale).
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static volatile int caught, code;
static volatile uintptr_t addr;
static uintptr_t resume_to;

static void handler(int sig, siginfo_t *si, void *ucv) {
    ucontext_t *uc = ucv;
    caught = sig;
    code = si->si_code;
    addr = (uintptr_t) si->si_addr;
    if (resume_to) {
        uc->uc_mcontext.pc = resume_to;       /* a jump into a non-executable page: go back to the caller */
        uc->uc_mcontext.regs[0] = 0;
        resume_to = 0;
    } else {
        uc->uc_mcontext.pc += 4;             /* skip the faulting instruction */
    }
}

static void report(const char *what, uintptr_t expect_addr) {
    printf("%-22s signal %2d code %d addr %s\n", what, caught, code,
           expect_addr == (uintptr_t) -1 ? "-" : addr == expect_addr ? "ok" : "WRONG");
    caught = code = 0;
    addr = 0;
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    int sigs[] = {SIGTRAP, SIGBUS, SIGSEGV, SIGFPE, SIGILL};
    for (int i = 0; i < 5; i++) {
        sigaction(sigs[i], &sa, NULL);
    }

    __asm__ volatile("brk #0x123");
    report("brk", (uintptr_t) -1);

    static uint64_t words[4];
    uint64_t v;
    uintptr_t odd = (uintptr_t) words + 3;
    __asm__ volatile("ldxr %0, [%1]" : "=r"(v) : "r"(odd) : "memory");
    report("unaligned ldxr", odd);

    unsigned char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    uint32_t ret = 0xd65f03c0; /* ret */
    memcpy(page, &ret, 4);
    int (*fn)(void) = (int (*)(void)) page;
    __asm__ volatile("adr %0, 1f" : "=r"(resume_to));
    __asm__ volatile("mov x0, #1\n blr %0\n 1:" : : "r"(fn) : "x0", "x30", "memory");
    report("execute non-exec page", (uintptr_t) page);

    mprotect(page, 4096, PROT_NONE);
    *(volatile int *) page = 1;
    report("store to PROT_NONE", (uintptr_t) page);
    munmap(page, 4096);
    v = *(volatile uint64_t *) page;
    report("load from unmapped", (uintptr_t) page);

    raise(SIGFPE);
    report("raise(SIGFPE)", (uintptr_t) -1);

    /* code written at run time, then rewritten */
    uint32_t *code_page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    code_page[0] = 0x52800540; /* mov w0, #42 */
    code_page[1] = ret;
    __builtin___clear_cache((char *) code_page, (char *) (code_page + 2));
    int (*gen)(void) = (int (*)(void)) code_page;
    printf("generated code returns %d\n", gen());
    code_page[0] = 0x52800ee0; /* mov w0, #119 */
    __builtin___clear_cache((char *) code_page, (char *) (code_page + 2));
    printf("rewritten code returns %d\n", gen());
    mprotect(code_page, 4096, PROT_READ);
    caught = 0;
    resume_to = 0;
    return 0;
}
