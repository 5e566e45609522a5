// Files and memory: openat/read/lseek/fstat on the program itself via /proc/self/exe, readlinkat, getcwd, ioctl
// TCGETS on a pipe (ENOTTY), dup3 and fcntl close-on-exec, anonymous mmap reads zero after munmap and remap,
// mprotect makes a page read-only (a store then faults: SIGSEGV handler checks SEGV_ACCERR), brk grows the heap,
// uname's machine, clock_gettime monotonic across nanosleep, getrandom. Exit status 0.
#include "linux_sys.inc"
    .global _start
_start:
    // --- the program's own file
    mov     x0, #AT_FDCWD
    adr     x1, self_exe
    mov     x2, #0                  // O_RDONLY
    mov     x3, #0
    sys     SYS_openat
    mov     x19, x0                 // fd
    cmp     x0, #3
    b.lt    fail
    adr     x1, buf
    mov     x2, #4
    sys     SYS_read
    adr     x10, buf
    ldr     w0, [x10]
    mov     w4, #0x457f
    movk    w4, #0x464c, lsl #16    // "\177ELF"
    cmp     w0, w4
    b.ne    fail
    print   ok_elf
    mov     x0, x19
    mov     x1, #0
    mov     x2, #2                  // SEEK_END
    sys     SYS_lseek
    mov     x20, x0                 // file size
    mov     x0, x19
    adr     x1, statbuf
    sys     SYS_fstat
    adr     x10, statbuf
    ldr     x0, [x10, #48]          // st_size
    cmp     x0, x20
    b.ne    fail
    ldr     w0, [x10, #16]          // st_mode: a regular file
    and     w0, w0, #0xF000
    cmp     w0, #0x8, lsl #12
    b.ne    fail
    print   ok_fstat
    mov     x0, x19
    sys     SYS_close
    expect  0, ok_close, fail_msg
    mov     x0, x19
    sys     SYS_close
    expect  -9, ok_ebadf, fail_msg

    // --- readlinkat /proc/self/exe ends in "linux_files"; getcwd starts with "/"
    mov     x0, #AT_FDCWD
    adr     x1, self_exe
    adr     x2, buf
    mov     x3, #256
    sys     SYS_readlinkat
    cmp     x0, #11
    b.lt    fail
    adr     x10, buf
    add     x10, x10, x0
    ldurb   w0, [x10, #-1]
    cmp     w0, #'s'
    b.ne    fail
    ldurb   w0, [x10, #-11]
    cmp     w0, #'l'
    b.ne    fail
    print   ok_readlink
    adr     x0, buf
    mov     x1, #256
    sys     SYS_getcwd
    adr     x10, buf
    ldrb    w0, [x10]
    expect  '/', ok_getcwd, fail_msg

    // --- stdout is not a terminal here (a pipe or a file): TCGETS fails with ENOTTY
    mov     x0, #1
    mov     x1, #0x5401
    adr     x2, buf
    sys     SYS_ioctl
    expect  -25, ok_enotty, fail_msg

    // --- dup3 with O_CLOEXEC, fcntl F_GETFD
    mov     x0, #1
    mov     x1, #10
    mov     x2, #0x80000            // O_CLOEXEC
    sys     SYS_dup3
    expect  10, ok_dup3, fail_msg
    mov     x0, #10
    mov     x1, #1                  // F_GETFD
    sys     SYS_fcntl
    expect  1, ok_cloexec, fail_msg

    // --- anonymous memory
    mov     x0, #0
    mov     x1, #8192
    mov     x2, #3                  // PROT_READ | PROT_WRITE
    mov     x3, #0x22               // MAP_PRIVATE | MAP_ANONYMOUS
    mov     x4, #-1
    mov     x5, #0
    sys     SYS_mmap
    mov     x21, x0
    mov     x11, #0x5a
    str     x11, [x21]
    str     x11, [x21, #4096]
    mov     x0, x21
    mov     x1, #8192
    sys     SYS_munmap
    mov     x0, x21
    mov     x1, #8192
    mov     x2, #3
    mov     x3, #0x32               // MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED
    mov     x4, #-1
    mov     x5, #0
    sys     SYS_mmap
    cmp     x0, x21
    b.ne    fail
    ldr     x0, [x21]
    ldr     x1, [x21, #4096]
    orr     x0, x0, x1
    expect  0, ok_zeroed, fail_msg

    // --- mprotect read-only; a store faults with SEGV_ACCERR
    adr     x10, act
    adr     x11, segv_handler
    str     x11, [x10]
    mov     x11, #4                 // SA_SIGINFO
    str     x11, [x10, #8]
    mov     x0, #11
    mov     x1, x10
    mov     x2, #0
    mov     x3, #8
    sys     SYS_rt_sigaction
    mov     x0, x21
    mov     x1, #4096
    mov     x2, #1                  // PROT_READ
    sys     SYS_mprotect
    expect  0, ok_mprotect, fail_msg
    mov     x11, #1
    str     x11, [x21]              // SIGSEGV, SEGV_ACCERR; the handler skips it
    print   ok_after_segv

    // --- brk
    mov     x0, #0
    sys     SYS_brk
    mov     x22, x0
    add     x0, x22, #0x10, lsl #12 // 64 KiB more
    sys     SYS_brk
    add     x1, x22, #0x10, lsl #12
    cmp     x0, x1
    b.ne    fail
    mov     x11, #7
    str     x11, [x22, #4096]       // the new heap is writable
    print   ok_brk

    // --- uname: machine is "aarch64" (field 4 of 65-byte fields)
    adr     x0, utsname
    sys     SYS_uname
    adr     x10, utsname
    ldrb    w0, [x10, #4 * 65 + 1]
    cmp     w0, #'a'
    b.ne    fail
    ldrb    w0, [x10, #4 * 65 + 6]
    expect  '4', ok_uname, fail_msg

    // --- clock_gettime(CLOCK_MONOTONIC) advances by at least a nanosleep of 1 ms
    mov     x0, #1
    adr     x1, ts1
    sys     SYS_clock_gettime
    adr     x0, req
    mov     x1, #0
    sys     SYS_nanosleep
    mov     x0, #1
    adr     x1, ts2
    sys     SYS_clock_gettime
    adr     x10, ts1
    ldp     x2, x3, [x10]
    adr     x10, ts2
    ldp     x4, x5, [x10]
    mov     x6, #0xca00
    movk    x6, #0x3b9a, lsl #16    // 1e9
    mul     x2, x2, x6
    add     x2, x2, x3
    mul     x4, x4, x6
    add     x4, x4, x5
    sub     x0, x4, x2
    mov     x6, #0x4240
    movk    x6, #0xf, lsl #16       // 1e6
    cmp     x0, x6
    b.lt    fail
    print   ok_clock

    // --- getrandom fills 16 bytes
    adr     x0, buf
    mov     x1, #16
    mov     x2, #0
    sys     SYS_getrandom
    expect  16, ok_random, fail_msg

    mov     x0, #0
    sys     SYS_exit_group

segv_handler:
    mov     x21, x2
    ldr     w3, [x1, #8]            // si_code
    cmp     w3, #2                  // SEGV_ACCERR
    b.ne    1f
    print   ok_accerr
    ldr     x3, [x21, #176 + 264]
    add     x3, x3, #4
    str     x3, [x21, #176 + 264]
    ret
1:  print   fail_msg
    mov     x0, #3
    sys     SYS_exit_group

fail:
    print   fail_msg
    mov     x0, #1
    sys     SYS_exit_group

    string  ok_elf, "read the ELF magic through /proc/self/exe\n"
    string  ok_fstat, "fstat size matches lseek, regular file\n"
    string  ok_close, "close ok\n"
    string  ok_ebadf, "second close EBADF\n"
    string  ok_readlink, "readlink /proc/self/exe ok\n"
    string  ok_getcwd, "getcwd absolute\n"
    string  ok_enotty, "TCGETS on stdout: ENOTTY\n"
    string  ok_dup3, "dup3 ok\n"
    string  ok_cloexec, "FD_CLOEXEC set\n"
    string  ok_zeroed, "remapped memory reads zero\n"
    string  ok_mprotect, "mprotect ok\n"
    string  ok_accerr, "store to read-only page: SEGV_ACCERR\n"
    string  ok_after_segv, "resumed\n"
    string  ok_brk, "brk grew the heap\n"
    string  ok_uname, "uname machine aarch64\n"
    string  ok_clock, "monotonic clock advanced past the sleep\n"
    string  ok_random, "getrandom 16\n"
    string  fail_msg, "FAILED\n"
self_exe: .asciz "/proc/self/exe"

    .data
    .balign 16
req:    .quad 0, 1000000
ts1:    .quad 0, 0
ts2:    .quad 0, 0
act:    .quad 0, 0, 0, 0
statbuf: .space 128
utsname: .space 390
    .balign 8
buf:    .space 256
