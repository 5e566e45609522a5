package io.isotrace.controller.dram.spec;

import java.util.Locale;

/**
 * Named devices with datasheet-derived values. Each cites where its numbers come from; the DDR4 presets are exactly
 * DRAMSim3's {@code configs/DDR4_8Gb_x8_*.ini} (except tCK, which is the JEDEC period: the ini files round it, e.g.
 * 0.63 ns for DDR4-3200's 0.625 ns).
 */
public enum Preset {
    DDR4_2400("DDR4-2400", "DDR4-2400 8Gb x8, 2 ranks (DRAMSim3 DDR4_8Gb_x8_2400.ini; JESD79-4 speed bin 2400R)",
            Ddr4.INSTANCE,
            new Organization(1, 2, 4, 4, 65536, 1024, 8, 64, 8),
            TimingParameters.builder().clockHz(1_200_000_000L).burst(4).cl(17).cwl(12).al(0).rcd(17).rp(17).ras(39)
                    .rtp(9).wr(18).ccdS(4).ccdL(6).rrdS(4).rrdL(6).wtrS(3).wtrL(9).faw(26).rtrs(1).rdToWrGap(1)
                    .rfc(420).refi(9360).xp(8).cke(6).build()),

    DDR4_3200("DDR4-3200", "DDR4-3200 8Gb x8, 2 ranks (DRAMSim3 DDR4_8Gb_x8_3200.ini; JESD79-4 speed bin 3200AA)",
            Ddr4.INSTANCE,
            new Organization(1, 2, 4, 4, 65536, 1024, 8, 64, 8),
            TimingParameters.builder().clockHz(1_600_000_000L).burst(4).cl(22).cwl(16).al(0).rcd(22).rp(22).ras(52)
                    .rtp(12).wr(24).ccdS(4).ccdL(8).rrdS(4).rrdL(8).wtrS(4).wtrL(12).faw(34).rtrs(1).rdToWrGap(1)
                    .rfc(560).refi(12480).xp(10).cke(8).build()),

    /*
     * JESD79-5 DDR5-4800A (34-34-34) as Ramulator 2's DDR5_4800AN preset gives it, 16Gb x8: tFAW 20 ns, tRFC1 295 ns,
     * tREFI 3.9 us, tXP/tCKE 7.5 ns at tCK 0.4167 ns. A DIMM's two 32-bit sub-channels are two channels here.
     */
    DDR5_4800("DDR5-4800", "DDR5-4800A 16Gb x8, 2 x 32-bit sub-channels (JESD79-5 via Ramulator 2 DDR5_4800AN)",
            Ddr5.INSTANCE,
            new Organization(2, 1, 8, 4, 65536, 1024, 8, 32, 16),
            TimingParameters.builder().clockHz(2_400_000_000L).burst(8).cl(34).cwl(32).al(0).rcd(34).rp(34).ras(77)
                    .rtp(18).wr(72).ccdS(8).ccdL(12).ccdSWrite(8).ccdLWrite(48).rrdS(8).rrdL(12).wtrS(6).wtrL(24)
                    .faw(48).rtrs(2).rdToWrGap(4).rfc(708).refi(9360).ppd(2).xp(18).cke(18).build()),

    /*
     * JESD209-4 LPDDR4-3200 core timings as Ramulator's LPDDR4 speed table derives them (table 89), 8Gb x16 die with
     * two dies side by side on a 32-bit channel: tRFCab 280 ns, tRFCpb 140 ns, tREFI 3.904 us, tREFIpb 488 ns.
     */
    LPDDR4_3200("LPDDR4-3200", "LPDDR4-3200 8Gb x16, 32-bit channel (JESD209-4 table 89 via Ramulator LPDDR4_3200)",
            Lpddr4.INSTANCE,
            new Organization(1, 1, 1, 8, 32768, 1024, 16, 32, 16),
            TimingParameters.builder().clockHz(1_600_000_000L).burst(8).cl(32).cwl(18).al(0).rcd(29).rp(27)
                    .rpAll(32).ras(68).rtp(14).wr(28).ccdS(8).ccdL(8).rrdS(16).rrdL(16).wtrS(16).wtrL(16).faw(64)
                    .rtrs(2).rdToWrGap(4).rfc(448).refi(6246).rfcPb(224).refiPb(780).rrefd(16).ppd(4).xp(24).cke(12)
                    .build()),

    /*
     * HBM2 2 Gb/s, 8Gb, 8 legacy 128-bit channels: DRAMSim3 HBM2_8Gb_x128.ini; per-bank refresh from JESD235
     * (tRFCSB 160 ns for 8Gb, REFSB every tREFI / 16 banks, tRREFD 8 ns).
     */
    HBM2("HBM2", "HBM2 2Gbps 8Gb, 8 x 128-bit channels (DRAMSim3 HBM2_8Gb_x128.ini; JESD235 REFSB timings)",
            Hbm2.INSTANCE,
            new Organization(8, 1, 4, 4, 32768, 128, 128, 128, 4),
            TimingParameters.builder().clockHz(1_000_000_000L).burst(2).cl(14).cwl(4).al(0).rcd(14).rcdWrite(14)
                    .rp(14).ras(34).rtp(6).wr(16).ccdS(1).ccdL(2).rrdS(4).rrdL(6).wtrS(6).wtrL(8).faw(30).rtrs(1)
                    .rdToWrGap(1).rfc(260).refi(3900).rfcPb(160).refiPb(243).rrefd(8).xp(8).cke(8).build());

    private final String displayName;
    private final String source;
    private final DramStandard standard;
    private final Organization organization;
    private final TimingParameters timing;

    Preset(String displayName, String source, DramStandard standard, Organization organization,
           TimingParameters timing) {
        this.displayName = displayName;
        this.source = source;
        this.standard = standard;
        this.organization = organization;
        this.timing = timing;
    }

    /** The name configuration files use, e.g. {@code DDR4-3200}. */
    public String displayName() {
        return displayName;
    }

    /** What the device is and where its numbers come from. */
    public String source() {
        return source;
    }

    public DeviceSpec spec() {
        return new DeviceSpec(source.substring(0, source.indexOf(" (")), standard, organization, timing);
    }

    /** Finds a preset by its display name ({@code DDR4-3200}) or enum name, ignoring case; null when none. */
    public static Preset find(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        for (Preset p : values()) {
            if (p.displayName.toUpperCase(Locale.ROOT).equals(n)) {
                return p;
            }
        }
        return null;
    }
}
