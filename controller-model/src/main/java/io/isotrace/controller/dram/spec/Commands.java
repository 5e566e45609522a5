package io.isotrace.controller.dram.spec;

import java.util.EnumSet;
import java.util.Set;

/** The command groups standards' tables name again and again, spelt once. */
public final class Commands {
    public static final Set<Command> READS = EnumSet.of(Command.RD, Command.RDA);
    public static final Set<Command> WRITES = EnumSet.of(Command.WR, Command.WRA);
    public static final Set<Command> COLUMN = EnumSet.of(Command.RD, Command.RDA, Command.WR, Command.WRA);
    public static final Set<Command> ACT = EnumSet.of(Command.ACT);
    public static final Set<Command> PRE = EnumSet.of(Command.PRE);
    public static final Set<Command> PREA = EnumSet.of(Command.PREA);
    public static final Set<Command> ANY_PRE = EnumSet.of(Command.PRE, Command.PREA);
    public static final Set<Command> REF = EnumSet.of(Command.REF);
    public static final Set<Command> REFPB = EnumSet.of(Command.REFPB);
    public static final Set<Command> PDE = EnumSet.of(Command.PDE);
    public static final Set<Command> PDX = EnumSet.of(Command.PDX);
    /** Everything a rank can be asked to do once it has left power-down. */
    public static final Set<Command> AFTER_EXIT = EnumSet.of(Command.ACT, Command.PRE, Command.PREA, Command.RD,
            Command.WR, Command.RDA, Command.WRA, Command.REF, Command.REFPB, Command.PDE);

    private Commands() {
    }

    public static Set<Command> of(Command first, Command... rest) {
        return EnumSet.of(first, rest);
    }
}
