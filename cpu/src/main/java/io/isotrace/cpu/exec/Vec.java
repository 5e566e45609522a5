package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;

/**
 * Element access to the SIMD&amp;FP register file. Register n is {@code v[2n]} (bits 63:0) and {@code v[2n+1]}
 * (bits 127:64); elements are numbered from the least significant end, as the Arm ARM's {@code Elem[]} does.
 * Element sizes are log2 bytes (0 B, 1 H, 2 S, 3 D).
 */
public final class Vec {
    /** All-ones masks of elements of each size. */
    public static final long[] MASK = {0xFFL, 0xFFFFL, 0xFFFF_FFFFL, -1L};

    private Vec() {
    }

    /** Element {@code idx} of size {@code size} of register {@code reg}, zero-extended. */
    public static long get(long[] v, int reg, int idx, int size) {
        int bits = 8 << size;
        int pos = idx * bits;
        long w = v[2 * reg + (pos >>> 6)];
        return size == 3 ? w : (w >>> (pos & 63)) & MASK[size];
    }

    /** Element {@code idx} of size {@code size}, sign-extended. */
    public static long getSigned(long[] v, int reg, int idx, int size) {
        int bits = 8 << size;
        long e = get(v, reg, idx, size);
        return (e << (64 - bits)) >> (64 - bits);
    }

    public static void set(long[] v, int reg, int idx, int size, long value) {
        int bits = 8 << size;
        int pos = idx * bits;
        int w = 2 * reg + (pos >>> 6);
        if (size == 3) {
            v[w] = value;
            return;
        }
        int sh = pos & 63;
        long m = MASK[size] << sh;
        v[w] = (v[w] & ~m) | ((value << sh) & m);
    }

    /** Writes a scalar (B/H/S/D) result: the rest of the register is zeroed (Arm ARM V[] write semantics). */
    public static void setScalar(Cpu c, int reg, long bits) {
        c.v[2 * reg] = bits;
        c.v[2 * reg + 1] = 0;
    }

    /** Element {@code idx} of size {@code size} within one 64-bit chunk. */
    public static long lane(long chunk, int idx, int size) {
        return size == 3 ? chunk : (chunk >>> (idx << (3 + size))) & MASK[size];
    }
}
