// Processes: fork-style clone with a pipe, memory isolation after fork, wait4 statuses, EOF when the last writer
// closes, SIGPIPE killing a child, ECHILD. Exit status 0.
#include "linux_sys.inc"
    .global _start
_start:
    // --- fork with a pipe: the child writes, the parent reads
    adr     x0, fds
    mov     x1, #0
    sys     SYS_pipe2
    expect  0, ok_pipe, bad_pipe
    adr     x10, shared
    mov     x11, #1
    str     x11, [x10]              // shared = 1 before the fork
    mov     x0, #SIGCHLD
    mov     x1, #0
    mov     x2, #0
    mov     x3, #0
    mov     x4, #0
    sys     SYS_clone
    cbz     x0, child1
    // parent
    adr     x10, fds
    ldr     w0, [x10, #4]
    sys     SYS_close               // close the write end
    adr     x10, fds
    ldr     w0, [x10]
    adr     x1, buf
    mov     x2, #64
    sys     SYS_read
    mov     x2, x0                  // echo what the child wrote
    mov     x0, #1
    adr     x1, buf
    sys     SYS_write
    mov     x0, #-1
    adr     x1, status
    mov     x2, #0
    mov     x3, #0
    sys     SYS_wait4
    adr     x10, status
    ldr     w0, [x10]
    expect  0x300, ok_status3, bad_status
    adr     x10, shared
    ldr     x0, [x10]
    expect  1, ok_isolated, bad_isolated
    adr     x10, fds
    ldr     w0, [x10]
    adr     x1, buf
    mov     x2, #64
    sys     SYS_read                // the only writer is gone: EOF
    expect  0, ok_eof, bad_eof

    // --- a child writing to a pipe without readers dies of SIGPIPE
    adr     x0, fds
    mov     x1, #0
    sys     SYS_pipe2
    adr     x10, fds
    ldr     w0, [x10]
    sys     SYS_close               // no reader left
    mov     x0, #SIGCHLD
    mov     x1, #0
    mov     x2, #0
    mov     x3, #0
    mov     x4, #0
    sys     SYS_clone
    cbnz    x0, after_pipe_child
    adr     x10, fds
    ldr     w0, [x10, #4]
    adr     x1, buf
    mov     x2, #1
    sys     SYS_write               // SIGPIPE
    print   bad_survived
    mov     x0, #98
    sys     SYS_exit
after_pipe_child:
    mov     x0, #-1
    adr     x1, status
    mov     x2, #0
    mov     x3, #0
    sys     SYS_wait4
    adr     x10, status
    ldr     w0, [x10]
    expect  13, ok_sigpipe, bad_status
    mov     x0, #-1
    adr     x1, status
    mov     x2, #1                  // WNOHANG, no children left
    mov     x3, #0
    sys     SYS_wait4
    expect  -10, ok_echild, bad_echild
    mov     x0, #0
    sys     SYS_exit_group

child1:
    adr     x10, shared
    mov     x11, #2
    str     x11, [x10]              // the parent must not see this
    adr     x10, fds
    ldr     w0, [x10]
    sys     SYS_close
    adr     x10, fds
    ldr     w0, [x10, #4]
    adr     x1, child_msg
    mov     x2, #child_msg_len
    sys     SYS_write
    mov     x0, #3
    sys     SYS_exit_group

    string  ok_pipe, "pipe ok\n"
    string  bad_pipe, "pipe FAILED\n"
    string  child_msg, "child says hi\n"
    string  ok_status3, "child exited 3\n"
    string  bad_status, "wrong wait status\n"
    string  ok_isolated, "parent memory isolated\n"
    string  bad_isolated, "parent memory CHANGED by child\n"
    string  ok_eof, "eof\n"
    string  bad_eof, "no eof\n"
    string  bad_survived, "survived SIGPIPE\n"
    string  ok_sigpipe, "child killed by SIGPIPE\n"
    string  ok_echild, "ECHILD\n"
    string  bad_echild, "no ECHILD\n"

    .data
    .balign 8
fds:    .word 0, 0
status: .word 0, 0
shared: .quad 0
buf:    .space 64
