package io.isotrace.cpu.linux;

/**
 * The shape of a user address space for a number of virtual-address bits, like Linux's VA_BITS on arm64 (48 by
 * default; 39 is another real configuration): TASK_SIZE is 2^bits. The lower half holds everything the loader and
 * mmap place - program, heap, mmap areas growing down from {@link #mmapTop}, the stack below {@link #stackTop}, the
 * sigreturn page just above it - so the first process, mapped VA = IPA, uses IPAs below 2^(bits-1); every other
 * process's pages come from the upper half, [2^(bits-1), 2^bits) ({@link FramePool}).
 *
 * <p>The memory system behind the run must therefore accept IPAs up to 2^bits: the identity memory system over a
 * full 48-bit {@code PhysicalMemory} does; a controller with 1 TiB of physical memory needs {@code bits = 39}.
 *
 * @param bits          virtual-address bits (39 to 48)
 * @param taskSize      2^bits, the end of user space
 * @param identityLimit 2^(bits-1): below it the first process's VA = IPA; from it the frame pool
 * @param stackTop      the initial stack's top (8 MiB below it are mapped)
 * @param sigpage       the sigreturn trampoline page
 * @param mmapTop       mmap places mappings below this, highest first
 * @param mmapBottom    ... and not below this (brk does not grow into it)
 * @param pieBase       where static-pie programs are loaded (2/3 of the lower half, as ELF_ET_DYN_BASE)
 */
public record VaLayout(int bits, long taskSize, long identityLimit, long stackTop, long sigpage, long mmapTop,
                       long mmapBottom, long pieBase) {
    public static final long STACK_SIZE = 8L << 20;
    /** Linux's default on arm64, and Isotrace's. */
    public static final VaLayout VA48 = of(48);

    public static VaLayout of(int bits) {
        if (bits < 39 || bits > 48) {
            throw new IllegalArgumentException("virtual-address bits must be 39 to 48, not " + bits);
        }
        long task = 1L << bits;
        long half = task >>> 1;
        long top = half - AddressSpace.PAGE;
        return new VaLayout(bits, task, half, top, top, half - (1L << 32), half >>> 3, (half / 3 * 2) & ~0xFFFFL);
    }
}
