package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;

import static io.isotrace.cpu.exec.FpBits.D;
import static io.isotrace.cpu.exec.FpBits.FPCR_AHP;
import static io.isotrace.cpu.exec.FpBits.FPCR_DN;
import static io.isotrace.cpu.exec.FpBits.FRAC;
import static io.isotrace.cpu.exec.FpBits.H;
import static io.isotrace.cpu.exec.FpBits.IOC;
import static io.isotrace.cpu.exec.FpBits.IXC;
import static io.isotrace.cpu.exec.FpBits.S;

/**
 * Conversions (Arm ARM FPConvert, FPToFixed, FixedToFP, FPRoundInt): between half, single and double, from
 * floating point to signed/unsigned 32/64-bit integers and fixed point with saturation, from integers and fixed
 * point to floating point, and rounding to an integral value.
 */
public final class FpConvert {
    private FpConvert() {
    }

    /** The value of half, single or double bits as a double (exact); {@code ahp} reads half bits as the alternative format. */
    static double value(long bits, int fmt, boolean ahp) {
        switch (fmt) {
            case D:
                return Double.longBitsToDouble(bits);
            case S:
                return Float.intBitsToFloat((int) bits);
            default:
                return half(bits, ahp);
        }
    }

    private static double half(long bits, boolean ahp) {
        int e = (int) (bits >>> 10) & 0x1F;
        int f = (int) bits & 0x3FF;
        double v;
        if (e == 0) {
            v = Math.scalb((double) f, -24);
        } else if (e == 31 && !ahp) {
            v = f == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            v = Math.scalb((double) (f | 0x400), e - 25);
        }
        return (bits & 0x8000) != 0 ? -v : v;
    }

    /** FPConvert: FCVT between formats, rounding by {@code mode}. */
    public static long convert(Cpu c, long bits, int from, int to, int mode) {
        if (from == S && to == D && (c.fpcr & FpBits.FPCR_FZ) == 0 && !FpBits.isNaN(bits, S)) {
            // Widening a single is exact (subnormals included) when nothing is flushed.
            return Double.doubleToRawLongBits(Float.intBitsToFloat((int) bits));
        }
        if (from == D && to == S && mode == FpBits.RN && (c.fpcr & FpBits.FPCR_FZ) == 0) {
            double d = Double.longBitsToDouble(bits);
            float f = (float) d;
            float m = Math.abs(f);
            if (m > Float.MIN_NORMAL && m <= Float.MAX_VALUE) {
                if ((double) f != d) {
                    c.fpsr |= IXC;
                }
                return Float.floatToRawIntBits(f) & 0xFFFF_FFFFL;
            }
        }
        return convertExact(c, bits, from, to, mode);
    }

    private static long convertExact(Cpu c, long bits, int from, int to, int mode) {
        boolean ahpIn = from == H && (c.fpcr & FPCR_AHP) != 0;
        boolean ahpOut = to == H && (c.fpcr & FPCR_AHP) != 0;
        bits = FpBits.flushIn(c, bits, from);
        boolean neg = FpBits.isNegative(bits, from);
        if (!ahpIn && FpBits.isNaN(bits, from)) {
            if (FpBits.isSignalling(bits, from) || ahpOut) {
                c.fpsr |= IOC;
            }
            if (ahpOut) {
                return FpBits.zero(neg, to);
            }
            if ((c.fpcr & FPCR_DN) != 0) {
                return FpBits.defaultNaN(to);
            }
            return convertNaN(bits, from, to);
        }
        if (!ahpIn && FpBits.isInf(bits, from)) {
            if (ahpOut) {
                c.fpsr |= IOC;
                return FpBits.signBit(H) * (neg ? 1 : 0) | 0x7FFF;
            }
            return FpBits.infinity(neg, to);
        }
        if (FpBits.isZero(bits, from)) {
            return FpBits.zero(neg, to);
        }
        // Unpack to an integer significand and exponent, then round (exact when widening).
        int e = FpBits.exponent(bits, from);
        long sig = FpBits.fraction(bits, from);
        int exp;
        if (e == 0) {
            exp = 1 - FpBits.BIAS[from] - FRAC[from];
        } else {
            sig |= 1L << FRAC[from];
            exp = e - FpBits.BIAS[from] - FRAC[from];
        }
        return FpRound.round(c, neg, exp, sig, false, to, mode, ahpOut);
    }

    /** FPConvertNaN: the sign, the quiet bit set, and the most significant payload bits that fit. */
    static long convertNaN(long bits, int from, int to) {
        long frac = FpBits.fraction(bits, from);
        int shift = FRAC[to] - FRAC[from];
        long payload = shift >= 0 ? frac << shift : frac >>> -shift;
        long sign = FpBits.isNegative(bits, from) ? FpBits.signBit(to) : 0;
        return sign | ((long) FpBits.EXP_MAX[to] << FRAC[to]) | (1L << (FRAC[to] - 1)) | payload;
    }

    /** Rounds a double to an integral double by {@code mode} (not ODD). */
    static double roundIntegral(double x, int mode) {
        switch (mode) {
            case FpBits.RN:
                return Math.rint(x);
            case FpBits.RP:
                return Math.ceil(x);
            case FpBits.RM:
                return Math.floor(x);
            case FpBits.RZ:
                return x < 0 ? Math.ceil(x) : Math.floor(x);
            default: {
                double m = Math.abs(x);
                double t = Math.floor(m);
                if (m - t >= 0.5) {
                    t += 1;
                }
                return Math.copySign(t, x);
            }
        }
    }

    /**
     * FPToFixed: FCVT[NPMZA][SU] and the fixed-point FCVTZ[SU]: {@code bits} (single or double) times 2^fbits,
     * rounded by {@code mode}, saturated to a signed or unsigned integer of {@code width} bits (32 or 64). NaN
     * gives 0; NaN and saturation raise Invalid Operation, other inexact results Inexact. The result is the
     * integer zero-extended from {@code width} bits.
     */
    public static long toInt(Cpu c, long bits, int fmt, int mode, boolean unsigned, int width, int fbits) {
        bits = FpBits.flushIn(c, bits, fmt);
        if (FpBits.isNaN(bits, fmt)) {
            c.fpsr |= IOC;
            return 0;
        }
        double v = value(bits, fmt, false);
        if (fbits != 0) {
            v = Math.scalb(v, fbits);
        }
        double r = roundIntegral(v, mode);
        long result;
        if (unsigned) {
            double max = width == 64 ? 0x1p64 : 0x1p32;
            if (r < 0) {
                c.fpsr |= IOC;
                return 0;
            }
            if (r >= max) {
                c.fpsr |= IOC;
                return width == 64 ? -1L : 0xFFFF_FFFFL;
            }
            result = r >= 0x1p63 ? (long) (r - 0x1p63) ^ Long.MIN_VALUE : (long) r;
        } else {
            double max = width == 64 ? 0x1p63 : 0x1p31;
            if (r >= max || r < -max) {
                c.fpsr |= IOC;
                long sat = r < 0 ? (width == 64 ? Long.MIN_VALUE : Integer.MIN_VALUE) : (width == 64 ? Long.MAX_VALUE
                        : Integer.MAX_VALUE);
                return width == 64 ? sat : sat & 0xFFFF_FFFFL;
            }
            result = (long) r;
        }
        if (r != v) {
            c.fpsr |= IXC;
        }
        return width == 64 ? result : result & 0xFFFF_FFFFL;
    }

    /**
     * FixedToFP: SCVTF/UCVTF of a {@code width}-bit integer (sign- or zero-extended from {@code value}) divided by
     * 2^fbits, rounded to {@code fmt} by {@code mode}.
     */
    public static long fromInt(Cpu c, long value, boolean unsigned, int width, int fmt, int fbits, int mode) {
        if (width == 32) {
            value = unsigned ? value & 0xFFFF_FFFFL : (int) value;
        } else if (width == 16) {
            value = unsigned ? value & 0xFFFFL : (short) value;
        }
        if (value == 0) {
            return 0;
        }
        boolean neg = !unsigned && value < 0;
        long mag = neg ? -value : value;
        if (fbits == 0 && mode == FpBits.RN && mag > 0 && mag <= (fmt == D ? 1L << 53 : 1L << 24) && fmt != H) {
            double d = neg ? -(double) mag : (double) mag;
            return fmt == D ? Double.doubleToRawLongBits(d) : Float.floatToRawIntBits((float) d) & 0xFFFF_FFFFL;
        }
        return FpRound.round(c, neg, -fbits, mag, false, fmt, mode);
    }

    /** FPRoundInt: FRINT[NPMZAXI]; {@code exact} (FRINTX) raises Inexact when the value changes. */
    public static long roundToIntegral(Cpu c, long bits, int fmt, int mode, boolean exact) {
        bits = FpBits.flushIn(c, bits, fmt);
        if (FpBits.isNaN(bits, fmt)) {
            return FpBits.processNaN(c, bits, fmt);
        }
        if (FpBits.isInf(bits, fmt) || FpBits.isZero(bits, fmt)) {
            return bits;
        }
        double v = value(bits, fmt, false);
        double r = roundIntegral(v, mode);
        if (exact && r != v) {
            c.fpsr |= IXC;
        }
        if (r == 0) {
            r = Math.copySign(0.0, v);
        }
        return fmt == D ? Double.doubleToRawLongBits(r) : Float.floatToRawIntBits((float) r) & 0xFFFF_FFFFL;
    }

    /** VFPExpandImm: the 8-bit FMOV immediate as bits of {@code fmt}. */
    public static long expandImm(int imm8, int fmt) {
        int sign = (imm8 >> 7) & 1;
        int b6 = (imm8 >> 6) & 1;
        int ebits = fmt == D ? 11 : fmt == S ? 8 : 5;
        int fbits = FRAC[fmt];
        // exp = NOT(b6) : Replicate(b6, E-3) : imm8<5:4>
        long exp = ((long) (b6 ^ 1) << (ebits - 1)) | ((b6 == 1 ? (1L << (ebits - 3)) - 1 : 0) << 2)
                | ((imm8 >> 4) & 3);
        long frac = (long) (imm8 & 0xF) << (fbits - 4);
        return ((long) sign << (ebits + fbits)) | (exp << fbits) | frac;
    }
}
