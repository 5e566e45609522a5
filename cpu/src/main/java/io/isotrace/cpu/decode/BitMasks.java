package io.isotrace.cpu.decode;

/** DecodeBitMasks from the Arm ARM (shared/functions/bitmasks): the immediates of logical and bitfield instructions. */
public final class BitMasks {
    private BitMasks() {
    }

    /**
     * Returned for reserved N:immr:imms combinations. It cannot be a real logical immediate: those are rotated runs
     * of ones replicated across the register, and this value's 32-bit halves are not a single run.
     */
    public static final long RESERVED = 0x5EED_BAD0_5EED_BAD0L;

    /** DecodeBitMasks(N, imms, immr, immediate=TRUE).wmask, or {@link #RESERVED}. */
    public static long logicalImmediate(int n, int imms, int immr, int width) {
        int len = 31 - Integer.numberOfLeadingZeros((n << 6) | (~imms & 0x3F));
        if (len < 1 || (len == 6 && width == 32)) {
            return RESERVED;
        }
        int esize = 1 << len;
        int levels = esize - 1;
        int s = imms & levels;
        int r = immr & levels;
        if (s == levels) {
            return RESERVED; // an all-ones element is reserved for logical immediates
        }
        long welem = s + 1 == 64 ? -1L : (1L << (s + 1)) - 1;
        long elem = rotateRight(welem, r, esize);
        return replicate(elem, esize, width);
    }

    /** DecodeBitMasks(N, imms, immr, immediate=FALSE): {wmask, tmask} for the bitfield moves. */
    public static long[] bitfield(int n, int imms, int immr, int width) {
        int len = 31 - Integer.numberOfLeadingZeros((n << 6) | (~imms & 0x3F));
        if (len < 1) {
            return null;
        }
        int esize = 1 << len;
        int levels = esize - 1;
        int s = imms & levels;
        int r = immr & levels;
        int d = (s - r) & levels;
        long welem = s + 1 >= 64 ? -1L : (1L << (s + 1)) - 1;
        long telem = d + 1 >= 64 ? -1L : (1L << (d + 1)) - 1;
        return new long[]{replicate(rotateRight(welem, r, esize), esize, width), replicate(telem, esize, width)};
    }

    static long rotateRight(long v, int r, int esize) {
        if (r == 0) {
            return v;
        }
        long mask = esize == 64 ? -1L : (1L << esize) - 1;
        v &= mask;
        return ((v >>> r) | (v << (esize - r))) & mask;
    }

    static long replicate(long elem, int esize, int width) {
        long out = 0;
        for (int i = 0; i < width; i += esize) {
            out |= elem << i;
        }
        return width == 64 ? out : out & 0xFFFF_FFFFL;
    }
}
