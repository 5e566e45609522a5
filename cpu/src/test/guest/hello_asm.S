// The smallest guest: write(1, msg, len); exit_group(7). No libc.
    .global _start
_start:
    mov     x0, #1
    adr     x1, msg
    mov     x2, #(msgend - msg)
    mov     x8, #64             // write
    svc     #0
    mov     x0, #7
    mov     x8, #94             // exit_group
    svc     #0
msg:
    .ascii  "hello from asm\n"
msgend:
