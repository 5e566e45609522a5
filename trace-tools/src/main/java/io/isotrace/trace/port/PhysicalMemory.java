package io.isotrace.trace.port;

/**
 * A sparse physical address space: 48-bit PAs (256 TiB) in 4 KiB frames, allocated on first touch, so a guest that
 * touches a few megabytes costs a few megabytes whatever the addresses. A three-level radix table (12 bits each)
 * keeps lookups at three array loads with no hashing and no boxing.
 */
public final class PhysicalMemory {
    public static final int FRAME_SHIFT = 12;
    public static final int FRAME_BYTES = 1 << FRAME_SHIFT;
    public static final long FRAME_MASK = FRAME_BYTES - 1;
    public static final int PA_BITS = 48;
    public static final long PA_LIMIT = 1L << PA_BITS;

    private static final int LEVEL_BITS = 12;
    private static final int LEVEL_SIZE = 1 << LEVEL_BITS;
    private static final int LEVEL_MASK = LEVEL_SIZE - 1;

    private final byte[][][][] root = new byte[LEVEL_SIZE][][][];
    private final long limit;
    private long framesAllocated;

    /** A memory of the full 48-bit space. */
    public PhysicalMemory() {
        this(PA_LIMIT);
    }

    /** A memory whose addresses run from 0 to {@code limitBytes} (exclusive, at most 2^48). */
    public PhysicalMemory(long limitBytes) {
        if (limitBytes <= 0 || limitBytes > PA_LIMIT) {
            throw new IllegalArgumentException("physical memory size must be 1..2^48 bytes");
        }
        this.limit = limitBytes;
    }

    /** Bytes of address space (not of storage). */
    public long limit() {
        return limit;
    }

    public boolean contains(long pa) {
        return pa >= 0 && pa < limit;
    }

    /** The frame holding {@code pa}, allocated (zeroed) on first use. The caller has checked {@link #contains}. */
    public byte[] frame(long pa) {
        long fn = pa >>> FRAME_SHIFT;
        int i0 = (int) (fn >>> (2 * LEVEL_BITS)) & LEVEL_MASK;
        int i1 = (int) (fn >>> LEVEL_BITS) & LEVEL_MASK;
        int i2 = (int) fn & LEVEL_MASK;
        byte[][][] l1 = root[i0];
        if (l1 == null) {
            l1 = root[i0] = new byte[LEVEL_SIZE][][];
        }
        byte[][] l2 = l1[i1];
        if (l2 == null) {
            l2 = l1[i1] = new byte[LEVEL_SIZE][];
        }
        byte[] f = l2[i2];
        if (f == null) {
            f = l2[i2] = new byte[FRAME_BYTES];
            framesAllocated++;
        }
        return f;
    }

    /** The frame holding {@code pa} if it was ever touched, else null (reads of untouched memory see zeros). */
    public byte[] frameIfPresent(long pa) {
        long fn = pa >>> FRAME_SHIFT;
        byte[][][] l1 = root[(int) (fn >>> (2 * LEVEL_BITS)) & LEVEL_MASK];
        if (l1 == null) {
            return null;
        }
        byte[][] l2 = l1[(int) (fn >>> LEVEL_BITS) & LEVEL_MASK];
        return l2 == null ? null : l2[(int) fn & LEVEL_MASK];
    }

    /** Frames allocated so far (4 KiB each). */
    public long framesAllocated() {
        return framesAllocated;
    }

    /** Reads {@code size} (1, 2, 4 or 8) bytes little-endian at {@code pa}; the access must not cross a frame. */
    public long read(long pa, int size) {
        byte[] f = frameIfPresent(pa);
        return f == null ? 0 : LittleEndian.get(f, (int) (pa & FRAME_MASK), size);
    }

    /** Writes the low {@code size} (1, 2, 4 or 8) bytes of {@code value} little-endian at {@code pa}. */
    public void write(long pa, int size, long value) {
        LittleEndian.put(frame(pa), (int) (pa & FRAME_MASK), size, value);
    }

    /** Copies bytes in, allocating frames as needed (loaders use it). */
    public void load(long pa, byte[] src, int off, int len) {
        while (len > 0) {
            int in = (int) (pa & FRAME_MASK);
            int n = Math.min(len, FRAME_BYTES - in);
            System.arraycopy(src, off, frame(pa), in, n);
            pa += n;
            off += n;
            len -= n;
        }
    }
}
