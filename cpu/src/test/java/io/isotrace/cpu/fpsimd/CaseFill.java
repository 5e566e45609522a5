package io.isotrace.cpu.fpsimd;

import java.util.SplittableRandom;

/**
 * The random part of a test case's initial state, derived from a seed: the V and X registers named by the
 * instruction's register fields (bits 4:0, 9:5, 14:10, 20:16, each with the three following registers for
 * register lists) and the scratch memory window. Committed case files store only the seed, so this function is
 * FROZEN: changing it changes every committed case's input (regenerate the files with qemu if it must change).
 *
 * <p>Styles: 0 random bits, 1 distinct lanes (byte k of register r is 16r+k: a misplaced lane shows), 2 floating
 * point values where things go wrong (signed zeros, infinities, quiet and signalling NaNs with payloads,
 * subnormals, rounding ties, conversion limits), in 16-, 32- or 64-bit lanes.
 */
final class CaseFill {
    static final int STYLES = 4;
    private static final int[] FIELDS = {0, 5, 10, 16};

    private CaseFill() {
    }

    static void fill(VState s, int word, long seed, int style) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int shift : FIELDS) {
            int r = (word >>> shift) & 31;
            for (int k = 0; k < 4; k++) {
                int reg = (r + k) & 31;
                fillV(rnd, s, reg, style);
                if (reg < 31) {
                    s.x[reg] = xValue(rnd);
                }
            }
        }
        for (int k = 0; k < VState.MEM; k++) {
            s.mem[k] = (byte) rnd.nextInt();
        }
    }

    private static long xValue(SplittableRandom rnd) {
        switch (rnd.nextInt(6)) {
            case 0:
                return rnd.nextInt(256);
            case 1:
                return -rnd.nextInt(256);
            case 2:
                return Double.doubleToRawLongBits(special64(rnd));
            case 3:
                return rnd.nextInt();
            default:
                return rnd.nextLong();
        }
    }

    private static void fillV(SplittableRandom rnd, VState s, int reg, int style) {
        switch (style) {
            case 0:
                s.v[2 * reg] = rnd.nextLong();
                s.v[2 * reg + 1] = rnd.nextLong();
                break;
            case 1:
                for (int half = 0; half < 2; half++) {
                    long w = 0;
                    for (int b = 7; b >= 0; b--) {
                        w = (w << 8) | ((reg * 16 + half * 8 + b) & 0xFF);
                    }
                    s.v[2 * reg + half] = w;
                }
                break;
            default: {
                int lane = rnd.nextInt(3);
                for (int half = 0; half < 2; half++) {
                    long w = 0;
                    if (lane == 0) {
                        w = Double.doubleToRawLongBits(special64(rnd));
                    } else if (lane == 1) {
                        w = (Float.floatToRawIntBits(special32(rnd)) & 0xFFFF_FFFFL)
                                | ((long) Float.floatToRawIntBits(special32(rnd)) << 32);
                    } else {
                        for (int k = 0; k < 4; k++) {
                            w |= (special16(rnd) & 0xFFFFL) << (16 * k);
                        }
                    }
                    s.v[2 * reg + half] = w;
                }
            }
        }
    }

    static final double[] SPECIAL64 = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.0, 0.1, -0.1,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 0x1p31, -0x1p31, 0x1p31 - 1, 0x1p32, 0x1p63,
        -0x1p63, 0x1p64, 0x1p-1022 * 0.75, 4503599627370496.5, 0x1p52, 0x1p53 + 2, 1e300, 1e-300, 65504.0,
        65520.0, 0x1p-14, 0x1p-24, 0x1p-25, 0x1p127, 0x1p-126, 0x1p-149, 0x1p-150, 3.4028235677973366e38,
        2147483647.5, -2147483648.5, 4294967295.5, 9.223372036854775807e18, 1.0000000000000002, 0.9999999999999999,
        Math.PI, -Math.E, 100.0, 255.0, 256.0, -129.0, 1e10};
    static final long[] NAN64 = {0x7FF8_0000_0000_0000L, 0xFFF8_0000_0000_0001L, 0x7FF0_0000_0000_0001L,
        0xFFF4_0000_0000_0000L, 0x7FFF_FFFF_FFFF_FFFFL, 0x7FF0_1234_5678_9ABCL};

    static double special64(SplittableRandom rnd) {
        int k = rnd.nextInt(10);
        if (k == 0) {
            return Double.longBitsToDouble(NAN64[rnd.nextInt(NAN64.length)]);
        }
        if (k < 5) {
            return SPECIAL64[rnd.nextInt(SPECIAL64.length)];
        }
        if (k < 7) {
            return Double.longBitsToDouble(rnd.nextLong());
        }
        if (k == 7) {
            return rnd.nextInt(2001) - 1000;
        }
        return Math.scalb(rnd.nextDouble(1.0, 2.0), rnd.nextInt(-70, 70)) * (rnd.nextBoolean() ? 1 : -1);
    }

    static final int[] NAN32 = {0x7FC0_0000, 0xFFC0_0001, 0x7F80_0001, 0xFFA0_0000, 0x7FFF_FFFF, 0x7F81_2345};

    static float special32(SplittableRandom rnd) {
        int k = rnd.nextInt(10);
        if (k == 0) {
            return Float.intBitsToFloat(NAN32[rnd.nextInt(NAN32.length)]);
        }
        if (k < 5) {
            return (float) SPECIAL64[rnd.nextInt(SPECIAL64.length)];
        }
        if (k < 7) {
            return Float.intBitsToFloat(rnd.nextInt());
        }
        if (k == 7) {
            return rnd.nextInt(2001) - 1000;
        }
        return Math.scalb((float) rnd.nextDouble(1.0, 2.0), rnd.nextInt(-40, 40)) * (rnd.nextBoolean() ? 1 : -1);
    }

    static final int[] SPECIAL16 = {0x0000, 0x8000, 0x3C00, 0xBC00, 0x7C00, 0xFC00, 0x7E00, 0x7D00, 0xFE01,
        0x0001, 0x8001, 0x0400, 0x7BFF, 0xFBFF, 0x3800, 0x3E00, 0x4100, 0x03FF};

    static int special16(SplittableRandom rnd) {
        return rnd.nextBoolean() ? SPECIAL16[rnd.nextInt(SPECIAL16.length)] : rnd.nextInt(0x10000);
    }
}
