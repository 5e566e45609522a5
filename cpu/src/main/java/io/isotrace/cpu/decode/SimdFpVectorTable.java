package io.isotrace.cpu.decode;

import io.isotrace.cpu.exec.FpBits;
import io.isotrace.cpu.exec.SimdFpExec;

/**
 * Advanced SIMD floating point (single and double elements), Arm ARM C4.1.96: three same ({@code 0 Q U 01110 a sz
 * 1 Rm opcode 1 Rn Rd}), scalar three same, two-register miscellaneous (vector and scalar), scalar pairwise,
 * across lanes, vector/scalar x indexed element and the fixed-point conversions of the shift-by-immediate class.
 * The half-precision forms are FEAT_FP16 (absent from ARMv8.0): they stay UNDEFINED. Operand layout in
 * {@link SimdFpExec}.
 */
final class SimdFpVectorTable {
    private SimdFpVectorTable() {
    }

    static void register(EncodingTable t) {
        threeSame(t);
        twoReg(t);
        pairwiseAcross(t);
        byElement(t);
        fixedPoint(t);
    }

    /** Vector operands: sz selects S or D; .1d (sz 1, Q 0) is reserved. */
    private static boolean vector(Fields f, Insn i, int op) {
        boolean q = f.b('Q');
        int size = f.b('z') ? FpBits.D : FpBits.S;
        if (size == FpBits.D && !q) {
            return false;
        }
        SimdThreeSameTable.vectorOperands(f, i, op, size, q);
        return true;
    }

    private static boolean scalar(Fields f, Insn i, int op) {
        SimdThreeSameTable.scalarOperands(f, i, op, f.b('z') ? FpBits.D : FpBits.S);
        return true;
    }

    private static void threeSame(EncodingTable t) {
        same(t, "FMAXNM", "0", "0", "11000", SimdFpExec.FMAXNM, false);
        same(t, "FMLA", "0", "0", "11001", SimdFpExec.FMLA, false);
        same(t, "FADD", "0", "0", "11010", SimdFpExec.FADD, false);
        same(t, "FMULX", "0", "0", "11011", SimdFpExec.FMULX, true);
        same(t, "FCMEQ", "0", "0", "11100", SimdFpExec.FCMEQ, true);
        same(t, "FMAX", "0", "0", "11110", SimdFpExec.FMAX, false);
        same(t, "FRECPS", "0", "0", "11111", SimdFpExec.FRECPS, true);
        same(t, "FMINNM", "0", "1", "11000", SimdFpExec.FMINNM, false);
        same(t, "FMLS", "0", "1", "11001", SimdFpExec.FMLS, false);
        same(t, "FSUB", "0", "1", "11010", SimdFpExec.FSUB, false);
        same(t, "FMIN", "0", "1", "11110", SimdFpExec.FMIN, false);
        same(t, "FRSQRTS", "0", "1", "11111", SimdFpExec.FRSQRTS, true);
        same(t, "FMAXNMP", "1", "0", "11000", SimdFpExec.FMAXNMP, false);
        same(t, "FADDP", "1", "0", "11010", SimdFpExec.FADDP, false);
        same(t, "FMUL", "1", "0", "11011", SimdFpExec.FMUL, false);
        same(t, "FCMGE", "1", "0", "11100", SimdFpExec.FCMGE, true);
        same(t, "FACGE", "1", "0", "11101", SimdFpExec.FACGE, true);
        same(t, "FMAXP", "1", "0", "11110", SimdFpExec.FMAXP, false);
        same(t, "FDIV", "1", "0", "11111", SimdFpExec.FDIV, false);
        same(t, "FMINNMP", "1", "1", "11000", SimdFpExec.FMINNMP, false);
        same(t, "FABD", "1", "1", "11010", SimdFpExec.FABD, true);
        same(t, "FCMGT", "1", "1", "11100", SimdFpExec.FCMGT, true);
        same(t, "FACGT", "1", "1", "11101", SimdFpExec.FACGT, true);
        same(t, "FMINP", "1", "1", "11110", SimdFpExec.FMINP, false);
    }

    private static void same(EncodingTable t, String name, String u, String a, String opcode, int op,
                             boolean hasScalar) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        t.add(name + "_v", "0 Q " + u + " 01110 " + a + " z 1 mmmmm " + opcode + " 1 nnnnn ddddd",
                lower + " {d:v}.{T}, {n:v}.{T}, {m:v}.{T}", (f, i) -> vector(f, i, op));
        if (hasScalar) {
            t.add(name + "_s", "01 " + u + " 11110 " + a + " z 1 mmmmm " + opcode + " 1 nnnnn ddddd",
                    lower + " {fd}, {fn}, {fm}", (f, i) -> scalar(f, i, op));
        }
    }

    private static final int V = 1;
    private static final int S = 2;

    private static void twoReg(EncodingTable t) {
        unary(t, "FRINTN", "0", "0", "11000", SimdFpExec.FRINT, FpBits.RN, 0, V);
        unary(t, "FRINTM", "0", "0", "11001", SimdFpExec.FRINT, FpBits.RM, 0, V);
        unary(t, "FCVTNS", "0", "0", "11010", SimdFpExec.FCVT_TO_INT, FpBits.RN, 0, V | S);
        unary(t, "FCVTMS", "0", "0", "11011", SimdFpExec.FCVT_TO_INT, FpBits.RM, 0, V | S);
        unary(t, "FCVTAS", "0", "0", "11100", SimdFpExec.FCVT_TO_INT, FpBits.TIEAWAY, 0, V | S);
        unary(t, "SCVTF", "0", "0", "11101", SimdFpExec.CVT_FROM_INT, -1, 0, V | S);
        unary(t, "FCMGT_zero", "0", "1", "01100", SimdFpExec.FCMGT0, -1, 0, V | S);
        unary(t, "FCMEQ_zero", "0", "1", "01101", SimdFpExec.FCMEQ0, -1, 0, V | S);
        unary(t, "FCMLT_zero", "0", "1", "01110", SimdFpExec.FCMLT0, -1, 0, V | S);
        unary(t, "FABS", "0", "1", "01111", SimdFpExec.FABS, -1, 0, V);
        unary(t, "FRINTP", "0", "1", "11000", SimdFpExec.FRINT, FpBits.RP, 0, V);
        unary(t, "FRINTZ", "0", "1", "11001", SimdFpExec.FRINT, FpBits.RZ, 0, V);
        unary(t, "FCVTPS", "0", "1", "11010", SimdFpExec.FCVT_TO_INT, FpBits.RP, 0, V | S);
        unary(t, "FCVTZS", "0", "1", "11011", SimdFpExec.FCVT_TO_INT, FpBits.RZ, 0, V | S);
        unary(t, "FRECPE", "0", "1", "11101", SimdFpExec.FRECPE, -1, 0, V | S);
        unary(t, "FRECPX", "0", "1", "11111", SimdFpExec.FRECPX, -1, 0, S);
        unary(t, "FRINTA", "1", "0", "11000", SimdFpExec.FRINT, FpBits.TIEAWAY, 0, V);
        unary(t, "FRINTX", "1", "0", "11001", SimdFpExec.FRINT, -1, 1, V);
        unary(t, "FCVTNU", "1", "0", "11010", SimdFpExec.FCVT_TO_INT, FpBits.RN, 2, V | S);
        unary(t, "FCVTMU", "1", "0", "11011", SimdFpExec.FCVT_TO_INT, FpBits.RM, 2, V | S);
        unary(t, "FCVTAU", "1", "0", "11100", SimdFpExec.FCVT_TO_INT, FpBits.TIEAWAY, 2, V | S);
        unary(t, "UCVTF", "1", "0", "11101", SimdFpExec.CVT_FROM_INT, -1, 2, V | S);
        unary(t, "FCMGE_zero", "1", "1", "01100", SimdFpExec.FCMGE0, -1, 0, V | S);
        unary(t, "FCMLE_zero", "1", "1", "01101", SimdFpExec.FCMLE0, -1, 0, V | S);
        unary(t, "FNEG", "1", "1", "01111", SimdFpExec.FNEG, -1, 0, V);
        unary(t, "FRINTI", "1", "1", "11001", SimdFpExec.FRINT, -1, 0, V);
        unary(t, "FCVTPU", "1", "1", "11010", SimdFpExec.FCVT_TO_INT, FpBits.RP, 2, V | S);
        unary(t, "FCVTZU", "1", "1", "11011", SimdFpExec.FCVT_TO_INT, FpBits.RZ, 2, V | S);
        unary(t, "FRSQRTE", "1", "1", "11101", SimdFpExec.FRSQRTE, -1, 0, V | S);
        unary(t, "FSQRT", "1", "1", "11111", SimdFpExec.FSQRT, -1, 0, V);
        t.add("URECPE", "0 Q 0 01110 1 z 10000 11100 10 nnnnn ddddd", "urecpe {d:v}.{T}, {n:v}.{T}",
                (f, i) -> !f.b('z') && vector(f, i, SimdFpExec.URECPE));
        t.add("URSQRTE", "0 Q 1 01110 1 z 10000 11100 10 nnnnn ddddd", "ursqrte {d:v}.{T}, {n:v}.{T}",
                (f, i) -> !f.b('z') && vector(f, i, SimdFpExec.URSQRTE));
        t.unimplemented("FRINT32Z/FRINT64Z/FRINT32X/FRINT64X vector (FEAT_FRINTTS)",
                "0 - - 01110 0 0 10000 1111- 10 ----- -----");
        t.unimplemented("FRINT32Z/FRINT64Z/FRINT32X/FRINT64X vector (FEAT_FRINTTS)",
                "0 1 - 01110 0 1 10000 1111- 10 ----- -----");

        t.add("FCVTN", "0 Q 0 01110 0 z 10000 10110 10 nnnnn ddddd", "fcvtn{n2} {d:v}.{T}, {n:v}.{Tw}",
                (f, i) -> convertOperands(f, i, SimdFpExec.FCVTN));
        t.add("FCVTXN", "0 Q 1 01110 0 z 10000 10110 10 nnnnn ddddd", "fcvtxn{n2} {d:v}.{T}, {n:v}.{Tw}",
                (f, i) -> f.b('z') && convertOperands(f, i, SimdFpExec.FCVTXN));
        t.add("FCVTXN_s", "01 1 11110 0 z 10000 10110 10 nnnnn ddddd", "fcvtxn {fd}, {Fn}", (f, i) -> {
            if (!f.b('z')) {
                return false;
            }
            i.op = SimdFpExec.FCVTXN;
            i.size = FpBits.S;
            i.opt = FpBits.D;
            i.cond = 1;
            i.rd = f.u('d');
            i.rn = f.u('n');
            return true;
        });
        t.add("FCVTL", "0 Q 0 01110 0 z 10000 10111 10 nnnnn ddddd", "fcvtl{n2} {d:v}.{Tw}, {n:v}.{T}",
                (f, i) -> convertOperands(f, i, SimdFpExec.FCVTL));
    }

    /** FCVTN/FCVTL/FCVTXN: size is the narrow format (sz 0: H with S, sz 1: S with D). */
    private static boolean convertOperands(Fields f, Insn i, int op) {
        i.op = op;
        i.size = f.b('z') ? FpBits.S : FpBits.H;
        i.is64 = f.b('Q');
        i.cond = 8 >> i.size;
        i.rd = f.u('d');
        i.rn = f.u('n');
        return true;
    }

    /**
     * One two-register-misc FP row (and its scalar form). {@code flags}: bit 0 FRINTX (signals Inexact), bit 1
     * unsigned conversion.
     */
    private static void unary(EncodingTable t, String name, String u, String a, String opcode, int op, int mode,
                              int flags, int forms) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String operands = name.endsWith("_zero") ? ", #0.0" : "";
        String mnemonic = name.endsWith("_zero") ? lower.substring(0, lower.length() - 5) : lower;
        if ((forms & V) != 0) {
            t.add(name + "_v", "0 Q " + u + " 01110 " + a + " z 10000 " + opcode + " 10 nnnnn ddddd",
                    mnemonic + " {d:v}.{T}, {n:v}.{T}" + operands, (f, i) -> {
                        if (!vector(f, i, op)) {
                            return false;
                        }
                        unaryFlags(i, mode, flags);
                        return true;
                    });
        }
        if ((forms & S) != 0) {
            t.add(name + "_s", "01 " + u + " 11110 " + a + " z 10000 " + opcode + " 10 nnnnn ddddd",
                    mnemonic + " {fd}, {fn}" + operands, (f, i) -> {
                        scalar(f, i, op);
                        unaryFlags(i, mode, flags);
                        return true;
                    });
        }
    }

    private static void unaryFlags(Insn i, int mode, int flags) {
        i.opt = mode;
        i.amount = flags & 1;
        i.shift = (flags & 2) != 0 ? 1 : 0;
    }

    private static void pairwiseAcross(EncodingTable t) {
        pairwise(t, "FMAXNMP", "0", "01100", SimdFpExec.FMAXNMP);
        pairwise(t, "FADDP", "0", "01101", SimdFpExec.FADDP);
        pairwise(t, "FMAXP", "0", "01111", SimdFpExec.FMAXP);
        pairwise(t, "FMINNMP", "1", "01100", SimdFpExec.FMINNMP);
        pairwise(t, "FMINP", "1", "01111", SimdFpExec.FMINP);
        t.add("ADDP_s", "01 0 11110 11 11000 11011 10 nnnnn ddddd", "addp {d:d}, {n:v}.2d", (f, i) -> {
            i.op = io.isotrace.cpu.exec.SimdIntExec.ADDP;
            i.size = 3;
            i.cond = 1;
            i.rd = f.u('d');
            i.rn = f.u('n');
            return true;
        });
        across(t, "FMAXNMV", "0", "01100", SimdFpExec.FMAXNMV);
        across(t, "FMAXV", "0", "01111", SimdFpExec.FMAXV);
        across(t, "FMINNMV", "1", "01100", SimdFpExec.FMINNMV);
        across(t, "FMINV", "1", "01111", SimdFpExec.FMINV);
    }

    /** Scalar pairwise: the two elements of Vn (2S or 2D). */
    private static void pairwise(EncodingTable t, String name, String a, String opcode, int op) {
        t.add(name + "_s", "01 1 11110 " + a + " z 11000 " + opcode + " 10 nnnnn ddddd",
                name.toLowerCase(java.util.Locale.ROOT) + " {fd}, {n:v}.{Tp2}", (f, i) -> scalar(f, i, op));
    }

    /** Across lanes: ARMv8.0 has only the 4S forms (sz 0, Q 1). */
    private static void across(EncodingTable t, String name, String a, String opcode, int op) {
        t.add(name, "0 Q 1 01110 " + a + " z 11000 " + opcode + " 10 nnnnn ddddd",
                name.toLowerCase(java.util.Locale.ROOT) + " {fd}, {n:v}.4s", (f, i) -> {
                    if (f.b('z') || !f.b('Q')) {
                        return false;
                    }
                    SimdThreeSameTable.vectorOperands(f, i, op, FpBits.S, true);
                    return true;
                });
    }

    private static void byElement(EncodingTable t) {
        element(t, "FMLA", "0", "0001", SimdFpExec.FMLA);
        element(t, "FMLS", "0", "0101", SimdFpExec.FMLS);
        element(t, "FMUL", "0", "1001", SimdFpExec.FMUL);
        element(t, "FMULX", "1", "1001", SimdFpExec.FMULX);
    }

    /** S elements: index H:L, Vm M:Rm; D elements: index H (L must be 0). */
    private static boolean elementOperands(Fields f, Insn i, int op, boolean isScalar) {
        boolean d = f.b('z');
        if (d && f.b('L')) {
            return false;
        }
        if (isScalar) {
            scalar(f, i, op);
        } else if (!vector(f, i, op)) {
            return false;
        }
        i.rm = (f.u('M') << 4) | f.u('m');
        i.imm2 = d ? f.u('H') : (f.u('H') << 1) | f.u('L');
        i.shift = 1;
        return true;
    }

    private static void element(EncodingTable t, String name, String u, String opcode, int op) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        t.add(name + "_vi", "0 Q " + u + " 01111 1 z L M mmmm " + opcode + " H 0 nnnnn ddddd",
                lower + " {d:v}.{T}, {n:v}.{T}, {m:v}.{Ts}[{imm2:d}]", (f, i) -> elementOperands(f, i, op, false));
        t.add(name + "_si", "01 " + u + " 11111 1 z L M mmmm " + opcode + " H 0 nnnnn ddddd",
                lower + " {fd}, {fn}, {m:v}.{Ts}[{imm2:d}]", (f, i) -> elementOperands(f, i, op, true));
    }

    /** SCVTF/UCVTF/FCVTZS/FCVTZU (vector and scalar, fixed-point): immh 01xx S, 1xxx D; fbits = 2*esize - immh:immb. */
    private static void fixedPoint(EncodingTable t) {
        fixed(t, "SCVTF_fixed", "0", "11100", SimdFpExec.CVT_FROM_INT, 0);
        fixed(t, "UCVTF_fixed", "1", "11100", SimdFpExec.CVT_FROM_INT, 1);
        fixed(t, "FCVTZS_fixed", "0", "11111", SimdFpExec.FCVT_TO_INT, 0);
        fixed(t, "FCVTZU_fixed", "1", "11111", SimdFpExec.FCVT_TO_INT, 1);
    }

    private static void fixed(EncodingTable t, String name, String u, String opcode, int op, int unsigned) {
        String lower = name.substring(0, name.indexOf('_')).toLowerCase(java.util.Locale.ROOT);
        t.add(name + "_v", "0 Q " + u + " 011110 hhhh bbb " + opcode + " 1 nnnnn ddddd",
                lower + " {d:v}.{T}, {n:v}.{T}, #{amount}", (f, i) -> fixedOperands(f, i, op, unsigned, false));
        t.add(name + "_s", "01 " + u + " 111110 hhhh bbb " + opcode + " 1 nnnnn ddddd",
                lower + " {fd}, {fn}, #{amount}", (f, i) -> fixedOperands(f, i, op, unsigned, true));
    }

    private static boolean fixedOperands(Fields f, Insn i, int op, int unsigned, boolean isScalar) {
        int immh = f.u('h');
        if (immh < 4) {
            return false; // 0000 is another class, 0001 reserved, 001x half precision (FEAT_FP16)
        }
        int size = immh >= 8 ? FpBits.D : FpBits.S;
        boolean q = !isScalar && f.b('Q');
        if (size == FpBits.D && !q && !isScalar) {
            return false;
        }
        int immhb = (immh << 3) | f.u('b');
        i.op = op;
        i.size = size;
        i.is64 = q;
        i.cond = isScalar ? 1 : (q ? 16 : 8) >> size;
        i.rd = f.u('d');
        i.rn = f.u('n');
        i.amount = 2 * (8 << size) - immhb;
        i.shift = unsigned;
        i.opt = FpBits.RZ;
        return true;
    }
}
