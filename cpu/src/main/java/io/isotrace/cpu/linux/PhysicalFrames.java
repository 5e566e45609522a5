package io.isotrace.cpu.linux;

import io.isotrace.trace.port.MemoryPort;
import io.isotrace.trace.port.PageGrant;
import io.isotrace.trace.record.Transaction;

/**
 * The emulated kernel's way to the frame behind an IPA page: it asks the memory system for a grant, as the CPU's
 * TLB does, so it reaches the same bytes the guest's loads and stores do (copy_to_user/copy_from_user, zeroing and
 * copying pages) without making transactions of its own.
 */
final class PhysicalFrames {
    private final MemoryPort port;
    private final int requester;
    private final Transaction probe = new Transaction();
    private final PageGrant grant = new PageGrant();

    PhysicalFrames(MemoryPort port, int requester) {
        this.port = port;
        this.requester = requester;
    }

    /**
     * The frame behind {@code ipaPage} as seen by address space {@code asid} at {@code va}, or null when the
     * memory system grants no direct access (for {@code write}: no write access).
     */
    byte[] frame(long ipaPage, long va, int asid, boolean write) {
        probe.clear();
        probe.requester = requester;
        probe.asid = asid;
        probe.ipa = ipaPage & ~0xFFFL;
        probe.va = va & ~0xFFFL;
        probe.el = 0;
        probe.unprivileged = true;
        probe.kind = write ? io.isotrace.trace.record.TransactionKind.WRITE
                : io.isotrace.trace.record.TransactionKind.READ;
        grant.clear();
        if (!port.grant(probe, grant) || !grant.allows(write ? PageGrant.WRITE : PageGrant.READ)) {
            return null;
        }
        return grant.frame;
    }
}
