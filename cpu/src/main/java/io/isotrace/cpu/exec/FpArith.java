package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;

import static io.isotrace.cpu.exec.FpBits.D;
import static io.isotrace.cpu.exec.FpBits.DZC;
import static io.isotrace.cpu.exec.FpBits.RM;
import static io.isotrace.cpu.exec.FpBits.S;

/**
 * IEEE 754 arithmetic with Arm semantics (Arm ARM FPAdd, FPMul, FPDiv, FPSqrt, FPMulAdd) on raw single and double
 * bits. The fast path is Java's own arithmetic, taken when the result cannot need anything else: rounding to
 * nearest, no flush-to-zero, Inexact already flagged (it is sticky, so the rest of a program's run takes it), and a
 * finite normal result. Everything else — NaN propagation, infinities, signed zeros, other rounding modes, Inexact,
 * Underflow, Overflow, FZ — goes through the exact path: the operation is redone on operands scaled near 1, where an
 * error-free transformation (TwoSum, or the residual Math.fma gives exactly) yields the round-to-nearest result and
 * the sign of its error, and {@link FpRound#fromDouble} rounds that for the format, mode and range.
 *
 * <p>Singles compute in double: a sum, product, quotient or square root of singles rounded once to double and then
 * to single is correctly rounded (53 >= 2*24 + 2), and the exact path tracks the error of the double step.
 */
public final class FpArith {
    private static final double MIN_NORMAL_D = Double.MIN_NORMAL;
    private static final float MIN_NORMAL_S = Float.MIN_NORMAL;

    private FpArith() {
    }

    // ------------------------------------------------------------------ double
    //
    // The fast paths: round to nearest, no flush-to-zero, and a finite normal result (so neither Overflow nor
    // Underflow can be due). The only flag left is Inexact: when it is already set there is nothing to do, else
    // the error of the operation (exact in these ranges) decides it. Operands or results far down the exponent
    // range, where an error term could itself underflow, take the exact path instead.

    /** Below this magnitude the error terms of products and quotients might not be exact. */
    private static final double TINY = 0x1p-900;

    private static boolean roundToNearest(Cpu c) {
        return (c.fpcr & FpBits.SLOW_FPCR) == 0;
    }

    private static boolean inexactKnown(Cpu c) {
        return (c.fpsr & FpBits.IXC) != 0;
    }

    public static long addD(Cpu c, long a, long b) {
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        double r = x + y;
        if (roundToNearest(c) && normalD(r)) {
            if (!inexactKnown(c) && twoSumError(x, y, r) != 0) {
                c.fpsr |= FpBits.IXC;
            }
            return Double.doubleToRawLongBits(r);
        }
        return add(c, a, b, D);
    }

    public static long subD(Cpu c, long a, long b) {
        double x = Double.longBitsToDouble(a);
        double y = -Double.longBitsToDouble(b);
        double r = x + y;
        if (roundToNearest(c) && normalD(r)) {
            if (!inexactKnown(c) && twoSumError(x, y, r) != 0) {
                c.fpsr |= FpBits.IXC;
            }
            return Double.doubleToRawLongBits(r);
        }
        return FpBits.isNaN(b, D) ? add(c, a, b, D) : add(c, a, b ^ Long.MIN_VALUE, D);
    }

    public static long mulD(Cpu c, long a, long b) {
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        double r = x * y;
        if (roundToNearest(c) && normalD(r)) {
            if (inexactKnown(c)) {
                return Double.doubleToRawLongBits(r);
            }
            if (Math.abs(r) > TINY) {
                if (Math.fma(x, y, -r) != 0) {
                    c.fpsr |= FpBits.IXC;
                }
                return Double.doubleToRawLongBits(r);
            }
        }
        return mul(c, a, b, D);
    }

    public static long divD(Cpu c, long a, long b) {
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        double r = x / y;
        if (roundToNearest(c) && normalD(r)) {
            if (inexactKnown(c)) {
                return Double.doubleToRawLongBits(r);
            }
            if (Math.abs(r) > TINY && Math.abs(x) > TINY) {
                if (Math.fma(-r, y, x) != 0) {
                    c.fpsr |= FpBits.IXC;
                }
                return Double.doubleToRawLongBits(r);
            }
        }
        return div(c, a, b, D);
    }

    public static long sqrtD(Cpu c, long a) {
        double x = Double.longBitsToDouble(a);
        double r = Math.sqrt(x);
        if (roundToNearest(c) && normalD(r)) {
            if (inexactKnown(c)) {
                return Double.doubleToRawLongBits(r);
            }
            if (x > TINY) {
                if (Math.fma(-r, r, x) != 0) {
                    c.fpsr |= FpBits.IXC;
                }
                return Double.doubleToRawLongBits(r);
            }
        }
        return sqrt(c, a, D);
    }

    /** FPMulAdd: {@code addend + m1 * m2} with one rounding. */
    public static long fmaD(Cpu c, long addend, long m1, long m2) {
        double x = Double.longBitsToDouble(m1);
        double y = Double.longBitsToDouble(m2);
        double z = Double.longBitsToDouble(addend);
        double r = Math.fma(x, y, z);
        if (roundToNearest(c) && normalD(r)) {
            if (inexactKnown(c)) {
                return Double.doubleToRawLongBits(r);
            }
            if (exactFma(x, y, z, r)) {
                return Double.doubleToRawLongBits(r);
            }
        }
        return fma(c, addend, m1, m2, D);
    }

    /**
     * True when {@code x * y + z == r} exactly, decided with error-free transformations: x*y = p + pl exactly and
     * r - z = d + e exactly, and two such normalized pairs are equal only term by term. False also when the terms
     * could underflow or overflow (the exact path then decides).
     */
    private static boolean exactFma(double x, double y, double z, double r) {
        double p = x * y;
        double ap = Math.abs(p);
        if (!(ap > TINY && ap < 0x1p900) || Math.abs(r) < TINY || Math.abs(z) > 0x1p900) {
            return false;
        }
        double pl = Math.fma(x, y, -p);
        double d = r - z;
        double e = twoSumError(r, -z, d);
        return p == d && pl == e;
    }

    private static boolean normalD(double r) {
        double m = Math.abs(r);
        return m > MIN_NORMAL_D && m <= Double.MAX_VALUE;
    }

    // ------------------------------------------------------------------ single
    //
    // Singles are computed in double, where the operation is exact (products) or its error is known; the
    // result is exact when the double result has no error and converts to single unchanged.

    private static long single(Cpu c, double exact, boolean exactInDouble, float r) {
        if (!inexactKnown(c) && (!exactInDouble || (double) r != exact)) {
            c.fpsr |= FpBits.IXC;
        }
        return Float.floatToRawIntBits(r) & 0xFFFF_FFFFL;
    }

    public static long addS(Cpu c, long a, long b) {
        double x = f(a);
        double y = f(b);
        double s = x + y;
        float r = (float) s;
        if (roundToNearest(c) && normalS(r)) {
            return single(c, s, inexactKnown(c) || twoSumError(x, y, s) == 0, r);
        }
        return add(c, a, b, S);
    }

    public static long subS(Cpu c, long a, long b) {
        double x = f(a);
        double y = -(double) f(b);
        double s = x + y;
        float r = (float) s;
        if (roundToNearest(c) && normalS(r)) {
            return single(c, s, inexactKnown(c) || twoSumError(x, y, s) == 0, r);
        }
        return FpBits.isNaN(b, S) ? add(c, a, b, S) : add(c, a, b ^ 0x8000_0000L, S);
    }

    public static long mulS(Cpu c, long a, long b) {
        double p = (double) f(a) * (double) f(b);          // exact: 24 x 24 bits
        float r = (float) p;
        if (roundToNearest(c) && normalS(r)) {
            return single(c, p, true, r);
        }
        return mul(c, a, b, S);
    }

    public static long divS(Cpu c, long a, long b) {
        double x = f(a);
        double y = f(b);
        double q = x / y;
        float r = (float) q;
        if (roundToNearest(c) && normalS(r)) {
            return single(c, q, inexactKnown(c) || Math.fma(-q, y, x) == 0, r);
        }
        return div(c, a, b, S);
    }

    public static long sqrtS(Cpu c, long a) {
        double x = f(a);
        double q = Math.sqrt(x);
        float r = (float) q;
        if (roundToNearest(c) && normalS(r)) {
            return single(c, q, inexactKnown(c) || Math.fma(-q, q, x) == 0, r);
        }
        return sqrt(c, a, S);
    }

    public static long fmaS(Cpu c, long addend, long m1, long m2) {
        double p = (double) f(m1) * (double) f(m2);        // exact
        double z = f(addend);
        double s = p + z;
        double e = twoSumError(p, z, s);                   // exact: s + e is the exact result
        // A double sum exactly halfway between two singles may hide the error that decides the tie.
        if (roundToNearest(c) && (e == 0 || (Double.doubleToRawLongBits(s) & 0x1FFF_FFFFL) != 0x1000_0000L)) {
            float r = (float) s;
            if (normalS(r)) {
                return single(c, s, e == 0, r);
            }
        }
        return fma(c, addend, m1, m2, S);
    }

    private static boolean normalS(float r) {
        float m = Math.abs(r);
        return m > MIN_NORMAL_S && m <= Float.MAX_VALUE;
    }

    static float f(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    // ------------------------------------------------------------------ the exact paths (S and D)

    /** The value of single or double bits as a double (exact). */
    static double value(long bits, int fmt) {
        return fmt == D ? Double.longBitsToDouble(bits) : (double) Float.intBitsToFloat((int) bits);
    }

    static long add(Cpu c, long a, long b, int fmt) {
        a = FpBits.flushIn(c, a, fmt);
        b = FpBits.flushIn(c, b, fmt);
        if (FpBits.isNaN(a, fmt) || FpBits.isNaN(b, fmt)) {
            return FpBits.processNaNs(c, a, b, fmt);
        }
        boolean infA = FpBits.isInf(a, fmt);
        boolean infB = FpBits.isInf(b, fmt);
        if (infA && infB && FpBits.isNegative(a, fmt) != FpBits.isNegative(b, fmt)) {
            return FpBits.invalid(c, fmt);
        }
        if (infA) {
            return a;
        }
        if (infB) {
            return b;
        }
        double x = value(a, fmt);
        double y = value(b, fmt);
        double r = x + y;
        if (r == 0) {
            // Exact zero: a zero of the common sign, else +0 (-0 when rounding towards minus infinity).
            boolean bothNeg = FpBits.isNegative(a, fmt) && FpBits.isNegative(b, fmt);
            boolean sameSignZeros = x == 0 && y == 0 && FpBits.isNegative(a, fmt) == FpBits.isNegative(b, fmt);
            return FpBits.zero(sameSignZeros ? bothNeg : FpBits.rmode(c) == RM, fmt);
        }
        if (Double.isInfinite(r)) {
            double hx = x * 0.5;
            double hy = y * 0.5;
            double h = hx + hy;
            return FpRound.fromDouble(c, h, twoSumError(hx, hy, h), 1, fmt, FpBits.rmode(c));
        }
        return FpRound.fromDouble(c, r, twoSumError(x, y, r), 0, fmt, FpBits.rmode(c));
    }

    /** The exact error of {@code s = fl(x + y)} (Knuth's TwoSum; exact barring overflow). */
    static double twoSumError(double x, double y, double s) {
        double bb = s - x;
        return (x - (s - bb)) + (y - bb);
    }

    static long mul(Cpu c, long a, long b, int fmt) {
        a = FpBits.flushIn(c, a, fmt);
        b = FpBits.flushIn(c, b, fmt);
        if (FpBits.isNaN(a, fmt) || FpBits.isNaN(b, fmt)) {
            return FpBits.processNaNs(c, a, b, fmt);
        }
        boolean neg = FpBits.isNegative(a, fmt) != FpBits.isNegative(b, fmt);
        boolean infA = FpBits.isInf(a, fmt);
        boolean infB = FpBits.isInf(b, fmt);
        boolean zeroA = FpBits.isZero(a, fmt);
        boolean zeroB = FpBits.isZero(b, fmt);
        if ((infA && zeroB) || (zeroA && infB)) {
            return FpBits.invalid(c, fmt);
        }
        if (infA || infB) {
            return FpBits.infinity(neg, fmt);
        }
        if (zeroA || zeroB) {
            return FpBits.zero(neg, fmt);
        }
        return product(c, value(a, fmt), value(b, fmt), fmt, FpBits.rmode(c));
    }

    /** The rounded product of two finite nonzero doubles, computed on mantissas in [1, 2). */
    static long product(Cpu c, double x, double y, int fmt, int mode) {
        int ex = exponentOf(x);
        int ey = exponentOf(y);
        double mx = Math.scalb(x, -ex);
        double my = Math.scalb(y, -ey);
        double p = mx * my;
        return FpRound.fromDouble(c, p, Math.fma(mx, my, -p), ex + ey, fmt, mode);
    }

    static long div(Cpu c, long a, long b, int fmt) {
        a = FpBits.flushIn(c, a, fmt);
        b = FpBits.flushIn(c, b, fmt);
        if (FpBits.isNaN(a, fmt) || FpBits.isNaN(b, fmt)) {
            return FpBits.processNaNs(c, a, b, fmt);
        }
        boolean neg = FpBits.isNegative(a, fmt) != FpBits.isNegative(b, fmt);
        boolean infA = FpBits.isInf(a, fmt);
        boolean infB = FpBits.isInf(b, fmt);
        boolean zeroA = FpBits.isZero(a, fmt);
        boolean zeroB = FpBits.isZero(b, fmt);
        if ((infA && infB) || (zeroA && zeroB)) {
            return FpBits.invalid(c, fmt);
        }
        if (infA || zeroB) {
            if (!infA) {
                c.fpsr |= DZC;
            }
            return FpBits.infinity(neg, fmt);
        }
        if (zeroA || infB) {
            return FpBits.zero(neg, fmt);
        }
        double x = Math.abs(value(a, fmt));
        double y = Math.abs(value(b, fmt));
        int ex = exponentOf(x);
        int ey = exponentOf(y);
        double mx = Math.scalb(x, -ex);
        double my = Math.scalb(y, -ey);
        double q = mx / my;
        double r = Math.fma(-q, my, mx);    // the sign of the exact remainder
        return FpRound.fromDouble(c, neg ? -q : q, neg ? -r : r, ex - ey, fmt, FpBits.rmode(c));
    }

    static long sqrt(Cpu c, long a, int fmt) {
        a = FpBits.flushIn(c, a, fmt);
        if (FpBits.isNaN(a, fmt)) {
            return FpBits.processNaN(c, a, fmt);
        }
        if (FpBits.isZero(a, fmt)) {
            return a;
        }
        if (FpBits.isNegative(a, fmt)) {
            return FpBits.invalid(c, fmt);
        }
        if (FpBits.isInf(a, fmt)) {
            return a;
        }
        double x = value(a, fmt);
        int ex = exponentOf(x);
        double m = Math.scalb(x, -ex);
        if ((ex & 1) != 0) {
            m *= 2;
            ex--;
        }
        double s = Math.sqrt(m);
        return FpRound.fromDouble(c, s, Math.fma(-s, s, m), ex / 2, fmt, FpBits.rmode(c));
    }

    /** FPMulAdd (Arm ARM): {@code addend + m1 * m2} rounded once; an Inf*0 product is invalid even with a NaN addend. */
    static long fma(Cpu c, long addend, long m1, long m2, int fmt) {
        addend = FpBits.flushIn(c, addend, fmt);
        m1 = FpBits.flushIn(c, m1, fmt);
        m2 = FpBits.flushIn(c, m2, fmt);
        boolean inf1 = FpBits.isInf(m1, fmt);
        boolean inf2 = FpBits.isInf(m2, fmt);
        boolean zero1 = FpBits.isZero(m1, fmt);
        boolean zero2 = FpBits.isZero(m2, fmt);
        boolean infTimesZero = (inf1 && zero2) || (zero1 && inf2);
        if (FpBits.isNaN(addend, fmt) || FpBits.isNaN(m1, fmt) || FpBits.isNaN(m2, fmt)) {
            boolean quietAddend = FpBits.isNaN(addend, fmt) && !FpBits.isSignalling(addend, fmt);
            if (quietAddend && infTimesZero && !FpBits.isSignalling(m1, fmt) && !FpBits.isSignalling(m2, fmt)) {
                return FpBits.invalid(c, fmt);
            }
            return FpBits.processNaNs3(c, addend, m1, m2, fmt);
        }
        boolean negP = FpBits.isNegative(m1, fmt) != FpBits.isNegative(m2, fmt);
        boolean infA = FpBits.isInf(addend, fmt);
        boolean negA = FpBits.isNegative(addend, fmt);
        if (infTimesZero || (infA && (inf1 || inf2) && negA != negP)) {
            return FpBits.invalid(c, fmt);
        }
        if (infA) {
            return addend;
        }
        if (inf1 || inf2) {
            return FpBits.infinity(negP, fmt);
        }
        boolean zeroA = FpBits.isZero(addend, fmt);
        if (zero1 || zero2) {
            if (zeroA) {
                return FpBits.zero(negA == negP ? negA : FpBits.rmode(c) == RM, fmt);
            }
            return addend;
        }
        int mode = FpBits.rmode(c);
        double x = value(m1, fmt);
        double y = value(m2, fmt);
        if (zeroA) {
            return product(c, x, y, fmt, mode);
        }
        return fmaExact(c, x, y, value(addend, fmt), fmt, mode);
    }

    /**
     * Rounds {@code (z + x * y) * 2^scale} exactly (x, y, z finite; z nonzero); {@code productZero} when x or y is
     * zero. For the reciprocal step instructions, whose addend is 2 or 3 and whose result may be halved.
     */
    static long fmaScaled(Cpu c, double x, double y, double z, int fmt, int mode, int scale, boolean productZero) {
        if (productZero) {
            return FpRound.fromDouble(c, z, 0, scale, fmt, mode);
        }
        return fmaExact(c, x, y, z, fmt, mode, scale);
    }

    private static long fmaExact(Cpu c, double x, double y, double z, int fmt, int mode) {
        return fmaExact(c, x, y, z, fmt, mode, 0);
    }

    /** Rounds {@code (x * y + z) * 2^scale} (all finite, nonzero) exactly. */
    private static long fmaExact(Cpu c, double x, double y, double z, int fmt, int mode, int scale) {
        int ex = exponentOf(x);
        int ey = exponentOf(y);
        int ez = exponentOf(z);
        double mx = Math.scalb(x, -ex);
        double my = Math.scalb(y, -ey);
        int ep = ex + ey;
        double p = mx * my;                 // product = (p + pl) * 2^ep, exactly
        double pl = Math.fma(mx, my, -p);
        int gap = ez - ep;
        if (gap > 110) {
            // The product is far below the addend's last place: it only breaks ties (there are none) and
            // decides the direction of the error.
            return FpRound.fromDouble(c, z, p, scale, fmt, mode);
        }
        if (gap < -110) {
            // The addend is far below the product's last place.
            double zt = Math.copySign(Double.MIN_VALUE, z);
            return roundSum3(c, p, pl, zt, ep + scale, fmt, mode);
        }
        double zs = Math.scalb(z, -ep);     // exact: |gap| <= 110 keeps it a normal double
        double s = p + zs;
        double e1 = twoSumError(p, zs, s);
        if (s == 0 && e1 == 0 && pl == 0) {
            return FpBits.zero(mode == RM, fmt);
        }
        double t = e1 + pl;
        double e2 = twoSumError(e1, pl, t);
        return roundSum3(c, s, t, e2, ep + scale, fmt, mode);
    }

    /**
     * Rounds {@code (u + v + w) * 2^scale} where {@code v} and {@code w} are each at most half an ulp of the partial
     * sums they follow: computes the round-to-nearest sum {@code h} of {@code u + v} and its error, then lets
     * {@code w} break a tie in that error, so {@code h} is the nearest double to the full sum.
     */
    private static long roundSum3(Cpu c, double u, double v, double w, int scale, int fmt, int mode) {
        double h = u + v;
        double e = twoSumError(u, v, h);
        if (h == 0) {
            return FpRound.fromDouble(c, w, 0, scale, fmt, mode);
        }
        if (w != 0 && e != 0 && (e > 0) == (w > 0)) {
            // The neighbour of h on e's side, and the spacing to it (which halves below a power of two).
            double other = e > 0 ? Math.nextUp(h) : Math.nextDown(h);
            if (Math.abs(e) * 2 == Math.abs(other - h)) {
                // Exactly halfway plus a little more in the same direction: the nearest double is the neighbour.
                return FpRound.fromDouble(c, other, -e, scale, fmt, mode);
            }
        }
        return FpRound.fromDouble(c, h, e != 0 ? e : w, scale, fmt, mode);
    }

    // ------------------------------------------------------------------ max/min/compare (H, S, D)

    /** FPMax: NaNs propagate; of two zeros the positive one. */
    public static long max(Cpu c, long a, long b, int fmt) {
        a = FpBits.flushIn(c, a, fmt);
        b = FpBits.flushIn(c, b, fmt);
        if (FpBits.isNaN(a, fmt) || FpBits.isNaN(b, fmt)) {
            return FpBits.processNaNs(c, a, b, fmt);
        }
        if (FpBits.isZero(a, fmt) && FpBits.isZero(b, fmt)) {
            return a & b;
        }
        return FpConvert.value(a, fmt, false) > FpConvert.value(b, fmt, false) ? a : b;
    }

    /** FPMin: NaNs propagate; of two zeros the negative one. */
    public static long min(Cpu c, long a, long b, int fmt) {
        a = FpBits.flushIn(c, a, fmt);
        b = FpBits.flushIn(c, b, fmt);
        if (FpBits.isNaN(a, fmt) || FpBits.isNaN(b, fmt)) {
            return FpBits.processNaNs(c, a, b, fmt);
        }
        if (FpBits.isZero(a, fmt) && FpBits.isZero(b, fmt)) {
            return a | b;
        }
        return FpConvert.value(a, fmt, false) < FpConvert.value(b, fmt, false) ? a : b;
    }

    /** FPMaxNum: a single quiet NaN loses to a number (IEEE 754-2008 maxNum). */
    public static long maxNum(Cpu c, long a, long b, int fmt) {
        boolean qa = FpBits.isNaN(a, fmt) && !FpBits.isSignalling(a, fmt);
        boolean qb = FpBits.isNaN(b, fmt) && !FpBits.isSignalling(b, fmt);
        if (qa && !qb) {
            a = FpBits.infinity(true, fmt);
        } else if (qb && !qa) {
            b = FpBits.infinity(true, fmt);
        }
        return max(c, a, b, fmt);
    }

    public static long minNum(Cpu c, long a, long b, int fmt) {
        boolean qa = FpBits.isNaN(a, fmt) && !FpBits.isSignalling(a, fmt);
        boolean qb = FpBits.isNaN(b, fmt) && !FpBits.isSignalling(b, fmt);
        if (qa && !qb) {
            a = FpBits.infinity(false, fmt);
        } else if (qb && !qa) {
            b = FpBits.infinity(false, fmt);
        }
        return min(c, a, b, fmt);
    }

    /**
     * FPCompare: NZCV (in bits 31:28) of comparing {@code a} with {@code b}: equal 0110, less 1000, greater 0010,
     * unordered 0011. Invalid Operation for a signalling NaN, or any NaN when {@code signalling} (FCMPE).
     */
    public static int compare(Cpu c, long a, long b, int fmt, boolean signalling) {
        a = FpBits.flushIn(c, a, fmt);
        b = FpBits.flushIn(c, b, fmt);
        if (FpBits.isNaN(a, fmt) || FpBits.isNaN(b, fmt)) {
            if (signalling || FpBits.isSignalling(a, fmt) || FpBits.isSignalling(b, fmt)) {
                c.fpsr |= FpBits.IOC;
            }
            return 0x3000_0000;
        }
        double x = FpConvert.value(a, fmt, false);
        double y = FpConvert.value(b, fmt, false);
        return x == y ? 0x6000_0000 : x < y ? 0x8000_0000 : 0x2000_0000;
    }

    /** FPCompareEQ/GE/GT for the vector compares: {@code kind} 0 EQ (quiet), 1 GE, 2 GT (signalling). */
    public static boolean compareTrue(Cpu c, long a, long b, int fmt, int kind) {
        a = FpBits.flushIn(c, a, fmt);
        b = FpBits.flushIn(c, b, fmt);
        if (FpBits.isNaN(a, fmt) || FpBits.isNaN(b, fmt)) {
            if (kind != 0 || FpBits.isSignalling(a, fmt) || FpBits.isSignalling(b, fmt)) {
                c.fpsr |= FpBits.IOC;
            }
            return false;
        }
        double x = FpConvert.value(a, fmt, false);
        double y = FpConvert.value(b, fmt, false);
        return kind == 0 ? x == y : kind == 1 ? x >= y : x > y;
    }

    /** The unbiased exponent of a finite nonzero double, subnormals included (as if normalized). */
    static int exponentOf(double x) {
        int e = Math.getExponent(x);
        if (e == Double.MIN_EXPONENT - 1) {
            e = Math.getExponent(x * 0x1p64) - 64;
        }
        return e;
    }
}
