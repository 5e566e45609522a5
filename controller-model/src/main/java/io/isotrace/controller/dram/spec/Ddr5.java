package io.isotrace.controller.dram.spec;

import java.util.List;

import static io.isotrace.controller.dram.spec.Commands.ACT;
import static io.isotrace.controller.dram.spec.Commands.ANY_PRE;
import static io.isotrace.controller.dram.spec.Commands.PRE;
import static io.isotrace.controller.dram.spec.Commands.PREA;
import static io.isotrace.controller.dram.spec.Commands.READS;
import static io.isotrace.controller.dram.spec.Commands.REF;
import static io.isotrace.controller.dram.spec.Commands.WRITES;
import static io.isotrace.controller.dram.spec.Scope.BANK;
import static io.isotrace.controller.dram.spec.Scope.BANK_GROUP;
import static io.isotrace.controller.dram.spec.Scope.CHANNEL;
import static io.isotrace.controller.dram.spec.Scope.OTHER_RANKS;
import static io.isotrace.controller.dram.spec.Scope.RANK;

/**
 * DDR5 (JESD79-5), one 32-bit sub-channel per channel. Differs from DDR4 in separate write-to-write spacings
 * (tCCD_S_WR, tCCD_L_WR), precharge-to-precharge (tPPD), and two-cycle ACT/RD/WR commands on the command bus
 * (JESD79-5 command truth table; Ramulator 2's DDR5 table models the same).
 */
public final class Ddr5 implements DramStandard {
    public static final Ddr5 INSTANCE = new Ddr5();

    private Ddr5() {
    }

    @Override
    public String name() {
        return "DDR5";
    }

    @Override
    public int commandCycles(Command c) {
        return c == Command.ACT || c.isColumn() ? 2 : 1;
    }

    @Override
    public List<TimingConstraint> constraints(TimingParameters t) {
        int bl = t.burst();
        return new TableBuilder()
                .row("data bus RD", CHANNEL, READS, READS, bl)
                .row("data bus WR", CHANNEL, WRITES, WRITES, bl)
                .row("tCCD_S", RANK, READS, READS, Math.max(bl, t.ccdS()))
                .row("tCCD_S_WR", RANK, WRITES, WRITES, Math.max(bl, t.ccdSWrite()))
                .row("tRTW", RANK, READS, WRITES, t.rl() + bl + t.rdToWrGap() - t.wl())
                .row("tWTR_S", RANK, WRITES, READS, t.writeDelay() + t.wtrS())
                .row("tRTRS RD-RD", OTHER_RANKS, READS, READS, bl + t.rtrs())
                .row("tRTRS RD-WR", OTHER_RANKS, READS, WRITES, t.readDelay() + t.rtrs() - t.wl())
                .row("tRTRS WR-RD", OTHER_RANKS, WRITES, READS, t.writeDelay() + t.rtrs() - t.rl())
                .row("tRRD_S", RANK, ACT, ACT, t.rrdS())
                .window("tFAW", RANK, ACT, ACT, t.faw(), 4)
                .row("tPPD", RANK, ANY_PRE, ANY_PRE, t.ppd())
                .row("tRAS (PREA)", RANK, ACT, PREA, t.ras())
                .row("tRTP (PREA)", RANK, Commands.of(Command.RD), PREA, t.al() + t.rtp())
                .row("tWR (PREA)", RANK, Commands.of(Command.WR), PREA, t.writeDelay() + t.wr())
                .row("tRP (PREA)", RANK, PREA, ACT, t.rpAll())
                .row("tRC (REF)", RANK, ACT, REF, t.rc())
                .row("tRP (REF)", RANK, ANY_PRE, REF, t.rp())
                .row("tRTP+tRP (REF)", RANK, Commands.of(Command.RDA), REF, t.al() + t.rtp() + t.rp())
                .row("tWR+tRP (REF)", RANK, Commands.of(Command.WRA), REF, t.writeDelay() + t.wr() + t.rp())
                .row("tRFC", RANK, REF, Commands.of(Command.ACT, Command.PREA, Command.REF), t.rfc())
                .row("tCCD_L", BANK_GROUP, READS, READS, Math.max(bl, t.ccdL()))
                .row("tCCD_L_WR", BANK_GROUP, WRITES, WRITES, Math.max(bl, t.ccdLWrite()))
                .row("tWTR_L", BANK_GROUP, WRITES, READS, t.writeDelay() + t.wtrL())
                .row("tRRD_L", BANK_GROUP, ACT, ACT, t.rrdL())
                .row("tRC", BANK, ACT, ACT, t.rc())
                .row("tRCD", BANK, ACT, READS, t.rcd() - t.al())
                .row("tRCD write", BANK, ACT, WRITES, t.rcdWrite() - t.al())
                .row("tRAS", BANK, ACT, PRE, t.ras())
                .row("tRP", BANK, PRE, ACT, t.rp())
                .row("tRTP", BANK, Commands.of(Command.RD), PRE, t.al() + t.rtp())
                .row("tWR", BANK, Commands.of(Command.WR), PRE, t.writeDelay() + t.wr())
                .row("tRTP+tRP", BANK, Commands.of(Command.RDA), ACT, t.al() + t.rtp() + t.rp())
                .row("tDAL", BANK, Commands.of(Command.WRA), ACT, t.writeDelay() + t.wr() + t.rp())
                .powerDown(t)
                .build();
    }
}
