package io.isotrace.controller.dram.device;

import io.isotrace.controller.dram.spec.Command;
import io.isotrace.controller.dram.spec.Preset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per timing constraint: after the setup commands, the probe command issued one cycle before the
 * constraint allows must be refused, and at exactly the constraint it is accepted. Expected cycles are written from
 * the datasheet values (DRAMSim3's DDR4_8Gb_x8_3200.ini for DDR4-3200: CL 22, CWL 16, tRCD 22, tRP 22, tRAS 52,
 * tRTP 12, tWR 24, tCCD_S/L 4/8, tRRD_S/L 4/8, tWTR_S/L 4/12, tFAW 34, tRTRS 1, tRFC 560, tXP 10, tCKE 8, BL8 = 4
 * cycles), never from the model's own output.
 *
 * <p>Banks of DDR4-3200 (2 ranks x 4 bank groups x 4 banks): bank = rank x 16 + group x 4 + bank-in-group, so bank 1
 * shares bank group 0 with bank 0, bank 4 is in group 1, bank 16 is in rank 1.
 */
class TimingConstraintTest {
    // DDR4-3200 datasheet values (DRAMSim3 DDR4_8Gb_x8_3200.ini).
    static final int CL = 22, CWL = 16, RCD = 22, RP = 22, RAS = 52, RTP = 12, WR = 24, CCD_S = 4, CCD_L = 8,
            RRD_S = 4, RRD_L = 8, WTR_S = 4, WTR_L = 12, FAW = 34, RTRS = 1, RFC = 560, XP = 10, CKE = 8, BL2 = 4;

    record Scenario(String name, Preset preset, String setup, String probe, long expected) {
        @Override
        public String toString() {
            return preset.displayName() + " " + name;
        }
    }

    static List<Scenario> scenarios() {
        Preset d = Preset.DDR4_3200;
        return List.of(
                new Scenario("tRCD ACT-RD", d, "ACT 0 5 @0", "RD 0 5", RCD),
                new Scenario("tRCD ACT-WR", d, "ACT 0 5 @0", "WR 0 5", RCD),
                new Scenario("tRAS ACT-PRE", d, "ACT 0 5 @0", "PRE 0", RAS),
                new Scenario("tRP PRE-ACT", d, "ACT 0 5 @0; PRE 0 @60", "ACT 0 6", 60 + RP),
                new Scenario("tRC ACT-ACT same bank", d, "ACT 0 5 @0; PRE 0 @52", "ACT 0 6", RAS + RP),
                new Scenario("tRRD_S ACT-ACT other group", d, "ACT 0 5 @0", "ACT 4 5", RRD_S),
                new Scenario("tRRD_L ACT-ACT same group", d, "ACT 0 5 @0", "ACT 1 5", RRD_L),
                new Scenario("tFAW fifth ACT", d, "ACT 0 1 @0; ACT 4 1 @4; ACT 8 1 @8; ACT 12 1 @12", "ACT 1 1", FAW),
                new Scenario("tCCD_S RD-RD other group", d, "ACT 0 1 @0; ACT 4 1 @4; RD 0 1 @26", "RD 4 1",
                        26 + CCD_S),
                new Scenario("tCCD_L RD-RD same group", d, "ACT 0 1 @0; ACT 1 1 @8; RD 0 1 @30", "RD 1 1",
                        30 + CCD_L),
                new Scenario("tCCD_L WR-WR same group", d, "ACT 0 1 @0; ACT 1 1 @8; WR 0 1 @30", "WR 1 1",
                        30 + CCD_L),
                new Scenario("tCCD_S WR-WR other group", d, "ACT 0 1 @0; ACT 4 1 @4; WR 0 1 @26", "WR 4 1",
                        26 + CCD_S),
                new Scenario("tWTR_S WR-RD other group", d, "ACT 0 1 @0; ACT 4 1 @4; WR 0 1 @22", "RD 4 1",
                        22 + CWL + BL2 + WTR_S),
                new Scenario("tWTR_L WR-RD same group", d, "ACT 0 1 @0; ACT 1 1 @8; WR 0 1 @22", "RD 1 1",
                        22 + CWL + BL2 + WTR_L),
                new Scenario("tRTW RD-WR", d, "ACT 0 1 @0; RD 0 1 @22", "WR 0 1", 22 + CL + BL2 + 1 - CWL),
                new Scenario("tRTP RD-PRE", d, "ACT 0 1 @0; RD 0 1 @50", "PRE 0", 50 + RTP),
                new Scenario("tWR WR-PRE", d, "ACT 0 1 @0; WR 0 1 @40", "PRE 0", 40 + CWL + BL2 + WR),
                new Scenario("RDA-ACT tRTP+tRP", d, "ACT 0 1 @0; RDA 0 1 @50", "ACT 0 2", 50 + RTP + RP),
                new Scenario("tDAL WRA-ACT", d, "ACT 0 1 @0; WRA 0 1 @40", "ACT 0 2", 40 + CWL + BL2 + WR + RP),
                new Scenario("tRTRS RD-RD other rank", d, "ACT 0 1 @0; ACT 16 1 @1; RD 0 1 @22", "RD 16 1",
                        22 + BL2 + RTRS),
                new Scenario("tRTRS RD-WR other rank", d, "ACT 0 1 @0; ACT 16 1 @1; RD 0 1 @22", "WR 16 1",
                        22 + CL + BL2 + RTRS - CWL),
                new Scenario("data bus WR-WR other rank", d, "ACT 0 1 @0; ACT 16 1 @1; WR 0 1 @23", "WR 16 1",
                        23 + BL2),
                new Scenario("tRFC REF-ACT", d, "REF 0 @0", "ACT 0 1", RFC),
                new Scenario("tRFC REF-ACT other bank of the rank", d, "REF 0 @0", "ACT 9 1", RFC),
                new Scenario("tRP PRE-REF", d, "ACT 0 1 @0; PRE 0 @60", "REF 0", 60 + RP),
                new Scenario("tRC ACT-REF", d, "ACT 0 1 @0; RDA 0 1 @22", "REF 0", RAS + RP),
                new Scenario("tRAS ACT-PREA", d, "ACT 0 1 @0", "PREA 0", RAS),
                new Scenario("tCKE PDE-PDX", d, "PDE 0 @0", "PDX 0", CKE),
                new Scenario("tXP PDX-ACT", d, "PDE 0 @0; PDX 0 @8", "ACT 0 1", 8 + XP),
                new Scenario("tRDPDEN RD-PDE", d, "ACT 0 1 @0; RD 0 1 @22", "PDE 0", 22 + CL + BL2 + 1),
                new Scenario("command bus one per cycle", d, "ACT 0 1 @0", "ACT 16 1", 1),
                // DDR5-4800 (JESD79-5 via Ramulator 2 DDR5_4800AN): tRCD 34, tRRD_L 12, tCCD_L_WR 48, tRAS 77,
                // tRRD_S 8, tPPD 2, two-cycle ACT/RD/WR.
                new Scenario("tCCD_L_WR WR-WR same group", Preset.DDR5_4800, "ACT 0 1 @0; ACT 1 1 @12; WR 0 1 @34",
                        "WR 1 1", 34 + 48),
                new Scenario("tPPD PRE-PRE", Preset.DDR5_4800, "ACT 0 1 @0; ACT 4 1 @8; PRE 0 @90", "PRE 4", 92),
                new Scenario("two-cycle ACT on the command bus", Preset.DDR5_4800, "ACT 4 1 @0; ACT 0 1 @200",
                        "PRE 4", 202),
                // LPDDR4-3200 (JESD209-4): tRPab 32 vs tRPpb 27, tRAS 68; per-bank refresh tRFCpb 224, tRRD 16.
                new Scenario("tRPab PREA-ACT", Preset.LPDDR4_3200, "ACT 0 1 @0; PREA 0 @68", "ACT 0 2", 68 + 32),
                new Scenario("tRFCpb REFpb-ACT same bank", Preset.LPDDR4_3200, "REFPB 0 @0", "ACT 0 1", 224),
                new Scenario("tRRD REFpb-ACT other bank", Preset.LPDDR4_3200, "REFPB 0 @0", "ACT 1 1", 16),
                // HBM2 (DRAMSim3 HBM2_8Gb_x128.ini): tRCDRD 14; JESD235 tRFCSB 160 ns = 160 cycles at 1 GHz.
                new Scenario("tRCDRD ACT-RD", Preset.HBM2, "ACT 0 1 @0", "RD 0 1", 14),
                new Scenario("tRFCSB REFSB-ACT", Preset.HBM2, "REFPB 0 @0", "ACT 0 1", 160));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void oneCycleEarlyIsRefusedAndTheConstraintItselfIsAccepted(Scenario s) {
        TimingEngine probe = setUp(s);
        String[] p = s.probe().trim().split("\\s+");
        Command cmd = Command.valueOf(p[0]);
        int bank = Integer.parseInt(p[1]);
        int row = p.length > 2 ? Integer.parseInt(p[2]) : -1;
        assertEquals(s.expected(), probe.earliest(cmd, bank), "earliest cycle of " + s.probe());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> probe.issue(cmd, bank, row, s.expected() - 1));
        assertTrue(e.getMessage().contains("early"), e.getMessage());
        TimingEngine exact = setUp(s);
        assertDoesNotThrow(() -> exact.issue(cmd, bank, row, s.expected()));
    }

    private static TimingEngine setUp(Scenario s) {
        TimingEngine e = new TimingEngine(s.preset().spec());
        for (String step : s.setup().split(";")) {
            String[] f = step.trim().split("\\s+");
            Command cmd = Command.valueOf(f[0]);
            int bank = Integer.parseInt(f[1]);
            int row = f[2].startsWith("@") ? -1 : Integer.parseInt(f[2]);
            long at = Long.parseLong(f[f.length - 1].substring(1));
            e.issue(cmd, bank, row, at);
        }
        return e;
    }

    @Test
    void hbm2IssuesARowAndAColumnCommandInTheSameCycle() {
        TimingEngine e = new TimingEngine(Preset.HBM2.spec());
        e.issue(Command.ACT, 0, 1, 0);
        e.issue(Command.RD, 0, 1, 14);
        assertTrue(e.earliest(Command.ACT, 4) <= 14, "row bus free while the column bus carries RD");
        e.issue(Command.ACT, 4, 1, 14);
        TimingEngine single = new TimingEngine(Preset.DDR4_3200.spec());
        single.issue(Command.ACT, 0, 1, 0);
        single.issue(Command.RD, 0, 1, 22);
        assertEquals(23, single.earliest(Command.ACT, 4), "DDR4 has one command bus");
    }

    @Test
    void illegalCommandsAreRefusedWhateverTheTiming() {
        TimingEngine e = new TimingEngine(Preset.DDR4_3200.spec());
        assertThrows(IllegalStateException.class, () -> e.issue(Command.RD, 0, 1, 100), "RD to a closed bank");
        e.issue(Command.ACT, 0, 1, 100);
        assertThrows(IllegalStateException.class, () -> e.issue(Command.ACT, 0, 2, 1000), "ACT to an open bank");
        assertThrows(IllegalStateException.class, () -> e.issue(Command.RD, 0, 2, 1000), "RD to another row");
        assertThrows(IllegalStateException.class, () -> e.issue(Command.REF, 0, -1, 1000), "REF with a bank open");
        e.issue(Command.PRE, 0, -1, 1000);
        e.issue(Command.PDE, 0, -1, 1100);
        assertThrows(IllegalStateException.class, () -> e.issue(Command.ACT, 0, 1, 2000), "ACT while powered down");
        assertThrows(IllegalStateException.class, () -> e.issue(Command.PDX, 16, -1, 2000), "PDX to a rank that is up");
        e.issue(Command.PDX, 0, -1, 2000);
        e.issue(Command.ACT, 0, 1, 2000 + XP);
    }

    @Test
    void theFifthActivateWaitsForTheWindowNotJustTrrd() {
        TimingEngine e = new TimingEngine(Preset.DDR4_3200.spec());
        long[] at = {0, 4, 8, 12};
        int[] banks = {0, 4, 8, 12};
        for (int i = 0; i < 4; i++) {
            e.issue(Command.ACT, banks[i], 1, at[i]);
        }
        assertEquals(FAW, e.earliest(Command.ACT, 1));
        e.issue(Command.ACT, 1, 1, FAW);
        // The window slides: a sixth ACT (bank 5, group 1) waits for the second ACT (at 4) + tFAW.
        assertEquals(4 + FAW, e.earliest(Command.ACT, 5));
        // ... and one in the group of the fifth also keeps tRRD_L from it.
        assertEquals(FAW + RRD_L, e.earliest(Command.ACT, 2));
        // The other rank has its own window.
        assertEquals(FAW + 1, e.earliest(Command.ACT, 16), "command bus only");
    }
}
