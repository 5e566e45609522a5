package io.isotrace.controller;

import io.isotrace.controller.policy.Response;
import io.isotrace.controller.policy.Verdict;
import io.isotrace.trace.port.InvalidationListener;
import io.isotrace.trace.port.MemoryPort;
import io.isotrace.trace.port.PageGrant;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;

/**
 * The controller as the CPU sees it in lockstep: a {@link MemoryPort}. {@link #access} answers and performs one
 * transaction on the controller's physical memory; {@link #grant} hands out a frame with exactly the accesses every
 * stage allows on the whole page for the probe's requester, security state and exception level; invalidations
 * name the IPA ranges, environment and requesters that changed.
 *
 * <p>Data: reads, fetches, walks and load-exclusives return the little-endian value at the PA in {@code t.data}
 * (sizes 1, 2, 4, 8); writes and store-exclusives store {@code t.data}; DC ZVA zeroes {@code size} bytes; an atomic
 * returns the old value and leaves the write half to the requester (which computes it and writes through its
 * granted frame or a following WRITE). A read-as-zero refusal returns 0 and a write-ignored one stores nothing.
 * Not thread-safe: one port per controller, called from the simulation thread.
 */
public final class ControllerPort implements MemoryPort {
    private final Controller controller;
    private final PhysicalMemory memory;
    private final Transaction scratch = new Transaction();
    private long grants;
    private long refusedGrants;

    public ControllerPort(Controller controller) {
        this.controller = controller;
        this.memory = controller.memory();
    }

    public Controller controller() {
        return controller;
    }

    @Override
    public void access(Transaction t) {
        boolean register = controller.registers() != null && controller.registers().contains(t.ipa);
        int verdict = controller.answer(t);
        if (register) {
            return; // the register block already moved t.data
        }
        if (verdict != Verdict.ALLOW) {
            if (Verdict.response(verdict) == Response.RAZ_WI || t.kind.reads()) {
                t.data = 0;
            }
            return;
        }
        move(t);
    }

    private void move(Transaction t) {
        TransactionKind k = t.kind;
        int size = t.size;
        long pa = t.pa;
        boolean word = (size == 1 || size == 2 || size == 4 || size == 8)
                && (pa & PhysicalMemory.FRAME_MASK) + size <= PhysicalMemory.FRAME_BYTES;
        if (k == TransactionKind.ZERO_BLOCK) {
            for (long a = pa; a < pa + size; ) {
                byte[] f = memory.frame(a);
                int off = (int) (a & PhysicalMemory.FRAME_MASK);
                int n = (int) Math.min(size - (a - pa), PhysicalMemory.FRAME_BYTES - off);
                java.util.Arrays.fill(f, off, off + n, (byte) 0);
                a += n;
            }
        } else if (!word) {
            return; // wider accesses carry no data in the transaction
        } else if (k == TransactionKind.WRITE || k == TransactionKind.EXCL_STORE) {
            memory.write(pa, size, t.data);
        } else if (k.reads()) {
            t.data = memory.read(pa, size);
        }
    }

    @Override
    public boolean grant(Transaction probe, PageGrant out) {
        if (controller.registers() != null && controller.registers().contains(probe.ipa)) {
            return false;
        }
        Transaction p = scratch.copyFrom(probe);
        p.pa = p.ipa & ~PhysicalMemory.FRAME_MASK;
        p.env = 0;
        int perms = PageGrant.ALL;
        for (int i = 0, n = controller.stageCount(); i < n; i++) {
            int allowed = controller.stage(i).pagePermissions(p);
            if (allowed < 0) {
                refusedGrants++;
                return false;
            }
            perms &= allowed;
        }
        long pa = p.pa & ~PhysicalMemory.FRAME_MASK;
        if (perms == 0 || !memory.contains(pa)) {
            refusedGrants++;
            return false;
        }
        out.pa = pa;
        out.frame = memory.frame(pa);
        out.env = p.env;
        out.permissions = perms;
        grants++;
        return true;
    }

    @Override
    public void addInvalidationListener(InvalidationListener listener) {
        controller.addInvalidationListener(listener);
    }

    public long grants() {
        return grants;
    }

    public long refusedGrants() {
        return refusedGrants;
    }
}
