package io.isotrace.cpu.fpsimd;

import io.isotrace.cpu.decode.A64;
import io.isotrace.cpu.decode.Encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hand-picked SIMD&amp;FP cases where emulators go wrong, to be answered by the reference: NaN propagation (quiet and
 * signalling, operand order, default NaN), signed zeros, infinities, every rounding mode, overflow and underflow,
 * subnormals with and without FPCR.FZ, conversions at and beyond the integer limits (NaN, infinities, out of
 * range, ties), conversions between precisions (AHP, DN), and every permute with distinct lane values.
 * Instruction words are built from their Arm ARM encodings here; operands sit in V1/V2/V3 (or X1), results in V0
 * (or X0, NZCV).
 */
final class DirectedCases {
    private DirectedCases() {
    }

    static final long[] S_VALUES = {0x0000_0000L, 0x8000_0000L, 0x3F80_0000L, 0xBF80_0000L, 0x4040_0000L,
        0x3EAA_AAABL, 0x7F80_0000L, 0xFF80_0000L, 0x7FC0_0000L, 0xFFC1_2345L, 0x7F80_0001L, 0xFFA0_0001L,
        0x0000_0001L, 0x807F_FFFFL, 0x0080_0000L, 0x7F7F_FFFFL, 0x4B00_0001L, 0x3380_0000L};
    static final long[] D_VALUES = {0L, 0x8000_0000_0000_0000L, 0x3FF0_0000_0000_0000L, 0xBFF0_0000_0000_0000L,
        0x4008_0000_0000_0000L, 0x3FD5_5555_5555_5555L, 0x7FF0_0000_0000_0000L, 0xFFF0_0000_0000_0000L,
        0x7FF8_0000_0000_0000L, 0xFFF8_1234_5678_9ABCL, 0x7FF0_0000_0000_0001L, 0xFFF4_0000_0000_0001L,
        0x0000_0000_0000_0001L, 0x800F_FFFF_FFFF_FFFFL, 0x0010_0000_0000_0000L, 0x7FEF_FFFF_FFFF_FFFFL,
        0x4330_0000_0000_0001L, 0x3CA0_0000_0000_0000L};
    /** Values for conversions to integers: limits, ties, out of range. */
    static final double[] CVT_VALUES = {0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2147483647.0,
        2147483647.5, 2147483648.0, -2147483648.0, -2147483648.5, -2147483649.0, 4294967295.0, 4294967295.5,
        4294967296.0, 0x1p63, -0x1p63, 0x1p63 - 1024, 0x1p64, -0x1p64, 0x1p64 - 2048, 1e300, -1e-300, 0.0, -0.0,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE, -3.75, 123456.789};

    /** The FPCR values the arithmetic cases run under: each rounding mode, FZ, DN. */
    static final long[] FPCRS = {0, 1L << 22, 2L << 22, 3L << 22, 1L << 24, 1L << 25};

    static List<SimdCase> all() {
        List<SimdCase> out = new ArrayList<>();
        arithmetic(out);
        fusedMultiplyAdd(out);
        hardRounding(out);
        compares(out);
        toInteger(out);
        fromInteger(out);
        precisions(out);
        roundToIntegral(out);
        permutes(out);
        return out;
    }

    private static String spec(long fpcr, long fpsr, String regs) {
        StringBuilder sb = new StringBuilder();
        if (fpcr != 0) {
            sb.append("fpcr=").append(Long.toHexString(fpcr)).append(' ');
        }
        if (fpsr != 0) {
            sb.append("fpsr=").append(Long.toHexString(fpsr)).append(' ');
        }
        return (sb + regs).trim();
    }

    private static String v(int r, long lo) {
        return String.format("v%d=0:%x", r, lo);
    }

    /** FADD FSUB FMUL FDIV FMAX FMIN FMAXNM FMINNM FNMUL: every pair of special values at round-to-nearest. */
    private static void arithmetic(List<SimdCase> out) {
        int[] opcodes = {0b0000, 0b0001, 0b0010, 0b0011, 0b0100, 0b0101, 0b0110, 0b0111, 0b1000};
        for (int ftype = 0; ftype < 2; ftype++) {
            long[] vals = ftype == 0 ? S_VALUES : D_VALUES;
            for (int opcode : opcodes) {
                int word = 0x1E20_0800 | ftype << 22 | 2 << 16 | opcode << 12 | 1 << 5;
                for (long a : vals) {
                    for (long b : vals) {
                        out.add(new SimdCase(word, spec(0, 0, v(1, a) + " " + v(2, b))));
                    }
                }
            }
            // Rounding modes, FZ and DN with the values that round, overflow, underflow or are NaN.
            int[] chosen = {2, 5, 12, 13, 14, 15, 8, 10};
            for (long fpcr : FPCRS) {
                for (int opcode : new int[] {0b0000, 0b0001, 0b0010, 0b0011}) {
                    int word = 0x1E20_0800 | ftype << 22 | 2 << 16 | opcode << 12 | 1 << 5;
                    for (int x : chosen) {
                        for (int y : chosen) {
                            out.add(new SimdCase(word, spec(fpcr, 0, v(1, vals[x]) + " " + v(2, vals[y]))));
                        }
                    }
                }
                // FSQRT of each value.
                int sqrt = 0x1E21_C000 | ftype << 22 | 1 << 5;
                for (long a : vals) {
                    out.add(new SimdCase(sqrt, spec(fpcr, 0x10, v(1, a))));
                }
            }
        }
    }

    /** FMADD/FMSUB/FNMADD/FNMSUB: NaN in each position, Inf*0 with a quiet NaN addend, exact cancellation. */
    private static void fusedMultiplyAdd(List<SimdCase> out) {
        int[] picks = {0, 1, 2, 6, 7, 8, 10, 12, 15};
        for (int ftype = 0; ftype < 2; ftype++) {
            long[] vals = ftype == 0 ? S_VALUES : D_VALUES;
            for (int o = 0; o < 4; o++) {
                int word = 0x1F00_0000 | ftype << 22 | (o >> 1) << 21 | 2 << 16 | (o & 1) << 15 | 3 << 10 | 1 << 5;
                for (int a : picks) {
                    for (int b : picks) {
                        for (int c : new int[] {0, 1, 6, 8, 11}) {
                            out.add(new SimdCase(word, spec(o == 0 ? 0 : (long) (o - 1) << 22, 0,
                                    v(1, vals[a]) + " " + v(2, vals[b]) + " " + v(3, vals[c]))));
                        }
                    }
                }
            }
            // 1/3 * 3 - 1: the exact residual, in every rounding mode; and underflowing products.
            long third = vals[5];
            long three = vals[4];
            long minusOne = vals[3];
            long minNormal = vals[14];
            for (long fpcr : FPCRS) {
                int fmadd = 0x1F00_0000 | ftype << 22 | 2 << 16 | 3 << 10 | 1 << 5;
                out.add(new SimdCase(fmadd, spec(fpcr, 0, v(1, third) + " " + v(2, three) + " " + v(3, minusOne))));
                out.add(new SimdCase(fmadd, spec(fpcr, 0, v(1, minNormal) + " " + v(2, third) + " " + v(3, 0))));
            }
        }
    }

    /**
     * Random operands aimed at the hard corners of exact rounding: FMADD with the addend cancelling the product
     * (catastrophic cancellation, results near ties), products and quotients landing in the subnormal range or at
     * the overflow threshold, single-precision FMA whose double intermediate sits on a single tie; in every
     * rounding mode, with FZ sometimes.
     */
    private static void hardRounding(List<SimdCase> out) {
        SplittableRandom r = new SplittableRandom(0xF0A_DA7AL);
        long[] fpcrs = {0, 1L << 22, 2L << 22, 3L << 22, 1L << 24};
        for (int k = 0; k < 1600; k++) {
            boolean dbl = (k & 1) == 0;
            long fpcr = fpcrs[r.nextInt(fpcrs.length)];
            double a = Math.scalb(r.nextDouble(1, 2), r.nextInt(-8, 8)) * (r.nextBoolean() ? 1 : -1);
            double b = Math.scalb(r.nextDouble(1, 2), r.nextInt(-8, 8)) * (r.nextBoolean() ? 1 : -1);
            double c;
            switch (k % 8) {
                case 0:
                case 1:
                    c = -a * b;                                          // cancels to the product's error
                    break;
                case 2:
                    c = -Math.nextUp(a * b);
                    break;
                case 3:
                    c = Math.scalb(r.nextDouble(1, 2), r.nextInt(-70, -40));  // tiny addend: sticky only
                    break;
                case 4:
                    a = Math.scalb(a, -540);                             // products near the subnormal range
                    b = Math.scalb(b, -500);
                    c = Math.scalb(r.nextDouble(-1, 1), -1040);
                    break;
                case 5:
                    a = Math.scalb(a, 520);                              // near the overflow threshold
                    b = Math.scalb(b, 500);
                    c = -Math.scalb(r.nextDouble(1, 2), 1020);
                    break;
                default:
                    c = Math.scalb(r.nextDouble(-2, 2), r.nextInt(-20, 20));
            }
            long ba;
            long bb;
            long bc;
            if (dbl) {
                ba = Double.doubleToRawLongBits(a);
                bb = Double.doubleToRawLongBits(b);
                bc = Double.doubleToRawLongBits(c);
            } else {
                float fa = (float) Math.scalb(a, (k % 8 == 4) ? 470 : (k % 8 == 5) ? -900 : 0);
                float fb = (float) Math.scalb(b, (k % 8 == 4) ? 400 : (k % 8 == 5) ? -440 : 0);
                float fc = (k % 8 <= 1) ? -fa * fb : (float) c;
                ba = Float.floatToRawIntBits(fa) & 0xFFFF_FFFFL;
                bb = Float.floatToRawIntBits(fb) & 0xFFFF_FFFFL;
                bc = Float.floatToRawIntBits(fc) & 0xFFFF_FFFFL;
            }
            int ftype = dbl ? 1 : 0;
            int o = r.nextInt(4);
            int fmadd = 0x1F00_0000 | ftype << 22 | (o >> 1) << 21 | 2 << 16 | (o & 1) << 15 | 3 << 10 | 1 << 5;
            String regs = v(1, ba) + " " + v(2, bb) + " " + v(3, bc);
            out.add(new SimdCase(fmadd, spec(fpcr, r.nextBoolean() ? 0x10 : 0, regs)));
            int op = (k / 2) % 3;                                        // FMUL, FDIV, FSQRT on the same operands
            int word = op == 2 ? 0x1E21_C000 | ftype << 22 | 1 << 5
                    : 0x1E20_0800 | ftype << 22 | 2 << 16 | (op == 0 ? 0 : 1) << 12 | 1 << 5;
            long sqrtArg = dbl ? ba & Long.MAX_VALUE : ba & 0x7FFF_FFFFL;
            out.add(new SimdCase(word, spec(fpcr, 0, op == 2 ? v(1, sqrtArg) : regs)));
        }
    }

    /** FCMP/FCMPE (register and zero) and FCCMP over special pairs. */
    private static void compares(List<SimdCase> out) {
        int[] picks = {0, 1, 2, 3, 6, 7, 8, 10, 12, 13};
        for (int ftype = 0; ftype < 2; ftype++) {
            long[] vals = ftype == 0 ? S_VALUES : D_VALUES;
            for (int opc : new int[] {0x00, 0x10, 0x08, 0x18}) {
                int word = 0x1E20_2000 | ftype << 22 | ((opc & 8) != 0 ? 0 : 2 << 16) | 1 << 5 | opc;
                for (int a : picks) {
                    for (int b : (opc & 8) != 0 ? new int[] {0} : picks) {
                        out.add(new SimdCase(word, spec(0, 0, v(1, vals[a]) + " " + v(2, vals[b]))));
                    }
                }
            }
        }
    }

    /** FCVT{N,P,M,Z,A}{S,U} to W and X from S and D at the limits. */
    private static void toInteger(List<SimdCase> out) {
        int[][] rmodeOpcode = {{0, 0}, {0, 1}, {0, 4}, {0, 5}, {1, 0}, {1, 1}, {2, 0}, {2, 1}, {3, 0}, {3, 1}};
        for (int sf = 0; sf < 2; sf++) {
            for (int ftype = 0; ftype < 2; ftype++) {
                for (int[] ro : rmodeOpcode) {
                    int word = sf << 31 | 0x1E20_0000 | ftype << 22 | ro[0] << 19 | ro[1] << 16 | 1 << 5;
                    for (double d : CVT_VALUES) {
                        long bits = ftype == 1 ? Double.doubleToRawLongBits(d)
                                : Float.floatToRawIntBits((float) d) & 0xFFFF_FFFFL;
                        out.add(new SimdCase(word, spec(0, 0, v(1, bits))));
                    }
                }
            }
        }
        // FZ flushes a subnormal input to zero (IDC).
        out.add(new SimdCase(0x9E78_0020, spec(1L << 24, 0, v(1, 1))));
        // Fixed point: FCVTZS Xd, Dn, #fbits at a few scales.
        for (int fbits : new int[] {1, 16, 32, 63, 64}) {
            int word = 0x9E58_0000 | (64 - fbits) << 10 | 1 << 5;
            for (double d : new double[] {0.75, -0.75, 1e9, -1e9, 0x1p62, Double.NaN}) {
                out.add(new SimdCase(word, spec(0, 0, v(1, Double.doubleToRawLongBits(d)))));
            }
        }
    }

    /** SCVTF/UCVTF from W and X to S and D in every rounding mode, incl. values that need rounding. */
    private static void fromInteger(List<SimdCase> out) {
        long[] ints = {0, 1, -1, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, 0x1000_0001L, 0x7FFF_FFFF_FFFF_FFFFL,
            0x8000_0000_0000_0000L, 0xFFFF_FFFF_FFFF_FFFFL, 0x0020_0000_0000_0001L, 0x0000_0000_0100_0003L};
        for (int sf = 0; sf < 2; sf++) {
            for (int ftype = 0; ftype < 2; ftype++) {
                for (int opcode = 2; opcode <= 3; opcode++) {
                    int word = sf << 31 | 0x1E20_0000 | ftype << 22 | opcode << 16 | 1 << 5;
                    for (long fpcr : new long[] {0, 1L << 22, 2L << 22, 3L << 22}) {
                        for (long x : ints) {
                            out.add(new SimdCase(word, spec(fpcr, 0, "x1=" + Long.toHexString(x))));
                        }
                    }
                }
            }
        }
    }

    /** FCVT between H, S and D: special values, rounding modes, AHP, DN, FZ. */
    private static void precisions(List<SimdCase> out) {
        long[] fpcrs = {0, 1L << 22, 3L << 22, 1L << 24, 1L << 25, 1L << 26};
        int[][] pairs = {{0, 1}, {1, 0}, {0, 3}, {1, 3}, {3, 0}, {3, 1}};
        long[] halves = {0x0000, 0x8000, 0x3C00, 0x7C00, 0xFC00, 0x7E00, 0x7D00, 0xFD01, 0x0001, 0x03FF, 0x0400,
            0x7BFF, 0xFBFF, 0x3555};
        for (long fpcr : fpcrs) {
            for (int[] p : pairs) {
                int word = 0x1E22_4000 | p[0] << 22 | p[1] << 15 | 1 << 5;
                long[] vals = p[0] == 0 ? S_VALUES : p[0] == 1 ? D_VALUES : halves;
                for (long a : vals) {
                    out.add(new SimdCase(word, spec(fpcr, 0, v(1, a))));
                }
            }
        }
        // Values near the half-precision range and its rounding.
        for (double d : new double[] {65504, 65519.99, 65520, 1e-8, 5.960464477539063e-8, 2.98e-8, 1.0009765625,
            1.00048828125, 1.000732421875}) {
            out.add(new SimdCase(0x1E63_C020, spec(0, 0, v(1, Double.doubleToRawLongBits(d)))));
            out.add(new SimdCase(0x1E63_C020, spec(1L << 26, 0, v(1, Double.doubleToRawLongBits(d)))));
        }
    }

    /** FRINT{N,P,M,Z,A,X,I} on ties and edges, under each FPCR rounding mode. */
    private static void roundToIntegral(List<SimdCase> out) {
        double[] vals = {0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, -0.3, 4503599627370495.5, 1e300,
            Double.MIN_VALUE, -0.0, Double.NaN};
        for (int ftype = 0; ftype < 2; ftype++) {
            for (int rmode : new int[] {0, 1, 2, 3, 4, 6, 7}) {
                int word = 0x1E24_4000 | ftype << 22 | rmode << 15 | 1 << 5;
                for (long fpcr : new long[] {0, 2L << 22, 1L << 24}) {
                    for (double d : vals) {
                        long bits = ftype == 1 ? Double.doubleToRawLongBits(d)
                                : Float.floatToRawIntBits((float) d) & 0xFFFF_FFFFL;
                        out.add(new SimdCase(word, spec(fpcr, 0, v(1, bits))));
                    }
                }
            }
        }
    }

    /** Every permute, copy, EXT and TBL arrangement with distinct lane values (CaseFill style 1). */
    private static void permutes(List<SimdCase> out) {
        SplittableRandom r = new SplittableRandom(0x9E2_0000L);
        String[] names = {"ZIP1", "ZIP2", "UZP1", "UZP2", "TRN1", "TRN2", "EXT", "TBL", "TBX", "DUP_element",
            "INS_element", "UMOV", "SMOV", "INS_general", "DUP_general", "REV64_v", "REV32_v", "REV16_v"};
        for (String name : names) {
            Encoding e = row(name);
            for (int k = 0; k < 24; k++) {
                int word = (r.nextInt() & ~e.pattern().mask()) | e.pattern().value();
                if (A64.decoder().decode(word, 0, new io.isotrace.cpu.decode.Insn()) != e) {
                    continue;
                }
                out.add(new SimdCase(word, "seed=" + Long.toHexString(r.nextLong()) + " style=1"));
            }
        }
    }

    static Encoding row(String name) {
        for (Encoding e : A64.table().rows()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no row " + name);
    }
}
