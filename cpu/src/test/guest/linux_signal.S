// Signals: a SIGSEGV handler (SA_SIGINFO, no restorer: the kernel's trampoline returns) checks siginfo and the
// ucontext, skips the faulting load by advancing the saved PC, and execution resumes with registers intact;
// SIGILL from an undefined instruction with an SA_RESTORER restorer; SIGUSR1 from kill() to self, delivered on
// an alternate signal stack (SA_ONSTACK) with the signal blocked inside the handler; finally an unhandled SIGSEGV
// ends the program with status 139.
#include "linux_sys.inc"
#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESTORER 0x04000000
    .global _start
_start:
    // --- SIGSEGV with a handler
    adr     x10, act
    adr     x11, segv_handler
    str     x11, [x10]              // sa_handler
    mov     x11, #SA_SIGINFO
    str     x11, [x10, #8]          // sa_flags
    str     xzr, [x10, #16]         // sa_restorer
    str     xzr, [x10, #24]         // sa_mask
    mov     x0, #11
    mov     x1, x10
    mov     x2, #0
    mov     x3, #8
    sys     SYS_rt_sigaction
    expect  0, ok_sigaction, bad_sigaction
    mov     x19, #0x234            // a callee-saved register that must survive the handler
    mov     x9, #0x10
fault_insn:
    ldr     x0, [x9]                // SIGSEGV: nothing mapped at 0x10
    cmp     x19, #0x234
    b.ne    1f
    print   ok_resumed
    b       2f
1:  print   bad_resumed
2:
    // --- SIGILL with a restorer of our own
    adr     x10, act
    adr     x11, ill_handler
    str     x11, [x10]
    mov     x11, #SA_SIGINFO
    movk    x11, #(SA_RESTORER >> 16), lsl #16
    str     x11, [x10, #8]
    adr     x11, my_restorer
    str     x11, [x10, #16]
    mov     x0, #4
    mov     x1, x10
    mov     x2, #0
    mov     x3, #8
    sys     SYS_rt_sigaction
udf_insn:
    .inst   0x00000000              // UDF #0: SIGILL
    print   ok_after_ill

    // --- SIGUSR1 from kill(), on an alternate stack
    adr     x10, ss
    adr     x11, altstack
    str     x11, [x10]              // ss_sp
    str     xzr, [x10, #8]          // ss_flags
    mov     x11, #8192
    str     x11, [x10, #16]         // ss_size
    mov     x0, x10
    mov     x1, #0
    sys     SYS_sigaltstack
    expect  0, ok_altstack, bad_altstack
    adr     x10, act
    adr     x11, usr1_handler
    str     x11, [x10]
    mov     x11, #SA_SIGINFO
    movk    x11, #(SA_ONSTACK >> 16), lsl #16
    str     x11, [x10, #8]
    str     xzr, [x10, #16]
    mov     x0, #10
    mov     x1, x10
    mov     x2, #0
    mov     x3, #8
    sys     SYS_rt_sigaction
    sys     SYS_getpid
    mov     x1, #10
    sys     SYS_kill
    expect  0, ok_kill, bad_kill
    // back on the normal stack, SIGUSR1 unblocked again
    mov     x0, #0
    mov     x1, #0
    adr     x2, oldmask
    mov     x3, #8
    sys     SYS_rt_sigprocmask
    adr     x10, oldmask
    ldr     x0, [x10]
    expect  0, ok_mask_restored, bad_mask

    // --- unhandled SIGSEGV: the default action ends the program (status 128 + 11)
    adr     x10, act
    str     xzr, [x10]              // SIG_DFL
    str     xzr, [x10, #8]
    mov     x0, #11
    mov     x1, x10
    mov     x2, #0
    mov     x3, #8
    sys     SYS_rt_sigaction
    print   ok_last
    mov     x9, #0x20
    str     x9, [x9]                // SIGSEGV, no handler
    print   bad_survived
    mov     x0, #1
    sys     SYS_exit_group

// x0 = signal, x1 = siginfo, x2 = ucontext
segv_handler:
    mov     x20, x1
    mov     x21, x2
    cmp     x0, #11
    b.ne    h_bad
    ldr     w3, [x20]               // si_signo
    cmp     w3, #11
    b.ne    h_bad
    ldr     w3, [x20, #8]           // si_code: SEGV_MAPERR
    cmp     w3, #1
    b.ne    h_bad
    ldr     x3, [x20, #16]          // si_addr
    cmp     x3, #0x10
    b.ne    h_bad
    ldr     x3, [x21, #176]         // uc_mcontext.fault_address
    cmp     x3, #0x10
    b.ne    h_bad
    ldr     x3, [x21, #176 + 8 + 19 * 8]   // regs[19]
    cmp     x3, #0x234
    b.ne    h_bad
    adr     x4, fault_insn
    ldr     x3, [x21, #176 + 264]   // pc
    cmp     x3, x4
    b.ne    h_bad
    ldr     w3, [x21, #176 + 288]   // __reserved: first record is fpsimd_context
    mov     w4, #0x8001
    movk    w4, #0x4650, lsl #16
    cmp     w3, w4
    b.ne    h_bad
    ldr     w3, [x21, #176 + 292]
    cmp     w3, #528
    b.ne    h_bad
    add     x3, x3, #0              // keep the assembler happy about alignment of what follows
    ldr     x3, [x21, #176 + 264]
    add     x3, x3, #4              // resume after the faulting load
    str     x3, [x21, #176 + 264]
    mov     x19, #0                 // clobbered here, restored by rt_sigreturn
    print   ok_handler
    ret                             // to the kernel's trampoline, which calls rt_sigreturn
h_bad:
    print   bad_handler
    mov     x0, #2
    sys     SYS_exit_group

ill_handler:
    mov     x21, x2
    cmp     x0, #4
    b.ne    1f
    ldr     w3, [x1]                // si_signo (si_code differs: Linux says ILL_ILLOPC, qemu ILL_ILLOPN)
    cmp     w3, #4
    b.ne    1f
    adr     x4, udf_insn
    ldr     x3, [x1, #16]           // si_addr: the undefined instruction
    cmp     x3, x4
    b.ne    1f
    print   ok_ill
    ldr     x3, [x21, #176 + 264]
    add     x3, x3, #4
    str     x3, [x21, #176 + 264]
    ret
1:  print   bad_ill
    mov     x0, #3
    sys     SYS_exit_group

my_restorer:
    print   ok_restorer
    sys     SYS_rt_sigreturn

usr1_handler:
    mov     x3, sp
    adr     x4, altstack
    cmp     x3, x4
    b.lo    1f                      // below the alternate stack
    add     x4, x4, #8192
    cmp     x3, x4
    b.hs    1f
    ldr     w3, [x1, #8]            // si_code: SI_USER
    cbnz    w3, 1f
    mov     x0, #0                  // SIGUSR1 is blocked while its handler runs
    mov     x1, #0
    adr     x2, oldmask
    mov     x3, #8
    sys     SYS_rt_sigprocmask
    adr     x10, oldmask
    ldr     x0, [x10]
    expect  0x200, ok_usr1, bad_usr1
    ret
1:  print   bad_usr1
    ret

    string  ok_sigaction, "sigaction ok\n"
    string  bad_sigaction, "sigaction FAILED\n"
    string  ok_handler, "SIGSEGV handler: siginfo and context ok\n"
    string  bad_handler, "SIGSEGV handler: WRONG siginfo or context\n"
    string  ok_resumed, "resumed after the fault with registers restored\n"
    string  bad_resumed, "registers NOT restored\n"
    string  ok_ill, "SIGILL handler ok\n"
    string  bad_ill, "SIGILL handler WRONG\n"
    string  ok_restorer, "own restorer called\n"
    string  ok_after_ill, "resumed after SIGILL\n"
    string  ok_altstack, "sigaltstack ok\n"
    string  bad_altstack, "sigaltstack FAILED\n"
    string  ok_usr1, "SIGUSR1 on the alternate stack, blocked inside\n"
    string  bad_usr1, "SIGUSR1 handler WRONG\n"
    string  ok_kill, "kill returned 0\n"
    string  bad_kill, "kill FAILED\n"
    string  ok_mask_restored, "mask restored\n"
    string  bad_mask, "mask NOT restored\n"
    string  ok_last, "now an unhandled SIGSEGV\n"
    string  bad_survived, "survived SIGSEGV\n"

    .data
    .balign 16
act:    .quad 0, 0, 0, 0
ss:     .quad 0, 0, 0
oldmask: .quad 0
    .balign 16
altstack: .space 8192
