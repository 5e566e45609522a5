package io.isotrace.cpu.exec;

/**
 * Lane-parallel arithmetic on one 64-bit chunk ("SIMD within a register"): 8, 4, 2 or 1 lanes of 8, 16, 32 or
 * 64 bits (size 0-3) at once, without carries crossing lanes. Used for the Advanced SIMD operations that string
 * and memory routines run in their inner loops (ADD, SUB, CMEQ, CMHI, CMGT ..., ADDP).
 */
public final class Swar {
    /** The top bit of every lane, per size. */
    static final long[] HIGH = {0x8080_8080_8080_8080L, 0x8000_8000_8000_8000L, 0x8000_0000_8000_0000L,
        Long.MIN_VALUE};
    /** The bottom bit of every lane, per size. */
    static final long[] LOW = {0x0101_0101_0101_0101L, 0x0001_0001_0001_0001L, 0x0000_0001_0000_0001L, 1L};

    private Swar() {
    }

    public static long add(long a, long b, int size) {
        if (size == 3) {
            return a + b;
        }
        long h = HIGH[size];
        return ((a & ~h) + (b & ~h)) ^ ((a ^ b) & h);
    }

    public static long sub(long a, long b, int size) {
        if (size == 3) {
            return a - b;
        }
        long h = HIGH[size];
        return ((a | h) - (b & ~h)) ^ ((a ^ ~b) & h);
    }

    /** Every lane whose top bit is set in {@code topBits} becomes all ones, every other lane zero. */
    static long spread(long topBits, int size) {
        if (size == 3) {
            return topBits >> 63;
        }
        int bits = 8 << size;
        return (topBits >>> (bits - 1)) * ((1L << bits) - 1);
    }

    /** Top bit of each lane set when the lane of {@code x} is nonzero (exact, no false positives). */
    static long nonzeroTop(long x, int size) {
        long h = HIGH[size];
        return (((x & ~h) + ~h) | x) & h;
    }

    /** CMEQ: all ones where the lanes are equal. */
    public static long cmeq(long a, long b, int size) {
        return ~spread(nonzeroTop(a ^ b, size), size);
    }

    /** CMTST: all ones where the lanes have a common set bit. */
    public static long cmtst(long a, long b, int size) {
        return spread(nonzeroTop(a & b, size), size);
    }

    /** CMHI: all ones where the lane of {@code a} is above that of {@code b}, unsigned. */
    public static long cmhi(long a, long b, int size) {
        if (size == 3) {
            return Long.compareUnsigned(a, b) > 0 ? -1L : 0;
        }
        long h = HIGH[size];
        // b - a per lane, top bits forced so no borrow leaves a lane; then the borrow out of each lane's top bit.
        long d = (b | h) - (a & ~h);
        long borrow = (~b & a) | (~(a ^ b) & ~d);
        return spread(borrow & h, size);
    }

    /** CMHS: all ones where the lane of {@code a} is at or above that of {@code b}, unsigned. */
    public static long cmhs(long a, long b, int size) {
        return ~cmhi(b, a, size);
    }

    /** CMGT: signed above (flipping the sign bits turns signed order into unsigned order). */
    public static long cmgt(long a, long b, int size) {
        long h = HIGH[size];
        return cmhi(a ^ h, b ^ h, size);
    }

    public static long cmge(long a, long b, int size) {
        return ~cmgt(b, a, size);
    }

    /**
     * Pairwise add of adjacent lanes of one chunk: returns the sums packed into the low half of the chunk's lane
     * count (lanes of the same size; used by ADDP).
     */
    static long addPairs(long a, int size) {
        int bits = 8 << size;
        long even = a & evenMask(size);
        long odd = (a >>> bits) & evenMask(size);
        long sums = add(even, odd, size);         // sums in the even lanes
        return compactEven(sums, size);
    }

    /**
     * Pairwise maximum or minimum of adjacent lanes of one chunk (UMAXP, SMINP ...), packed into the low half:
     * the even and odd lanes are compared as lanes of twice the width, signed order turned into unsigned order by
     * flipping the sign bits.
     */
    static long minMaxPairs(long a, int size, boolean signed, boolean max) {
        int bits = 8 << size;
        long flip = signed ? HIGH[size] : 0;
        a ^= flip;
        long even = a & evenMask(size);
        long odd = (a >>> bits) & evenMask(size);
        long evenAbove = cmhi(even, odd, size + 1);
        long r = max ? (even & evenAbove) | (odd & ~evenAbove) : (odd & evenAbove) | (even & ~evenAbove);
        return compactEven(r, size) ^ (flip & 0xFFFF_FFFFL);
    }

    /**
     * The lanes of size {@code size} in the low 32 bits of {@code half}, widened to lanes of twice the size
     * (filling 64 bits), zero- or sign-extended.
     */
    static long widen(long half, int size, boolean signed) {
        long x = half & 0xFFFF_FFFFL;
        switch (size) {
            case 0:
                x = (x | (x << 16)) & 0x0000_FFFF_0000_FFFFL;
                x = (x | (x << 8)) & 0x00FF_00FF_00FF_00FFL;
                break;
            case 1:
                x = (x | (x << 16)) & 0x0000_FFFF_0000_FFFFL;
                break;
            default:
                return signed ? (int) half : x;
        }
        if (signed) {
            long m = LOW[size + 1] << ((8 << size) - 1);   // the narrow sign bit, in every wide lane
            x = sub(x ^ m, m, size + 1);
        }
        return x;
    }

    /** Each lane shifted left by {@code shift} (less than the lane size), bits leaving a lane dropped. */
    static long shiftLeft(long x, int shift, int size) {
        if (size == 3) {
            return x << shift;
        }
        long keep = (LOW[size] * ((1L << (8 << size)) - 1)) & ~(LOW[size] * ((1L << shift) - 1));
        return (x << shift) & keep;
    }

    /** Mask of the even-numbered lanes. */
    static long evenMask(int size) {
        switch (size) {
            case 0:
                return 0x00FF_00FF_00FF_00FFL;
            case 1:
                return 0x0000_FFFF_0000_FFFFL;
            default:
                return 0x0000_0000_FFFF_FFFFL;
        }
    }

    /** Moves the even-numbered lanes of a chunk together into its low half (the odd lanes must be zero). */
    static long compactEven(long x, int size) {
        switch (size) {
            case 0:
                x = (x | (x >>> 8)) & 0x0000_FFFF_0000_FFFFL;
                x = (x | (x >>> 16)) & 0x0000_0000_FFFF_FFFFL;
                return x;
            case 1:
                return (x | (x >>> 16)) & 0x0000_0000_FFFF_FFFFL;
            default:
                return x & 0xFFFF_FFFFL;
        }
    }
}
