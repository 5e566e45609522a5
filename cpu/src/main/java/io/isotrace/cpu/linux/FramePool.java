package io.isotrace.cpu.linux;

/**
 * IPA pages for the address spaces that cannot use VA = IPA: every guest process but the first. They come from the
 * upper half of user space, [2^47, 2^48) with 48-bit VAs ({@link VaLayout}): above every virtual address the first
 * process uses and below the 48-bit physical limit of the identity memory system, so two processes never
 * share a frame even when they use the same virtual addresses, and a trace tells them apart by IPA as well as ASID.
 *
 * <p>Pages freed by munmap or process exit are zeroed by the caller and reused last-in first-out: deterministic,
 * and memory stays bounded however many processes a shell script forks.
 */
final class FramePool {
    private static final long PAGE = AddressSpace.PAGE;

    private final long base;
    private final long limit;
    private long next;
    private long[] free = new long[1024];
    private int freeCount;

    /** Pages of the upper half of {@code layout}'s user space. */
    FramePool(VaLayout layout) {
        this.base = layout.identityLimit();
        this.limit = layout.taskSize();
        this.next = base;
    }

    /** A zeroed IPA page (its address). */
    long allocate() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (next >= limit) {
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
}
