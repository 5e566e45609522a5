package io.isotrace.controller.policy;

/**
 * Told when a filtering stage (MPC, TZC-400, GPC) changes what it allows on a physical range, so the controller can
 * name the IPA ranges, environments and requesters whose granted pages went stale.
 */
@FunctionalInterface
public interface PaChangeListener {
    void paChanged(long paLo, long paHi);
}
