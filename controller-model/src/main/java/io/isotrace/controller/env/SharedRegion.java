package io.isotrace.controller.env;

/**
 * A physical range that several named environments may all map: the one way two environments can reach the same
 * PA. {@code envMask} has bit e set for each environment e allowed (as a {@link java.util.BitSet} word array).
 */
public record SharedRegion(String name, long paLo, long paHi, java.util.BitSet environments) {
    public boolean covers(long lo, long hi, int envA, int envB) {
        return lo >= paLo && hi <= paHi && environments.get(envA) && environments.get(envB);
    }
}
