package io.isotrace.cpu.linux;

import io.isotrace.trace.port.InvalidationListener;
import io.isotrace.trace.port.MemoryPort;
import io.isotrace.trace.port.PageGrant;
import io.isotrace.trace.record.Transaction;

import java.util.ArrayList;
import java.util.List;

/**
 * The memory system as every guest process's core sees it: the run's one {@link MemoryPort}, with the cores'
 * invalidation listeners kept here. Each core registers its TLB as a listener when it is made, and the port offers
 * no way to unregister; a shell script forks hundreds of processes, so their dead cores would stay registered with
 * the controller for ever, each scanning its TLB on every invalidation. Registered once with the real port, this
 * passes invalidations on only to the cores still running and lets the kernel drop a core when its process exits
 * or execs. Accesses and grants go straight through.
 */
final class SharedPort implements MemoryPort, InvalidationListener {
    private final MemoryPort port;
    private final List<InvalidationListener> live = new ArrayList<>();

    SharedPort(MemoryPort port) {
        this.port = port;
        port.addInvalidationListener(this);
    }

    @Override
    public void access(Transaction t) {
        port.access(t);
    }

    @Override
    public boolean grant(Transaction probe, PageGrant out) {
        return port.grant(probe, out);
    }

    @Override
    public boolean isTransparent() {
        return port.isTransparent();
    }

    @Override
    public void addInvalidationListener(InvalidationListener listener) {
        live.add(listener);
    }

    /** A core is gone: it hears of invalidations no more. */
    void removeInvalidationListener(InvalidationListener listener) {
        live.remove(listener);
    }

    @Override
    public void invalidate(long requesterMask, int env, long ipaLo, long ipaHi) {
        for (int i = 0; i < live.size(); i++) {
            live.get(i).invalidate(requesterMask, env, ipaLo, ipaHi);
        }
    }
}
