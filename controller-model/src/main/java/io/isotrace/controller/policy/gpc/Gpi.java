package io.isotrace.controller.policy.gpc;

import io.isotrace.trace.record.SecurityState;

/**
 * Granule Protection Information: the 4-bit value the GPT holds per granule (Arm ARM, RME, "GPT entry encodings";
 * the same values as TF-A's {@code GPT_GPI_*}). Every other encoding is reserved and faults when used.
 */
public enum Gpi {
    NO_ACCESS(0x0),
    SECURE(0x8),
    NON_SECURE(0x9),
    ROOT(0xA),
    REALM(0xB),
    ANY(0xF);

    private final int code;

    Gpi(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    private static final Gpi[] BY_CODE = new Gpi[16];

    static {
        for (Gpi g : values()) {
            BY_CODE[g.code] = g;
        }
    }

    /** The GPI encoded as {@code code}, or null when the encoding is reserved. */
    public static Gpi fromCode(int code) {
        return BY_CODE[code & 0xF];
    }

    public static Gpi parse(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        if (t.equals("NS")) {
            return NON_SECURE;
        }
        for (Gpi g : values()) {
            if (g.name().equals(t)) {
                return g;
            }
        }
        return null;
    }

    /**
     * Whether a granule with GPI {@code gpi} admits an access from {@code state}. The record carries the security
     * state, not the PAS the stage-1 descriptor's NS/NSE bits chose; a state may select these PAS (Arm ARM RME):
     * Root any, Realm Realm or Non-secure, Secure Secure or Non-secure, Non-secure only Non-secure. The access is
     * admitted when the GPI's PAS is one the state may select (its MMU would have selected that one), ANY admits
     * every PAS and NO_ACCESS none. Indexed by [gpi][state code] in {@link #ADMITS}.
     */
    public static boolean admits(int gpi, SecurityState state) {
        return (ADMITS[gpi & 0xF] >>> state.code() & 1) != 0;
    }

    /** Bit s set: state with code s (NS 0, S 1, Realm 2, Root 3) admitted; reserved GPIs admit nobody. */
    private static final int[] ADMITS = new int[16];

    static {
        int ns = 1 << SecurityState.NON_SECURE.code();
        int s = 1 << SecurityState.SECURE.code();
        int rl = 1 << SecurityState.REALM.code();
        int rt = 1 << SecurityState.ROOT.code();
        ADMITS[0x8] = s | rt;           // Secure PAS: Secure, Root
        ADMITS[0x9] = ns | s | rl | rt; // Non-secure PAS: every state may select it
        ADMITS[0xA] = rt;               // Root PAS: Root only
        ADMITS[0xB] = rl | rt;          // Realm PAS: Realm, Root
        ADMITS[0xF] = ns | s | rl | rt; // any PAS
    }

    public static boolean reserved(int gpi) {
        return fromCode(gpi & 0xF) == null;
    }
}
