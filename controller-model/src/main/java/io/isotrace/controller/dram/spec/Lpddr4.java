package io.isotrace.controller.dram.spec;

import java.util.List;

import static io.isotrace.controller.dram.spec.Commands.ACT;
import static io.isotrace.controller.dram.spec.Commands.ANY_PRE;
import static io.isotrace.controller.dram.spec.Commands.PRE;
import static io.isotrace.controller.dram.spec.Commands.PREA;
import static io.isotrace.controller.dram.spec.Commands.READS;
import static io.isotrace.controller.dram.spec.Commands.REF;
import static io.isotrace.controller.dram.spec.Commands.REFPB;
import static io.isotrace.controller.dram.spec.Commands.WRITES;
import static io.isotrace.controller.dram.spec.Scope.BANK;
import static io.isotrace.controller.dram.spec.Scope.BANK_GROUP;
import static io.isotrace.controller.dram.spec.Scope.CHANNEL;
import static io.isotrace.controller.dram.spec.Scope.OTHER_RANKS;
import static io.isotrace.controller.dram.spec.Scope.RANK;

/**
 * LPDDR4 (JESD209-4): no bank groups, separate per-bank and all-bank precharge times (tRPpb, tRPab), precharge to
 * precharge (tPPD), write-to-read and write recovery counted one clock after the last write beat, and per-bank
 * refresh (REFpb, tRFCpb, one bank every tREFIpb; REFpb to ACT of another bank tRRD). Row order and formulas as
 * Ramulator's LPDDR4 model derives them from JESD209-4 table 89.
 */
public final class Lpddr4 implements DramStandard {
    public static final Lpddr4 INSTANCE = new Lpddr4();

    private Lpddr4() {
    }

    @Override
    public String name() {
        return "LPDDR4";
    }

    @Override
    public List<TimingConstraint> constraints(TimingParameters t) {
        int bl = t.burst();
        int writeEnd = t.writeDelay() + 1; // LPDDR4 counts write recovery from one clock after the last beat
        return new TableBuilder()
                .row("data bus RD", CHANNEL, READS, READS, bl)
                .row("data bus WR", CHANNEL, WRITES, WRITES, bl)
                .row("tCCD", RANK, READS, READS, Math.max(bl, t.ccdS()))
                .row("tCCD write", RANK, WRITES, WRITES, Math.max(bl, t.ccdSWrite()))
                .row("tRTW", RANK, READS, WRITES, t.rl() + bl + t.rdToWrGap() - t.wl())
                .row("tWTR", RANK, WRITES, READS, writeEnd + t.wtrS())
                .row("tRTRS RD-RD", OTHER_RANKS, READS, READS, bl + t.rtrs())
                .row("tRTRS RD-WR", OTHER_RANKS, READS, WRITES, t.rl() + bl + t.rdToWrGap() + t.rtrs() - t.wl())
                .row("tRTRS WR-RD", OTHER_RANKS, WRITES, READS, t.writeDelay() + t.rtrs() - t.rl())
                .row("tRRD", RANK, ACT, ACT, t.rrdS())
                .window("tFAW", RANK, ACT, ACT, t.faw(), 4)
                .row("tPPD", RANK, ANY_PRE, ANY_PRE, t.ppd())
                .row("tRAS (PREA)", RANK, ACT, PREA, t.ras())
                .row("tRTP (PREA)", RANK, Commands.of(Command.RD), PREA, t.rtp())
                .row("tWR (PREA)", RANK, Commands.of(Command.WR), PREA, writeEnd + t.wr())
                .row("tRPab", RANK, PREA, ACT, t.rpAll())
                .row("tRC (REF)", RANK, ACT, REF, t.rc())
                .row("tRPpb (REF)", RANK, PRE, REF, t.rp())
                .row("tRPab (REF)", RANK, PREA, REF, t.rpAll())
                .row("tRFCab", RANK, REF, Commands.of(Command.ACT, Command.PREA, Command.REF, Command.REFPB), t.rfc())
                // Per-bank refresh: the refreshed bank is busy tRFCpb; the others keep tRRD from it.
                .row("tRRD (REFpb-ACT)", RANK, REFPB, ACT, t.rrefd())
                .row("tRRD (ACT-REFpb)", RANK, ACT, REFPB, t.rrdS())
                .row("tRRD (REFpb-REFpb)", RANK, REFPB, REFPB, t.rrefd())
                .row("tRFCpb (REF)", RANK, REFPB, REF, t.rfcPb())
                .row("tRFCpb", BANK, REFPB, Commands.of(Command.ACT, Command.REFPB), t.rfcPb())
                .row("tRC (REFpb)", BANK, ACT, REFPB, t.rc())
                .row("tRPpb (REFpb)", BANK, PRE, REFPB, t.rp())
                .row("tRTP+tRPpb (REFpb)", BANK, Commands.of(Command.RDA), REFPB, t.rtp() + t.rp())
                .row("tWR+tRPpb (REFpb)", BANK, Commands.of(Command.WRA), REFPB, writeEnd + t.wr() + t.rp())
                // No bank groups: the bank-group rows repeat the rank values and only matter with bankGroups > 1.
                .row("tCCD (BG)", BANK_GROUP, READS, READS, Math.max(bl, t.ccdL()))
                .row("tWTR (BG)", BANK_GROUP, WRITES, READS, writeEnd + t.wtrL())
                .row("tRRD (BG)", BANK_GROUP, ACT, ACT, t.rrdL())
                .row("tRC", BANK, ACT, ACT, t.rc())
                .row("tRCD", BANK, ACT, READS, t.rcd())
                .row("tRCD write", BANK, ACT, WRITES, t.rcdWrite())
                .row("tRAS", BANK, ACT, PRE, t.ras())
                .row("tRPpb", BANK, PRE, ACT, t.rp())
                .row("tRTP", BANK, Commands.of(Command.RD), PRE, t.rtp())
                .row("tWR", BANK, Commands.of(Command.WR), PRE, writeEnd + t.wr())
                .row("tRTP+tRPpb", BANK, Commands.of(Command.RDA), ACT, t.rtp() + t.rp())
                .row("tDAL", BANK, Commands.of(Command.WRA), ACT, writeEnd + t.wr() + t.rp())
                .powerDown(t)
                .build();
    }
}
