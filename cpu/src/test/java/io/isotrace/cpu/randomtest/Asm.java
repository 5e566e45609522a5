package io.isotrace.cpu.randomtest;

/**
 * Encodes the few instructions the random tester's harness needs (Arm ARM encodings; checked against GNU as in
 * {@code AsmTest}). Register 31 means SP where the instruction allows it, else XZR, exactly as in the encoding.
 */
final class Asm {
    static final int SP = 31;

    private Asm() {
    }

    /** ADRP xd, page of target, from an instruction at pc. */
    static int adrp(int rd, long pc, long target) {
        long pages = (target >>> 12) - (pc >>> 12);
        int immlo = (int) pages & 3;
        int immhi = (int) (pages >> 2) & 0x7FFFF;
        return 0x9000_0000 | immlo << 29 | immhi << 5 | rd;
    }

    /** ADD xd|sp, xn|sp, #imm12. */
    static int addImm(int rd, int rn, int imm12) {
        check(imm12, 0, 4095);
        return 0x9100_0000 | imm12 << 10 | rn << 5 | rd;
    }

    /** LDP xt, xt2, [xn|sp, #imm] (signed offset, multiple of 8). */
    static int ldp(int rt, int rt2, int rn, int imm) {
        return 0xA940_0000 | pairImm(imm) << 15 | rt2 << 10 | rn << 5 | rt;
    }

    static int stp(int rt, int rt2, int rn, int imm) {
        return 0xA900_0000 | pairImm(imm) << 15 | rt2 << 10 | rn << 5 | rt;
    }

    /** LDR xt, [xn|sp, #imm] (unsigned offset, multiple of 8). */
    static int ldr(int rt, int rn, int imm) {
        check(imm, 0, 32760);
        return 0xF940_0000 | (imm / 8) << 10 | rn << 5 | rt;
    }

    static int str(int rt, int rn, int imm) {
        check(imm, 0, 32760);
        return 0xF900_0000 | (imm / 8) << 10 | rn << 5 | rt;
    }

    static int msrNzcv(int rt) {
        return 0xD51B_4200 | rt;
    }

    static int mrsNzcv(int rt) {
        return 0xD53B_4200 | rt;
    }

    static int msrTpidr(int rt) {
        return 0xD51B_D040 | rt;
    }

    static int mrsTpidr(int rt) {
        return 0xD53B_D040 | rt;
    }

    /** MOVZ xd, #imm16, lsl #(16 * hw). */
    static int movz(int rd, int imm16, int hw) {
        check(imm16, 0, 0xFFFF);
        return 0xD280_0000 | hw << 21 | imm16 << 5 | rd;
    }

    static int svc0() {
        return 0xD400_0001;
    }

    private static int pairImm(int imm) {
        if (imm % 8 != 0) {
            throw new IllegalArgumentException("pair offset " + imm);
        }
        check(imm, -512, 504);
        return (imm / 8) & 0x7F;
    }

    private static void check(int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(v + " not in " + lo + ".." + hi);
        }
    }
}
