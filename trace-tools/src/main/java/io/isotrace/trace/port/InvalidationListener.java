package io.isotrace.trace.port;

/**
 * Told when translations or permissions a {@link MemoryPort} granted go stale. Unlike QEMU, which flushes a vCPU's
 * whole TLB on any IOMMU notification, the notification names exactly what changed so only that is dropped.
 */
@FunctionalInterface
public interface InvalidationListener {
    /** Every requester. */
    long ALL_REQUESTERS = -1L;

    /**
     * Grants for IPAs in {@code [ipaLo, ipaHi)} are stale for the requesters whose bit is set in
     * {@code requesterMask} (bit n = requester n; requesters above 63 share bit 63).
     *
     * @param env the environment whose mapping changed (for accounting), or -1 when not one environment
     */
    void invalidate(long requesterMask, int env, long ipaLo, long ipaHi);

    /** The mask bit for one requester. */
    static long requesterBit(int requester) {
        return 1L << Math.min(requester, 63);
    }
}
