package io.isotrace.cpu.randomtest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The state of one case while it is generated: random register values (biased towards the values where flags,
 * shifts, extends and divisions have edge cases), random NZCV, the buffer with random bytes, and the words.
 */
final class CaseBuilder {
    /** Values at which carries, overflows, sign and zero extensions and divisions change behaviour. */
    private static final long[] SPECIAL = {
        0, 1, 2, -1, -2, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL,
        0x1_0000_0000L, 0xFFFF_FFFF_8000_0000L, 0xFFFF_FFFF_7FFF_FFFFL, Long.MAX_VALUE, Long.MIN_VALUE,
        Long.MIN_VALUE + 1, 0x5555_5555_5555_5555L, 0xAAAA_AAAA_AAAA_AAAAL, 0x8000_0000_8000_0000L, 63, 64, 31, 32,
    };

    final SplittableRandom r;
    final long buf;
    final long[] regs = new long[31];
    int nzcv;
    final long sp;
    final byte[] buffer = new byte[Layout.BUFFER];
    private final List<Integer> words = new ArrayList<>();
    private String kind = "";

    CaseBuilder(SplittableRandom r, long bufferAddress) {
        this.r = r;
        this.buf = bufferAddress;
        for (int k = 0; k < 31; k++) {
            regs[k] = value();
        }
        nzcv = r.nextInt(16) << 28;
        sp = bufferAddress + 128;
        r.nextBytes(buffer);
    }

    /** A register value: often special, sometimes small, else random at 32 or 64 bits. */
    long value() {
        int p = r.nextInt(10);
        if (p < 3) {
            long v = SPECIAL[r.nextInt(SPECIAL.length)];
            return r.nextBoolean() ? v : (r.nextBoolean() ? v - 1 : v + 1);
        }
        if (p < 5) {
            return r.nextInt(33) - 16;
        }
        if (p < 7) {
            int w = r.nextInt();
            return r.nextBoolean() ? w : w & 0xFFFF_FFFFL;
        }
        if (p < 8) {
            return 1L << r.nextInt(64);
        }
        return r.nextLong();
    }

    int bits(int n) {
        return r.nextInt(1 << n);
    }

    boolean chance(int percent) {
        return r.nextInt(100) < percent;
    }

    /** A general register number 0..30, or 31 with probability {@code p31} percent. */
    int reg(int p31) {
        return chance(p31) ? 31 : r.nextInt(31);
    }

    /** A register 0..30 not among {@code avoid}. */
    int regExcept(int... avoid) {
        while (true) {
            int c = r.nextInt(31);
            boolean ok = true;
            for (int a : avoid) {
                ok &= a != c;
            }
            if (ok) {
                return c;
            }
        }
    }

    void set(int reg, long v) {
        if (reg < 31) {
            regs[reg] = v;
        }
    }

    long get(int reg) {
        return reg < 31 ? regs[reg] : 0;
    }

    CaseBuilder kind(String k) {
        this.kind = k;
        return this;
    }

    CaseBuilder word(int w) {
        words.add(w);
        return this;
    }

    /** The buffer's bytes at offset off, little-endian. */
    long bufferValue(int off, int size) {
        long v = 0;
        for (int k = size - 1; k >= 0; k--) {
            v = (v << 8) | (buffer[off + k] & 0xFF);
        }
        return v;
    }

    TestCase build() {
        return new TestCase(kind, words.stream().mapToInt(Integer::intValue).toArray(), regs.clone(), nzcv, sp,
                buffer.clone());
    }
}
