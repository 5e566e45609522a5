package io.isotrace.controller.env;

/**
 * Told of every change of an environment's translations: the controller drops its cached translations for the
 * range and forwards the notification to the requesters' {@link io.isotrace.trace.port.InvalidationListener}s.
 */
@FunctionalInterface
public interface EnvChangeListener {
    /**
     * @param tablesChanged true when the environment's mappings changed (cached translations of the range are
     *                      stale); false for a switch of active environment (cached translations, tagged with
     *                      the environment, stay valid; only the requesters' views changed)
     */
    void changed(long requesterMask, int env, long ipaLo, long ipaHi, boolean tablesChanged);
}
