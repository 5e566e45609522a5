package io.isotrace.trace.record;

/**
 * The memory type the MMU gave the access (from MAIR via the descriptor's AttrIndx). Only the distinctions a memory
 * controller can act on are kept: cacheable Normal, non-cacheable Normal, and Device (no merging, no speculation).
 */
public enum MemoryType {
    NORMAL_WB(0, "WB"),
    NORMAL_NC(1, "NC"),
    DEVICE(2, "DEV");

    private static final MemoryType[] BY_CODE = {NORMAL_WB, NORMAL_NC, DEVICE, null};

    private final int code;
    private final String shortName;

    MemoryType(int code, String shortName) {
        this.code = code;
        this.shortName = shortName;
    }

    public int code() {
        return code;
    }

    public String shortName() {
        return shortName;
    }

    /** The type stored under {@code code}, or null when the code is not assigned. */
    public static MemoryType fromCode(int code) {
        return BY_CODE[code & 3];
    }

    public static MemoryType parse(String text) {
        for (MemoryType m : values()) {
            if (m.name().equalsIgnoreCase(text) || m.shortName.equalsIgnoreCase(text)) {
                return m;
            }
        }
        return null;
    }
}
