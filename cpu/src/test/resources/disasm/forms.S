.arch armv8.5-a+crc+lse+rcpc
add x0, x1, x2
add x0, x1, x2, lsl #3
add w0, w1, w2, asr #31
adds x0, x1, x2, lsr #0
subs xzr, x1, x2
cmp x1, x2, lsl #4
cmn w1, w2
neg x0, x2
neg x0, x2, lsl #2
negs w0, w2
add x0, sp, x1
add sp, sp, x1
add x0, x1, w2, uxtw #2
add x0, x1, w2, sxtw
add x0, x1, x2, sxtx #1
add x0, x1, x2, uxtx #1
add w0, w1, w2, uxtb
sub sp, sp, w1, uxtw
add x0, sp, x1, lsl #2
adds x0, sp, x1
cmp sp, x1
cmp x1, w2, uxtw
cmn sp, w1, sxtw #3
adc x0, x1, x2
adcs w0, w1, w2
sbc x0, x1, x2
sbcs x0, x1, x2
ngc x0, x2
ngcs w0, w2
and x0, x1, x2
and x0, x1, x2, ror #5
bic w0, w1, w2, lsl #1
orr x0, x1, x2
mov x0, x2
mov w0, w2
orr x0, xzr, x2, lsl #1
orn x0, x1, x2
mvn x0, x2
mvn w0, w2, lsr #3
eor x0, x1, x2
eon x0, x1, x2
ands x0, x1, x2
tst x1, x2
tst w1, w2, asr #3
bics x0, x1, x2
ccmp x1, x2, #4, ne
ccmp w1, #3, #0, eq
ccmn x1, #31, #15, hi
ccmn x1, x2, #0, al
csel x0, x1, x2, lt
csinc x0, x1, x2, ge
csinv w0, w1, w2, eq
csneg x0, x1, x2, mi
cset x0, eq
csetm w0, ne
cinc x0, x1, lt
cinv x0, x1, gt
cneg x0, x1, le
csinc x0, xzr, xzr, al
rbit x0, x1
rev16 w0, w1
rev32 x0, x1
rev x0, x1
rev w0, w1
clz x0, x1
cls w0, w1
udiv x0, x1, x2
sdiv w0, w1, w2
lslv x0, x1, x2
lsrv w0, w1, w2
asrv x0, x1, x2
rorv x0, x1, x2
crc32b w0, w1, w2
crc32x w0, w1, x2
crc32ch w0, w1, w2
crc32cx w0, w1, x2
madd x0, x1, x2, x3
mul x0, x1, x2
msub w0, w1, w2, w3
mneg x0, x1, x2
smaddl x0, w1, w2, x3
smull x0, w1, w2
smsubl x0, w1, w2, x3
smnegl x0, w1, w2
umaddl x0, w1, w2, x3
umull x0, w1, w2
umsubl x0, w1, w2, x3
umnegl x0, w1, w2
smulh x0, x1, x2
umulh x0, x1, x2
ldr x0, [x1, x2]
ldr x0, [x1, x2, lsl #3]
ldr w0, [x1, w2, uxtw]
ldr w0, [x1, w2, sxtw #2]
ldrb w0, [x1, x2]
ldrb w0, [x1, x2, lsl #0]
ldrb w0, [x1, w2, sxtw]
ldrsh x0, [x1, x2, lsl #1]
ldrsw x0, [sp, x2, sxtx #2]
strh w0, [x1, w2, uxtw #1]
prfm pldl1keep, [x1, x2]
prfm pstl2strm, [x1, #8]
prfum pldl1keep, [x1, #-1]
ldr x0, .
ldr w0, .+8
ldrsw x0, .-4
prfm pldl1keep, .
ldtr x0, [x1]
ldtr w0, [x1, #-5]
ldtrb w0, [x1, #1]
ldtrsh x0, [x1]
ldtrsw x0, [x1, #255]
sttr x0, [x1]
sttrh w0, [x1]
ldp x0, x1, [x2]
ldp w0, w1, [sp, #8]
ldpsw x0, x1, [x2, #-8]!
ldpsw x0, x1, [x2], #16
stp x29, x30, [sp, #-32]!
ldnp x0, x1, [x2, #16]
stnp w0, w1, [x2]
ldar x0, [x1]
ldarb w0, [x1]
ldarh w0, [sp]
stlr w0, [x1]
stlrb w0, [x1]
ldaxr x0, [x1]
ldxr w0, [x1]
ldxrb w0, [x1]
ldxrh w0, [x1]
stxr w3, x0, [x1]
stlxr w3, w0, [x1]
stlxrb w3, w0, [x1]
ldxp x0, x1, [x2]
ldaxp w0, w1, [x2]
stxp w3, x0, x1, [x2]
stlxp w3, w0, w1, [x2]
ldapr x0, [x1]
ldaprb w0, [x1]
cas x0, x1, [x2]
casa w0, w1, [x2]
casl x0, x1, [x2]
casal w0, w1, [sp]
casb w0, w1, [x2]
casalh w0, w1, [x2]
casp x0, x1, x2, x3, [x4]
caspal w0, w1, w2, w3, [x4]
ldadd x0, x1, [x2]
ldadda w0, w1, [x2]
ldaddalb w0, w1, [x2]
ldclrl x0, x1, [x2]
ldeorh w0, w1, [x2]
ldset x0, x1, [x2]
ldsmax x0, x1, [x2]
ldsmin x0, x1, [x2]
ldumax x0, x1, [x2]
ldumin x0, x1, [x2]
stadd x0, [x2]
staddl w0, [x2]
stclrb w0, [x2]
stsmaxh w0, [x2]
swp x0, x1, [x2]
swpal w0, w1, [x2]
swpb w0, w1, [x2]
dc zva, x0
dc civac, x1
dc cvau, x2
dc cvac, x3
dc cvap, x3
ic ivau, x4
ic iallu
mrs x0, nzcv
msr nzcv, x1
mrs x0, tpidr_el0
msr tpidr_el0, x0
mrs x0, fpcr
mrs x0, dczid_el0
mrs x0, ctr_el0
mrs x0, cntvct_el0
mrs x0, cntfrq_el0
mrs x0, midr_el1
msr daifset, #2
msr daifclr, #3
msr spsel, #1
sb
ssbb
pssbb
dsb sy
dmb ish
dmb ishld
isb
clrex
nop
yield
wfe
wfi
sev
hint #34
lsl x0, x1, #3
lsr w0, w1, #5
asr x0, x1, #63
ubfx x0, x1, #4, #8
sbfx w0, w1, #3, #2
sxtb x0, w1
sxth w0, w1
sxtw x0, w1
uxtb w0, w1
uxth w0, w1
ubfiz x0, x1, #3, #5
sbfiz x0, x1, #3, #5
bfi x0, x1, #3, #5
bfxil w0, w1, #3, #5
bfc x0, #3, #4
ror x0, x1, #3
extr x0, x1, x2, #3
mov x0, #0x10
mov x0, #-1
mov w0, #-2
mov x0, #0x10000
movz x0, #0, lsl #16
movk x0, #0x1234, lsl #16
movn x0, #0x0, lsl #16
mov x0, #0xff00ff00ff00ff00
orr x0, x1, #0xff
and w0, w1, #0x3
ands x0, x1, #0x1
tst x1, #0x1
add x0, x1, #0x10
add x0, x1, #1, lsl #12
sub sp, sp, #0x20
mov x0, sp
mov sp, x1
cmp x0, #0x3
cmn w0, #0x4
adr x0, .
adrp x0, .
ldr x0, [x1, #8]
ldr w0, [x1, #-8]!
ldrb w0, [x1], #1
ldur x0, [x1, #-3]
strb w0, [x1, #4095]
ldrsb x0, [x1]
ldrsh w0, [x1, #2]
svc #0
brk #0x3e8
b.ne .
cbz x0, .
tbz w0, #3, .
tbnz x0, #63, .
ret
br x3
blr x4
