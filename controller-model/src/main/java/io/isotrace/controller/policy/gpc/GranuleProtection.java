package io.isotrace.controller.policy.gpc;

import io.isotrace.controller.policy.CheckCost;
import io.isotrace.controller.policy.PaChangeListener;
import io.isotrace.controller.policy.Policy;
import io.isotrace.controller.policy.Reason;
import io.isotrace.controller.policy.Response;
import io.isotrace.controller.policy.Verdict;
import io.isotrace.controller.regs.IdRegisters;
import io.isotrace.controller.regs.RegisterFrame;
import io.isotrace.trace.port.PageGrant;
import io.isotrace.trace.record.Transaction;

/**
 * The Arm Realm Management Extension's granule protection check (GPC), applied to the PA after translation.
 * Structure from the Arm ARM (RME, "Granule Protection Table") and TF-A {@code lib/gpt_rme}:
 * <ul>
 *   <li>GPCCR_EL3: PPS [2:0] (protected space 2^T bytes: T = 32, 36, 40, 42, 44, 48, 52), PGS [15:14] (granule
 *       2^P bytes: 0b00 4 KiB, 0b10 16 KiB, 0b01 64 KiB), GPC bit 16 (enable), L0GPTSZ [23:20] (read-only: each
 *       level-0 entry covers 2^S bytes, S = 30 + L0GPTSZ, encodings 0, 4, 6, 9).</li>
 *   <li>Level-0 descriptors, one per 2^S bytes: type [3:0] 0b0001 block (GPI in [7:4] for the whole region),
 *       0b0011 table (level-1 table address [51:12]); anything else is invalid and faults.</li>
 *   <li>Level-1 entries are 64 bits holding 16 four-bit GPIs, one per granule: index PA[S-1:P+4], GPI number
 *       PA[P+3:P]. (The contiguous descriptors of RME v1.1 are not modelled.)</li>
 *   <li>An access is refused with a granule protection fault when its PA is at or above 2^T, when a descriptor is
 *       invalid or a GPI reserved, or when the GPI does not admit the access's PAS ({@link Gpi#admits}).</li>
 * </ul>
 * The tables live in the controller's private memory, reached only through the GPC frame of the register block;
 * a walk's reads (L0 descriptor, then L1 entry) are counted when the controller's translation cache misses, as a
 * combined TLB would cache GPT information with the translation. Writes through the frame take effect at once and
 * notify precisely the IPA ranges that point at the changed granules (as if TLBI RPA followed); TLBI PAALL and
 * TLBI RPA are accepted and counted.
 *
 * <p>The first fault latches GPF_STATUS/GPF_ADDR until GPF_CLEAR; later ones are counted.
 */
public final class GranuleProtection implements Policy, RegisterFrame {
    public static final int GPCCR = 0x00;
    public static final int GPT_ADDR_LO = 0x08;
    public static final int GPT_ADDR_HI = 0x0C;
    public static final int GPT_SIZE_LO = 0x10;
    public static final int GPT_SIZE_HI = 0x14;
    public static final int GPT_SET = 0x18;
    public static final int GPT_GET = 0x1C;
    public static final int TLBI = 0x20;
    public static final int STATUS = 0x24;
    public static final int GPF_STATUS = 0x30;
    public static final int GPF_ADDR_LO = 0x34;
    public static final int GPF_ADDR_HI = 0x38;
    public static final int GPF_CLEAR = 0x3C;
    public static final int GPF_COUNT = 0x40;
    public static final int TLBI_COUNT = 0x44;

    public static final int GPCCR_GPC = 1 << 16;
    /** STATUS values after GPT_SET. */
    public static final int OK = 0;
    public static final int ERR_MISALIGNED = 1;
    public static final int ERR_OUTSIDE_PPS = 2;
    public static final int ERR_RESERVED_GPI = 3;

    private static final int[] PPS_BITS = {32, 36, 40, 42, 44, 48, 52};
    private static final int[] PIDR = {0x41, 0xB9, 0x0B, 0x00, 0x04, 0x00, 0x00, 0x00};

    private final int l0gptsz;
    private final int s;
    private int pps;
    private int pgs;
    private boolean enabled;
    private int t;
    private int p;
    private final long[] l0;
    private final long[][] l1;
    private final long tablesBase;

    private long regAddr;
    private long regSize;
    private int status;
    private int gpfStatus;
    private long gpfAddr;
    private int gpfCount;
    private int tlbiCount;
    private PaChangeListener changes = (lo, hi) -> { };

    /**
     * @param ppsEncoding  GPCCR.PPS, 0..5 (this model stops at 48-bit PAs, the record's width)
     * @param pgsEncoding  GPCCR.PGS: 0 (4 KiB), 2 (16 KiB), 1 (64 KiB)
     * @param l0gptsz      GPCCR.L0GPTSZ: 0, 4, 6 or 9
     * @param tablesBase   PA the walk's reads are charged at (the controller's private table memory)
     */
    public GranuleProtection(int ppsEncoding, int pgsEncoding, int l0gptsz, long tablesBase) {
        if (l0gptsz != 0 && l0gptsz != 4 && l0gptsz != 6 && l0gptsz != 9) {
            throw new IllegalArgumentException("L0GPTSZ must be 0, 4, 6 or 9 (30, 34, 36 or 39 bits)");
        }
        this.l0gptsz = l0gptsz;
        this.s = 30 + l0gptsz;
        this.tablesBase = tablesBase;
        if (!setGeometry(ppsEncoding, pgsEncoding)) {
            throw new IllegalArgumentException("PPS must be 0..5 and PGS 0, 1 or 2");
        }
        int l0Entries = 48 > s ? 1 << (48 - s) : 1;
        this.l0 = new long[l0Entries];
        this.l1 = new long[l0Entries][];
    }

    private boolean setGeometry(int ppsEnc, int pgsEnc) {
        if (ppsEnc < 0 || ppsEnc > 5 || pgsEnc < 0 || pgsEnc > 2) {
            return false;
        }
        pps = ppsEnc;
        pgs = pgsEnc;
        t = PPS_BITS[ppsEnc];
        p = pgsEnc == 0 ? 12 : pgsEnc == 2 ? 14 : 16;
        return true;
    }

    public void setChangeListener(PaChangeListener l) {
        this.changes = l;
    }

    public void setEnabled(boolean on) {
        enabled = on;
        changes.paChanged(0, 1L << t);
    }

    public boolean enabled() {
        return enabled;
    }

    public long granuleBytes() {
        return 1L << p;
    }

    public long protectedBytes() {
        return 1L << t;
    }

    public int gpccr() {
        return pps | (pgs << 14) | (enabled ? GPCCR_GPC : 0) | (l0gptsz << 20);
    }

    private int l1IndexBits() {
        return s - (p + 4);
    }

    /** The GPI of the granule holding {@code pa}, or -1 when the descriptor is invalid or pa is outside the PPS. */
    public int gpiAt(long pa) {
        if (pa < 0 || (pa >>> t) != 0) {
            return -1;
        }
        int i0 = (int) (pa >>> s);
        long d = l0[i0];
        int type = (int) (d & 0xF);
        if (type == 1) {
            return (int) (d >>> 4) & 0xF;
        }
        if (type == 3) {
            long e = l1[i0][(int) ((pa >>> (p + 4)) & ((1L << l1IndexBits()) - 1))];
            return (int) (e >>> (4 * ((pa >>> p) & 0xF))) & 0xF;
        }
        return -1;
    }

    /**
     * Sets the GPI of every granule in [lo, hi) (granule aligned, inside the PPS). Whole level-0 regions become
     * block descriptors; others get a level-1 table (initialised from the block descriptor they replace).
     * Returns {@link #OK} or an error code.
     */
    public int setGpi(long lo, long hi, int gpi) {
        long g = granuleBytes();
        if ((lo & (g - 1)) != 0 || (hi & (g - 1)) != 0 || hi <= lo) {
            return ERR_MISALIGNED;
        }
        if (lo < 0 || hi > protectedBytes()) {
            return ERR_OUTSIDE_PPS;
        }
        if (Gpi.reserved(gpi)) {
            return ERR_RESERVED_GPI;
        }
        long region = 1L << s;
        for (long a = lo; a < hi; ) {
            int i0 = (int) (a >>> s);
            long regionEnd = Math.min(((long) i0 + 1) << s, hi);
            if ((a & (region - 1)) == 0 && regionEnd - a == region) {
                l0[i0] = 1 | ((long) gpi << 4);
                l1[i0] = null;
            } else {
                long[] table = l1[i0];
                if ((l0[i0] & 0xF) != 3 || table == null) {
                    table = new long[1 << l1IndexBits()];
                    if ((l0[i0] & 0xF) == 1) {
                        java.util.Arrays.fill(table, replicate((int) (l0[i0] >>> 4) & 0xF));
                    }
                    l1[i0] = table;
                    l0[i0] = 3 | (tablesBase & 0xFFFF_FFFF_F000L); // a table descriptor; the address is nominal
                }
                for (long x = a; x < regionEnd; x += g) {
                    int i1 = (int) ((x >>> (p + 4)) & ((1L << l1IndexBits()) - 1));
                    int sh = (int) (4 * ((x >>> p) & 0xF));
                    table[i1] = (table[i1] & ~(0xFL << sh)) | ((long) gpi << sh);
                }
            }
            a = regionEnd;
        }
        changes.paChanged(lo, hi);
        return OK;
    }

    private static long replicate(int gpi) {
        long v = 0;
        for (int i = 0; i < 16; i++) {
            v |= (long) gpi << (4 * i);
        }
        return v;
    }

    @Override
    public String name() {
        return "gpc";
    }

    @Override
    public int check(Transaction tx, CheckCost cost) {
        if (!enabled) {
            return Verdict.ALLOW;
        }
        long pa = tx.pa;
        if (pa < 0 || (pa >>> t) != 0) {
            return fault(tx, Reason.GPF_PPS);
        }
        int i0 = (int) (pa >>> s);
        long d = l0[i0];
        if (!cost.cacheHit) {
            cost.read(tablesBase + 0x100_0000L + 8L * i0);
        }
        int gpi;
        int type = (int) (d & 0xF);
        if (type == 1) {
            gpi = (int) (d >>> 4) & 0xF;
        } else if (type == 3) {
            int i1 = (int) ((pa >>> (p + 4)) & ((1L << l1IndexBits()) - 1));
            if (!cost.cacheHit) {
                cost.read(tablesBase + 0x200_0000L + ((long) i0 << (l1IndexBits() + 3)) + 8L * i1);
            }
            gpi = (int) (l1[i0][i1] >>> (4 * ((pa >>> p) & 0xF))) & 0xF;
        } else {
            return fault(tx, Reason.GPF_INVALID);
        }
        // A reserved GPI admits nobody, so one table lookup decides the common case; which fault is out of line.
        return Gpi.admits(gpi, tx.security) ? Verdict.ALLOW
                : fault(tx, Gpi.reserved(gpi) ? Reason.GPF_INVALID : Reason.GPF_GPI);
    }

    private int fault(Transaction tx, Reason reason) {
        if ((gpfStatus & 1) == 0) {
            int type = reason == Reason.GPF_GPI ? 1 : reason == Reason.GPF_PPS ? 2 : 3;
            gpfStatus = 1 | (type << 4) | (tx.security.code() << 8) | (tx.kind.writes() ? 1 << 10 : 0);
            gpfAddr = tx.pa;
        }
        gpfCount++;
        return Verdict.deny(Response.BUS_ERROR, reason);
    }

    @Override
    public int pagePermissions(Transaction probe) {
        if (!enabled) {
            return PageGrant.ALL;
        }
        long page = probe.pa & ~0xFFFL;
        // A granule is at least one page, so the page's first byte decides it.
        int gpi = gpiAt(page);
        if (gpi < 0 || Gpi.reserved(gpi) || !Gpi.admits(gpi, probe.security)) {
            return 0;
        }
        return PageGrant.ALL;
    }

    // ------------------------------------------------------------------ registers

    @Override
    public int read(int offset, boolean secure) {
        switch (offset) {
            case GPCCR: return gpccr();
            case GPT_ADDR_LO: return (int) regAddr;
            case GPT_ADDR_HI: return (int) (regAddr >>> 32);
            case GPT_SIZE_LO: return (int) regSize;
            case GPT_SIZE_HI: return (int) (regSize >>> 32);
            case GPT_GET: return gpiAt(regAddr) & 0xFF;
            case STATUS: return status;
            case GPF_STATUS: return gpfStatus;
            case GPF_ADDR_LO: return (int) gpfAddr;
            case GPF_ADDR_HI: return (int) (gpfAddr >>> 32);
            case GPF_COUNT: return gpfCount;
            case TLBI_COUNT: return tlbiCount;
            default: return IdRegisters.read(offset, PIDR);
        }
    }

    @Override
    public void write(int offset, int value, boolean secure) {
        switch (offset) {
            case GPCCR: {
                int ppsEnc = value & 7;
                int pgsEnc = (value >>> 14) & 3;
                boolean on = (value & GPCCR_GPC) != 0;
                if (ppsEnc != pps || pgsEnc != pgs) {
                    if (setGeometry(ppsEnc, pgsEnc)) {
                        status = OK;
                    } else {
                        status = ERR_OUTSIDE_PPS;
                        return;
                    }
                }
                setEnabled(on);
                break;
            }
            case GPT_ADDR_LO: regAddr = (regAddr & ~0xFFFF_FFFFL) | (value & 0xFFFF_FFFFL); break;
            case GPT_ADDR_HI: regAddr = (regAddr & 0xFFFF_FFFFL) | ((long) value << 32); break;
            case GPT_SIZE_LO: regSize = (regSize & ~0xFFFF_FFFFL) | (value & 0xFFFF_FFFFL); break;
            case GPT_SIZE_HI: regSize = (regSize & 0xFFFF_FFFFL) | ((long) value << 32); break;
            case GPT_SET: status = setGpi(regAddr, regAddr + regSize, value & 0xF); break;
            case TLBI:
                tlbiCount++;
                if ((value & 3) == 1) {
                    changes.paChanged(0, 1L << t); // TLBI PAALL
                } else if ((value & 3) == 2 && regSize > 0) {
                    changes.paChanged(regAddr, regAddr + regSize); // TLBI RPA over GPT_ADDR/GPT_SIZE
                }
                break;
            case GPF_CLEAR:
                if ((value & 1) != 0) {
                    gpfStatus = 0;
                    gpfAddr = 0;
                }
                break;
            default:
                break;
        }
    }

    @Override
    public boolean nonSecureReadable(int offset) {
        return IdRegisters.isId(offset);
    }

    @Override
    public Response nonSecureResponse() {
        return Response.BUS_ERROR; // GPCCR_EL3/GPTBR_EL3 are EL3 registers: nothing else may touch them
    }

    @Override
    public boolean writableWhenLocked(int offset) {
        return offset == GPF_CLEAR || offset == TLBI;
    }

    @Override
    public void resetFaults() {
        gpfStatus = 0;
        gpfAddr = 0;
        gpfCount = 0;
    }

    public boolean faultPending() {
        return (gpfStatus & 1) != 0;
    }
}
