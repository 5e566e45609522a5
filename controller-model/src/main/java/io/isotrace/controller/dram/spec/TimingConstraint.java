package io.isotrace.controller.dram.spec;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One row of a standard's timing table: after any of {@code preceding} is issued, none of {@code following} may be
 * issued within {@code scope} of it for {@code latency} DRAM cycles. With {@code window > 1} the constraint is a
 * rolling window: the next {@code following} must wait until {@code latency} cycles after the {@code window}-th most
 * recent {@code preceding} (tFAW: at most four ACTs in any tFAW).
 *
 * @param name a short label for reports and test names, e.g. {@code tRCD}
 */
public record TimingConstraint(Scope scope, Set<Command> preceding, Set<Command> following, int latency, int window,
                               String name) {
    public TimingConstraint {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        if (preceding.isEmpty() || following.isEmpty()) {
            throw new IllegalArgumentException(name + ": a constraint needs preceding and following commands");
        }
        if (window < 1) {
            throw new IllegalArgumentException(name + ": window must be at least 1");
        }
        preceding = Set.copyOf(EnumSet.copyOf(preceding));
        following = Set.copyOf(EnumSet.copyOf(following));
    }

    /** A plain (window 1) constraint. */
    public static TimingConstraint of(String name, Scope scope, Set<Command> preceding, Set<Command> following,
                                      int latency) {
        return new TimingConstraint(scope, preceding, following, latency, 1, name);
    }

    /** A rolling-window constraint. */
    public static TimingConstraint window(String name, Scope scope, Set<Command> preceding, Set<Command> following,
                                          int latency, int window) {
        return new TimingConstraint(scope, preceding, following, latency, window, name);
    }

    @Override
    public String toString() {
        return name + ": " + scope + " " + preceding + " -> " + following + " " + latency
                + (window > 1 ? " (window " + window + ")" : "");
    }
}
