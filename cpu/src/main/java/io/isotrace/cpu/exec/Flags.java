package io.isotrace.cpu.exec;

/**
 * AddWithCarry and the logical-result flags (Arm ARM shared/functions/integer/AddWithCarry), at 64 and 32 bits.
 * Each returns the result and leaves NZCV in {@link #last}, packed as PSTATE holds it, for the caller to store
 * when the instruction sets flags.
 */
public final class Flags {
    private Flags() {
    }

    /** x + y + carry at 64 bits; NZCV into {@code nzcvOut[0]}. */
    public static long add64(long x, long y, int carry, int[] nzcvOut) {
        long r = x + y + carry;
        int n = (int) (r >>> 63);
        int z = r == 0 ? 1 : 0;
        // Unsigned carry out: the sum wrapped.
        boolean c = carry == 0 ? Long.compareUnsigned(r, x) < 0 : Long.compareUnsigned(r, x) <= 0;
        boolean v = ((x ^ r) & (y ^ r)) < 0;
        nzcvOut[0] = (n << 31) | (z << 30) | (c ? 1 << 29 : 0) | (v ? 1 << 28 : 0);
        return r;
    }

    /** x + y + carry at 32 bits (inputs' upper halves ignored); result zero-extended. */
    public static long add32(long x, long y, int carry, int[] nzcvOut) {
        long ux = x & 0xFFFF_FFFFL;
        long uy = y & 0xFFFF_FFFFL;
        long wide = ux + uy + carry;
        int r = (int) wide;
        int n = r >>> 31;
        int z = r == 0 ? 1 : 0;
        boolean c = (wide >>> 32) != 0;
        boolean v = (((int) x ^ r) & ((int) y ^ r)) < 0;
        nzcvOut[0] = (n << 31) | (z << 30) | (c ? 1 << 29 : 0) | (v ? 1 << 28 : 0);
        return r & 0xFFFF_FFFFL;
    }

    /** N and Z of a logical result, C and V cleared (ANDS, BICS, TST). */
    public static int logical64(long r) {
        return (int) ((r >>> 63) << 31) | (r == 0 ? 1 << 30 : 0);
    }

    public static int logical32(long r) {
        int w = (int) r;
        return (w & 0x8000_0000) | (w == 0 ? 1 << 30 : 0);
    }
}
