package io.isotrace.controller.dram.mapping;

/** The coordinates a physical address decomposes into. */
public enum AddressField {
    CHANNEL("ch"),
    RANK("ra"),
    BANK_GROUP("bg"),
    BANK("ba"),
    ROW("ro"),
    COLUMN("co");

    private final String token;

    AddressField(String token) {
        this.token = token;
    }

    /** DRAMSim3's two-letter token for the field. */
    public String token() {
        return token;
    }

    static AddressField byToken(String t) {
        for (AddressField f : values()) {
            if (f.token.equals(t)) {
                return f;
            }
        }
        return null;
    }
}
