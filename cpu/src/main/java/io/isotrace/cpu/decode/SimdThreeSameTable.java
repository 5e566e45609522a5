package io.isotrace.cpu.decode;

import io.isotrace.cpu.exec.SimdIntExec;

/**
 * Advanced SIMD three same (integer and bitwise) and scalar three same (integer), Arm ARM C4.1.96. Vector rows:
 * {@code 0 Q U 01110 size 1 Rm opcode 1 Rn Rd}; scalar rows: {@code 01 U 11110 size 1 Rm opcode 1 Rn Rd}. The
 * operand layout is described in {@link SimdIntExec}.
 */
final class SimdThreeSameTable {
    /** Which element sizes an operation allows. */
    static final int BHS = 0b0111;
    static final int BHSD = 0b1111;
    static final int HS = 0b0110;
    static final int D = 0b1000;
    static final int B = 0b0001;

    private SimdThreeSameTable() {
    }

    static void register(EncodingTable t) {
        logical(t);
        vector(t, "SHADD", "0", "00000", SimdIntExec.SHADD, BHS);
        vector(t, "UHADD", "1", "00000", SimdIntExec.UHADD, BHS);
        vector(t, "SQADD", "0", "00001", SimdIntExec.SQADD, BHSD);
        vector(t, "UQADD", "1", "00001", SimdIntExec.UQADD, BHSD);
        vector(t, "SRHADD", "0", "00010", SimdIntExec.SRHADD, BHS);
        vector(t, "URHADD", "1", "00010", SimdIntExec.URHADD, BHS);
        vector(t, "SHSUB", "0", "00100", SimdIntExec.SHSUB, BHS);
        vector(t, "UHSUB", "1", "00100", SimdIntExec.UHSUB, BHS);
        vector(t, "SQSUB", "0", "00101", SimdIntExec.SQSUB, BHSD);
        vector(t, "UQSUB", "1", "00101", SimdIntExec.UQSUB, BHSD);
        vector(t, "CMGT", "0", "00110", SimdIntExec.CMGT, BHSD);
        vector(t, "CMHI", "1", "00110", SimdIntExec.CMHI, BHSD);
        vector(t, "CMGE", "0", "00111", SimdIntExec.CMGE, BHSD);
        vector(t, "CMHS", "1", "00111", SimdIntExec.CMHS, BHSD);
        vector(t, "SSHL", "0", "01000", SimdIntExec.SSHL, BHSD);
        vector(t, "USHL", "1", "01000", SimdIntExec.USHL, BHSD);
        vector(t, "SQSHL", "0", "01001", SimdIntExec.SQSHL, BHSD);
        vector(t, "UQSHL", "1", "01001", SimdIntExec.UQSHL, BHSD);
        vector(t, "SRSHL", "0", "01010", SimdIntExec.SRSHL, BHSD);
        vector(t, "URSHL", "1", "01010", SimdIntExec.URSHL, BHSD);
        vector(t, "SQRSHL", "0", "01011", SimdIntExec.SQRSHL, BHSD);
        vector(t, "UQRSHL", "1", "01011", SimdIntExec.UQRSHL, BHSD);
        vector(t, "SMAX", "0", "01100", SimdIntExec.SMAX, BHS);
        vector(t, "UMAX", "1", "01100", SimdIntExec.UMAX, BHS);
        vector(t, "SMIN", "0", "01101", SimdIntExec.SMIN, BHS);
        vector(t, "UMIN", "1", "01101", SimdIntExec.UMIN, BHS);
        vector(t, "SABD", "0", "01110", SimdIntExec.SABD, BHS);
        vector(t, "UABD", "1", "01110", SimdIntExec.UABD, BHS);
        vector(t, "SABA", "0", "01111", SimdIntExec.SABA, BHS);
        vector(t, "UABA", "1", "01111", SimdIntExec.UABA, BHS);
        vector(t, "ADD", "0", "10000", SimdIntExec.ADD, BHSD);
        vector(t, "SUB", "1", "10000", SimdIntExec.SUB, BHSD);
        vector(t, "CMTST", "0", "10001", SimdIntExec.CMTST, BHSD);
        vector(t, "CMEQ", "1", "10001", SimdIntExec.CMEQ, BHSD);
        vector(t, "MLA", "0", "10010", SimdIntExec.MLA, BHS);
        vector(t, "MLS", "1", "10010", SimdIntExec.MLS, BHS);
        vector(t, "MUL", "0", "10011", SimdIntExec.MUL, BHS);
        vector(t, "PMUL", "1", "10011", SimdIntExec.PMUL, B);
        vector(t, "SMAXP", "0", "10100", SimdIntExec.SMAXP, BHS);
        vector(t, "UMAXP", "1", "10100", SimdIntExec.UMAXP, BHS);
        vector(t, "SMINP", "0", "10101", SimdIntExec.SMINP, BHS);
        vector(t, "UMINP", "1", "10101", SimdIntExec.UMINP, BHS);
        vector(t, "SQDMULH", "0", "10110", SimdIntExec.SQDMULH, HS);
        vector(t, "SQRDMULH", "1", "10110", SimdIntExec.SQRDMULH, HS);
        vector(t, "ADDP", "0", "10111", SimdIntExec.ADDP, BHSD);

        scalar(t, "SQADD", "0", "00001", SimdIntExec.SQADD, BHSD);
        scalar(t, "UQADD", "1", "00001", SimdIntExec.UQADD, BHSD);
        scalar(t, "SQSUB", "0", "00101", SimdIntExec.SQSUB, BHSD);
        scalar(t, "UQSUB", "1", "00101", SimdIntExec.UQSUB, BHSD);
        scalar(t, "CMGT", "0", "00110", SimdIntExec.CMGT, D);
        scalar(t, "CMHI", "1", "00110", SimdIntExec.CMHI, D);
        scalar(t, "CMGE", "0", "00111", SimdIntExec.CMGE, D);
        scalar(t, "CMHS", "1", "00111", SimdIntExec.CMHS, D);
        scalar(t, "SSHL", "0", "01000", SimdIntExec.SSHL, D);
        scalar(t, "USHL", "1", "01000", SimdIntExec.USHL, D);
        scalar(t, "SQSHL", "0", "01001", SimdIntExec.SQSHL, BHSD);
        scalar(t, "UQSHL", "1", "01001", SimdIntExec.UQSHL, BHSD);
        scalar(t, "SRSHL", "0", "01010", SimdIntExec.SRSHL, D);
        scalar(t, "URSHL", "1", "01010", SimdIntExec.URSHL, D);
        scalar(t, "SQRSHL", "0", "01011", SimdIntExec.SQRSHL, BHSD);
        scalar(t, "UQRSHL", "1", "01011", SimdIntExec.UQRSHL, BHSD);
        scalar(t, "ADD", "0", "10000", SimdIntExec.ADD, D);
        scalar(t, "SUB", "1", "10000", SimdIntExec.SUB, D);
        scalar(t, "CMTST", "0", "10001", SimdIntExec.CMTST, D);
        scalar(t, "CMEQ", "1", "10001", SimdIntExec.CMEQ, D);
        scalar(t, "SQDMULH", "0", "10110", SimdIntExec.SQDMULH, HS);
        scalar(t, "SQRDMULH", "1", "10110", SimdIntExec.SQRDMULH, HS);
    }

    /** AND, BIC, ORR, ORN (U = 0) and EOR, BSL, BIT, BIF (U = 1): the size field selects the operation. */
    private static void logical(EncodingTable t) {
        String[] names = {"AND", "BIC", "ORR", "ORN", "EOR", "BSL", "BIT", "BIF"};
        int[] ops = {SimdIntExec.AND, SimdIntExec.BIC, SimdIntExec.ORR, SimdIntExec.ORN, SimdIntExec.EOR,
            SimdIntExec.BSL, SimdIntExec.BIT, SimdIntExec.BIF};
        for (int k = 0; k < 8; k++) {
            String u = k < 4 ? "0" : "1";
            String opc = ((k & 2) != 0 ? "1" : "0") + ((k & 1) != 0 ? "1" : "0");
            int op = ops[k];
            String template = op == SimdIntExec.ORR ? "{orr}"
                    : names[k].toLowerCase(java.util.Locale.ROOT) + " {d:v}.{T}, {n:v}.{T}, {m:v}.{T}";
            t.add(names[k] + "_v", "0 Q " + u + " 01110 " + opc + " 1 mmmmm 00011 1 nnnnn ddddd", template, (f, i) -> {
                        i.op = op;
                        i.is64 = f.b('Q');
                        i.size = 0;
                        i.cond = i.is64 ? 16 : 8;
                        i.rd = f.u('d');
                        i.rn = f.u('n');
                        i.rm = f.u('m');
                        return true;
                    });
        }
    }

    private static void vector(EncodingTable t, String name, String u, String opcode, int op, int sizes) {
        t.add(name + "_v", "0 Q " + u + " 01110 ss 1 mmmmm " + opcode + " 1 nnnnn ddddd",
                name.toLowerCase(java.util.Locale.ROOT) + " {d:v}.{T}, {n:v}.{T}, {m:v}.{T}",
                (f, i) -> vector(f, i, op, sizes));
    }

    /** Vector operand setup: Rd, Rn, Rm, element size, Q and element count; .1d is never a valid arrangement. */
    static boolean vector(Fields f, Insn i, int op, int sizes) {
        int size = f.u('s');
        boolean q = f.b('Q');
        if ((sizes & (1 << size)) == 0 || (size == 3 && !q)) {
            return false;
        }
        vectorOperands(f, i, op, size, q);
        return true;
    }

    /**
     * The operands every SIMD vector form sets alike: op, element size, Q (is64) and element count (cond), Rd, Rn,
     * and Rm when the pattern has one. Shared by the SIMD tables; each checks its own reserved encodings first.
     */
    static void vectorOperands(Fields f, Insn i, int op, int size, boolean q) {
        i.op = op;
        i.size = size;
        i.is64 = q;
        i.cond = (q ? 16 : 8) >> size;
        i.rd = f.u('d');
        i.rn = f.u('n');
        if (f.has('m')) {
            i.rm = f.u('m');
        }
    }

    private static void scalar(EncodingTable t, String name, String u, String opcode, int op, int sizes) {
        t.add(name + "_s", "01 " + u + " 11110 ss 1 mmmmm " + opcode + " 1 nnnnn ddddd",
                name.toLowerCase(java.util.Locale.ROOT) + " {fd}, {fn}, {fm}", (f, i) -> scalar(f, i, op, sizes));
    }

    /** Scalar operand setup: one element of the given size in the low bits, the rest of Vd zeroed. */
    static boolean scalar(Fields f, Insn i, int op, int sizes) {
        int size = f.u('s');
        if ((sizes & (1 << size)) == 0) {
            return false;
        }
        scalarOperands(f, i, op, size);
        return true;
    }

    /** The operands of a SIMD scalar form: one element of {@code size}, the rest of Vd zeroed (cond 1). */
    static void scalarOperands(Fields f, Insn i, int op, int size) {
        i.op = op;
        i.size = size;
        i.is64 = false;
        i.cond = 1;
        i.rd = f.u('d');
        i.rn = f.u('n');
        if (f.has('m')) {
            i.rm = f.u('m');
        }
    }
}
