package io.isotrace.cpu.exec;

import io.isotrace.cpu.Cpu;
import io.isotrace.cpu.decode.Insn;
import io.isotrace.cpu.decode.Ops;
import io.isotrace.cpu.mmu.Access;
import io.isotrace.cpu.mmu.GuestMemory;
import io.isotrace.trace.record.TransactionKind;

/**
 * System instructions by address (SYS aliases): DC ZVA, the data cache maintenance operations EL0 may use when
 * Linux sets SCTLR_EL1.UCI (DC CVAC, CVAU, CVAP, CVADP, CIVAC) and IC IVAU.
 */
public final class SysExec {
    private static final int G = (Ops.GROUP_BRANCH_SYS << Ops.GROUP_SHIFT) + 32;

    /** The DC ZVA block: DCZID_EL0.BS = 4, 2^4 words. */
    public static final int ZVA_BYTES = 64;
    /** The cache line the maintenance operations report (CTR_EL0 DminLine/IminLine: 16 words). */
    public static final int LINE_BYTES = 64;
    private static final byte[] ZEROS = new byte[ZVA_BYTES];

    public static final int DC_ZVA = G;
    /** DC CVAC, CVAP, CVADP, CIVAC: cleaning to a point of coherence/persistence changes nothing here. */
    public static final int DC_CLEAN = G + 1;
    /** DC CVAU and IC IVAU: the pair software uses to make new code visible to instruction fetch. */
    public static final int DC_CVAU = G + 2;
    public static final int IC_IVAU = G + 3;

    private SysExec() {
    }

    static void execute(Cpu c, Insn i) {
        switch (i.op) {
            case DC_ZVA:
                // One ZERO_BLOCK transaction of the whole aligned block (it never crosses a page).
                c.mem.writeFrom(c.x[i.rn] & -ZVA_BYTES, ZVA_BYTES, TransactionKind.ZERO_BLOCK, false, ZEROS, 0);
                break;
            case DC_CLEAN:
                c.mem.touch(c.x[i.rn] & -LINE_BYTES, LINE_BYTES, TransactionKind.CACHE_MAINT);
                break;
            case DC_CVAU:
            case IC_IVAU:
                codeMaintenance(c, i);
                break;
            default:
                throw Executor.unknownOp(i);
        }
    }

    /**
     * Reports the operation, then drops the decoded code of the line's page, so code written and made visible the
     * architectural way runs as written (stores to code pages already do this; the decoded blocks of a page are
     * dropped as a whole).
     */
    private static void codeMaintenance(Cpu c, Insn i) {
        long line = c.x[i.rn] & -LINE_BYTES;
        c.mem.touch(line, LINE_BYTES, TransactionKind.CACHE_MAINT);
        long ipaPage = c.mem.ipaOf(line, Access.READ) & ~(long) GuestMemory.PAGE_MASK;
        c.invalidateCode(ipaPage, ipaPage + GuestMemory.PAGE_SIZE);
    }
}
