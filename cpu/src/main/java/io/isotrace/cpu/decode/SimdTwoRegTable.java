package io.isotrace.cpu.decode;

import io.isotrace.cpu.exec.SimdMiscExec;

import static io.isotrace.cpu.decode.SimdThreeSameTable.BHS;
import static io.isotrace.cpu.decode.SimdThreeSameTable.BHSD;
import static io.isotrace.cpu.decode.SimdThreeSameTable.D;

/**
 * Advanced SIMD integer two-register miscellaneous (vector {@code 0 Q U 01110 size 10000 opcode 10 Rn Rd}, scalar
 * {@code 01 U 11110 size 10000 opcode 10 Rn Rd}) and across lanes ({@code 0 Q U 01110 size 11000 opcode 10 Rn Rd}),
 * Arm ARM C4.1.96. The floating-point rows of the same classes are in {@link SimdFpVectorTable}.
 */
final class SimdTwoRegTable {
    private static final int B = 0b0001;
    private static final int BH = 0b0011;

    private SimdTwoRegTable() {
    }

    static void register(EncodingTable t) {
        vector(t, "REV64", "0", "00000", SimdMiscExec.REV64, BHS, "rev64 {d:v}.{T}, {n:v}.{T}");
        vector(t, "REV16", "0", "00001", SimdMiscExec.REV16, B, "rev16 {d:v}.{T}, {n:v}.{T}");
        vector(t, "SADDLP", "0", "00010", SimdMiscExec.SADDLP, BHS, "saddlp {d:v}.{Tp}, {n:v}.{T}");
        vector(t, "SUQADD", "0", "00011", SimdMiscExec.SUQADD, BHSD, "suqadd {d:v}.{T}, {n:v}.{T}");
        vector(t, "CLS", "0", "00100", SimdMiscExec.CLS, BHS, "cls {d:v}.{T}, {n:v}.{T}");
        vector(t, "CNT", "0", "00101", SimdMiscExec.CNT, B, "cnt {d:v}.{T}, {n:v}.{T}");
        vector(t, "SADALP", "0", "00110", SimdMiscExec.SADALP, BHS, "sadalp {d:v}.{Tp}, {n:v}.{T}");
        vector(t, "SQABS", "0", "00111", SimdMiscExec.SQABS, BHSD, "sqabs {d:v}.{T}, {n:v}.{T}");
        vector(t, "CMGT_zero", "0", "01000", SimdMiscExec.CMGT0, BHSD, "cmgt {d:v}.{T}, {n:v}.{T}, #0");
        vector(t, "CMEQ_zero", "0", "01001", SimdMiscExec.CMEQ0, BHSD, "cmeq {d:v}.{T}, {n:v}.{T}, #0");
        vector(t, "CMLT_zero", "0", "01010", SimdMiscExec.CMLT0, BHSD, "cmlt {d:v}.{T}, {n:v}.{T}, #0");
        vector(t, "ABS", "0", "01011", SimdMiscExec.ABS, BHSD, "abs {d:v}.{T}, {n:v}.{T}");
        narrow(t, "XTN", "0", "10010", SimdMiscExec.XTN);
        narrow(t, "SQXTN", "0", "10100", SimdMiscExec.SQXTN);
        vector(t, "REV32", "1", "00000", SimdMiscExec.REV32, BH, "rev32 {d:v}.{T}, {n:v}.{T}");
        vector(t, "UADDLP", "1", "00010", SimdMiscExec.UADDLP, BHS, "uaddlp {d:v}.{Tp}, {n:v}.{T}");
        vector(t, "USQADD", "1", "00011", SimdMiscExec.USQADD, BHSD, "usqadd {d:v}.{T}, {n:v}.{T}");
        vector(t, "CLZ", "1", "00100", SimdMiscExec.CLZ, BHS, "clz {d:v}.{T}, {n:v}.{T}");
        t.add("NOT", "0 Q 1 01110 00 10000 00101 10 nnnnn ddddd", "mvn {d:v}.{T}, {n:v}.{T}",
                (f, i) -> fixedSize(f, i, SimdMiscExec.NOT));
        t.add("RBIT_v", "0 Q 1 01110 01 10000 00101 10 nnnnn ddddd", "rbit {d:v}.{T}, {n:v}.{T}",
                (f, i) -> fixedSize(f, i, SimdMiscExec.RBIT));
        vector(t, "UADALP", "1", "00110", SimdMiscExec.UADALP, BHS, "uadalp {d:v}.{Tp}, {n:v}.{T}");
        vector(t, "SQNEG", "1", "00111", SimdMiscExec.SQNEG, BHSD, "sqneg {d:v}.{T}, {n:v}.{T}");
        vector(t, "CMGE_zero", "1", "01000", SimdMiscExec.CMGE0, BHSD, "cmge {d:v}.{T}, {n:v}.{T}, #0");
        vector(t, "CMLE_zero", "1", "01001", SimdMiscExec.CMLE0, BHSD, "cmle {d:v}.{T}, {n:v}.{T}, #0");
        vector(t, "NEG", "1", "01011", SimdMiscExec.NEG, BHSD, "neg {d:v}.{T}, {n:v}.{T}");
        narrow(t, "SQXTUN", "1", "10010", SimdMiscExec.SQXTUN);
        narrow(t, "UQXTN", "1", "10100", SimdMiscExec.UQXTN);
        t.add("SHLL", "0 Q 1 01110 ss 10000 10011 10 nnnnn ddddd", "shll{n2} {d:v}.{Tw}, {n:v}.{T}, #{amount}",
                (f, i) -> {
                    if (!SimdThreeSameTable.vector(f, i, SimdMiscExec.SHLL, BHS)) {
                        return false;
                    }
                    i.amount = 8 << i.size;
                    return true;
                });

        scalar(t, "SUQADD", "0", "00011", SimdMiscExec.SUQADD, BHSD, "suqadd {fd}, {fn}");
        scalar(t, "SQABS", "0", "00111", SimdMiscExec.SQABS, BHSD, "sqabs {fd}, {fn}");
        scalar(t, "CMGT_zero", "0", "01000", SimdMiscExec.CMGT0, D, "cmgt {fd}, {fn}, #0");
        scalar(t, "CMEQ_zero", "0", "01001", SimdMiscExec.CMEQ0, D, "cmeq {fd}, {fn}, #0");
        scalar(t, "CMLT_zero", "0", "01010", SimdMiscExec.CMLT0, D, "cmlt {fd}, {fn}, #0");
        scalar(t, "ABS", "0", "01011", SimdMiscExec.ABS, D, "abs {fd}, {fn}");
        scalar(t, "USQADD", "1", "00011", SimdMiscExec.USQADD, BHSD, "usqadd {fd}, {fn}");
        scalar(t, "SQNEG", "1", "00111", SimdMiscExec.SQNEG, BHSD, "sqneg {fd}, {fn}");
        scalar(t, "CMGE_zero", "1", "01000", SimdMiscExec.CMGE0, D, "cmge {fd}, {fn}, #0");
        scalar(t, "CMLE_zero", "1", "01001", SimdMiscExec.CMLE0, D, "cmle {fd}, {fn}, #0");
        scalar(t, "NEG", "1", "01011", SimdMiscExec.NEG, D, "neg {fd}, {fn}");
        scalarNarrow(t, "SQXTN", "0", "10100", SimdMiscExec.SQXTN);
        scalarNarrow(t, "SQXTUN", "1", "10010", SimdMiscExec.SQXTUN);
        scalarNarrow(t, "UQXTN", "1", "10100", SimdMiscExec.UQXTN);

        across(t, "SADDLV", "0", "00011", SimdMiscExec.SADDLV, "saddlv {Fd}, {n:v}.{T}", true);
        across(t, "SMAXV", "0", "01010", SimdMiscExec.SMAXV, "smaxv {fd}, {n:v}.{T}", false);
        across(t, "SMINV", "0", "11010", SimdMiscExec.SMINV, "sminv {fd}, {n:v}.{T}", false);
        across(t, "ADDV", "0", "11011", SimdMiscExec.ADDV, "addv {fd}, {n:v}.{T}", false);
        across(t, "UADDLV", "1", "00011", SimdMiscExec.UADDLV, "uaddlv {Fd}, {n:v}.{T}", true);
        across(t, "UMAXV", "1", "01010", SimdMiscExec.UMAXV, "umaxv {fd}, {n:v}.{T}", false);
        across(t, "UMINV", "1", "11010", SimdMiscExec.UMINV, "uminv {fd}, {n:v}.{T}", false);
    }

    private static void vector(EncodingTable t, String name, String u, String opcode, int op, int sizes,
                               String template) {
        t.add(name + "_v", "0 Q " + u + " 01110 ss 10000 " + opcode + " 10 nnnnn ddddd", template,
                (f, i) -> SimdThreeSameTable.vector(f, i, op, sizes));
    }

    private static boolean fixedSize(Fields f, Insn i, int op) {
        SimdThreeSameTable.vectorOperands(f, i, op, 0, f.b('Q'));
        return true;
    }

    private static void scalar(EncodingTable t, String name, String u, String opcode, int op, int sizes,
                               String template) {
        t.add(name + "_s", "01 " + u + " 11110 ss 10000 " + opcode + " 10 nnnnn ddddd", template,
                (f, i) -> SimdThreeSameTable.scalar(f, i, op, sizes));
    }

    /** XTN family: size is the destination element size (B, H, S); Q selects the "2" (upper half) form. */
    private static void narrow(EncodingTable t, String name, String u, String opcode, int op) {
        t.add(name + "_v", "0 Q " + u + " 01110 ss 10000 " + opcode + " 10 nnnnn ddddd",
                name.toLowerCase(java.util.Locale.ROOT) + "{n2} {d:v}.{T}, {n:v}.{Tw}", (f, i) -> {
                    int size = f.u('s');
                    if (size == 3) {
                        return false;
                    }
                    i.op = op;
                    i.size = size;
                    i.is64 = f.b('Q');
                    i.cond = 8 >> size;
                    i.rd = f.u('d');
                    i.rn = f.u('n');
                    return true;
                });
    }

    private static void scalarNarrow(EncodingTable t, String name, String u, String opcode, int op) {
        t.add(name + "_s", "01 " + u + " 11110 ss 10000 " + opcode + " 10 nnnnn ddddd",
                name.toLowerCase(java.util.Locale.ROOT) + " {fd}, {Fn}", (f, i) -> {
                    if (!SimdThreeSameTable.scalar(f, i, op, BHS)) {
                        return false;
                    }
                    i.opt = i.size + 1;
                    return true;
                });
    }

    /** Across lanes: B, H (and S with Q) elements; the long forms write a result twice the element size. */
    private static void across(EncodingTable t, String name, String u, String opcode, int op, String template,
                               boolean longResult) {
        t.add(name, "0 Q " + u + " 01110 ss 11000 " + opcode + " 10 nnnnn ddddd", template, (f, i) -> {
            int size = f.u('s');
            boolean q = f.b('Q');
            if (size == 3 || (size == 2 && !q)) {
                return false;
            }
            SimdThreeSameTable.vectorOperands(f, i, op, size, q);
            i.opt = longResult ? size + 1 : size;
            return true;
        });
    }
}
