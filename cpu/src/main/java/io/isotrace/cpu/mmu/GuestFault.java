package io.isotrace.cpu.mmu;

/**
 * A synchronous fault raised by a guest access: thrown from the memory path, caught by the interpreter loop, which
 * hands it to the kernel (user mode: a signal). Carries no stack trace: faults are guest events, not bugs, and
 * some programs take millions of them.
 */
public final class GuestFault extends RuntimeException {
    public enum Kind {
        /** Nothing mapped at the address. */
        TRANSLATION,
        /** Mapped without the needed permission. */
        PERMISSION,
        /** The memory system answered with a bus error (controller DENIED with abort, or DECODE_ERROR). */
        EXTERNAL_ABORT,
        /** Misaligned where alignment is required (exclusives, atomics, device memory). */
        ALIGNMENT
    }

    private final Kind kind;
    private final long address;
    private final int access;

    public GuestFault(Kind kind, long address, int access) {
        super(null, null, false, false);
        this.kind = kind;
        this.address = address;
        this.access = access;
    }

    public Kind kind() {
        return kind;
    }

    /** The faulting virtual address. */
    public long address() {
        return address;
    }

    /** The {@link Access} kind that faulted. */
    public int access() {
        return access;
    }

    @Override
    public String getMessage() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " fault on " + Access.name(access) + " at 0x"
                + Long.toHexString(address);
    }
}
