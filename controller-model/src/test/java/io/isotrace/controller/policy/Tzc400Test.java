package io.isotrace.controller.policy;

import io.isotrace.controller.policy.tzc.Tzc400;
import io.isotrace.trace.record.SecurityState;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;

import static io.isotrace.controller.policy.tzc.Tzc400.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TZC-400 against TF-A's tzc400.h register layout and the TZC-400 TRM's region and failure rules. */
class Tzc400Test {
    private static int region(int n, int reg) {
        return REGION_BASE + REGION_STRIDE * n + reg;
    }

    private static Transaction t(long pa, SecurityState s, TransactionKind k, int requester) {
        Transaction t = new Transaction();
        t.pa = pa;
        t.size = 8;
        t.security = s;
        t.kind = k;
        t.requester = requester;
        return t;
    }

    private static int check(Tzc400 z, long pa, SecurityState s, TransactionKind k, int req) {
        return z.check(t(pa, s, k, req), new CheckCost());
    }

    @Test
    void buildConfigAndResetValues() {
        Tzc400 z = new Tzc400(4, 40);
        int bc = z.read(BUILD_CONFIG, true);
        assertEquals(3, (bc >>> 24) & 3, "NO_OF_FILTERS - 1");
        assertEquals(39, (bc >>> 8) & 0x3F, "ADDRESS_WIDTH - 1");
        assertEquals(8, bc & 0x1F, "NO_OF_REGIONS - 1 (region 0 + 8)");
        assertEquals(0, z.read(ACTION, true));
        assertEquals(0, z.read(GATE_KEEPER, true), "filters reset closed");
        assertEquals(0, z.read(INT_STATUS, true));
        assertEquals(0, z.read(region(0, 0x0), true), "region 0 base is 0");
        assertEquals(-1, z.read(region(0, 0x8), true), "region 0 top is the last address (low word)");
        assertEquals(0xFF, z.read(region(0, 0xC), true), "region 0 top high word for 40 bits");
        assertEquals(0xB105F00DL, (z.read(0xFF0, true) & 0xFF) | (z.read(0xFF4, true) & 0xFF) << 8
                | (z.read(0xFF8, true) & 0xFF) << 16 | ((long) z.read(0xFFC, true) & 0xFF) << 24, "component id");
        assertEquals(0x460, (z.read(0xFE0, true) & 0xFF) | (z.read(0xFE4, true) & 0xF) << 8, "part number 0x460");
    }

    @Test
    void closedGateRefusesAndRegion0DeniesAtReset() {
        Tzc400 z = new Tzc400(1, 48);
        assertEquals(Reason.TZC_GATE_CLOSED, Verdict.reason(check(z, 0x1000, SecurityState.SECURE, TransactionKind.READ, 0)));
        z.write(GATE_KEEPER, 1, true);
        assertEquals(1 | (1 << 16), z.read(GATE_KEEPER, true), "open_status follows open_request");
        assertEquals(Reason.TZC_REGION, Verdict.reason(check(z, 0x1000, SecurityState.SECURE, TransactionKind.READ, 0)),
                "region 0 admits nobody after reset");
    }

    @Test
    void higherRegionsTakePriorityOverRegion0AndOverlapsFail() {
        Tzc400 z = new Tzc400(1, 48);
        z.write(GATE_KEEPER, 1, true);
        z.write(ACTION, 1, true);
        z.write(region(0, 0x10), ATTR_S_RD | ATTR_S_WR, true);            // background: Secure only
        z.write(region(1, 0x0), 0x8000_0000, true);
        z.write(region(1, 0x8), 0x8FFF_FFFF, true);
        z.write(region(1, 0x14), 1 << 3, true);                            // NSAID 3 may read
        z.write(region(1, 0x10), 1, true);                                 // enabled on filter 0, no Secure access
        assertEquals(Verdict.ALLOW, check(z, 0x1000, SecurityState.SECURE, TransactionKind.WRITE, 3));
        assertEquals(Verdict.ALLOW, check(z, 0x8000_1000L, SecurityState.NON_SECURE, TransactionKind.READ, 3),
                "region 1 decides inside its range");
        assertEquals(Reason.TZC_REGION, Verdict.reason(check(z, 0x8000_1000L, SecurityState.SECURE, TransactionKind.READ, 3)),
                "region 1 overrides region 0's Secure access");
        assertEquals(Reason.TZC_REGION, Verdict.reason(check(z, 0x8000_1000L, SecurityState.NON_SECURE, TransactionKind.WRITE, 3)),
                "NSAID write enable is separate from read");
        assertEquals(Reason.TZC_REGION, Verdict.reason(check(z, 0x8000_1000L, SecurityState.NON_SECURE, TransactionKind.READ, 4)),
                "another NSAID is not enabled");
        // A disabled region (no filter enable) does not match.
        z.write(region(2, 0x0), 0x8000_0000, true);
        z.write(region(2, 0x8), 0x8000_FFFF, true);
        z.write(region(2, 0x10), ATTR_S_RD, true);
        assertEquals(Verdict.ALLOW, check(z, 0x8000_1000L, SecurityState.NON_SECURE, TransactionKind.READ, 3));
        z.write(INT_CLEAR, 1, true);
        z.write(region(2, 0x10), ATTR_S_RD | 1, true);
        int v = check(z, 0x8000_1000L, SecurityState.NON_SECURE, TransactionKind.READ, 3);
        assertEquals(Reason.TZC_OVERLAP, Verdict.reason(v), "two enabled regions match: overlap");
        assertEquals(1 | (1 << 16), z.read(INT_STATUS, true), "overlap sets both the overlap and the status bit");
        assertEquals(Verdict.ALLOW, check(z, 0x8001_0000L, SecurityState.NON_SECURE, TransactionKind.READ, 3),
                "outside region 2 only region 1 matches");
    }

    @Test
    void actionSelectsResponseAndInterrupt() {
        Tzc400 z = new Tzc400(1, 48);
        z.write(GATE_KEEPER, 1, true);
        int[][] cases = {{0, 2, 0}, {1, 1, 0}, {2, 2, 1}, {3, 1, 1}}; // action, response code, irq
        for (int[] c : cases) {
            z.write(INT_CLEAR, 1, true);
            z.write(ACTION, c[0], true);
            int v = check(z, 0x2000, SecurityState.NON_SECURE, TransactionKind.READ, 0);
            assertEquals(c[1], Verdict.response(v).code(), "ACTION " + c[0]);
            assertEquals(c[2] == 1, z.irq(), "interrupt for ACTION " + c[0]);
        }
    }

    @Test
    void failRegistersLatchTheFirstFailureAndOverrunCountsTheRest() {
        Tzc400 z = new Tzc400(2, 48);
        z.write(GATE_KEEPER, 3, true);
        z.setFilter(5, 1);
        Transaction a = t(0x12_3456_7000L, SecurityState.NON_SECURE, TransactionKind.WRITE, 5);
        a.unprivileged = false;
        z.check(a, new CheckCost());
        int f = FAIL_BASE + 0x10; // filter 1's group
        assertEquals(0x3456_7000, z.read(f, true), "FAIL_ADDRESS_LOW");
        assertEquals(0x12, z.read(f + 4, true), "FAIL_ADDRESS_HIGH");
        assertEquals((1 << 24) | (1 << 21), z.read(f + 8, true), "write, Non-secure, privileged");
        assertEquals(5, z.read(f + 12, true), "FAIL_ID holds the requester");
        assertEquals(1 << 1, z.read(INT_STATUS, true), "status bit of filter 1");
        z.check(t(0x9000, SecurityState.SECURE, TransactionKind.READ, 5), new CheckCost());
        assertEquals(0x3456_7000, z.read(f, true), "a second failure does not overwrite");
        assertEquals((1 << 1) | (1 << 9), z.read(INT_STATUS, true), "it sets the overrun bit instead");
        z.write(INT_CLEAR, 1 << 1, true);
        assertEquals(0, z.read(INT_STATUS, true), "INT_CLEAR clears status and overrun");
        z.check(t(0x9000, SecurityState.SECURE, TransactionKind.READ, 5), new CheckCost());
        assertEquals(0x9000, z.read(f, true));
        assertEquals(1 << 20, z.read(f + 8, true), "read, Secure, unprivileged (bit 20)");
    }

    @Test
    void regionAddressesAre4KiBAligned() {
        Tzc400 z = new Tzc400(1, 48);
        z.write(region(3, 0x0), 0x1234_5678, true);
        z.write(region(3, 0x8), 0x2000_0000, true);
        assertEquals(0x1234_5000, z.read(region(3, 0x0), true), "BASE low 12 bits read as zero");
        assertEquals(0x2000_0FFF, z.read(region(3, 0x8), true), "TOP low 12 bits read as 0xFFF (inclusive)");
        z.write(region(0, 0x0), 0x5000, true);
        assertEquals(0, z.read(region(0, 0x0), true), "region 0 base is read-only");
        assertFalse(z.irq());
        assertTrue(z.read(region(0, 0x10), true) != 0, "region 0 is enabled on every filter");
    }
}
