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
import static io.isotrace.controller.dram.spec.Scope.RANK;

/**
 * HBM2 (JESD235) in legacy mode: 128-bit channels, one rank (stack slice) each, separate row and column command
 * buses that can each issue a command every cycle (DRAMSim3's {@code hbm_dual_cmd}), separate tRCDRD/tRCDWR, and
 * single-bank refresh (REFSB) besides all-bank refresh.
 */
public final class Hbm2 implements DramStandard {
    public static final Hbm2 INSTANCE = new Hbm2();

    private Hbm2() {
    }

    @Override
    public String name() {
        return "HBM2";
    }

    @Override
    public boolean dualCommandBus() {
        return true;
    }

    @Override
    public List<TimingConstraint> constraints(TimingParameters t) {
        int bl = t.burst();
        return new TableBuilder()
                .row("data bus RD", CHANNEL, READS, READS, bl)
                .row("data bus WR", CHANNEL, WRITES, WRITES, bl)
                .row("tCCD_S", RANK, READS, READS, Math.max(bl, t.ccdS()))
                .row("tCCD_S write", RANK, WRITES, WRITES, Math.max(bl, t.ccdSWrite()))
                .row("tRTW", RANK, READS, WRITES, t.rl() + bl + t.rdToWrGap() - t.wl())
                .row("tWTR_S", RANK, WRITES, READS, t.writeDelay() + t.wtrS())
                .row("tRRD_S", RANK, ACT, ACT, t.rrdS())
                .window("tFAW", RANK, ACT, ACT, t.faw(), 4)
                .row("tRAS (PREA)", RANK, ACT, PREA, t.ras())
                .row("tRTP (PREA)", RANK, Commands.of(Command.RD), PREA, t.rtp())
                .row("tWR (PREA)", RANK, Commands.of(Command.WR), PREA, t.writeDelay() + t.wr())
                .row("tRP (PREA)", RANK, PREA, ACT, t.rpAll())
                .row("tRC (REF)", RANK, ACT, REF, t.rc())
                .row("tRP (REF)", RANK, ANY_PRE, REF, t.rp())
                .row("tRTP+tRP (REF)", RANK, Commands.of(Command.RDA), REF, t.rtp() + t.rp())
                .row("tWR+tRP (REF)", RANK, Commands.of(Command.WRA), REF, t.writeDelay() + t.wr() + t.rp())
                .row("tRFC", RANK, REF, Commands.of(Command.ACT, Command.PREA, Command.REF, Command.REFPB), t.rfc())
                .row("tRREFD", RANK, REFPB, Commands.of(Command.ACT, Command.REFPB), t.rrefd())
                .row("tRRD (ACT-REFSB)", RANK, ACT, REFPB, t.rrdS())
                .row("tRFCSB (REF)", RANK, REFPB, REF, t.rfcPb())
                .row("tRFCSB", BANK, REFPB, Commands.of(Command.ACT, Command.REFPB), t.rfcPb())
                .row("tRC (REFSB)", BANK, ACT, REFPB, t.rc())
                .row("tRP (REFSB)", BANK, PRE, REFPB, t.rp())
                .row("tRTP+tRP (REFSB)", BANK, Commands.of(Command.RDA), REFPB, t.rtp() + t.rp())
                .row("tWR+tRP (REFSB)", BANK, Commands.of(Command.WRA), REFPB, t.writeDelay() + t.wr() + t.rp())
                .row("tCCD_L", BANK_GROUP, READS, READS, Math.max(bl, t.ccdL()))
                .row("tCCD_L write", BANK_GROUP, WRITES, WRITES, Math.max(bl, t.ccdLWrite()))
                .row("tWTR_L", BANK_GROUP, WRITES, READS, t.writeDelay() + t.wtrL())
                .row("tRRD_L", BANK_GROUP, ACT, ACT, t.rrdL())
                .row("tRC", BANK, ACT, ACT, t.rc())
                .row("tRCDRD", BANK, ACT, READS, t.rcd())
                .row("tRCDWR", BANK, ACT, WRITES, t.rcdWrite())
                .row("tRAS", BANK, ACT, PRE, t.ras())
                .row("tRP", BANK, PRE, ACT, t.rp())
                .row("tRTP", BANK, Commands.of(Command.RD), PRE, t.rtp())
                .row("tWR", BANK, Commands.of(Command.WR), PRE, t.writeDelay() + t.wr())
                .row("tRTP+tRP", BANK, Commands.of(Command.RDA), ACT, t.rtp() + t.rp())
                .row("tDAL", BANK, Commands.of(Command.WRA), ACT, t.writeDelay() + t.wr() + t.rp())
                .powerDown(t)
                .build();
    }
}
