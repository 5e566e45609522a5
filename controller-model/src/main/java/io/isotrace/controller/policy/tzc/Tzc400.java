package io.isotrace.controller.policy.tzc;

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
import io.isotrace.trace.record.TransactionKind;

/**
 * An Arm CoreLink TZC-400 TrustZone Address Space Controller: a region filter, no translation. Register layout from
 * TF-A {@code include/drivers/arm/tzc400.h} and the TZC-400 TRM (DDI 0504):
 * <ul>
 *   <li>BUILD_CONFIG 0x000 (NO_OF_FILTERS-1 [25:24], ADDRESS_WIDTH-1 [13:8], NO_OF_REGIONS-1 [4:0]), ACTION 0x004
 *       (reaction [1:0]: 0 OKAY + no interrupt, 1 DECERR, 2 OKAY + interrupt, 3 DECERR + interrupt; reset 0),
 *       GATE_KEEPER 0x008 (open_request [3:0], open_status [19:16]; reset closed), SPECULATION_CTRL 0x00C,
 *       INT_STATUS 0x010 (status [3:0], overrun [11:8], overlap [19:16] per filter), INT_CLEAR 0x014 (write 1 to
 *       bit n clears filter n's status, overrun and overlap), FAIL_ADDRESS_LOW/HIGH 0x020/0x024, FAIL_CONTROL
 *       0x028 (direction bit 24: 1 write; non-secure bit 21; unprivileged bit 20), FAIL_ID 0x02C (VNET [27:24],
 *       id [23:0]), one such group every 0x10 per filter.</li>
 *   <li>Regions at 0x100 + 0x20 n, n = 0..8: BASE_LOW/HIGH, TOP_LOW/HIGH (4 KiB aligned: BASE low 12 bits read 0,
 *       TOP low 12 bits read 0xFFF, TOP inclusive), ATTRIBUTES (S_WR bit 31, S_RD bit 30, filter enables [3:0]),
 *       ID_ACCESS (NSAID read enables [15:0], write enables [31:16]). Region 0 is the background: it spans the
 *       whole address space, its BASE/TOP are read-only and it is enabled on every filter.</li>
 *   <li>A region must be enabled on the filter for an access to match it. Region 0 applies only when no other
 *       region matches; an access matching two enabled regions of 1..8 on the same filter is an overlap (the TRM
 *       leaves the result undefined; this model fails it and sets the overlap bit, which also sets status).</li>
 *   <li>Secure accesses are checked against S_RD/S_WR only, Non-secure ones against the NSAID enables only. Under
 *       RME, Root looks Secure and Realm Non-secure to this AXI filter (it sees only AxPROT[1]).</li>
 *   <li>A failed access latches FAIL_* for its filter when that filter's status bit is clear; otherwise it sets
 *       the overrun bit and leaves FAIL_* alone. The interrupt line is any status bit with ACTION bit 1 set.</li>
 *   <li>A filter whose gate is closed accepts no access: the hardware stalls it; this model answers with a bus
 *       error (reason TZC_GATE_CLOSED) so a simulation never hangs.</li>
 * </ul>
 * Which filter an access goes through (the TZC's AXI slave port) and the NSAID its requester carries are wiring,
 * set by the configuration: by default every requester uses filter 0 and NSAID = requester id mod 16.
 */
public final class Tzc400 implements Policy, RegisterFrame {
    public static final int REGIONS = 9;
    public static final int BUILD_CONFIG = 0x000;
    public static final int ACTION = 0x004;
    public static final int GATE_KEEPER = 0x008;
    public static final int SPECULATION_CTRL = 0x00C;
    public static final int INT_STATUS = 0x010;
    public static final int INT_CLEAR = 0x014;
    public static final int FAIL_BASE = 0x020;
    public static final int REGION_BASE = 0x100;
    public static final int REGION_STRIDE = 0x20;
    public static final int ATTR_S_RD = 1 << 30;
    public static final int ATTR_S_WR = 1 << 31;
    private static final int[] PIDR = {0x60, 0xB4, 0x0B, 0x00, 0x04, 0x00, 0x00, 0x00}; // part 0x460, r0p0

    private final int filters;
    private final int addressBits;
    private final long addressMask;
    private final long[] base = new long[REGIONS];
    private final long[] top = new long[REGIONS];
    private final int[] attributes = new int[REGIONS];
    private final int[] idAccess = new int[REGIONS];
    private final long[] failAddress;
    private final int[] failControl;
    private final int[] failId;
    private final byte[] filterOf = new byte[256];
    private final byte[] nsaidOf = new byte[256];
    private int action;
    private int gateKeeper;
    private int speculation;
    private int intStatus;
    private PaChangeListener changes = (lo, hi) -> { };

    /** @param filters 1..4 filter units; @param addressBits 32..64 */
    public Tzc400(int filters, int addressBits) {
        if (filters < 1 || filters > 4 || addressBits < 32 || addressBits > 64) {
            throw new IllegalArgumentException("TZC-400: 1..4 filters, 32..64 address bits");
        }
        this.filters = filters;
        this.addressBits = addressBits;
        this.addressMask = addressBits == 64 ? -1L : (1L << addressBits) - 1;
        this.failAddress = new long[filters];
        this.failControl = new int[filters];
        this.failId = new int[filters];
        for (int r = 0; r < 256; r++) {
            nsaidOf[r] = (byte) (r & 0xF);
        }
        reset();
    }

    /** Hardware reset: gates closed, ACTION 0, every region disabled, region 0 admitting nobody. */
    public void reset() {
        action = 0;
        gateKeeper = 0;
        speculation = 0;
        intStatus = 0;
        for (int n = 0; n < REGIONS; n++) {
            base[n] = 0;
            top[n] = n == 0 ? addressMask : 0xFFF;
            attributes[n] = n == 0 ? (1 << filters) - 1 : 0;
            idAccess[n] = 0;
        }
        java.util.Arrays.fill(failAddress, 0);
        java.util.Arrays.fill(failControl, 0);
        java.util.Arrays.fill(failId, 0);
    }

    public void setChangeListener(PaChangeListener l) {
        this.changes = l;
    }

    /** Wiring: the filter unit (AXI port) requester {@code r}'s accesses go through. */
    public void setFilter(int requester, int filter) {
        if (filter < 0 || filter >= filters) {
            throw new IllegalArgumentException("filter " + filter + " is not 0.." + (filters - 1));
        }
        filterOf[requester & 0xFF] = (byte) filter;
    }

    /** Wiring: the NSAID (0..15) requester {@code r}'s Non-secure accesses carry. */
    public void setNsaid(int requester, int nsaid) {
        nsaidOf[requester & 0xFF] = (byte) (nsaid & 0xF);
    }

    public int filters() {
        return filters;
    }

    public boolean irq() {
        return (intStatus & 0xF) != 0 && (action & 2) != 0;
    }

    /**
     * The region that decides an access to {@code pa} on {@code filter}: 1..8 when exactly one enabled region
     * matches, 0 when none does, -1 when two or more do (an overlap).
     */
    public int regionFor(long pa, int filter) {
        int found = 0;
        for (int n = 1; n < REGIONS; n++) {
            if ((attributes[n] >>> filter & 1) != 0 && pa >= base[n] && pa <= top[n]) {
                if (found != 0) {
                    return -1;
                }
                found = n;
            }
        }
        return found;
    }

    private boolean permits(int region, boolean isSecure, int nsaid, boolean write) {
        if (isSecure) {
            return (attributes[region] & (write ? ATTR_S_WR : ATTR_S_RD)) != 0;
        }
        return (idAccess[region] >>> (nsaid + (write ? 16 : 0)) & 1) != 0;
    }

    @Override
    public String name() {
        return "tzc";
    }

    @Override
    public int check(Transaction t, CheckCost cost) {
        int filter = filterOf[t.requester & 0xFF];
        if ((gateKeeper >>> filter & 1) == 0) {
            return Verdict.deny(Response.BUS_ERROR, Reason.TZC_GATE_CLOSED);
        }
        long pa = t.pa & addressMask;
        int region = regionFor(pa, filter);
        boolean isSecure = t.security.isSecure();
        TransactionKind k = t.kind;
        if (region < 0) {
            return fail(t, filter, true);
        }
        int nsaid = nsaidOf[t.requester & 0xFF];
        boolean ok = true;
        if (k.reads() || !k.writes()) {
            ok = permits(region, isSecure, nsaid, false);
        }
        if (ok && k.writes()) {
            ok = permits(region, isSecure, nsaid, true);
        }
        return ok ? Verdict.ALLOW : fail(t, filter, false);
    }

    private int fail(Transaction t, int filter, boolean overlap) {
        int bit = 1 << filter;
        if ((intStatus & bit) == 0) {
            failAddress[filter] = t.pa & addressMask;
            failControl[filter] = (t.kind.writes() ? 1 << 24 : 0) | (t.security.isSecure() ? 0 : 1 << 21)
                    | (t.unprivileged ? 1 << 20 : 0);
            failId[filter] = t.requester & 0xFFFFFF;
        } else {
            intStatus |= bit << 8;
        }
        intStatus |= bit | (overlap ? bit << 16 : 0);
        return Verdict.deny((action & 1) != 0 ? Response.BUS_ERROR : Response.RAZ_WI,
                overlap ? Reason.TZC_OVERLAP : Reason.TZC_REGION);
    }

    @Override
    public int pagePermissions(Transaction probe) {
        int filter = filterOf[probe.requester & 0xFF];
        if ((gateKeeper >>> filter & 1) == 0) {
            return 0;
        }
        long page = probe.pa & addressMask & ~0xFFFL;
        int region = regionFor(page, filter);
        if (region < 0) {
            return 0;
        }
        // Regions are 4 KiB aligned, so the page lies in one region unless another starts inside it: recheck the
        // page's last byte.
        if (regionFor(page + 0xFFF, filter) != region) {
            return 0;
        }
        boolean isSecure = probe.security.isSecure();
        int nsaid = nsaidOf[probe.requester & 0xFF];
        int perms = 0;
        if (permits(region, isSecure, nsaid, false)) {
            perms |= PageGrant.READ | PageGrant.EXECUTE | PageGrant.WALK;
        }
        if (permits(region, isSecure, nsaid, true)) {
            perms |= PageGrant.WRITE;
        }
        return perms;
    }

    // ------------------------------------------------------------------ configuration (boot firmware's view)

    /** Programs region {@code n} as TF-A's tzc400_configure_region would. */
    public void configureRegion(int n, int filterMask, long regionBase, long regionTop, int secureAccess, int nsaidRead,
                                int nsaidWrite) {
        long oldLo = base[n];
        long oldHi = top[n];
        if (n != 0) {
            base[n] = regionBase & addressMask & ~0xFFFL;
            top[n] = (regionTop & addressMask) | 0xFFF;
            attributes[n] = (secureAccess << 30) | (filterMask & ((1 << filters) - 1));
        } else {
            attributes[0] = (secureAccess << 30) | ((1 << filters) - 1);
        }
        idAccess[n] = (nsaidRead & 0xFFFF) | (nsaidWrite << 16);
        changed(n, oldLo, oldHi);
    }

    public void setAction(int reaction) {
        action = reaction & 3;
    }

    public void openGates(int mask) {
        gateKeeper = mask & ((1 << filters) - 1);
        changes.paChanged(0, addressMask == -1L ? Long.MAX_VALUE : addressMask + 1);
    }

    private void changed(int n, long oldLo, long oldHi) {
        if (n == 0) {
            changes.paChanged(0, addressMask == -1L ? Long.MAX_VALUE : addressMask + 1);
        } else {
            changes.paChanged(oldLo, oldHi + 1);
            changes.paChanged(base[n], top[n] + 1);
        }
    }

    // ------------------------------------------------------------------ registers

    @Override
    public int read(int offset, boolean secure) {
        if (offset >= REGION_BASE && offset < REGION_BASE + REGIONS * REGION_STRIDE) {
            int n = (offset - REGION_BASE) / REGION_STRIDE;
            switch ((offset - REGION_BASE) % REGION_STRIDE) {
                case 0x00: return (int) base[n];
                case 0x04: return (int) (base[n] >>> 32);
                case 0x08: return (int) top[n];
                case 0x0C: return (int) (top[n] >>> 32);
                case 0x10: return attributes[n];
                case 0x14: return idAccess[n];
                default: return 0;
            }
        }
        if (offset >= FAIL_BASE && offset < FAIL_BASE + 0x10 * filters) {
            int f = (offset - FAIL_BASE) / 0x10;
            switch ((offset - FAIL_BASE) % 0x10) {
                case 0x0: return (int) failAddress[f];
                case 0x4: return (int) (failAddress[f] >>> 32);
                case 0x8: return failControl[f];
                default: return failId[f];
            }
        }
        switch (offset) {
            case BUILD_CONFIG: return ((filters - 1) << 24) | ((addressBits - 1) << 8) | (REGIONS - 1);
            case ACTION: return action;
            case GATE_KEEPER: return gateKeeper | (gateKeeper << 16); // the gate opens at once
            case SPECULATION_CTRL: return speculation;
            case INT_STATUS: return intStatus;
            default: return IdRegisters.read(offset, PIDR);
        }
    }

    @Override
    public void write(int offset, int value, boolean secure) {
        if (offset >= REGION_BASE && offset < REGION_BASE + REGIONS * REGION_STRIDE) {
            int n = (offset - REGION_BASE) / REGION_STRIDE;
            long oldLo = base[n];
            long oldHi = top[n];
            long v = value & 0xFFFF_FFFFL;
            switch ((offset - REGION_BASE) % REGION_STRIDE) {
                case 0x00:
                    if (n != 0) {
                        base[n] = ((base[n] & ~0xFFFF_FFFFL) | (v & ~0xFFFL)) & addressMask;
                    }
                    break;
                case 0x04:
                    if (n != 0) {
                        base[n] = ((base[n] & 0xFFFF_FFFFL) | (v << 32)) & addressMask;
                    }
                    break;
                case 0x08:
                    if (n != 0) {
                        top[n] = ((top[n] & ~0xFFFF_FFFFL) | v | 0xFFF) & addressMask;
                    }
                    break;
                case 0x0C:
                    if (n != 0) {
                        top[n] = ((top[n] & 0xFFFF_FFFFL) | (v << 32)) & addressMask;
                    }
                    break;
                case 0x10:
                    attributes[n] = n == 0 ? (value & (ATTR_S_RD | ATTR_S_WR)) | ((1 << filters) - 1)
                            : value & (ATTR_S_RD | ATTR_S_WR | ((1 << filters) - 1));
                    break;
                case 0x14:
                    idAccess[n] = value;
                    break;
                default:
                    return;
            }
            changed(n, oldLo, oldHi);
            return;
        }
        switch (offset) {
            case ACTION:
                action = value & 3;
                break;
            case GATE_KEEPER:
                openGates(value & 0xF);
                break;
            case SPECULATION_CTRL:
                speculation = value & 3;
                break;
            case INT_CLEAR: {
                int m = value & ((1 << filters) - 1);
                intStatus &= ~(m | (m << 8) | (m << 16));
                break;
            }
            default:
                break; // BUILD_CONFIG, INT_STATUS, FAIL_*, ID: read-only
        }
    }

    @Override
    public boolean nonSecureReadable(int offset) {
        return IdRegisters.isId(offset);
    }

    @Override
    public Response nonSecureResponse() {
        return Response.BUS_ERROR; // the TZC-400 programming interface is Secure-only: a Non-secure access errors
    }

    @Override
    public boolean writableWhenLocked(int offset) {
        return offset == INT_CLEAR;
    }

    @Override
    public void resetFaults() {
        intStatus = 0;
    }
}
