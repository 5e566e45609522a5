package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;

/**
 * Saturating element arithmetic (Arm ARM SignedSatQ / UnsignedSatQ): results clamp to the element's range and
 * the clamp sets FPSR.QC. Elements arrive sign-extended (signed operations) or zero-extended (unsigned) to 64 bits.
 */
public final class SimdSat {
    private SimdSat() {
    }

    static long smax(int size) {
        return size == 3 ? Long.MAX_VALUE : (1L << ((8 << size) - 1)) - 1;
    }

    static long smin(int size) {
        return size == 3 ? Long.MIN_VALUE : -(1L << ((8 << size) - 1));
    }

    /** SignedSatQ of a value known to fit in 64 bits. */
    public static long signed(Cpu c, long v, int size) {
        if (size == 3) {
            return v;
        }
        long max = smax(size);
        if (v > max) {
            c.fpsr |= FpBits.QC;
            return max;
        }
        long min = -max - 1;
        if (v < min) {
            c.fpsr |= FpBits.QC;
            return min;
        }
        return v;
    }

    /** UnsignedSatQ of a signed 64-bit value. */
    public static long unsignedOfSigned(Cpu c, long v, int size) {
        if (v < 0) {
            c.fpsr |= FpBits.QC;
            return 0;
        }
        long max = Vec.MASK[size];
        if (size != 3 && v > max) {
            c.fpsr |= FpBits.QC;
            return max;
        }
        return v;
    }

    /** UnsignedSatQ of an unsigned 64-bit value. */
    public static long unsigned(Cpu c, long v, int size) {
        long max = Vec.MASK[size];
        if (size != 3 && Long.compareUnsigned(v, max) > 0) {
            c.fpsr |= FpBits.QC;
            return max;
        }
        return v;
    }

    static long addSigned(Cpu c, long a, long b, int size) {
        long r = a + b;
        if (size == 3 && ((a ^ r) & (b ^ r)) < 0) {
            c.fpsr |= FpBits.QC;
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return signed(c, r, size);
    }

    static long subSigned(Cpu c, long a, long b, int size) {
        long r = a - b;
        if (size == 3 && ((a ^ b) & (a ^ r)) < 0) {
            c.fpsr |= FpBits.QC;
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return signed(c, r, size);
    }

    static long addUnsigned(Cpu c, long a, long b, int size) {
        long r = a + b;
        if (size == 3 && Long.compareUnsigned(r, a) < 0) {
            c.fpsr |= FpBits.QC;
            return -1L;
        }
        return unsigned(c, r, size);
    }

    static long subUnsigned(Cpu c, long a, long b, int size) {
        if (Long.compareUnsigned(a, b) < 0) {
            c.fpsr |= FpBits.QC;
            return 0;
        }
        return a - b;
    }

    /**
     * The register shifts (Arm ARM SSHL/USHL/SRSHL/URSHL/SQSHL/UQSHL/SQRSHL/UQRSHL): {@code shift} is the signed
     * bottom byte of the Vm element; negative shifts go right (rounding if asked), left shifts saturate if asked.
     */
    static long shiftReg(Cpu c, long a, int shift, int size, boolean unsigned, boolean round, boolean saturate) {
        if (shift >= 0) {
            return saturate ? shiftLeftSat(c, a, shift, size, unsigned, unsigned) : shiftLeft(a, shift);
        }
        return shiftRight(a, -shift, unsigned, round);
    }

    static long shiftLeft(long a, int shift) {
        return shift >= 64 ? 0 : a << shift;
    }

    /**
     * {@code (a + round) >> shift} with unbounded intermediate precision, for shift >= 1: arithmetic for signed
     * elements, logical for unsigned ones.
     */
    static long shiftRight(long a, int shift, boolean unsigned, boolean round) {
        if (shift > 64) {
            return unsigned || round ? 0 : a >> 63;
        }
        long r = shift == 64 ? (unsigned ? 0 : a >> 63) : unsigned ? a >>> shift : a >> shift;
        if (round) {
            long bit = shift == 64 ? (a >>> 63) : (a >>> (shift - 1)) & 1;
            if (shift == 64 && !unsigned) {
                // (a + 2^63) >> 64 is 0 for every signed 64-bit a.
                return 0;
            }
            r += bit;
        }
        return r;
    }

    /**
     * Left shift with saturation: {@code a} is signed unless {@code srcUnsigned}; the result saturates to the
     * unsigned range when {@code dstUnsigned} (SQSHLU takes signed input to an unsigned result).
     */
    static long shiftLeftSat(Cpu c, long a, int shift, int size, boolean srcUnsigned, boolean dstUnsigned) {
        int bits = 8 << size;
        if (a == 0) {
            return 0;
        }
        if (!srcUnsigned && a < 0) {
            if (dstUnsigned) {
                c.fpsr |= FpBits.QC;
                return 0;
            }
            // Negative: fits when the shifted value keeps all the sign bits.
            if (shift < bits && (a << shift) >> shift == a && sx((a << shift), size) == (a << shift)) {
                return a << shift;
            }
            c.fpsr |= FpBits.QC;
            return smin(size);
        }
        // Positive (or unsigned) magnitude: the number of significant bits after the shift must fit.
        int significant = 64 - Long.numberOfLeadingZeros(a) + shift;
        int room = dstUnsigned ? bits : bits - 1;
        if (shift < 64 && significant <= room) {
            return a << shift;
        }
        c.fpsr |= FpBits.QC;
        return dstUnsigned ? Vec.MASK[size] : smax(size);
    }

    private static long sx(long a, int size) {
        return SimdIntExec.sx(a, size);
    }

    /** SQDMULH / SQRDMULH: the high half of 2*a*b (rounded), saturating only for min * min. */
    static long doublingMulHigh(Cpu c, long a, long b, int size, boolean round) {
        int bits = 8 << size;
        long min = smin(size);
        if (a == min && b == min) {
            c.fpsr |= FpBits.QC;
            return smax(size);
        }
        long p = a * b;                      // |p| < 2^(2*bits - 2) <= 2^62 for 16/32-bit elements
        long r = round ? p + (1L << (bits - 2)) : p;
        return r >> (bits - 1);
    }
}
