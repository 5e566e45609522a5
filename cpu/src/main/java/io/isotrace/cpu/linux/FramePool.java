package io.isotrace.cpu.linux;

/**
 * IPA pages for the address spaces that cannot use VA = IPA: every guest process but the first. They come from
 * [2^47, 2^48): above every virtual address the first process uses (its VAs are all below 2^47, see
 * {@link AddressSpace}) and below the 48-bit physical limit of the identity memory system, so two processes never
 * share a frame even when they use the same virtual addresses, and a trace tells them apart by IPA as well as ASID.
 *
 * <p>Pages freed by munmap or process exit are zeroed by the caller and reused last-in first-out: deterministic,
 * and memory stays bounded however many processes a shell script forks.
 */
final class FramePool {
    static final long BASE = 1L << 47;
    static final long LIMIT = 1L << 48;
    private static final long PAGE = AddressSpace.PAGE;

    private long next = BASE;
    private long[] free = new long[1024];
    private int freeCount;

    /** A zeroed IPA page (its address). */
    long allocate() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (next >= LIMIT) {
            throw new SyscallError(Errno.ENOMEM);
        }
        long p = next;
        next += PAGE;
        return p;
    }

    /** Returns a page that the caller has zeroed. */
    void release(long ipaPage) {
        if (freeCount == free.length) {
            free = java.util.Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = ipaPage;
    }

    /** Pages handed out and not returned. */
    long inUse() {
        return (next - BASE) / PAGE - freeCount;
    }
}
