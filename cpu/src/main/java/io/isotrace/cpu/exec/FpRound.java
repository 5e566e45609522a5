package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;

import static io.isotrace.cpu.exec.FpBits.BIAS;
import static io.isotrace.cpu.exec.FpBits.FPCR_FZ;
import static io.isotrace.cpu.exec.FpBits.FRAC;
import static io.isotrace.cpu.exec.FpBits.H;
import static io.isotrace.cpu.exec.FpBits.IOC;
import static io.isotrace.cpu.exec.FpBits.IXC;
import static io.isotrace.cpu.exec.FpBits.OFC;
import static io.isotrace.cpu.exec.FpBits.UFC;

/**
 * Rounding an exactly known value to a format, as the Arm ARM's FPRound does: any rounding mode (including
 * ties-away and round-to-odd), tininess detected before rounding, Underflow only when tiny and inexact,
 * flush-to-zero of tiny results under FPCR.FZ (Underflow, no Inexact), overflow to infinity or the largest
 * normal by mode, and the cumulative FPSR flags.
 *
 * <p>The value is {@code (sig + f) * 2^exp} with {@code sig} an unsigned 64-bit integer and {@code f} in [0, 1):
 * only whether {@code f} is zero is needed ({@code sticky}). Operations that compute in Java doubles hand over
 * their round-to-nearest result and the sign of its error ({@link #fromDouble}); the two describe the same
 * rounding interval, so the final rounding is exact whatever the mode or target format.
 */
public final class FpRound {
    private FpRound() {
    }

    /** Rounds {@code (neg ? -1 : 1) * (sig + sticky) * 2^exp} (sig != 0) to {@code fmt} in rounding {@code mode}. */
    public static long round(Cpu c, boolean neg, int exp, long sig, boolean sticky, int fmt, int mode) {
        return round(c, neg, exp, sig, sticky, fmt, mode, false);
    }

    /**
     * As {@link #round(Cpu, boolean, int, long, boolean, int, int)}; {@code ahp} selects the Arm alternative
     * half-precision format (no infinities or NaNs: exponent 31 is normal, overflow saturates with Invalid Operation).
     */
    static long round(Cpu c, boolean neg, int exp, long sig, boolean sticky, int fmt, int mode, boolean ahp) {
        int lz = Long.numberOfLeadingZeros(sig);
        sig <<= lz;
        exp -= lz;
        int e = exp + 63;                  // the value lies in [2^e, 2^(e+1))
        int f = FRAC[fmt];
        int emin = 1 - BIAS[fmt];
        long sign = neg ? FpBits.signBit(fmt) : 0;
        boolean tiny = e < emin;
        if (tiny && fmt != H && (c.fpcr & FPCR_FZ) != 0) {
            c.fpsr |= UFC;
            return sign;
        }
        int shift = 63 - f + (tiny ? emin - e : 0);
        long kept;
        int cmp;                            // remainder against half a unit in the last place: -1, 0, 1
        boolean inexact;
        if (shift < 64) {
            kept = sig >>> shift;
            long rem = sig << (64 - shift);  // the discarded bits, left-aligned (shift >= 11, so never by 64)
            cmp = rem == Long.MIN_VALUE ? (sticky ? 1 : 0) : Long.compareUnsigned(rem, Long.MIN_VALUE) > 0 ? 1 : -1;
            inexact = rem != 0 || sticky;
        } else {
            kept = 0;
            cmp = shift == 64 ? (sig == Long.MIN_VALUE ? (sticky ? 1 : 0) : Long.compareUnsigned(sig, Long.MIN_VALUE) > 0 ? 1 : -1) : -1;
            inexact = true;
        }
        if (inexact) {
            if (roundsUp(mode, neg, cmp, kept)) {
                kept++;
            } else if (mode == FpBits.ODD) {
                kept |= 1;
            }
        }
        // Normal: the biased exponent goes above the fraction; kept carries the implicit bit, which adds the
        // missing 1 (and a carry out of the fraction bumps the exponent). Subnormal: biased exponent 0.
        long bits = tiny ? kept : ((long) (e + BIAS[fmt] - 1) << f) + kept;
        int expField = (int) (bits >>> f);
        int limit = ahp ? 32 : FpBits.EXP_MAX[fmt];
        if (expField >= limit) {
            return overflow(c, neg, fmt, mode, ahp);
        }
        if (inexact) {
            c.fpsr |= tiny ? IXC | UFC : IXC;
        }
        return sign | bits;
    }

    private static boolean roundsUp(int mode, boolean neg, int cmp, long kept) {
        switch (mode) {
            case FpBits.RN:
                return cmp > 0 || (cmp == 0 && (kept & 1) != 0);
            case FpBits.RP:
                return !neg;
            case FpBits.RM:
                return neg;
            case FpBits.TIEAWAY:
                return cmp >= 0;
            default:
                return false;               // RZ, ODD
        }
    }

    private static long overflow(Cpu c, boolean neg, int fmt, int mode, boolean ahp) {
        if (ahp) {
            c.fpsr |= IOC;
            return (neg ? FpBits.signBit(H) : 0) | 0x7FFF;
        }
        c.fpsr |= OFC | IXC;
        boolean toInfinity = mode == FpBits.RN || mode == FpBits.TIEAWAY || (mode == FpBits.RP && !neg)
                || (mode == FpBits.RM && neg);
        return toInfinity ? FpBits.infinity(neg, fmt) : FpBits.maxNormal(neg, fmt);
    }

    /**
     * Rounds {@code (hi + lo) * 2^scale}, where {@code hi} is a finite nonzero double equal to the exact value
     * rounded to nearest-even in double precision and only the sign of the error {@code lo} matters.
     */
    public static long fromDouble(Cpu c, double hi, double lo, int scale, int fmt, int mode) {
        long b = Double.doubleToRawLongBits(hi);
        int e = (int) (b >>> 52) & 0x7FF;
        long sig = b & 0x000F_FFFF_FFFF_FFFFL;
        int exp;
        if (e == 0) {
            exp = -1074;
        } else {
            sig |= 1L << 52;
            exp = e - 1075;
        }
        // Two guard bits below hi's last place: hi - |lo| becomes (sig - 1) + sticky, which rounds like it at any
        // position at or above hi's last place (|lo| is at most half of it, and a tie there was broken towards hi).
        sig <<= 2;
        exp -= 2;
        boolean sticky = false;
        if (lo != 0) {
            sticky = true;
            if ((lo < 0) != (hi < 0)) {
                sig--;
            }
        }
        return round(c, b < 0, exp + scale, sig, sticky, fmt, mode);
    }
}
