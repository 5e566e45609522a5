package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;

import static io.isotrace.cpu.exec.FpBits.D;
import static io.isotrace.cpu.exec.FpBits.FRAC;

/**
 * The Arm-defined reciprocal and reciprocal square root estimates and steps (Arm ARM FPRecipEstimate,
 * FPRSqrtEstimate, RecipEstimate, RecipSqrtEstimate, UnsignedRecipEstimate, UnsignedRSqrtEstimate, FPRecpX,
 * FPRecipStepFused, FPRSqrtStepFused, FPMulX). The estimates are exact table-free computations of the
 * architecture's 8-bit estimate, so results match hardware bit for bit.
 */
public final class FpEstimate {
    private FpEstimate() {
    }

    /** RecipEstimate: a in [256, 512) is a 9-bit fixed-point number in [0.5, 1); returns [256, 512). */
    static int recipEstimate(int a) {
        a = a * 2 + 1;
        int b = (1 << 19) / a;
        return (b + 1) / 2;
    }

    /** RecipSqrtEstimate for every input, computed once (the definition searches up to ~500 candidates). */
    private static final int[] RSQRT = new int[512];

    static {
        for (int a = 128; a < 512; a++) {
            RSQRT[a] = recipSqrtEstimateByDefinition(a);
        }
    }

    static int recipSqrtEstimate(int a) {
        return RSQRT[a];
    }

    /** RecipSqrtEstimate: a in [128, 512) is a fixed-point number in [0.25, 1); returns [256, 512). */
    static int recipSqrtEstimateByDefinition(int a) {
        if (a < 256) {
            a = a * 2 + 1;
        } else {
            a = (a >> 1) << 1;
            a = (a + 1) * 2;
        }
        int b = 512;
        while ((long) a * (b + 1) * (b + 1) < (1L << 28)) {
            b++;
        }
        return (b + 1) / 2;
    }

    /** The fraction of single or double bits, left-aligned to 52 bits. */
    private static long fraction52(long bits, int fmt) {
        return FpBits.fraction(bits, fmt) << (52 - FRAC[fmt]);
    }

    private static long pack(boolean neg, long exp, long fraction52, int fmt) {
        return (neg ? FpBits.signBit(fmt) : 0) | (exp << FRAC[fmt]) | (fraction52 >>> (52 - FRAC[fmt]));
    }

    /** FRECPE. */
    public static long recip(Cpu c, long op, int fmt) {
        op = FpBits.flushIn(c, op, fmt);
        boolean neg = FpBits.isNegative(op, fmt);
        if (FpBits.isNaN(op, fmt)) {
            return FpBits.processNaN(c, op, fmt);
        }
        if (FpBits.isInf(op, fmt)) {
            return FpBits.zero(neg, fmt);
        }
        if (FpBits.isZero(op, fmt)) {
            c.fpsr |= FpBits.DZC;
            return FpBits.infinity(neg, fmt);
        }
        double mag = Math.abs(FpConvert.value(op, fmt, false));
        if (mag < (fmt == D ? 0x1p-1024 : 0x1p-128)) {
            int mode = FpBits.rmode(c);
            boolean toInf = mode == FpBits.RN || (mode == FpBits.RP && !neg) || (mode == FpBits.RM && neg);
            c.fpsr |= FpBits.OFC | FpBits.IXC;
            return toInf ? FpBits.infinity(neg, fmt) : FpBits.maxNormal(neg, fmt);
        }
        if ((c.fpcr & FpBits.FPCR_FZ) != 0 && mag >= (fmt == D ? 0x1p1022 : 0x1p126)) {
            c.fpsr |= FpBits.UFC;
            return FpBits.zero(neg, fmt);
        }
        long fraction = fraction52(op, fmt);
        long exp = FpBits.exponent(op, fmt);
        if (exp == 0) {
            if ((fraction >>> 51 & 1) == 0) {
                exp = -1;
                fraction = (fraction << 2) & ((1L << 52) - 1);
            } else {
                fraction = (fraction << 1) & ((1L << 52) - 1);
            }
        }
        int scaled = (int) (0x100 | (fraction >>> 44));
        long resultExp = (fmt == D ? 2045 : 253) - exp;
        int estimate = recipEstimate(scaled);
        fraction = (long) (estimate & 0xFF) << 44;
        if (resultExp == 0) {
            fraction = (1L << 51) | (fraction >>> 1);
        } else if (resultExp == -1) {
            fraction = (1L << 50) | (fraction >>> 2);
            resultExp = 0;
        }
        return pack(neg, resultExp, fraction, fmt);
    }

    /** FRSQRTE. */
    public static long rsqrt(Cpu c, long op, int fmt) {
        op = FpBits.flushIn(c, op, fmt);
        boolean neg = FpBits.isNegative(op, fmt);
        if (FpBits.isNaN(op, fmt)) {
            return FpBits.processNaN(c, op, fmt);
        }
        if (FpBits.isZero(op, fmt)) {
            c.fpsr |= FpBits.DZC;
            return FpBits.infinity(neg, fmt);
        }
        if (neg) {
            return FpBits.invalid(c, fmt);
        }
        if (FpBits.isInf(op, fmt)) {
            return 0;
        }
        long fraction = fraction52(op, fmt);
        long exp = FpBits.exponent(op, fmt);
        if (exp == 0) {
            while ((fraction >>> 51 & 1) == 0) {
                fraction = (fraction << 1) & ((1L << 52) - 1);
                exp--;
            }
            fraction = (fraction << 1) & ((1L << 52) - 1);
        }
        int scaled = (exp & 1) == 0 ? (int) (0x100 | (fraction >>> 44)) : (int) (0x80 | (fraction >>> 45));
        long resultExp = Math.floorDiv((fmt == D ? 3068 : 380) - exp, 2);
        int estimate = recipSqrtEstimate(scaled);
        return pack(false, resultExp, (long) (estimate & 0xFF) << 44, fmt);
    }

    /** URECPE on one 32-bit element. */
    public static long unsignedRecip(long op) {
        if ((op & 0x8000_0000L) == 0) {
            return 0xFFFF_FFFFL;
        }
        return (long) (recipEstimate((int) (op >>> 23) & 0x1FF) & 0x1FF) << 23;
    }

    /** URSQRTE on one 32-bit element. */
    public static long unsignedRsqrt(long op) {
        if ((op & 0xC000_0000L) == 0) {
            return 0xFFFF_FFFFL;
        }
        return (long) (recipSqrtEstimate((int) (op >>> 23) & 0x1FF) & 0x1FF) << 23;
    }

    /** FRECPX: the exponent inverted, fraction cleared (zeros and denormals get the largest finite exponent). */
    public static long recpx(Cpu c, long op, int fmt) {
        op = FpBits.flushIn(c, op, fmt);
        if (FpBits.isNaN(op, fmt)) {
            return FpBits.processNaN(c, op, fmt);
        }
        boolean neg = FpBits.isNegative(op, fmt);
        int max = FpBits.EXP_MAX[fmt];
        int exp = FpBits.exponent(op, fmt);
        long resultExp = exp == 0 ? max - 1 : ~exp & max;
        return pack(neg, resultExp, 0, fmt);
    }

    /** FPMulX: as FPMul, except that infinity times zero is 2.0 with the sign of the product. */
    public static long mulx(Cpu c, long a, long b, int fmt) {
        long fa = FpBits.flushIn(c, a, fmt);
        long fb = FpBits.flushIn(c, b, fmt);
        if (!FpBits.isNaN(fa, fmt) && !FpBits.isNaN(fb, fmt)
                && ((FpBits.isInf(fa, fmt) && FpBits.isZero(fb, fmt)) || (FpBits.isZero(fa, fmt) && FpBits.isInf(fb, fmt)))) {
            boolean neg = FpBits.isNegative(fa, fmt) != FpBits.isNegative(fb, fmt);
            return two(neg, fmt);
        }
        return FpArith.mul(c, fa, fb, fmt);
    }

    private static long two(boolean neg, int fmt) {
        return (neg ? FpBits.signBit(fmt) : 0) | ((long) FpBits.BIAS[fmt] + 1) << FRAC[fmt];
    }

    /**
     * FPRecipStepFused (FRECPS, {@code rsqrt} false): 2 - a*b; FPRSqrtStepFused (FRSQRTS): (3 - a*b) / 2. Both
     * fused, with infinity times zero giving exactly 2 (1.5). The negation of a happens before NaN processing.
     */
    public static long step(Cpu c, long a, long b, int fmt, boolean rsqrt) {
        a = FpBits.flushIn(c, a ^ FpBits.signBit(fmt), fmt);
        b = FpBits.flushIn(c, b, fmt);
        if (FpBits.isNaN(a, fmt) || FpBits.isNaN(b, fmt)) {
            return FpBits.processNaNs(c, a, b, fmt);
        }
        boolean infA = FpBits.isInf(a, fmt);
        boolean infB = FpBits.isInf(b, fmt);
        boolean zeroA = FpBits.isZero(a, fmt);
        boolean zeroB = FpBits.isZero(b, fmt);
        if ((infA && zeroB) || (zeroA && infB)) {
            return rsqrt ? onePointFive(fmt) : two(false, fmt);
        }
        if (infA || infB) {
            return FpBits.infinity(FpBits.isNegative(a, fmt) != FpBits.isNegative(b, fmt), fmt);
        }
        double addend = rsqrt ? 3.0 : 2.0;
        return FpArith.fmaScaled(c, FpConvert.value(a, fmt, false), FpConvert.value(b, fmt, false), addend, fmt,
                FpBits.rmode(c), rsqrt ? -1 : 0, zeroA || zeroB);
    }

    private static long onePointFive(int fmt) {
        return ((long) FpBits.BIAS[fmt] << FRAC[fmt]) | (1L << (FRAC[fmt] - 1));
    }
}
