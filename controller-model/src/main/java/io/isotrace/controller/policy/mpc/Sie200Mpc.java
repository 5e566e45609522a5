package io.isotrace.controller.policy.mpc;

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
 * An Arm CoreLink SIE-200 Memory Protection Controller (MPC): a block lookup table over one memory, one bit per
 * block, 1 = the block is Non-secure. Modelled after the Arm CoreLink SIE-200 TRM (DDI 0571) as QEMU's
 * {@code hw/misc/tz-mpc.c} implements it:
 * <ul>
 *   <li>A Secure access passes only to a block whose LUT bit is 0, a Non-secure access only to a block whose bit
 *       is 1; anything else is blocked. (Under RME, Root looks Secure and Realm Non-secure to this AHB5 filter,
 *       which sees only HNONSEC.)</li>
 *   <li>Blocked: CTRL.SEC_RESP (bit 4) = 1 gives a bus error, 0 read-as-zero/write-ignored. Only the first blocked
 *       access (INT_STAT clear) latches INT_INFO1 (the address, as an offset in the guarded memory) and INT_INFO2
 *       (HMASTER [15:0] = requester id, HNONSEC bit 16, CFG_NS bit 17) and raises INT_STAT; later ones are still
 *       blocked but leave the information alone until INT_CLEAR. The IRQ line is INT_STAT AND INT_EN.</li>
 *   <li>Registers (4 KiB frame): CTRL 0x00 (reset 0x100: AUTOINC set; SEC_RESP bit 4, AUTOINC bit 8, LOCKDOWN
 *       bit 31, other bits RAZ/WI), BLK_MAX 0x10 (LUT words - 1), BLK_CFG 0x14 (block size = 2^(BLK_CFG+5)),
 *       BLK_IDX 0x18 (written modulo the LUT words), BLK_LUT 0x1C (32 blocks per word; with AUTOINC a 32-bit
 *       access to it increments BLK_IDX, wrapping), INT_STAT 0x20, INT_CLEAR 0x24, INT_EN 0x28 (reset 1),
 *       INT_INFO1 0x2C, INT_INFO2 0x30, INT_SET 0x34, and the ID registers at 0xFD0.. (PIDR 0x04,0,0,0,
 *       0x60,0xB8,0x1B,0x00; CIDR 0xB105F00D).</li>
 *   <li>LOCKDOWN makes CTRL, BLK_LUT and INT_EN read-only until reset. Non-secure accesses see only the ID
 *       registers: other registers read as zero and ignore writes.</li>
 * </ul>
 * Not modelled (QEMU does not either): the data-gating feature and the "init in progress" state of BLK_CFG.
 */
public final class Sie200Mpc implements Policy, RegisterFrame {
    public static final int CTRL = 0x00;
    public static final int BLK_MAX = 0x10;
    public static final int BLK_CFG = 0x14;
    public static final int BLK_IDX = 0x18;
    public static final int BLK_LUT = 0x1C;
    public static final int INT_STAT = 0x20;
    public static final int INT_CLEAR = 0x24;
    public static final int INT_EN = 0x28;
    public static final int INT_INFO1 = 0x2C;
    public static final int INT_INFO2 = 0x30;
    public static final int INT_SET = 0x34;

    public static final int CTRL_SEC_RESP = 1 << 4;
    public static final int CTRL_AUTOINC = 1 << 8;
    public static final int CTRL_LOCKDOWN = 1 << 31;
    public static final int CTRL_RESET = 0x100;
    private static final int[] PIDR = {0x60, 0xB8, 0x1B, 0x00, 0x04, 0x00, 0x00, 0x00};

    private final long base;
    private final long size;
    private final int blockShift;
    private final int blkMax;
    private final int[] lut;
    private int ctrl;
    private int blkIdx;
    private int intStat;
    private int intEn;
    private int intInfo1;
    private int intInfo2;
    private PaChangeListener changes = (lo, hi) -> { };

    /**
     * @param base      first PA of the memory the MPC guards
     * @param size      bytes guarded (a multiple of the block size)
     * @param blockSize bytes per LUT bit: a power of two, at least 32
     */
    public Sie200Mpc(long base, long size, long blockSize) {
        if (Long.bitCount(blockSize) != 1 || blockSize < 32) {
            throw new IllegalArgumentException("MPC block size must be a power of two of at least 32 bytes");
        }
        if (size <= 0 || size % blockSize != 0) {
            throw new IllegalArgumentException("MPC size must be a positive multiple of the block size");
        }
        long blocks = size / blockSize;
        if ((blocks + 31) / 32 > (1 << 24)) {
            throw new IllegalArgumentException("MPC lookup table too large (more than 2^24 words)");
        }
        this.base = base;
        this.size = size;
        this.blockShift = Long.numberOfTrailingZeros(blockSize);
        this.blkMax = (int) ((blocks + 31) / 32);
        this.lut = new int[blkMax];
        reset();
    }

    /** Hardware reset: every register to its reset value, every block Secure (LUT all 0). */
    public void reset() {
        ctrl = CTRL_RESET;
        blkIdx = 0;
        intStat = 0;
        intEn = 1;
        intInfo1 = 0;
        intInfo2 = 0;
        java.util.Arrays.fill(lut, 0);
    }

    public void setChangeListener(PaChangeListener l) {
        this.changes = l;
    }

    public long base() {
        return base;
    }

    public long size() {
        return size;
    }

    public long blockSize() {
        return 1L << blockShift;
    }

    /** The interrupt line: INT_STAT and INT_EN. */
    public boolean irq() {
        return (intStat & intEn & 1) != 0;
    }

    /** The LUT's cfg_ns bit for {@code pa} (which must be inside the guarded range). */
    public boolean blockIsNonSecure(long pa) {
        long blk = (pa - base) >>> blockShift;
        return (lut[(int) (blk >>> 5)] >>> (blk & 31) & 1) != 0;
    }

    /** Sets blocks covering [lo, hi) Non-secure or Secure, as boot software would through BLK_IDX/BLK_LUT. */
    public void configure(long lo, long hi, boolean nonSecure) {
        for (long blk = (lo - base) >>> blockShift; blk < (hi - base + blockSize() - 1) >>> blockShift; blk++) {
            int w = (int) (blk >>> 5);
            lut[w] = nonSecure ? lut[w] | (1 << (blk & 31)) : lut[w] & ~(1 << (blk & 31));
        }
        changes.paChanged(lo, hi);
    }

    @Override
    public String name() {
        return "mpc";
    }

    @Override
    public int check(Transaction t, CheckCost cost) {
        long off = t.pa - base;
        if (off < 0 || off >= size) {
            return Verdict.ALLOW;
        }
        boolean ns = blockIsNonSecure(t.pa);
        boolean nonSecureAccess = !t.security.isSecure();
        if (ns == nonSecureAccess) {
            return Verdict.ALLOW;
        }
        if (intStat == 0) {
            intInfo1 = (int) off;
            intInfo2 = (t.requester & 0xFFFF) | (nonSecureAccess ? 1 << 16 : 0) | (ns ? 1 << 17 : 0);
            intStat = 1;
        }
        return Verdict.deny((ctrl & CTRL_SEC_RESP) != 0 ? Response.BUS_ERROR : Response.RAZ_WI, Reason.MPC_BLOCKED);
    }

    @Override
    public int pagePermissions(Transaction probe) {
        long page = probe.pa & ~0xFFFL;
        if (page + 4096 <= base || page >= base + size) {
            return PageGrant.ALL;
        }
        if (page < base || page + 4096 > base + size) {
            return 0; // the page straddles the guarded range's edge: check per access
        }
        boolean nonSecureAccess = !probe.security.isSecure();
        for (long a = page; a < page + 4096; a += blockSize()) {
            if (blockIsNonSecure(a) != nonSecureAccess) {
                return 0;
            }
        }
        return PageGrant.ALL;
    }

    // ---------------------------------------------------------------- registers

    @Override
    public int read(int offset, boolean secure) {
        if (!secure && !IdRegisters.isId(offset)) {
            return 0;
        }
        switch (offset) {
            case CTRL: return ctrl;
            case BLK_MAX: return blkMax - 1;
            case BLK_CFG: return blockShift - 5;
            case BLK_IDX: return blkIdx;
            case BLK_LUT: {
                int r = lut[blkIdx];
                autoIncrement();
                return r;
            }
            case INT_STAT: return intStat;
            case INT_EN: return intEn;
            case INT_INFO1: return intInfo1;
            case INT_INFO2: return intInfo2;
            default: return IdRegisters.read(offset, PIDR);
        }
    }

    private void autoIncrement() {
        if ((ctrl & CTRL_AUTOINC) != 0) {
            blkIdx = (blkIdx + 1) % blkMax;
        }
    }

    @Override
    public void write(int offset, int value, boolean secure) {
        if (!secure && !IdRegisters.isId(offset)) {
            return;
        }
        if ((ctrl & CTRL_LOCKDOWN) != 0 && (offset == CTRL || offset == BLK_LUT || offset == INT_EN)) {
            return; // lockdown: read-only until reset
        }
        switch (offset) {
            case CTRL:
                ctrl = value & (CTRL_SEC_RESP | CTRL_AUTOINC | CTRL_LOCKDOWN);
                break;
            case BLK_IDX:
                blkIdx = Integer.remainderUnsigned(value, blkMax);
                break;
            case BLK_LUT: {
                int old = lut[blkIdx];
                lut[blkIdx] = value;
                notifyChanged(blkIdx, old ^ value);
                autoIncrement();
                break;
            }
            case INT_CLEAR:
                if ((value & 1) != 0) {
                    intStat = 0;
                }
                break;
            case INT_EN:
                intEn = value & 1;
                break;
            case INT_SET:
                if ((value & 1) != 0) {
                    intStat = 1;
                }
                break;
            default:
                break; // read-only, ID or reserved
        }
    }

    /** Names each changed block (as QEMU's tz_mpc_iommu_notify does, block by block, merging adjacent ones). */
    private void notifyChanged(int word, int changedBits) {
        int bits = changedBits;
        while (bits != 0) {
            int first = Integer.numberOfTrailingZeros(bits);
            int run = Integer.numberOfTrailingZeros(~(bits >>> first));
            long blk = ((long) word << 5) + first;
            changes.paChanged(base + (blk << blockShift), base + ((blk + run) << blockShift));
            bits &= run == 32 ? 0 : ~(((1 << run) - 1) << first);
        }
    }

    @Override
    public boolean nonSecureReadable(int offset) {
        return IdRegisters.isId(offset);
    }

    @Override
    public Response nonSecureResponse() {
        return Response.RAZ_WI; // QEMU tz-mpc: NS accesses to non-ID registers read as zero, writes ignored
    }

    @Override
    public boolean writableWhenLocked(int offset) {
        return offset == INT_CLEAR;
    }

    @Override
    public void resetFaults() {
        intStat = 0;
        intInfo1 = 0;
        intInfo2 = 0;
    }
}
