package io.isotrace.controller.env;

/**
 * One translation entry packed in a long, so that the hash table and the translation cache hold everything the hot
 * path needs in the slot itself (no second load from per-mapping arrays):
 *
 * <pre>
 *  63        48 47                         12 11 10   4 3    0
 * +------------+-----------------------------+--+------+------+
 * | rule index |  PA of the block (4 KiB up) |V | shift| perms|
 * +------------+-----------------------------+--+------+------+
 * </pre>
 *
 * The block is aligned to its size in IPA and PA ({@link BlockSize#largestFitting}), so the PA of an address in it
 * is {@code pa(v) + (ipa & mask(v))}. V (bit 11) is always set, so a valid entry is never {@link #NONE} (0).
 */
public final class Translation {
    /** "No translation": what a lookup returns when nothing maps the address. */
    public static final long NONE = 0;
    private static final long VALID = 1L << 11;
    private static final long PA_MASK = 0x0000_FFFF_FFFF_F000L;

    private Translation() {
    }

    /** @param pa block PA (4 KiB aligned, below 2^48); @param perms PageGrant bits; @param rule {@link RuleTable} index */
    public static long of(long pa, BlockSize size, int perms, int rule) {
        if ((pa & ~PA_MASK) != 0 || (perms & ~0xF) != 0 || rule < 0 || rule >= RuleTable.MAX_RULES) {
            throw new IllegalArgumentException("translation does not fit: pa 0x" + Long.toHexString(pa)
                    + " perms " + perms + " rule " + rule);
        }
        return ((long) rule << 48) | pa | VALID | ((long) size.shift() << 4) | perms;
    }

    /** The same entry with other permissions and rule. */
    public static long withAttributes(long v, int perms, int rule) {
        return of(blockPa(v), size(v), perms, rule);
    }

    public static long blockPa(long v) {
        return v & PA_MASK;
    }

    public static int shift(long v) {
        return (int) (v >>> 4) & 0x3F;
    }

    /** Bytes - 1 of the block: the offset mask. */
    public static long mask(long v) {
        return (1L << shift(v)) - 1;
    }

    public static BlockSize size(long v) {
        int s = shift(v);
        for (BlockSize b : BlockSize.ALL) {
            if (b.shift() == s) {
                return b;
            }
        }
        throw new IllegalArgumentException("not a translation: 0x" + Long.toHexString(v));
    }

    /** The PA of {@code ipa}, which lies in the entry's block. */
    public static long pa(long v, long ipa) {
        return (v & PA_MASK) + (ipa & mask(v));
    }

    /** {@link io.isotrace.trace.port.PageGrant} READ/WRITE/EXECUTE/WALK bits. */
    public static int perms(long v) {
        return (int) v & 0xF;
    }

    public static int rule(long v) {
        return (int) (v >>> 48);
    }
}
