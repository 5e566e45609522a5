package io.isotrace.cpu.sys;

import io.isotrace.cpu.Cpu;

/**
 * The system registers an EL0 program may read or write, by encoding (op0, op1, CRn, CRm, op2) from the Arm ARM
 * system register index. Reads of identification registers return the values of a Cortex-A53, the ARMv8.0 core
 * used as the reference (qemu-aarch64 -cpu cortex-a53).
 */
public enum SystemRegister {
    NZCV(3, 3, 4, 2, 0, true, true),
    DAIF(3, 3, 4, 2, 1, false, false),
    FPCR(3, 3, 4, 4, 0, true, true),
    FPSR(3, 3, 4, 4, 1, true, true),
    /** Cache type: 64-byte I and D lines, as a Cortex-A53 reports (qemu's cortex-a53 value). */
    CTR_EL0(3, 3, 0, 0, 1, true, false),
    /** DC ZVA block size: 2^4 words = 64 bytes, ZVA permitted. */
    DCZID_EL0(3, 3, 0, 0, 7, true, false),
    TPIDR_EL0(3, 3, 13, 0, 2, true, true),
    TPIDRRO_EL0(3, 3, 13, 0, 3, true, false),
    CNTFRQ_EL0(3, 3, 14, 0, 0, true, false),
    CNTVCT_EL0(3, 3, 14, 0, 2, true, false),
    CNTPCT_EL0(3, 3, 14, 0, 1, true, false);

    /** Generic timer frequency reported in CNTFRQ_EL0: 1 GHz, so one count is one nanosecond of simulated time. */
    public static final long COUNTER_HZ = 1_000_000_000L;
    public static final long CTR_VALUE = 0x8444_8004L;
    public static final long DCZID_VALUE = 4;

    private static final SystemRegister[] VALUES = values();

    private final int key;
    private final boolean readable;
    private final boolean writable;

    SystemRegister(int op0, int op1, int crn, int crm, int op2, boolean readable, boolean writable) {
        this.key = key(op0, op1, crn, crm, op2);
        this.readable = readable;
        this.writable = writable;
    }

    private static int key(int op0, int op1, int crn, int crm, int op2) {
        return (op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;
    }

    public static SystemRegister lookup(int op0, int op1, int crn, int crm, int op2) {
        int k = key(op0, op1, crn, crm, op2);
        for (SystemRegister r : VALUES) {
            if (r.key == k) {
                return r;
            }
        }
        return null;
    }

    public static SystemRegister byOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    public boolean readable() {
        return readable;
    }

    public boolean writable() {
        return writable;
    }

    public long read(Cpu c) {
        switch (this) {
            case NZCV:
                return c.nzcv & 0xF000_0000L;
            case FPCR:
                return c.fpcr & 0xFFFF_FFFFL;
            case FPSR:
                return c.fpsr & 0xFFFF_FFFFL;
            case CTR_EL0:
                return CTR_VALUE;
            case DCZID_EL0:
                return DCZID_VALUE;
            case TPIDR_EL0:
                return c.tpidrEl0;
            case TPIDRRO_EL0:
                return c.tpidrroEl0;
            case CNTFRQ_EL0:
                return COUNTER_HZ;
            case CNTVCT_EL0:
            case CNTPCT_EL0:
                return c.timePs() / (1_000_000_000_000L / COUNTER_HZ);
            default:
                return 0;
        }
    }

    public void write(Cpu c, long v) {
        switch (this) {
            case NZCV:
                c.nzcv = (int) v & 0xF000_0000;
                break;
            case FPCR:
                // AHP, DN, FZ, RMode, FZ16 and the trap enables; trapping is not supported, so its bits read as 0.
                c.fpcr = (int) v & 0x07F0_0000;
                break;
            case FPSR:
                c.fpsr = (int) v & 0xF800_009F;
                break;
            case TPIDR_EL0:
                c.tpidrEl0 = v;
                break;
            default:
                throw new IllegalStateException(this + " is not writable");
        }
    }
}
