package io.isotrace.controller.dram.spec;

import io.isotrace.trace.record.ClockDomain;

/**
 * A device's timing parameters, in cycles of its command clock (JEDEC's nXXX values). Standards turn these into
 * constraint tables ({@link DramStandard#constraints}); nothing else reads them by name.
 *
 * @param clockHz   command clock frequency (DDR4-3200: 1.6 GHz, tCK 0.625 ns)
 * @param burst     data-bus cycles of one burst (BL/2 on a double-data-rate bus)
 * @param cl        read CAS latency
 * @param cwl       write CAS latency
 * @param al        additive latency (posted CAS)
 * @param rcd       ACT to read
 * @param rcdWrite  ACT to write (HBM2 and GDDR separate tRCDRD/tRCDWR; equal to rcd elsewhere)
 * @param rp        PRE to ACT, same bank
 * @param rpAll     PREA to ACT (LPDDR4 tRPab; equal to rp elsewhere)
 * @param ras       ACT to PRE, same bank
 * @param rtp       read to PRE
 * @param wr        write recovery: end of write data to PRE
 * @param ccdS      column to column, different bank group
 * @param ccdL      column to column, same bank group
 * @param ccdSWrite write to write, different bank group (DDR5 tCCD_S_WR; equal to ccdS elsewhere)
 * @param ccdLWrite write to write, same bank group (DDR5 tCCD_L_WR; equal to ccdL elsewhere)
 * @param rrdS      ACT to ACT, different bank group
 * @param rrdL      ACT to ACT, same bank group
 * @param wtrS      end of write data to read, different bank group
 * @param wtrL      end of write data to read, same bank group
 * @param faw       four-activate window
 * @param rtrs      rank-to-rank switch on the data bus
 * @param rdToWrGap extra cycles between read data and write data on the bus (preambles/postambles)
 * @param rfc       all-bank refresh to ACT
 * @param refi      all-bank refresh interval
 * @param rfcPb     per-bank refresh to ACT of that bank (0: the device has no per-bank refresh)
 * @param refiPb    per-bank refresh interval, one bank after another
 * @param rrefd     per-bank refresh to ACT of another bank
 * @param ppd       precharge to precharge (LPDDR4, DDR5 tPPD; 0 when unconstrained)
 * @param xp        power-down exit to any command
 * @param cke       minimum power-down residency (CKE low pulse)
 */
public record TimingParameters(long clockHz, int burst, int cl, int cwl, int al, int rcd, int rcdWrite, int rp,
                               int rpAll, int ras, int rtp, int wr, int ccdS, int ccdL, int ccdSWrite, int ccdLWrite,
                               int rrdS, int rrdL, int wtrS, int wtrL, int faw, int rtrs, int rdToWrGap, int rfc,
                               int refi, int rfcPb, int refiPb, int rrefd, int ppd, int xp, int cke) {
    public TimingParameters {
        if (clockHz <= 0) {
            throw new IllegalArgumentException("clock must be positive");
        }
        int[] positive = {burst, cl, cwl, rcd, rcdWrite, rp, rpAll, ras, rtp, wr, ccdS, ccdL, ccdSWrite, ccdLWrite,
                rrdS, rrdL, wtrS, wtrL, rfc, refi, xp, cke};
        for (int v : positive) {
            if (v <= 0) {
                throw new IllegalArgumentException("timing parameters must be positive: " + this);
            }
        }
        if (al < 0 || faw < 0 || rtrs < 0 || rdToWrGap < 0 || rfcPb < 0 || refiPb < 0 || rrefd < 0 || ppd < 0) {
            throw new IllegalArgumentException("timing parameters must not be negative: " + this);
        }
        if (rfcPb > 0 && refiPb <= 0) {
            throw new IllegalArgumentException("per-bank refresh needs refiPb");
        }
    }

    /** ACT to ACT in the same bank: tRAS + tRP. */
    public int rc() {
        return ras + rp;
    }

    /** Read latency RL = AL + CL. */
    public int rl() {
        return al + cl;
    }

    /** Write latency WL = AL + CWL. */
    public int wl() {
        return al + cwl;
    }

    /** Cycles from a read command to the last beat of its data: RL + burst (DRAMSim3's read_delay). */
    public int readDelay() {
        return rl() + burst;
    }

    /** Cycles from a write command to the last beat of its data: WL + burst. */
    public int writeDelay() {
        return wl() + burst;
    }

    public boolean perBankRefresh() {
        return rfcPb > 0;
    }

    public ClockDomain clock() {
        return new ClockDomain("dram", clockHz);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Named setters, so presets read as tables and overrides change one field. */
    public static final class Builder {
        long clockHz;
        int burst, cl, cwl, al, rcd, rcdWrite, rp, rpAll, ras, rtp, wr, ccdS, ccdL, ccdSWrite, ccdLWrite, rrdS, rrdL,
                wtrS, wtrL, faw, rtrs, rdToWrGap, rfc, refi, rfcPb, refiPb, rrefd, ppd, xp, cke;

        Builder() {
        }

        Builder(TimingParameters t) {
            clockHz = t.clockHz;
            burst = t.burst;
            cl = t.cl;
            cwl = t.cwl;
            al = t.al;
            rcd = t.rcd;
            rcdWrite = t.rcdWrite;
            rp = t.rp;
            rpAll = t.rpAll;
            ras = t.ras;
            rtp = t.rtp;
            wr = t.wr;
            ccdS = t.ccdS;
            ccdL = t.ccdL;
            ccdSWrite = t.ccdSWrite;
            ccdLWrite = t.ccdLWrite;
            rrdS = t.rrdS;
            rrdL = t.rrdL;
            wtrS = t.wtrS;
            wtrL = t.wtrL;
            faw = t.faw;
            rtrs = t.rtrs;
            rdToWrGap = t.rdToWrGap;
            rfc = t.rfc;
            refi = t.refi;
            rfcPb = t.rfcPb;
            refiPb = t.refiPb;
            rrefd = t.rrefd;
            ppd = t.ppd;
            xp = t.xp;
            cke = t.cke;
        }

        public Builder clockHz(long v) { clockHz = v; return this; }
        public Builder burst(int v) { burst = v; return this; }
        public Builder cl(int v) { cl = v; return this; }
        public Builder cwl(int v) { cwl = v; return this; }
        public Builder al(int v) { al = v; return this; }
        /** Sets both ACT-to-read and ACT-to-write. */
        public Builder rcd(int v) { rcd = v; rcdWrite = v; return this; }
        public Builder rcdWrite(int v) { rcdWrite = v; return this; }
        /** Sets both PRE-to-ACT and PREA-to-ACT. */
        public Builder rp(int v) { rp = v; rpAll = v; return this; }
        public Builder rpAll(int v) { rpAll = v; return this; }
        public Builder ras(int v) { ras = v; return this; }
        public Builder rtp(int v) { rtp = v; return this; }
        public Builder wr(int v) { wr = v; return this; }
        /** Sets column-to-column (reads and writes), different bank group. */
        public Builder ccdS(int v) { ccdS = v; ccdSWrite = v; return this; }
        /** Sets column-to-column (reads and writes), same bank group. */
        public Builder ccdL(int v) { ccdL = v; ccdLWrite = v; return this; }
        public Builder ccdSWrite(int v) { ccdSWrite = v; return this; }
        public Builder ccdLWrite(int v) { ccdLWrite = v; return this; }
        public Builder rrdS(int v) { rrdS = v; return this; }
        public Builder rrdL(int v) { rrdL = v; return this; }
        public Builder wtrS(int v) { wtrS = v; return this; }
        public Builder wtrL(int v) { wtrL = v; return this; }
        public Builder faw(int v) { faw = v; return this; }
        public Builder rtrs(int v) { rtrs = v; return this; }
        public Builder rdToWrGap(int v) { rdToWrGap = v; return this; }
        public Builder rfc(int v) { rfc = v; return this; }
        public Builder refi(int v) { refi = v; return this; }
        public Builder rfcPb(int v) { rfcPb = v; return this; }
        public Builder refiPb(int v) { refiPb = v; return this; }
        public Builder rrefd(int v) { rrefd = v; return this; }
        public Builder ppd(int v) { ppd = v; return this; }
        public Builder xp(int v) { xp = v; return this; }
        public Builder cke(int v) { cke = v; return this; }

        public TimingParameters build() {
            return new TimingParameters(clockHz, burst, cl, cwl, al, rcd, rcdWrite, rp, rpAll, ras, rtp, wr, ccdS,
                    ccdL, ccdSWrite, ccdLWrite, rrdS, rrdL, wtrS, wtrL, faw, rtrs, rdToWrGap, rfc, refi, rfcPb, refiPb,
                    rrefd, ppd, xp, cke);
        }
    }
}
