package io.isotrace.trace.port;

import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.Transaction;

/**
 * The default memory system when no controller is configured: IPA maps one-to-one to PA in a single environment
 * (0), everything is permitted, and every access takes a fixed latency (zero by default). Addresses beyond the
 * physical memory get a decode error. With zero latency it is transparent, so the CPU's fast path skips it.
 */
public final class IdentityMemoryPort implements MemoryPort {
    private final PhysicalMemory memory;
    private final long latencyPs;

    public IdentityMemoryPort(PhysicalMemory memory) {
        this(memory, 0);
    }

    public IdentityMemoryPort(PhysicalMemory memory, long latencyPs) {
        if (latencyPs < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.memory = memory;
        this.latencyPs = latencyPs;
    }

    public PhysicalMemory memory() {
        return memory;
    }

    @Override
    public void access(Transaction t) {
        t.env = 0;
        if (!memory.contains(t.ipa) || !memory.contains(t.ipa + Math.max(t.size, 1) - 1)) {
            t.pa = t.ipa;
            t.status = ReplyStatus.DECODE_ERROR;
            t.abort = true;
            t.latencyPs = latencyPs;
            return;
        }
        t.pa = t.ipa;
        t.status = ReplyStatus.OK;
        t.abort = false;
        t.latencyPs = latencyPs;
    }

    @Override
    public boolean grant(Transaction probe, PageGrant out) {
        if (!memory.contains(probe.ipa)) {
            return false;
        }
        out.pa = probe.ipa & ~PhysicalMemory.FRAME_MASK;
        out.frame = memory.frame(out.pa);
        out.env = 0;
        out.permissions = PageGrant.ALL;
        return true;
    }

    @Override
    public void addInvalidationListener(InvalidationListener listener) {
        // The identity mapping never changes, so there is nothing to tell.
    }

    @Override
    public boolean isTransparent() {
        return latencyPs == 0;
    }
}
