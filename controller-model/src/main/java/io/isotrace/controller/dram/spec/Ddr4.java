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
 * DDR4 (JESD79-4). The rows follow the standard's command-to-command timing and agree with DRAMSim3's
 * {@code timing.cc} and Ramulator 2's DDR4 table wherever those two agree; where they differ the choice is noted.
 * RL = AL + CL and WL = AL + CWL; one burst occupies the data bus for {@code burst} (BL/2) cycles.
 */
public final class Ddr4 implements DramStandard {
    public static final Ddr4 INSTANCE = new Ddr4();

    private Ddr4() {
    }

    @Override
    public String name() {
        return "DDR4";
    }

    @Override
    public List<TimingConstraint> constraints(TimingParameters t) {
        int bl = t.burst();
        return new TableBuilder()
                // Channel: one burst at a time on the shared data bus.
                .row("data bus RD", CHANNEL, READS, READS, bl)
                .row("data bus WR", CHANNEL, WRITES, WRITES, bl)
                // Rank: column-to-column and bus turnaround within a rank.
                .row("tCCD_S", RANK, READS, READS, Math.max(bl, t.ccdS()))
                .row("tCCD_S write", RANK, WRITES, WRITES, Math.max(bl, t.ccdSWrite()))
                // Read data must leave the bus (plus the write preamble) before write data arrives: RL+BL/2+gap-WL.
                .row("tRTW", RANK, READS, WRITES, t.rl() + bl + t.rdToWrGap() - t.wl())
                .row("tWTR_S", RANK, WRITES, READS, t.writeDelay() + t.wtrS())
                // Other ranks: the data bus changes drivers (tRTRS).
                .row("tRTRS RD-RD", OTHER_RANKS, READS, READS, bl + t.rtrs())
                .row("tRTRS RD-WR", OTHER_RANKS, READS, WRITES, t.readDelay() + t.rtrs() - t.wl())
                .row("tRTRS WR-RD", OTHER_RANKS, WRITES, READS, t.writeDelay() + t.rtrs() - t.rl())
                // Rank: activation rate, all-bank precharge and refresh.
                .row("tRRD_S", RANK, ACT, ACT, t.rrdS())
                .window("tFAW", RANK, ACT, ACT, t.faw(), 4)
                .row("tRAS (PREA)", RANK, ACT, PREA, t.ras())
                .row("tRTP (PREA)", RANK, Commands.of(Command.RD), PREA, t.al() + t.rtp())
                .row("tWR (PREA)", RANK, Commands.of(Command.WR), PREA, t.writeDelay() + t.wr())
                .row("tRP (PREA)", RANK, PREA, ACT, t.rpAll())
                .row("tRC (REF)", RANK, ACT, REF, t.rc())
                .row("tRP (REF)", RANK, ANY_PRE, REF, t.rp())
                .row("tRTP+tRP (REF)", RANK, Commands.of(Command.RDA), REF, t.al() + t.rtp() + t.rp())
                .row("tWR+tRP (REF)", RANK, Commands.of(Command.WRA), REF, t.writeDelay() + t.wr() + t.rp())
                .row("tRFC", RANK, REF, Commands.of(Command.ACT, Command.PREA, Command.REF), t.rfc())
                // Bank group: the long column and activation spacings.
                .row("tCCD_L", BANK_GROUP, READS, READS, Math.max(bl, t.ccdL()))
                .row("tCCD_L write", BANK_GROUP, WRITES, WRITES, Math.max(bl, t.ccdLWrite()))
                .row("tWTR_L", BANK_GROUP, WRITES, READS, t.writeDelay() + t.wtrL())
                .row("tRRD_L", BANK_GROUP, ACT, ACT, t.rrdL())
                // Bank.
                .row("tRC", BANK, ACT, ACT, t.rc())
                .row("tRCD", BANK, ACT, READS, t.rcd() - t.al())
                .row("tRCD write", BANK, ACT, WRITES, t.rcdWrite() - t.al())
                .row("tRAS", BANK, ACT, PRE, t.ras())
                .row("tRP", BANK, PRE, ACT, t.rp())
                .row("tRTP", BANK, Commands.of(Command.RD), PRE, t.al() + t.rtp())
                .row("tWR", BANK, Commands.of(Command.WR), PRE, t.writeDelay() + t.wr())
                // Auto-precharge starts tRTP after the read (JESD79-4 tDAL for writes); Ramulator 2 agrees, DRAMSim3
                // adds one burst to the read case.
                .row("tRTP+tRP", BANK, Commands.of(Command.RDA), ACT, t.al() + t.rtp() + t.rp())
                .row("tDAL", BANK, Commands.of(Command.WRA), ACT, t.writeDelay() + t.wr() + t.rp())
                .powerDown(t)
                .build();
    }

}
