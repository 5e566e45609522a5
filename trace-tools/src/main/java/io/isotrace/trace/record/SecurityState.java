package io.isotrace.trace.record;

/**
 * The security state of the requester and so the physical address space (PAS) it asks for: Non-secure and Secure
 * (TrustZone), plus Realm and Root from the Arm Realm Management Extension. The code is the on-disk 2-bit value.
 */
public enum SecurityState {
    NON_SECURE(0, "NS"),
    SECURE(1, "S"),
    REALM(2, "RL"),
    ROOT(3, "RT");

    private static final SecurityState[] BY_CODE = values();

    private final int code;
    private final String shortName;

    SecurityState(int code, String shortName) {
        this.code = code;
        this.shortName = shortName;
    }

    public int code() {
        return code;
    }

    public String shortName() {
        return shortName;
    }

    /**
     * True for the states TrustZone-era filters (SIE-200 MPC, TZC-400) and the controller's register block treat as
     * Secure: Secure itself and Root (EL3, which those designs see as Secure).
     */
    public boolean isSecure() {
        return this == SECURE || this == ROOT;
    }

    public static SecurityState fromCode(int code) {
        return BY_CODE[code & 3];
    }

    /** Parses a state by its name or short name, ignoring case; null when neither matches. */
    public static SecurityState parse(String text) {
        for (SecurityState s : values()) {
            if (s.name().equalsIgnoreCase(text) || s.shortName.equalsIgnoreCase(text)) {
                return s;
            }
        }
        return null;
    }
}
