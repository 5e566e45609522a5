package io.isotrace.controller.policy;

import io.isotrace.controller.policy.gpc.GranuleProtection;
import io.isotrace.controller.policy.gpc.Gpi;
import io.isotrace.trace.record.SecurityState;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RME granule protection check against the Arm ARM's PAS rules and GPCCR_EL3 / GPT encodings. */
class GranuleProtectionTest {
    private static int check(GranuleProtection g, long pa, SecurityState s) {
        Transaction t = new Transaction();
        t.pa = pa;
        t.size = 8;
        t.security = s;
        t.kind = TransactionKind.READ;
        return g.check(t, new CheckCost());
    }

    /**
     * The PAS rules, written out from the architecture: Root may access every PAS, Realm the Realm and Non-secure
     * PAS, Secure the Secure and Non-secure PAS, Non-secure only the Non-secure PAS; GPI ANY admits all, NO_ACCESS
     * none. Columns: GPI, then whether NS, S, Realm, Root are admitted.
     */
    @ParameterizedTest
    @CsvSource({
            "NO_ACCESS, false, false, false, false",
            "SECURE,    false, true,  false, true",
            "NON_SECURE,true,  true,  true,  true",
            "ROOT,      false, false, false, true",
            "REALM,     false, false, true,  true",
            "ANY,       true,  true,  true,  true"})
    void pasRules(String gpiName, boolean ns, boolean s, boolean realm, boolean root) {
        GranuleProtection g = new GranuleProtection(0, 0, 0, 0); // 4 GiB PPS, 4 KiB granules
        g.setGpi(0x4000, 0x5000, Gpi.valueOf(gpiName).code());
        g.setEnabled(true);
        boolean[] expect = {ns, s, realm, root};
        SecurityState[] states = {SecurityState.NON_SECURE, SecurityState.SECURE, SecurityState.REALM, SecurityState.ROOT};
        for (int i = 0; i < 4; i++) {
            int v = check(g, 0x4008, states[i]);
            assertEquals(expect[i], v == Verdict.ALLOW, gpiName + " from " + states[i]);
            if (!expect[i]) {
                assertEquals(Reason.GPF_GPI, Verdict.reason(v));
                assertEquals(Response.BUS_ERROR, Verdict.response(v), "a GPF is an abort, never RAZ/WI");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 4096", "2, 16384", "1, 65536"}) // PGS encodings: 0b00 4 KiB, 0b10 16 KiB, 0b01 64 KiB
    void granuleSizeFollowsPgs(int pgs, long granule) {
        GranuleProtection g = new GranuleProtection(0, pgs, 0, 0);
        assertEquals(granule, g.granuleBytes());
        assertEquals(pgs << 14, g.gpccr() & (3 << 14), "GPCCR.PGS at [15:14]");
        g.setGpi(0, 1L << 30, Gpi.NON_SECURE.code());
        assertEquals(GranuleProtection.ERR_MISALIGNED, g.setGpi(granule / 2, granule, Gpi.REALM.code()),
                "a range that is not whole granules is refused");
        assertEquals(GranuleProtection.OK, g.setGpi(granule, 2 * granule, Gpi.REALM.code()));
        g.setEnabled(true);
        assertEquals(Verdict.ALLOW, check(g, granule - 1, SecurityState.NON_SECURE), "the granule before is untouched");
        assertEquals(Reason.GPF_GPI, Verdict.reason(check(g, granule, SecurityState.NON_SECURE)));
        assertEquals(Reason.GPF_GPI, Verdict.reason(check(g, 2 * granule - 1, SecurityState.NON_SECURE)),
                "the whole granule carries one GPI");
        assertEquals(Verdict.ALLOW, check(g, 2 * granule, SecurityState.NON_SECURE), "the granule after is untouched");
        assertEquals(Gpi.REALM.code(), g.gpiAt(granule + 8));
    }

    @Test
    void outsideTheProtectedSpaceFaults() {
        GranuleProtection g = new GranuleProtection(0, 0, 0, 0); // PPS 0b000: 4 GiB
        assertEquals(1L << 32, g.protectedBytes());
        g.setGpi(0, 1L << 32, Gpi.ANY.code());
        g.setEnabled(true);
        assertEquals(Verdict.ALLOW, check(g, (1L << 32) - 8, SecurityState.NON_SECURE));
        assertEquals(Reason.GPF_PPS, Verdict.reason(check(g, 1L << 32, SecurityState.ROOT)), "PA >= 2^PPS faults, even for Root");
        assertEquals(GranuleProtection.ERR_OUTSIDE_PPS, g.setGpi(1L << 32, (1L << 32) + 4096, Gpi.ANY.code()));
    }

    @Test
    void invalidDescriptorsAndReservedGpisFault() {
        GranuleProtection g = new GranuleProtection(1, 0, 0, 0); // 64 GiB, L0 entries of 1 GiB
        g.setEnabled(true);
        assertEquals(Reason.GPF_INVALID, Verdict.reason(check(g, 0x1000, SecurityState.ROOT)),
                "an L0 descriptor never written is invalid");
        assertEquals(GranuleProtection.ERR_RESERVED_GPI, g.setGpi(0, 4096, 0x3), "GPI 0b0011 is reserved");
    }

    @Test
    void wholeL0RegionsBecomeBlockDescriptorsAndPartialOnesTables() {
        GranuleProtection g = new GranuleProtection(1, 0, 0, 0);
        g.setGpi(1L << 30, 2L << 30, Gpi.SECURE.code());   // exactly one 1 GiB L0 region
        g.setGpi((1L << 30) + 0x3000, (1L << 30) + 0x4000, Gpi.NON_SECURE.code()); // one granule in it
        g.setEnabled(true);
        assertEquals(Gpi.SECURE.code(), g.gpiAt(1L << 30), "the block's GPI survives splitting into a table");
        assertEquals(Gpi.NON_SECURE.code(), g.gpiAt((1L << 30) + 0x3abc));
        assertEquals(Gpi.SECURE.code(), g.gpiAt((2L << 30) - 1));
    }

    @Test
    void firstFaultLatchesUntilCleared() {
        GranuleProtection g = new GranuleProtection(0, 0, 0, 0);
        g.setGpi(0, 1L << 32, Gpi.SECURE.code());
        g.setEnabled(true);
        check(g, 0x5000, SecurityState.NON_SECURE);
        check(g, 0x7000, SecurityState.NON_SECURE);
        assertTrue(g.faultPending());
        assertEquals(0x5000, g.read(GranuleProtection.GPF_ADDR_LO, true));
        assertEquals(2, g.read(GranuleProtection.GPF_COUNT, true));
        g.write(GranuleProtection.GPF_CLEAR, 1, true);
        assertFalse(g.faultPending());
        g.write(GranuleProtection.GPCCR, 0, true);
        assertEquals(Verdict.ALLOW, check(g, 0x5000, SecurityState.NON_SECURE), "GPCCR.GPC = 0 disables the check");
    }
}
