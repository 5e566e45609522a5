// vfork + execve("/proc/self/exe"): the child runs this program again with one argument, prints and exits 5; the
// parent, resumed when the child execs, reports the wait status. qemu-aarch64 cannot be the reference here (it
// hands execve to the host kernel, which cannot run an AArch64 file without binfmt_misc): the expected output is
// what Linux does, asserted by LinuxProcessTest.
#include "linux_sys.inc"
    .global _start
_start:
    ldr     x9, [sp]                // argc
    cmp     x9, #2
    b.eq    execd
    adr     x10, shared
    mov     x11, #7
    str     x11, [x10]
    mov     x0, #0x4111             // CLONE_VM | CLONE_VFORK | SIGCHLD
    mov     x1, #0
    mov     x2, #0
    mov     x3, #0
    mov     x4, #0
    sys     SYS_clone
    cbnz    x0, parent
    // the vfork child shares memory until it execs: the parent sees this store
    adr     x10, shared
    mov     x11, #8
    str     x11, [x10]
    adr     x0, self_exe
    adr     x10, exec_argv
    adr     x11, arg0
    str     x11, [x10]
    adr     x11, arg1
    str     x11, [x10, #8]
    mov     x1, x10
    adr     x2, exec_envp
    sys     SYS_execve
    print   bad_exec
    mov     x0, #99
    sys     SYS_exit
parent:
    adr     x10, shared
    ldr     x0, [x10]
    expect  8, ok_shared, bad_shared
    mov     x0, #-1
    adr     x1, status
    mov     x2, #0
    mov     x3, #0
    sys     SYS_wait4
    adr     x10, status
    ldr     w0, [x10]
    expect  0x500, ok_status5, bad_status
    mov     x0, #0
    sys     SYS_exit_group
execd:
    ldr     x9, [sp, #16]           // argv[1]
    ldrb    w0, [x9]
    expect  'e', ok_execd, bad_argv
    mov     x0, #5
    sys     SYS_exit_group

    string  ok_shared, "vfork child wrote the parent's memory\n"
    string  bad_shared, "vfork child's store not seen\n"
    string  ok_status5, "child exited 5\n"
    string  bad_status, "wrong wait status\n"
    string  bad_exec, "execve FAILED\n"
    string  ok_execd, "exec'd again with argv[1]\n"
    string  bad_argv, "wrong argv\n"
self_exe: .asciz "/proc/self/exe"
arg0:   .asciz "prog"
arg1:   .asciz "exec"

    .data
    .balign 8
status: .word 0, 0
shared: .quad 0
exec_argv: .quad 0, 0, 0
exec_envp: .quad 0
