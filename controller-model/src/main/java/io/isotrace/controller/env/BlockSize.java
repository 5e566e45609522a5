package io.isotrace.controller.env;

/**
 * The sizes one translation entry can cover. Like the block descriptors of an Arm translation table, a large
 * mapping is one entry, not thousands of pages, so it costs the same to hold, look up or switch as a 4 KiB page;
 * "all 4 GiB at once" is the largest, for an environment that owns a 32-bit world outright.
 */
public enum BlockSize {
    PAGE_4K(12),
    BLOCK_2M(21),
    BLOCK_1G(30),
    BLOCK_4G(32);

    public static final BlockSize[] ALL = values();

    private final int shift;

    BlockSize(int shift) {
        this.shift = shift;
    }

    public int shift() {
        return shift;
    }

    public long bytes() {
        return 1L << shift;
    }

    public long mask() {
        return bytes() - 1;
    }

    /** The largest size whose alignment both addresses share and that fits in {@code remaining} bytes. */
    public static BlockSize largestFitting(long ipa, long pa, long remaining) {
        for (int i = ALL.length - 1; i >= 0; i--) {
            BlockSize b = ALL[i];
            if (((ipa | pa) & b.mask()) == 0 && remaining >= b.bytes()) {
                return b;
            }
        }
        return null;
    }
}
