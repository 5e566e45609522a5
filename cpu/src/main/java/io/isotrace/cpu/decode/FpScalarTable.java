package io.isotrace.cpu.decode;

import io.isotrace.cpu.exec.FpBits;
import io.isotrace.cpu.exec.FpConvert;
import io.isotrace.cpu.exec.FpExec;

/**
 * Scalar floating point (Arm ARM C4.1.96, the "Floating-point ..." encoding classes with M = 0, S = 0). ftype
 * 00 is single, 01 double, 11 half; half-precision arithmetic is FEAT_FP16, absent from ARMv8.0 (the reference
 * Cortex-A53), so ftype 11 decodes only for the conversions v8.0 has (FCVT to and from half) and is otherwise
 * UNDEFINED like on the reference.
 */
final class FpScalarTable {
    private FpScalarTable() {
    }

    static void register(EncodingTable t) {
        oneSource(t);
        twoSource(t);
        threeSource(t);
        compareSelect(t);
        conversions(t);
    }

    /** ftype to format (log2 bytes): 00 S, 01 D, 11 H; 10 is unallocated (-1). */
    static int format(int ftype) {
        switch (ftype) {
            case 0:
                return FpBits.S;
            case 1:
                return FpBits.D;
            case 3:
                return FpBits.H;
            default:
                return -1;
        }
    }

    /** Common operand setup; false for ftype 10 and, unless {@code halfOk}, for half precision. */
    private static boolean scalar(Fields f, Insn i, int op, boolean halfOk) {
        int fmt = format(f.u('t'));
        if (fmt < 0 || (fmt == FpBits.H && !halfOk)) {
            return false;
        }
        i.op = op;
        i.size = fmt;
        if (f.has('d')) {
            i.rd = f.u('d');
        }
        if (f.has('n')) {
            i.rn = f.u('n');
        }
        if (f.has('m')) {
            i.rm = f.u('m');
        }
        return true;
    }

    /** Picks the S or D variant of an op. */
    private static boolean sd(Fields f, Insn i, int opS, int opD) {
        return scalar(f, i, f.u('t') == 0 ? opS : opD, false);
    }

    private static void oneSource(EncodingTable t) {
        t.add("FMOV_s", "000 11110 tt 1 000000 10000 nnnnn ddddd", "fmov {fd}, {fn}",
                (f, i) -> scalar(f, i, FpExec.FMOV, false));
        t.add("FABS_s", "000 11110 tt 1 000001 10000 nnnnn ddddd", "fabs {fd}, {fn}",
                (f, i) -> scalar(f, i, FpExec.FABS, false));
        t.add("FNEG_s", "000 11110 tt 1 000010 10000 nnnnn ddddd", "fneg {fd}, {fn}",
                (f, i) -> scalar(f, i, FpExec.FNEG, false));
        t.add("FSQRT_s", "000 11110 tt 1 000011 10000 nnnnn ddddd", "fsqrt {fd}, {fn}",
                (f, i) -> sd(f, i, FpExec.FSQRT_S, FpExec.FSQRT_D));
        // FCVT: ftype is the source, opc (bits 16:15) the destination; same format or opc 10 is unallocated.
        t.add("FCVT_s", "000 11110 tt 1 0001 oo 10000 nnnnn ddddd", "fcvt {Fd}, {fn}", (f, i) -> {
            int to = format(f.u('o'));
            if (to < 0 || to == format(f.u('t')) || !scalar(f, i, FpExec.FCVT, true)) {
                return false;
            }
            i.opt = to;
            return true;
        });
        frint(t, "FRINTN_s", "000", "frintn", FpBits.RN, false);
        frint(t, "FRINTP_s", "001", "frintp", FpBits.RP, false);
        frint(t, "FRINTM_s", "010", "frintm", FpBits.RM, false);
        frint(t, "FRINTZ_s", "011", "frintz", FpBits.RZ, false);
        frint(t, "FRINTA_s", "100", "frinta", FpBits.TIEAWAY, false);
        frint(t, "FRINTX_s", "110", "frintx", -1, true);
        frint(t, "FRINTI_s", "111", "frinti", -1, false);
        t.unimplemented("FRINT32Z/FRINT32X/FRINT64Z/FRINT64X (FEAT_FRINTTS)", "000 11110 0t 1 0100 oo 10000 nnnnn ddddd");
        t.add("FMOV_imm", "000 11110 tt 1 iiiiiiii 100 00000 ddddd", "fmov {fd}, {fimm}", (f, i) -> {
            if (!scalar(f, i, FpExec.FMOV_IMM, false)) {
                return false;
            }
            i.imm = FpConvert.expandImm(f.u('i'), i.size);
            return true;
        });
    }

    private static void frint(EncodingTable t, String name, String rmode, String mnemonic, int mode, boolean exact) {
        t.add(name, "000 11110 tt 1 001" + rmode + " 10000 nnnnn ddddd", mnemonic + " {fd}, {fn}", (f, i) -> {
            if (!scalar(f, i, FpExec.FRINT, false)) {
                return false;
            }
            i.opt = mode;
            i.amount = exact ? 1 : 0;
            return true;
        });
    }

    private static void twoSource(EncodingTable t) {
        t.add("FMUL_s", "000 11110 tt 1 mmmmm 0000 10 nnnnn ddddd", "fmul {fd}, {fn}, {fm}",
                (f, i) -> sd(f, i, FpExec.FMUL_S, FpExec.FMUL_D));
        t.add("FDIV_s", "000 11110 tt 1 mmmmm 0001 10 nnnnn ddddd", "fdiv {fd}, {fn}, {fm}",
                (f, i) -> sd(f, i, FpExec.FDIV_S, FpExec.FDIV_D));
        t.add("FADD_s", "000 11110 tt 1 mmmmm 0010 10 nnnnn ddddd", "fadd {fd}, {fn}, {fm}",
                (f, i) -> sd(f, i, FpExec.FADD_S, FpExec.FADD_D));
        t.add("FSUB_s", "000 11110 tt 1 mmmmm 0011 10 nnnnn ddddd", "fsub {fd}, {fn}, {fm}",
                (f, i) -> sd(f, i, FpExec.FSUB_S, FpExec.FSUB_D));
        t.add("FMAX_s", "000 11110 tt 1 mmmmm 0100 10 nnnnn ddddd", "fmax {fd}, {fn}, {fm}",
                (f, i) -> scalar(f, i, FpExec.FMAX, false));
        t.add("FMIN_s", "000 11110 tt 1 mmmmm 0101 10 nnnnn ddddd", "fmin {fd}, {fn}, {fm}",
                (f, i) -> scalar(f, i, FpExec.FMIN, false));
        t.add("FMAXNM_s", "000 11110 tt 1 mmmmm 0110 10 nnnnn ddddd", "fmaxnm {fd}, {fn}, {fm}",
                (f, i) -> scalar(f, i, FpExec.FMAXNM, false));
        t.add("FMINNM_s", "000 11110 tt 1 mmmmm 0111 10 nnnnn ddddd", "fminnm {fd}, {fn}, {fm}",
                (f, i) -> scalar(f, i, FpExec.FMINNM, false));
        t.add("FNMUL_s", "000 11110 tt 1 mmmmm 1000 10 nnnnn ddddd", "fnmul {fd}, {fn}, {fm}",
                (f, i) -> scalar(f, i, FpExec.FNMUL, false));
    }

    private static void threeSource(EncodingTable t) {
        fma(t, "FMADD", "0", "0", "fmadd", 0);
        fma(t, "FMSUB", "0", "1", "fmsub", 1);
        fma(t, "FNMADD", "1", "0", "fnmadd", 3);
        fma(t, "FNMSUB", "1", "1", "fnmsub", 2);
    }

    /** {@code negate}: bit 0 negates the multiplicand Rn, bit 1 the addend Ra. */
    private static void fma(EncodingTable t, String name, String o1, String o0, String mnemonic, int negate) {
        t.add(name, "000 11111 tt " + o1 + " mmmmm " + o0 + " aaaaa nnnnn ddddd",
                mnemonic + " {fd}, {fn}, {fm}, {fa}", (f, i) -> {
                    if (!sd(f, i, FpExec.FMADD_S, FpExec.FMADD_D)) {
                        return false;
                    }
                    i.ra = f.u('a');
                    i.imm = negate;
                    return true;
                });
    }

    private static void compareSelect(EncodingTable t) {
        t.add("FCMP", "000 11110 tt 1 mmmmm 00 1000 nnnnn E0000", "fcmp{E} {fn}, {fm}", (f, i) -> fcmp(f, i, false));
        t.add("FCMP_zero", "000 11110 tt 1 ----- 00 1000 nnnnn E1000", "fcmp{E} {fn}, #0.0",
                (f, i) -> fcmp(f, i, true));
        t.add("FCCMP", "000 11110 tt 1 mmmmm cccc 01 nnnnn E vvvv", "fccmp{E} {fn}, {fm}, #{imm:x}, {cond}",
                (f, i) -> {
                    if (!scalar(f, i, FpExec.FCCMP, false)) {
                        return false;
                    }
                    i.cond = f.u('c');
                    i.imm = f.u('v');
                    i.amount = f.u('E');
                    i.opt = i.amount;
                    return true;
                });
        t.add("FCSEL", "000 11110 tt 1 mmmmm cccc 11 nnnnn ddddd", "fcsel {fd}, {fn}, {fm}, {cond}", (f, i) -> {
            if (!scalar(f, i, FpExec.FCSEL, false)) {
                return false;
            }
            i.cond = f.u('c');
            return true;
        });
    }

    private static boolean fcmp(Fields f, Insn i, boolean zero) {
        if (!scalar(f, i, FpExec.FCMP, false)) {
            return false;
        }
        i.rd = Reg.SINK;
        i.amount = f.u('E');
        i.opt = i.amount;
        if (zero) {
            i.rm = -1;
        }
        return true;
    }

    private static void conversions(EncodingTable t) {
        // Integer <-> FP: rmode:opcode select the operation (Arm ARM "Conversion between floating-point and integer").
        toInt(t, "FCVTNS", "00", "000", FpBits.RN, false);
        toInt(t, "FCVTNU", "00", "001", FpBits.RN, true);
        toInt(t, "FCVTAS", "00", "100", FpBits.TIEAWAY, false);
        toInt(t, "FCVTAU", "00", "101", FpBits.TIEAWAY, true);
        toInt(t, "FCVTPS", "01", "000", FpBits.RP, false);
        toInt(t, "FCVTPU", "01", "001", FpBits.RP, true);
        toInt(t, "FCVTMS", "10", "000", FpBits.RM, false);
        toInt(t, "FCVTMU", "10", "001", FpBits.RM, true);
        toInt(t, "FCVTZS", "11", "000", FpBits.RZ, false);
        toInt(t, "FCVTZU", "11", "001", FpBits.RZ, true);
        t.add("SCVTF", "z00 11110 tt 1 00 010 000000 nnnnn ddddd", "scvtf {fd}, {n}", (f, i) -> fromInt(f, i, false, 0));
        t.add("UCVTF", "z00 11110 tt 1 00 011 000000 nnnnn ddddd", "ucvtf {fd}, {n}", (f, i) -> fromInt(f, i, true, 0));
        t.add("FMOV_to_gen", "z00 11110 tt 1 00 110 000000 nnnnn ddddd", "fmov {d}, {fn}", (f, i) -> fmovGeneral(f, i, true));
        t.add("FMOV_from_gen", "z00 11110 tt 1 00 111 000000 nnnnn ddddd", "fmov {fd}, {n}",
                (f, i) -> fmovGeneral(f, i, false));
        t.add("FMOV_to_gen_top", "100 11110 10 1 01 110 000000 nnnnn ddddd", "fmov {d:x}, {n:v}.d[1]", (f, i) -> {
            i.op = FpExec.FMOV_TO_X_TOP;
            i.rd = Reg.dst(f.u('d'));
            i.rn = f.u('n');
            return true;
        });
        t.add("FMOV_from_gen_top", "100 11110 10 1 01 111 000000 nnnnn ddddd", "fmov {d:v}.d[1], {n:x}", (f, i) -> {
            i.op = FpExec.FMOV_FROM_X_TOP;
            i.rd = f.u('d');
            i.rn = Reg.src(f.u('n'));
            return true;
        });
        t.unimplemented("FJCVTZS (FEAT_JSCVT)", "000 11110 01 1 11 110 000000 nnnnn ddddd");

        // Fixed point <-> FP: fbits = 64 - scale; 32-bit forms need scale >= 32.
        t.add("FCVTZS_fixed", "z00 11110 tt 0 11 000 ssssss nnnnn ddddd", "fcvtzs {d}, {fn}, #{amount}",
                (f, i) -> toIntFixed(f, i, false));
        t.add("FCVTZU_fixed", "z00 11110 tt 0 11 001 ssssss nnnnn ddddd", "fcvtzu {d}, {fn}, #{amount}",
                (f, i) -> toIntFixed(f, i, true));
        t.add("SCVTF_fixed", "z00 11110 tt 0 00 010 ssssss nnnnn ddddd", "scvtf {fd}, {n}, #{amount}",
                (f, i) -> f.b('z') || f.u('s') >= 32 ? fromInt(f, i, false, 64 - f.u('s')) : false);
        t.add("UCVTF_fixed", "z00 11110 tt 0 00 011 ssssss nnnnn ddddd", "ucvtf {fd}, {n}, #{amount}",
                (f, i) -> f.b('z') || f.u('s') >= 32 ? fromInt(f, i, true, 64 - f.u('s')) : false);
    }

    private static void toInt(EncodingTable t, String name, String rmode, String opcode, int mode, boolean unsigned) {
        t.add(name, "z00 11110 tt 1 " + rmode + " " + opcode + " 000000 nnnnn ddddd",
                name.toLowerCase(java.util.Locale.ROOT) + " {d}, {fn}", (f, i) -> {
                    if (!scalar(f, i, FpExec.FCVT_TO_INT, false)) {
                        return false;
                    }
                    i.rd = Reg.dst(f.u('d'));
                    i.opt = mode;
                    i.shift = unsigned ? 1 : 0;
                    i.is64 = f.b('z');
                    return true;
                });
    }

    private static boolean toIntFixed(Fields f, Insn i, boolean unsigned) {
        int scale = f.u('s');
        if ((!f.b('z') && scale < 32) || !scalar(f, i, FpExec.FCVT_TO_INT, false)) {
            return false;
        }
        i.rd = Reg.dst(f.u('d'));
        i.opt = FpBits.RZ;
        i.shift = unsigned ? 1 : 0;
        i.is64 = f.b('z');
        i.amount = 64 - scale;
        return true;
    }

    private static boolean fromInt(Fields f, Insn i, boolean unsigned, int fbits) {
        if (!scalar(f, i, FpExec.CVT_FROM_INT, false)) {
            return false;
        }
        i.rn = Reg.src(f.u('n'));
        i.shift = unsigned ? 1 : 0;
        i.is64 = f.b('z');
        i.amount = fbits;
        return true;
    }

    /** FMOV between a general register and S (W) or D (X); half (ftype 11) is FEAT_FP16. */
    private static boolean fmovGeneral(Fields f, Insn i, boolean toGeneral) {
        boolean sf = f.b('z');
        int ftype = f.u('t');
        if (!((ftype == 0 && !sf) || (ftype == 1 && sf))) {
            return false;
        }
        i.size = format(ftype);
        i.is64 = sf;
        if (toGeneral) {
            i.op = sf ? FpExec.FMOV_TO_X : FpExec.FMOV_TO_W;
            i.rd = Reg.dst(f.u('d'));
            i.rn = f.u('n');
        } else {
            i.op = sf ? FpExec.FMOV_FROM_X : FpExec.FMOV_FROM_W;
            i.rd = f.u('d');
            i.rn = Reg.src(f.u('n'));
        }
        return true;
    }
}
