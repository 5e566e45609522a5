package io.isotrace.controller.dram.config;

import io.isotrace.controller.dram.spec.TimingParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The timing keys a configuration file may override, spelt as datasheets and DRAMSim3's ini files spell them, each
 * tied to the parameter it sets. All values are in DRAM clock cycles; the clock itself is {@code tCK} (a period,
 * e.g. {@code 0.625ns}) or {@code clock} (a frequency, e.g. {@code 1600MHz}).
 */
enum TimingKey {
    BURST("burstCycles", "data-bus cycles per burst (BL/2)", TimingParameters.Builder::burst),
    CL("CL", "read CAS latency", TimingParameters.Builder::cl),
    CWL("CWL", "write CAS latency", TimingParameters.Builder::cwl),
    AL("AL", "additive latency", TimingParameters.Builder::al),
    RCD("tRCD", "ACT to read and write", TimingParameters.Builder::rcd),
    RCD_WR("tRCDWR", "ACT to write (HBM2)", TimingParameters.Builder::rcdWrite),
    RP("tRP", "PRE to ACT (and PREA to ACT)", TimingParameters.Builder::rp),
    RP_AB("tRPab", "PREA to ACT (LPDDR4)", TimingParameters.Builder::rpAll),
    RAS("tRAS", "ACT to PRE", TimingParameters.Builder::ras),
    RTP("tRTP", "read to PRE", TimingParameters.Builder::rtp),
    WR("tWR", "write recovery", TimingParameters.Builder::wr),
    CCD_S("tCCD_S", "column to column, other bank group", TimingParameters.Builder::ccdS),
    CCD_L("tCCD_L", "column to column, same bank group", TimingParameters.Builder::ccdL),
    CCD_S_WR("tCCD_S_WR", "write to write, other bank group (DDR5)", TimingParameters.Builder::ccdSWrite),
    CCD_L_WR("tCCD_L_WR", "write to write, same bank group (DDR5)", TimingParameters.Builder::ccdLWrite),
    RRD_S("tRRD_S", "ACT to ACT, other bank group", TimingParameters.Builder::rrdS),
    RRD_L("tRRD_L", "ACT to ACT, same bank group", TimingParameters.Builder::rrdL),
    WTR_S("tWTR_S", "write to read, other bank group", TimingParameters.Builder::wtrS),
    WTR_L("tWTR_L", "write to read, same bank group", TimingParameters.Builder::wtrL),
    FAW("tFAW", "four-activate window", TimingParameters.Builder::faw),
    RTRS("tRTRS", "rank-to-rank switch", TimingParameters.Builder::rtrs),
    RTW_GAP("tRTWgap", "extra read-to-write bus gap (preambles)", TimingParameters.Builder::rdToWrGap),
    RFC("tRFC", "all-bank refresh cycle", TimingParameters.Builder::rfc),
    REFI("tREFI", "all-bank refresh interval", TimingParameters.Builder::refi),
    RFC_PB("tRFCpb", "per-bank refresh cycle", TimingParameters.Builder::rfcPb),
    REFI_PB("tREFIpb", "per-bank refresh interval", TimingParameters.Builder::refiPb),
    RREFD("tRREFD", "per-bank refresh to ACT of another bank", TimingParameters.Builder::rrefd),
    PPD("tPPD", "precharge to precharge", TimingParameters.Builder::ppd),
    XP("tXP", "power-down exit", TimingParameters.Builder::xp),
    CKE("tCKE", "minimum power-down time", TimingParameters.Builder::cke);

    final String key;
    final String meaning;
    final BiConsumer<TimingParameters.Builder, Integer> setter;

    TimingKey(String key, String meaning, BiConsumer<TimingParameters.Builder, Integer> setter) {
        this.key = key;
        this.meaning = meaning;
        this.setter = setter;
    }

    static List<String> keys() {
        List<String> k = new ArrayList<>();
        k.add("tCK");
        k.add("clock");
        for (TimingKey t : values()) {
            k.add(t.key);
        }
        return k;
    }
}
