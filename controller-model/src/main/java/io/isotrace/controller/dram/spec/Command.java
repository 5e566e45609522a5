package io.isotrace.controller.dram.spec;

/**
 * The DRAM commands the engine issues, after JEDEC's command truth tables (JESD79-4 DDR4, JESD79-5 DDR5, JESD209-4
 * LPDDR4, JESD235 HBM2). Each knows what it touches (one bank or a whole rank), whether it moves data, and which
 * command bus carries it on devices with separate row and column buses (HBM2).
 *
 * <p>Timing constraints between commands are data ({@link TimingConstraint}); this enum only says what a command is.
 */
public enum Command {
    /** Activate: opens a row in one bank. */
    ACT(Target.BANK, Bus.ROW, false, false, false),
    /** Precharge one bank: closes its open row. */
    PRE(Target.BANK, Bus.ROW, false, false, false),
    /** Precharge all banks of a rank (before an all-bank refresh). */
    PREA(Target.RANK, Bus.ROW, false, false, false),
    /** Column read from the open row. */
    RD(Target.BANK, Bus.COLUMN, true, false, false),
    /** Column write to the open row. */
    WR(Target.BANK, Bus.COLUMN, false, true, false),
    /** Read with auto-precharge: the bank closes itself after tRTP. */
    RDA(Target.BANK, Bus.COLUMN, true, false, true),
    /** Write with auto-precharge: the bank closes itself after write recovery. */
    WRA(Target.BANK, Bus.COLUMN, false, true, true),
    /** All-bank refresh of one rank. */
    REF(Target.RANK, Bus.ROW, false, false, false),
    /** Per-bank refresh (LPDDR4 REFpb, HBM2 REFSB): the other banks keep working. */
    REFPB(Target.BANK, Bus.ROW, false, false, false),
    /** Power-down entry (CKE low) of one rank. */
    PDE(Target.RANK, Bus.ROW, false, false, false),
    /** Power-down exit (CKE high); the rank accepts commands again after tXP. */
    PDX(Target.RANK, Bus.ROW, false, false, false);

    /** What a command acts on. */
    public enum Target {
        BANK,
        RANK
    }

    /** Which command bus carries it, for devices with separate row and column command buses. */
    public enum Bus {
        ROW,
        COLUMN
    }

    /** All commands, without the array copy {@link #values()} makes on every call. */
    public static final Command[] ALL = values();
    public static final int COUNT = ALL.length;

    private final Target target;
    private final Bus bus;
    private final boolean read;
    private final boolean write;
    private final boolean autoPrecharge;

    Command(Target target, Bus bus, boolean read, boolean write, boolean autoPrecharge) {
        this.target = target;
        this.bus = bus;
        this.read = read;
        this.write = write;
        this.autoPrecharge = autoPrecharge;
    }

    public Target target() {
        return target;
    }

    public Bus bus() {
        return bus;
    }

    /** RD or RDA. */
    public boolean isRead() {
        return read;
    }

    /** WR or WRA. */
    public boolean isWrite() {
        return write;
    }

    /** A column command: moves a burst of data. */
    public boolean isColumn() {
        return read || write;
    }

    /** RDA or WRA. */
    public boolean autoPrecharge() {
        return autoPrecharge;
    }
}
