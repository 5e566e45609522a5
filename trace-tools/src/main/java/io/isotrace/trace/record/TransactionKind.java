package io.isotrace.trace.record;

/**
 * What a memory transaction does, after the Arm ARM's {@code AccessType} and gem5's {@code MemCmd}: the controller
 * checks permissions by kind (a fetch needs execute, a page-table walk needs walk permission) and the DRAM model
 * needs to know which kinds read, which write and which do both.
 *
 * <p>The code is the value stored in the 4-bit kind field of the on-disk record; it must never be renumbered.
 */
public enum TransactionKind {
    /** An ordinary data load (LDR, LDP, LD1, ...). */
    READ(0, "R", true, false),
    /** An ordinary data store (STR, STP, ST1, ...). */
    WRITE(1, "W", false, true),
    /** An instruction fetch, reported once per aligned fetch block. */
    IFETCH(2, "X", true, false),
    /** A translation-table walk read made by the MMU on the guest's behalf. */
    PTW(3, "PTW", true, false),
    /** An atomic read-modify-write (LSE: LDADD, SWP, CAS ...): reads and writes the location indivisibly. */
    ATOMIC(4, "RMW", true, true),
    /** A load-exclusive (LDXR, LDAXR, LDXP ...): arms the exclusive monitor. */
    EXCL_LOAD(5, "LDX", true, false),
    /** A store-exclusive (STXR, STLXR, STXP ...), reported whether or not it succeeded. */
    EXCL_STORE(6, "STX", false, true),
    /** A cache maintenance operation by address (DC CIVAC, DC CVAU, IC IVAU ...): moves no data of its own. */
    CACHE_MAINT(7, "CMO", false, false),
    /** DC ZVA: writes zeros to a whole block whose size DCZID_EL0 gives. */
    ZERO_BLOCK(8, "ZVA", false, true);

    private static final TransactionKind[] BY_CODE = new TransactionKind[16];

    static {
        for (TransactionKind k : values()) {
            BY_CODE[k.code] = k;
        }
    }

    private final int code;
    private final String shortName;
    private final boolean reads;
    private final boolean writes;

    TransactionKind(int code, String shortName, boolean reads, boolean writes) {
        this.code = code;
        this.shortName = shortName;
        this.reads = reads;
        this.writes = writes;
    }

    /** The stable 4-bit code of this kind in the on-disk record. */
    public int code() {
        return code;
    }

    /** A short mnemonic for compact listings. */
    public String shortName() {
        return shortName;
    }

    /** True when the transaction reads memory (and so needs read permission). */
    public boolean reads() {
        return reads;
    }

    /** True when the transaction writes memory (and so needs write permission). */
    public boolean writes() {
        return writes;
    }

    /** The kind stored under {@code code}, or null when the code is not assigned. */
    public static TransactionKind fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Parses a kind by its name or short name, ignoring case; null when neither matches. */
    public static TransactionKind parse(String text) {
        for (TransactionKind k : values()) {
            if (k.name().equalsIgnoreCase(text) || k.shortName.equalsIgnoreCase(text)) {
                return k;
            }
        }
        return null;
    }
}
