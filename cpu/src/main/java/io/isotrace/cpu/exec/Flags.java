package io.isotrace.cpu.exec;

/**
 * AddWithCarry's flags (Arm ARM shared/functions/integer/AddWithCarry) and the logical-result flags, at 64 and 32
 * bits, packed as PSTATE holds them (N bit 31, Z 30, C 29, V 28). Branch-free: from the operands x, y and the
 * result r = x + y + carry, the carry out of the top bit is the top bit of (x AND y) OR ((x OR y) AND NOT r),
 * and the signed overflow the top bit of (x XOR r) AND (y XOR r). Subtraction is x + NOT y + 1.
 */
public final class Flags {
    private Flags() {
    }

    /** NZCV of the 64-bit addition r = x + y + carry. */
    public static int add64(long x, long y, long r) {
        return (int) (r >>> 63) << 31
                | (r == 0 ? 1 << 30 : 0)
                | (int) (((x & y) | ((x | y) & ~r)) >>> 63) << 29
                | (int) (((x ^ r) & (y ^ r)) >>> 63) << 28;
    }

    /** NZCV of the 32-bit addition r = x + y + carry (only the low words of x, y and r count). */
    public static int add32(long x, long y, long r) {
        int a = (int) x;
        int b = (int) y;
        int s = (int) r;
        return (s >>> 31) << 31
                | (s == 0 ? 1 << 30 : 0)
                | (((a & b) | ((a | b) & ~s)) >>> 31) << 29
                | (((a ^ s) & (b ^ s)) >>> 31) << 28;
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
