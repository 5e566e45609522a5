package io.isotrace.controller.regs;

import io.isotrace.controller.policy.Response;

/**
 * One 4 KiB frame of 32-bit registers inside the controller's register block (the controller's own, the MPC's,
 * the TZC-400's, the GPC's). Offsets are byte offsets within the frame, word aligned.
 */
public interface RegisterFrame {
    String name();

    /** Reads the register at {@code offset}; reserved and write-only offsets read as zero. */
    int read(int offset, boolean secure);

    /** Writes the register at {@code offset}; read-only and reserved offsets ignore writes. */
    void write(int offset, int value, boolean secure);

    /** True for registers a Non-secure requester may read (ID registers). */
    boolean nonSecureReadable(int offset);

    /** What a Non-secure access to any other register of this frame gets. */
    Response nonSecureResponse();

    /** True for registers still writable when the register block is locked (interrupt clears). */
    default boolean writableWhenLocked(int offset) {
        return false;
    }
}
