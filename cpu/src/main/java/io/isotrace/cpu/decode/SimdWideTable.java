package io.isotrace.cpu.decode;

import io.isotrace.cpu.exec.SimdIntExec;
import io.isotrace.cpu.exec.SimdWideExec;

/**
 * Advanced SIMD shift by immediate (vector {@code 0 Q U 011110 immh immb opcode 1 Rn Rd}, scalar
 * {@code 01 U 111110 immh immb opcode 1 Rn Rd}), three different ({@code 0 Q U 01110 size 1 Rm opcode 00 Rn Rd}
 * and the scalar saturating-doubling ones) and integer vector/scalar x indexed element, Arm ARM C4.1.96. Operand
 * layout in {@link SimdWideExec}.
 */
final class SimdWideTable {
    private SimdWideTable() {
    }

    static void register(EncodingTable t) {
        shifts(t);
        threeDifferent(t);
        byElement(t);
    }

    // ------------------------------------------------------------------ shift by immediate

    private static final int SAME = 0;
    private static final int NARROW = 1;
    private static final int LONG = 2;
    private static final int LEFT = 4;
    /** No scalar form (SHRN, RSHRN: the scalar narrowing shifts are all saturating). */
    private static final int VECTOR_ONLY = 8;

    private static void shifts(EncodingTable t) {
        shift(t, "SSHR", "0", "00000", SimdWideExec.SSHR, SAME, true);
        shift(t, "USHR", "1", "00000", SimdWideExec.USHR, SAME, true);
        shift(t, "SSRA", "0", "00010", SimdWideExec.SSRA, SAME, true);
        shift(t, "USRA", "1", "00010", SimdWideExec.USRA, SAME, true);
        shift(t, "SRSHR", "0", "00100", SimdWideExec.SRSHR, SAME, true);
        shift(t, "URSHR", "1", "00100", SimdWideExec.URSHR, SAME, true);
        shift(t, "SRSRA", "0", "00110", SimdWideExec.SRSRA, SAME, true);
        shift(t, "URSRA", "1", "00110", SimdWideExec.URSRA, SAME, true);
        shift(t, "SRI", "1", "01000", SimdWideExec.SRI, SAME, true);
        shift(t, "SHL", "0", "01010", SimdWideExec.SHL, SAME | LEFT, true);
        shift(t, "SLI", "1", "01010", SimdWideExec.SLI, SAME | LEFT, true);
        shift(t, "SQSHLU", "1", "01100", SimdWideExec.SQSHLU, SAME | LEFT, false);
        shift(t, "SQSHL", "0", "01110", SimdWideExec.SQSHL_IMM, SAME | LEFT, false);
        shift(t, "UQSHL", "1", "01110", SimdWideExec.UQSHL_IMM, SAME | LEFT, false);
        shift(t, "SHRN", "0", "10000", SimdWideExec.SHRN, NARROW | VECTOR_ONLY, true);
        shift(t, "SQSHRUN", "1", "10000", SimdWideExec.SQSHRUN, NARROW, false);
        shift(t, "RSHRN", "0", "10001", SimdWideExec.RSHRN, NARROW | VECTOR_ONLY, true);
        shift(t, "SQRSHRUN", "1", "10001", SimdWideExec.SQRSHRUN, NARROW, false);
        shift(t, "SQSHRN", "0", "10010", SimdWideExec.SQSHRN, NARROW, false);
        shift(t, "UQSHRN", "1", "10010", SimdWideExec.UQSHRN, NARROW, false);
        shift(t, "SQRSHRN", "0", "10011", SimdWideExec.SQRSHRN, NARROW, false);
        shift(t, "UQRSHRN", "1", "10011", SimdWideExec.UQRSHRN, NARROW, false);
        shift(t, "SSHLL", "0", "10100", SimdWideExec.SSHLL, LONG | LEFT, true);
        shift(t, "USHLL", "1", "10100", SimdWideExec.USHLL, LONG | LEFT, true);
    }

    /**
     * One shift row, vector and (unless vector-only) scalar. {@code scalarDOnly}: the scalar form exists only for
     * 64-bit elements (the plain shifts); the saturating ones have scalar forms of every size.
     */
    private static void shift(EncodingTable t, String name, String u, String opcode, int op, int kind,
                              boolean scalarDOnly) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String template;
        if ((kind & 3) == NARROW) {
            template = lower + "{n2} {d:v}.{T}, {n:v}.{Tw}, #{amount}";
        } else if ((kind & 3) == LONG) {
            template = "{" + lower + "}";
        } else {
            template = lower + " {d:v}.{T}, {n:v}.{T}, #{amount}";
        }
        t.add(name + "_vi", "0 Q " + u + " 011110 hhhh bbb " + opcode + " 1 nnnnn ddddd", template,
                (f, i) -> shiftOperands(f, i, op, kind, false, false));
        if ((kind & 3) == LONG || (kind & VECTOR_ONLY) != 0) {
            return;
        }
        String scalarTemplate = (kind & 3) == NARROW ? lower + " {fd}, {Fn}, #{amount}" : lower + " {fd}, {fn}, #{amount}";
        t.add(name + "_si", "01 " + u + " 111110 hhhh bbb " + opcode + " 1 nnnnn ddddd", scalarTemplate,
                (f, i) -> shiftOperands(f, i, op, kind, true, scalarDOnly));
    }

    private static boolean shiftOperands(Fields f, Insn i, int op, int kind, boolean scalar, boolean dOnly) {
        int immh = f.u('h');
        if (immh == 0) {
            return false;
        }
        int size = 31 - Integer.numberOfLeadingZeros(immh);
        int immhb = (immh << 3) | f.u('b');
        boolean q = !scalar && f.b('Q');
        int shape = kind & 3;
        if (shape != SAME && size == 3) {
            return false;
        }
        if (shape == SAME && size == 3 && !scalar && !q) {
            return false;
        }
        if (scalar && dOnly && size != 3) {
            return false;
        }
        int esize = 8 << size;
        i.op = op;
        i.size = size;
        i.is64 = q;
        i.amount = (kind & LEFT) != 0 ? immhb - esize : 2 * esize - immhb;
        i.cond = scalar ? 1 : (q ? 16 : 8) >> size;
        i.rd = f.u('d');
        i.rn = f.u('n');
        if (scalar && shape == NARROW) {
            i.opt = size + 1;
        }
        return true;
    }

    // ------------------------------------------------------------------ three different

    private static final int SIZES_BHS = 0b0111;
    private static final int SIZES_HS = 0b0110;

    private static void threeDifferent(EncodingTable t) {
        String longT = "{n2} {d:v}.{Tw}, {n:v}.{T}, {m:v}.{T}";
        String wideT = "{n2} {d:v}.{Tw}, {n:v}.{Tw}, {m:v}.{T}";
        String highT = "{n2} {d:v}.{T}, {n:v}.{Tw}, {m:v}.{Tw}";
        different(t, "SADDL", "0", "0000", SimdWideExec.SADDL, SIZES_BHS, longT);
        different(t, "UADDL", "1", "0000", SimdWideExec.UADDL, SIZES_BHS, longT);
        different(t, "SADDW", "0", "0001", SimdWideExec.SADDW, SIZES_BHS, wideT);
        different(t, "UADDW", "1", "0001", SimdWideExec.UADDW, SIZES_BHS, wideT);
        different(t, "SSUBL", "0", "0010", SimdWideExec.SSUBL, SIZES_BHS, longT);
        different(t, "USUBL", "1", "0010", SimdWideExec.USUBL, SIZES_BHS, longT);
        different(t, "SSUBW", "0", "0011", SimdWideExec.SSUBW, SIZES_BHS, wideT);
        different(t, "USUBW", "1", "0011", SimdWideExec.USUBW, SIZES_BHS, wideT);
        different(t, "ADDHN", "0", "0100", SimdWideExec.ADDHN, SIZES_BHS, highT);
        different(t, "RADDHN", "1", "0100", SimdWideExec.RADDHN, SIZES_BHS, highT);
        different(t, "SABAL", "0", "0101", SimdWideExec.SABAL, SIZES_BHS, longT);
        different(t, "UABAL", "1", "0101", SimdWideExec.UABAL, SIZES_BHS, longT);
        different(t, "SUBHN", "0", "0110", SimdWideExec.SUBHN, SIZES_BHS, highT);
        different(t, "RSUBHN", "1", "0110", SimdWideExec.RSUBHN, SIZES_BHS, highT);
        different(t, "SABDL", "0", "0111", SimdWideExec.SABDL, SIZES_BHS, longT);
        different(t, "UABDL", "1", "0111", SimdWideExec.UABDL, SIZES_BHS, longT);
        different(t, "SMLAL", "0", "1000", SimdWideExec.SMLAL, SIZES_BHS, longT);
        different(t, "UMLAL", "1", "1000", SimdWideExec.UMLAL, SIZES_BHS, longT);
        different(t, "SQDMLAL", "0", "1001", SimdWideExec.SQDMLAL, SIZES_HS, longT);
        different(t, "SMLSL", "0", "1010", SimdWideExec.SMLSL, SIZES_BHS, longT);
        different(t, "UMLSL", "1", "1010", SimdWideExec.UMLSL, SIZES_BHS, longT);
        different(t, "SQDMLSL", "0", "1011", SimdWideExec.SQDMLSL, SIZES_HS, longT);
        different(t, "SMULL", "0", "1100", SimdWideExec.SMULL, SIZES_BHS, longT);
        different(t, "UMULL", "1", "1100", SimdWideExec.UMULL, SIZES_BHS, longT);
        different(t, "SQDMULL", "0", "1101", SimdWideExec.SQDMULL, SIZES_HS, longT);
        t.add("PMULL", "0 Q 0 01110 ss 1 mmmmm 1110 00 nnnnn ddddd", "pmull{n2} {d:v}.{Tw}, {n:v}.{T}, {m:v}.{T}",
                (f, i) -> {
                    int size = f.u('s');
                    if (size != 0 && size != 3) {
                        return false;
                    }
                    return differentOperands(f, i, SimdWideExec.PMULL, 0b1001);
                });
        scalarDifferent(t, "SQDMLAL", "1001", SimdWideExec.SQDMLAL);
        scalarDifferent(t, "SQDMLSL", "1011", SimdWideExec.SQDMLSL);
        scalarDifferent(t, "SQDMULL", "1101", SimdWideExec.SQDMULL);
    }

    private static void different(EncodingTable t, String name, String u, String opcode, int op, int sizes,
                                  String operands) {
        t.add(name, "0 Q " + u + " 01110 ss 1 mmmmm " + opcode + " 00 nnnnn ddddd",
                name.toLowerCase(java.util.Locale.ROOT) + operands, (f, i) -> differentOperands(f, i, op, sizes));
    }

    private static boolean differentOperands(Fields f, Insn i, int op, int sizes) {
        int size = f.u('s');
        if ((sizes & (1 << size)) == 0) {
            return false;
        }
        i.op = op;
        i.size = size;
        i.is64 = f.has('Q') && f.b('Q');
        i.cond = 8 >> Math.min(size, 3);
        i.rd = f.u('d');
        i.rn = f.u('n');
        i.rm = f.u('m');
        return true;
    }

    private static void scalarDifferent(EncodingTable t, String name, String opcode, int op) {
        t.add(name + "_s", "01 0 11110 ss 1 mmmmm " + opcode + " 00 nnnnn ddddd",
                name.toLowerCase(java.util.Locale.ROOT) + " {Fd}, {fn}, {fm}", (f, i) -> {
                    if (!differentOperands(f, i, op, SIZES_HS)) {
                        return false;
                    }
                    i.is64 = false;
                    i.cond = 1;
                    i.opt = i.size + 1;
                    return true;
                });
    }

    // ------------------------------------------------------------------ by element

    private static void byElement(EncodingTable t) {
        String sameT = " {d:v}.{T}, {n:v}.{T}, {m:v}.{Ts}[{imm2:d}]";
        String longT = "{n2} {d:v}.{Tw}, {n:v}.{T}, {m:v}.{Ts}[{imm2:d}]";
        same(t, "MLA", "1", "0000", SimdIntExec.MLA, sameT);
        same(t, "MLS", "1", "0100", SimdIntExec.MLS, sameT);
        same(t, "MUL", "0", "1000", SimdIntExec.MUL, sameT);
        same(t, "SQDMULH", "0", "1100", SimdIntExec.SQDMULH, sameT);
        same(t, "SQRDMULH", "0", "1101", SimdIntExec.SQRDMULH, sameT);
        longElement(t, "SMLAL", "0", "0010", SimdWideExec.SMLAL, longT);
        longElement(t, "UMLAL", "1", "0010", SimdWideExec.UMLAL, longT);
        longElement(t, "SQDMLAL", "0", "0011", SimdWideExec.SQDMLAL, longT);
        longElement(t, "SMLSL", "0", "0110", SimdWideExec.SMLSL, longT);
        longElement(t, "UMLSL", "1", "0110", SimdWideExec.UMLSL, longT);
        longElement(t, "SQDMLSL", "0", "0111", SimdWideExec.SQDMLSL, longT);
        longElement(t, "SMULL", "0", "1010", SimdWideExec.SMULL, longT);
        longElement(t, "UMULL", "1", "1010", SimdWideExec.UMULL, longT);
        longElement(t, "SQDMULL", "0", "1011", SimdWideExec.SQDMULL, longT);

        scalarElement(t, "SQDMLAL", "0011", SimdWideExec.SQDMLAL, true);
        scalarElement(t, "SQDMLSL", "0111", SimdWideExec.SQDMLSL, true);
        scalarElement(t, "SQDMULL", "1011", SimdWideExec.SQDMULL, true);
        scalarElement(t, "SQDMULH", "1100", SimdIntExec.SQDMULH, false);
        scalarElement(t, "SQRDMULH", "1101", SimdIntExec.SQRDMULH, false);
    }

    /** Index and Vm of an integer by-element form: H elements use H:L:M and a 4-bit Rm, S elements H:L and M:Rm. */
    private static boolean elementOperands(Fields f, Insn i) {
        int size = f.u('s');
        if (size == 1) {
            i.imm2 = (f.u('H') << 2) | (f.u('L') << 1) | f.u('M');
            i.rm = f.u('m');
        } else if (size == 2) {
            i.imm2 = (f.u('H') << 1) | f.u('L');
            i.rm = (f.u('M') << 4) | f.u('m');
        } else {
            return false;
        }
        i.size = size;
        i.rd = f.u('d');
        i.rn = f.u('n');
        i.shift = 1;
        return true;
    }

    private static final String ELEMENT = " 01111 ss L M mmmm ";

    private static void same(EncodingTable t, String name, String u, String opcode, int laneOp, String operands) {
        t.add(name + "_vi", "0 Q " + u + ELEMENT + opcode + " H 0 nnnnn ddddd",
                name.toLowerCase(java.util.Locale.ROOT) + operands, (f, i) -> {
                    if (!elementOperands(f, i)) {
                        return false;
                    }
                    i.op = SimdWideExec.BY_ELEMENT;
                    i.imm = laneOp;
                    i.is64 = f.b('Q');
                    i.cond = (i.is64 ? 16 : 8) >> i.size;
                    return true;
                });
    }

    private static void longElement(EncodingTable t, String name, String u, String opcode, int op, String operands) {
        t.add(name + "_vi", "0 Q " + u + ELEMENT + opcode + " H 0 nnnnn ddddd",
                name.toLowerCase(java.util.Locale.ROOT) + operands, (f, i) -> {
                    if (!elementOperands(f, i)) {
                        return false;
                    }
                    i.op = op;
                    i.is64 = f.b('Q');
                    i.cond = 8 >> i.size;
                    return true;
                });
    }

    private static void scalarElement(EncodingTable t, String name, String opcode, int op, boolean isLong) {
        t.add(name + "_si", "01 0 11111 ss L M mmmm " + opcode + " H 0 nnnnn ddddd",
                name.toLowerCase(java.util.Locale.ROOT) + (isLong ? " {Fd}, {fn}, {m:v}.{Ts}[{imm2:d}]"
                        : " {fd}, {fn}, {m:v}.{Ts}[{imm2:d}]"), (f, i) -> {
                    if (!elementOperands(f, i)) {
                        return false;
                    }
                    i.is64 = false;
                    i.cond = 1;
                    i.opt = i.size + 1;
                    if (isLong) {
                        i.op = op;
                    } else {
                        i.op = SimdWideExec.BY_ELEMENT;
                        i.imm = op;
                    }
                    return true;
                });
    }
}
