package io.isotrace.controller.regs;

import io.isotrace.controller.policy.Reason;
import io.isotrace.controller.policy.Response;
import io.isotrace.controller.policy.Verdict;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;

/**
 * The controller's memory-mapped register block: 64 KiB at a fixed address of the requesters' physical view,
 * decoded before any translation, so no environment can map it, remap it away or reach it through a translation
 * the block itself controls. Frames of 4 KiB: 0x0000 the controller ({@link ControlFrame}), 0x1000 the SIE-200
 * MPC, 0x2000 the TZC-400, 0x3000 the GPC; other frames are reserved (RAZ/WI).
 *
 * <p>Accesses must be aligned 32- or 64-bit reads or writes (a 64-bit access is two 32-bit ones, low word first);
 * anything else gets a bus error. Only Secure and Root requesters may write; a Non-secure or Realm requester may
 * read the ID registers and gets each frame's {@link RegisterFrame#nonSecureResponse()} elsewhere. Once locked
 * (CTRL.LOCK), the model frames ignore writes except to their interrupt-clear registers, and the controller frame
 * refuses every command but SWITCH.
 */
public final class RegisterBlock {
    public static final long SIZE = 0x10000;
    public static final int CONTROL_FRAME = 0;
    public static final int MPC_FRAME = 1;
    public static final int TZC_FRAME = 2;
    public static final int GPC_FRAME = 3;

    private final long base;
    private final RegisterFrame[] frames = new RegisterFrame[16];
    private final ControlFrame control;
    private long reads;
    private long writes;
    private long ignoredWrites;
    private boolean dryWrites;

    public RegisterBlock(long base, ControlFrame control) {
        if ((base & (SIZE - 1)) != 0) {
            throw new IllegalArgumentException("the register block must be 64 KiB aligned");
        }
        this.base = base;
        this.control = control;
        frames[CONTROL_FRAME] = control;
    }

    /**
     * Replay mode: writes are checked and answered but not performed, because a trace records no data and
     * writing zeros into CMD or ACTIVE_ENV would invent commands the recorded program never gave.
     */
    public void setDryWrites(boolean dry) {
        this.dryWrites = dry;
    }

    public void attach(int frame, RegisterFrame f) {
        frames[frame] = f;
    }

    public long base() {
        return base;
    }

    public ControlFrame control() {
        return control;
    }

    public boolean contains(long address) {
        return address - base >= 0 && address - base < SIZE;
    }

    /** Performs the register access in {@code t} (data in/out through {@code t.data}); returns the verdict. */
    public int access(Transaction t) {
        long off = t.ipa - base;
        int size = t.size;
        TransactionKind k = t.kind;
        boolean write = k == TransactionKind.WRITE;
        if ((size != 4 && size != 8) || (off & (size - 1)) != 0 || (k != TransactionKind.READ && !write)) {
            t.data = 0;
            return Verdict.deny(Response.BUS_ERROR, Reason.REG_BAD_ACCESS);
        }
        RegisterFrame f = frames[(int) (off >>> 12)];
        int fo = (int) (off & 0xFFF);
        boolean sec = t.security.isSecure();
        if (f == null) {
            t.data = 0;
            return Verdict.ALLOW; // reserved frame: RAZ/WI
        }
        if (!sec && (write || !f.nonSecureReadable(fo))) {
            t.data = 0;
            Response r = f.nonSecureResponse();
            return Verdict.deny(r, Reason.REG_NON_SECURE);
        }
        if (write) {
            writes++;
            if (dryWrites) {
                return Verdict.ALLOW;
            }
            if (control.locked() && f != control && !f.writableWhenLocked(fo)) {
                ignoredWrites++;
                return Verdict.ALLOW; // locked: write ignored
            }
            f.write(fo, (int) t.data, sec);
            if (size == 8) {
                f.write(fo + 4, (int) (t.data >>> 32), sec);
            }
        } else {
            reads++;
            long lo = f.read(fo, sec) & 0xFFFF_FFFFL;
            t.data = size == 8 ? lo | ((long) f.read(fo + 4, sec) << 32) : lo;
        }
        return Verdict.ALLOW;
    }

    public long reads() {
        return reads;
    }

    public long writes() {
        return writes;
    }

    /** Writes ignored because the block was locked. */
    public long ignoredWrites() {
        return ignoredWrites;
    }
}
