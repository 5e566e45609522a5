package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;

/**
 * Floating-point formats as raw bits (half, single, double, named by log2 of their size: {@link #H}, {@link #S},
 * {@link #D}), the FPCR/FPSR bits the arithmetic uses, and the Arm ARM's NaN rules (FPProcessNaN,
 * FPProcessNaNs, FPProcessNaNs3, FPDefaultNaN) and input flushing (FPUnpack with FPCR.FZ). Values travel as
 * {@code long} bits in the low 16/32/64 bits, exactly as they sit in the register file.
 */
public final class FpBits {
    public static final int H = 1;
    public static final int S = 2;
    public static final int D = 3;

    // FPSR cumulative exception bits.
    public static final int IOC = 1;
    public static final int DZC = 1 << 1;
    public static final int OFC = 1 << 2;
    public static final int UFC = 1 << 3;
    public static final int IXC = 1 << 4;
    public static final int IDC = 1 << 7;
    /** Cumulative saturation (the saturating integer SIMD instructions). */
    public static final int QC = 1 << 27;

    // FPCR control bits.
    public static final int FPCR_AHP = 1 << 26;
    public static final int FPCR_DN = 1 << 25;
    public static final int FPCR_FZ = 1 << 24;
    public static final int RMODE_SHIFT = 22;
    /** FPCR bits that take an operation off the fast path (rounding other than to nearest, flush-to-zero). */
    public static final int SLOW_FPCR = (3 << RMODE_SHIFT) | FPCR_FZ;

    // Rounding modes: FPCR.RMode values first, then the ones only instructions select.
    public static final int RN = 0;
    public static final int RP = 1;
    public static final int RM = 2;
    public static final int RZ = 3;
    public static final int TIEAWAY = 4;
    public static final int ODD = 5;

    static final int[] FRAC = {0, 10, 23, 52};
    static final int[] BIAS = {0, 15, 127, 1023};
    /** The all-ones exponent field, per format. */
    static final int[] EXP_MAX = {0, 0x1F, 0xFF, 0x7FF};

    private FpBits() {
    }

    public static int rmode(Cpu c) {
        return (c.fpcr >>> RMODE_SHIFT) & 3;
    }

    static long signBit(int fmt) {
        return 1L << ((8 << fmt) - 1);
    }

    static long mask(int fmt) {
        return fmt == D ? -1L : (1L << (8 << fmt)) - 1;
    }

    static int exponent(long bits, int fmt) {
        return (int) (bits >>> FRAC[fmt]) & EXP_MAX[fmt];
    }

    static long fraction(long bits, int fmt) {
        return bits & ((1L << FRAC[fmt]) - 1);
    }

    public static boolean isNaN(long bits, int fmt) {
        return exponent(bits, fmt) == EXP_MAX[fmt] && fraction(bits, fmt) != 0;
    }

    static boolean isSignalling(long bits, int fmt) {
        return isNaN(bits, fmt) && (bits & (1L << (FRAC[fmt] - 1))) == 0;
    }

    static boolean isInf(long bits, int fmt) {
        return exponent(bits, fmt) == EXP_MAX[fmt] && fraction(bits, fmt) == 0;
    }

    static boolean isZero(long bits, int fmt) {
        return (bits & (mask(fmt) >>> 1)) == 0;
    }

    static boolean isNegative(long bits, int fmt) {
        return (bits & signBit(fmt)) != 0;
    }

    public static long defaultNaN(int fmt) {
        return (long) EXP_MAX[fmt] << FRAC[fmt] | 1L << (FRAC[fmt] - 1);
    }

    static long infinity(boolean negative, int fmt) {
        return (negative ? signBit(fmt) : 0) | (long) EXP_MAX[fmt] << FRAC[fmt];
    }

    static long zero(boolean negative, int fmt) {
        return negative ? signBit(fmt) : 0;
    }

    /** Largest finite magnitude with the given sign. */
    static long maxNormal(boolean negative, int fmt) {
        return infinity(negative, fmt) - 1;
    }

    /** FPProcessNaN: a signalling NaN raises Invalid Operation and is quietened; FPCR.DN gives the default NaN. */
    public static long processNaN(Cpu c, long nan, int fmt) {
        if (isSignalling(nan, fmt)) {
            c.fpsr |= IOC;
        }
        if ((c.fpcr & FPCR_DN) != 0) {
            return defaultNaN(fmt);
        }
        return nan | 1L << (FRAC[fmt] - 1);
    }

    /** FPProcessNaNs for two operands known to include a NaN: signalling NaNs first, then the first quiet one. */
    public static long processNaNs(Cpu c, long a, long b, int fmt) {
        if (isSignalling(a, fmt)) {
            return processNaN(c, a, fmt);
        }
        if (isSignalling(b, fmt)) {
            return processNaN(c, b, fmt);
        }
        return processNaN(c, isNaN(a, fmt) ? a : b, fmt);
    }

    /** FPProcessNaNs3 for three operands known to include a NaN (FMADD: the addend is the first operand). */
    public static long processNaNs3(Cpu c, long a, long b, long d, int fmt) {
        if (isSignalling(a, fmt)) {
            return processNaN(c, a, fmt);
        }
        if (isSignalling(b, fmt)) {
            return processNaN(c, b, fmt);
        }
        if (isSignalling(d, fmt)) {
            return processNaN(c, d, fmt);
        }
        return processNaN(c, isNaN(a, fmt) ? a : isNaN(b, fmt) ? b : d, fmt);
    }

    /** The Invalid Operation result: the default NaN, with IOC raised. */
    static long invalid(Cpu c, int fmt) {
        c.fpsr |= IOC;
        return defaultNaN(fmt);
    }

    /**
     * FPUnpack's flush-to-zero: with FPCR.FZ set, a single or double subnormal input reads as a zero of its sign
     * and raises Input Denormal. Half-precision inputs are never flushed (FZ16 does not exist in ARMv8.0).
     */
    public static long flushIn(Cpu c, long bits, int fmt) {
        if (fmt != H && (c.fpcr & FPCR_FZ) != 0 && exponent(bits, fmt) == 0 && fraction(bits, fmt) != 0) {
            c.fpsr |= IDC;
            return bits & signBit(fmt);
        }
        return bits;
    }
}
