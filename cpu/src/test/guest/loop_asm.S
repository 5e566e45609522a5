// A tight integer loop for interpreter speed: 100 million iterations of add/ldr/str/sub/cbnz.
    .global _start
_start:
    movz    x1, #0xe100
    movk    x1, #0x5f5, lsl #16     // 100 000 000
    mov     x0, #0
    adr     x3, buf
loop:
    add     x0, x0, #3
    ldr     x2, [x3]
    add     x2, x2, #1
    str     x2, [x3]
    sub     x1, x1, #1
    cbnz    x1, loop
    and     x0, x0, #0xff
    mov     x8, #94
    svc     #0
    .data
buf: .quad 0
