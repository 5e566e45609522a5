package io.isotrace.cpu.decode;

import io.isotrace.cpu.exec.SimdPermExec;

/**
 * Advanced SIMD copy (DUP, INS, UMOV, SMOV), scalar copy, permute (ZIP/UZP/TRN), extract (EXT), table lookup
 * (TBL/TBX) and modified immediate (MOVI, MVNI, ORR, BIC, FMOV vector), Arm ARM C4.1.96. Operand layout in
 * {@link SimdPermExec}.
 */
final class SimdPermuteTable {
    private SimdPermuteTable() {
    }

    static void register(EncodingTable t) {
        copy(t);
        permute(t);
        t.add("EXT", "0 Q 101110 00 0 mmmmm 0 iiii 0 nnnnn ddddd", "ext {d:v}.{T}, {n:v}.{T}, {m:v}.{T}, #{imm:d}",
                (f, i) -> {
                    boolean q = f.b('Q');
                    int pos = f.u('i');
                    if (!q && pos >= 8) {
                        return false;
                    }
                    SimdThreeSameTable.vectorOperands(f, i, SimdPermExec.EXT, 0, q);
                    i.imm = pos;
                    return true;
                });
        t.add("TBL", "0 Q 001110 000 mmmmm 0 ll 0 00 nnnnn ddddd", "tbl {d:v}.{T}, {tlist}, {m:v}.{T}",
                (f, i) -> table(f, i, false));
        t.add("TBX", "0 Q 001110 000 mmmmm 0 ll 1 00 nnnnn ddddd", "tbx {d:v}.{T}, {tlist}, {m:v}.{T}",
                (f, i) -> table(f, i, true));
        modifiedImmediate(t);
    }

    private static boolean table(Fields f, Insn i, boolean tbx) {
        SimdThreeSameTable.vectorOperands(f, i, SimdPermExec.TBL, 0, f.b('Q'));
        i.amount = f.u('l') + 1;
        i.cond = i.amount;           // the {tlist} count
        i.shift = tbx ? 1 : 0;
        return true;
    }

    /** imm5: the element size is the position of its lowest set bit, the index the bits above it. */
    private static int elementSize(int imm5) {
        return imm5 == 0 ? -1 : Integer.numberOfTrailingZeros(imm5);
    }

    private static void copy(EncodingTable t) {
        t.add("DUP_element", "0 Q 0 01110000 iiiii 0 0000 1 nnnnn ddddd", "dup {d:v}.{T}, {n:v}.{Ts}[{imm:d}]",
                (f, i) -> {
                    int size = elementSize(f.u('i'));
                    if (size < 0 || size > 3 || (size == 3 && !f.b('Q'))) {
                        return false;
                    }
                    SimdThreeSameTable.vectorOperands(f, i, SimdPermExec.DUP_ELEMENT, size, f.b('Q'));
                    i.imm = f.u('i') >>> (size + 1);
                    return true;
                });
        t.add("DUP_general", "0 Q 0 01110000 iiiii 0 0001 1 nnnnn ddddd", "dup {d:v}.{T}, {gn}", (f, i) -> {
            int size = elementSize(f.u('i'));
            if (size < 0 || size > 3 || (size == 3 && !f.b('Q'))) {
                return false;
            }
            SimdThreeSameTable.vectorOperands(f, i, SimdPermExec.DUP_GENERAL, size, f.b('Q'));
            i.rn = Reg.src(f.u('n'));
            i.shift = size == 3 ? 1 : 0;
            return true;
        });
        t.add("INS_general", "0 1 0 01110000 iiiii 0 0011 1 nnnnn ddddd", "mov {d:v}.{Ts}[{imm:d}], {gn}", (f, i) -> {
            int size = elementSize(f.u('i'));
            if (size < 0 || size > 3) {
                return false;
            }
            SimdThreeSameTable.vectorOperands(f, i, SimdPermExec.INS_GENERAL, size, true);
            i.rn = Reg.src(f.u('n'));
            i.imm = f.u('i') >>> (size + 1);
            i.shift = size == 3 ? 1 : 0;
            return true;
        });
        t.add("SMOV", "0 Q 0 01110000 iiiii 0 0101 1 nnnnn ddddd", "smov {gd}, {n:v}.{Ts}[{imm:d}]", (f, i) -> {
            int size = elementSize(f.u('i'));
            boolean q = f.b('Q');
            if (size < 0 || size > (q ? 2 : 1)) {
                return false;
            }
            SimdThreeSameTable.vectorOperands(f, i, SimdPermExec.SMOV, size, q);
            i.rd = Reg.dst(f.u('d'));
            i.imm = f.u('i') >>> (size + 1);
            i.shift = q ? 1 : 0;
            return true;
        });
        t.add("UMOV", "0 Q 0 01110000 iiiii 0 0111 1 nnnnn ddddd", "{umov} {gd}, {n:v}.{Ts}[{imm:d}]", (f, i) -> {
            int size = elementSize(f.u('i'));
            boolean q = f.b('Q');
            if (size < 0 || size > 3 || (q != (size == 3))) {
                return false;
            }
            SimdThreeSameTable.vectorOperands(f, i, SimdPermExec.UMOV, size, q);
            i.rd = Reg.dst(f.u('d'));
            i.imm = f.u('i') >>> (size + 1);
            i.shift = q ? 1 : 0;
            return true;
        });
        t.add("INS_element", "0 1 1 01110000 iiiii 0 jjjj 1 nnnnn ddddd",
                "mov {d:v}.{Ts}[{imm:d}], {n:v}.{Ts}[{imm2:d}]", (f, i) -> {
                    int size = elementSize(f.u('i'));
                    if (size < 0 || size > 3) {
                        return false;
                    }
                    SimdThreeSameTable.vectorOperands(f, i, SimdPermExec.INS_ELEMENT, size, true);
                    i.imm = f.u('i') >>> (size + 1);
                    i.imm2 = f.u('j') >>> size;
                    return true;
                });
        t.add("DUP_element_s", "01 0 11110000 iiiii 0 0000 1 nnnnn ddddd", "mov {fd}, {n:v}.{Ts}[{imm:d}]", (f, i) -> {
            int size = elementSize(f.u('i'));
            if (size < 0 || size > 3) {
                return false;
            }
            SimdThreeSameTable.vectorOperands(f, i, SimdPermExec.DUP_SCALAR, size, false);
            i.imm = f.u('i') >>> (size + 1);
            return true;
        });
    }

    private static void permute(EncodingTable t) {
        String[] names = {null, "UZP1", "TRN1", "ZIP1", null, "UZP2", "TRN2", "ZIP2"};
        int[] ops = {0, SimdPermExec.UZP1, SimdPermExec.TRN1, SimdPermExec.ZIP1, 0, SimdPermExec.UZP2,
            SimdPermExec.TRN2, SimdPermExec.ZIP2};
        for (int opc = 0; opc < 8; opc++) {
            if (names[opc] == null) {
                continue;
            }
            int op = ops[opc];
            String bits = Integer.toBinaryString(8 | opc).substring(1);
            t.add(names[opc], "0 Q 001110 ss 0 mmmmm 0 " + bits + " 10 nnnnn ddddd",
                    names[opc].toLowerCase(java.util.Locale.ROOT) + " {d:v}.{T}, {n:v}.{T}, {m:v}.{T}",
                    (f, i) -> SimdThreeSameTable.vector(f, i, op, SimdThreeSameTable.BHSD));
        }
    }

    /**
     * Modified immediate: AdvSIMDExpandImm(op, cmode, abcdefgh). The row per cmode class gives the operation: MOVI,
     * MVNI (stored as MOVI of the complement), ORR, BIC (stored as AND with the complement), FMOV.
     */
    private static void modifiedImmediate(EncodingTable t) {
        // 32-bit shifted immediate: cmode 0xx0 MOVI/MVNI, 0xx1 ORR/BIC.
        t.add("MOVI_32", "0 Q 0 0111100000 aaa 0 hh 0 0 1 bbbbb ddddd", "movi {d:v}.{T}, {vimm}",
                (f, i) -> immediate(f, i, SimdPermExec.MOVI, 2, 8 * f.u('h'), false, false));
        t.add("MVNI_32", "0 Q 1 0111100000 aaa 0 hh 0 0 1 bbbbb ddddd", "mvni {d:v}.{T}, {vimm}",
                (f, i) -> immediate(f, i, SimdPermExec.MOVI, 2, 8 * f.u('h'), false, true));
        t.add("ORR_32", "0 Q 0 0111100000 aaa 0 hh 1 0 1 bbbbb ddddd", "orr {d:v}.{T}, {vimm}",
                (f, i) -> immediate(f, i, SimdPermExec.ORR_IMM, 2, 8 * f.u('h'), false, false));
        t.add("BIC_32", "0 Q 1 0111100000 aaa 0 hh 1 0 1 bbbbb ddddd", "bic {d:v}.{T}, {vimm}",
                (f, i) -> immediate(f, i, SimdPermExec.AND_IMM, 2, 8 * f.u('h'), false, true));
        // 16-bit shifted immediate: cmode 10x0 MOVI/MVNI, 10x1 ORR/BIC.
        t.add("MOVI_16", "0 Q 0 0111100000 aaa 10 h 0 0 1 bbbbb ddddd", "movi {d:v}.{T}, {vimm}",
                (f, i) -> immediate(f, i, SimdPermExec.MOVI, 1, 8 * f.u('h'), false, false));
        t.add("MVNI_16", "0 Q 1 0111100000 aaa 10 h 0 0 1 bbbbb ddddd", "mvni {d:v}.{T}, {vimm}",
                (f, i) -> immediate(f, i, SimdPermExec.MOVI, 1, 8 * f.u('h'), false, true));
        t.add("ORR_16", "0 Q 0 0111100000 aaa 10 h 1 0 1 bbbbb ddddd", "orr {d:v}.{T}, {vimm}",
                (f, i) -> immediate(f, i, SimdPermExec.ORR_IMM, 1, 8 * f.u('h'), false, false));
        t.add("BIC_16", "0 Q 1 0111100000 aaa 10 h 1 0 1 bbbbb ddddd", "bic {d:v}.{T}, {vimm}",
                (f, i) -> immediate(f, i, SimdPermExec.AND_IMM, 1, 8 * f.u('h'), false, true));
        // 32-bit shifting ones (MSL): cmode 110x.
        t.add("MOVI_msl", "0 Q 0 0111100000 aaa 110 h 0 1 bbbbb ddddd", "movi {d:v}.{T}, {vimm}",
                (f, i) -> immediate(f, i, SimdPermExec.MOVI, 2, 8 + 8 * f.u('h'), true, false));
        t.add("MVNI_msl", "0 Q 1 0111100000 aaa 110 h 0 1 bbbbb ddddd", "mvni {d:v}.{T}, {vimm}",
                (f, i) -> immediate(f, i, SimdPermExec.MOVI, 2, 8 + 8 * f.u('h'), true, true));
        // cmode 1110: bytes (op 0), or the 64-bit byte mask (op 1: Q=0 is the scalar form MOVI Dd).
        t.add("MOVI_8", "0 Q 0 0111100000 aaa 1110 0 1 bbbbb ddddd", "movi {d:v}.{T}, {vimm}",
                (f, i) -> immediate(f, i, SimdPermExec.MOVI, 0, 0, false, false));
        t.add("MOVI_64", "0 Q 1 0111100000 aaa 1110 0 1 bbbbb ddddd", "movi {vd64}, {vimm}",
                (f, i) -> immediate(f, i, SimdPermExec.MOVI, 3, 0, false, false));
        // cmode 1111: FMOV single (op 0) or double (op 1, Q must be 1).
        t.add("FMOV_v_S", "0 Q 0 0111100000 aaa 1111 0 1 bbbbb ddddd", "fmov {d:v}.{T}, {vimm}",
                (f, i) -> immediate(f, i, SimdPermExec.MOVI, 2, -1, false, false));
        t.add("FMOV_v_D", "0 Q 1 0111100000 aaa 1111 0 1 bbbbb ddddd", "fmov {d:v}.2d, {vimm}",
                (f, i) -> f.b('Q') && immediate(f, i, SimdPermExec.MOVI, 3, -1, false, false));
        t.unimplemented("FMOV (vector, immediate, half) (FEAT_FP16)", "0 - 0 0111100000 --- 1111 1 1 ----- -----");
    }

    /**
     * @param size   element size of the arrangement (and of the immediate)
     * @param shift  left shift of imm8 within the element; -1 for an FP immediate
     */
    private static boolean immediate(Fields f, Insn i, int op, int size, int shift, boolean msl, boolean invert) {
        int imm8 = (f.u('a') << 5) | f.u('b');
        long imm;
        if (shift < 0) {
            imm = size == 2 ? io.isotrace.cpu.exec.FpConvert.expandImm(imm8, 2) * 0x0000_0001_0000_0001L
                    : io.isotrace.cpu.exec.FpConvert.expandImm(imm8, 3);
        } else if (size == 3) {
            imm = 0;
            for (int b = 0; b < 8; b++) {
                if ((imm8 & (1 << b)) != 0) {
                    imm |= 0xFFL << (8 * b);
                }
            }
        } else {
            long element = (long) imm8 << shift;
            if (msl) {
                element |= (1L << (shift)) - 1;
            }
            imm = io.isotrace.cpu.exec.SimdMemExec.replicate(element, size);
        }
        i.op = op;
        i.size = size;
        i.is64 = f.b('Q');
        i.rd = f.u('d');
        i.imm = invert ? ~imm : imm;
        i.imm2 = imm8;
        i.amount = Math.max(shift, 0);
        i.shift = shift < 0 ? 2 : msl ? 1 : 0;
        return true;
    }
}
