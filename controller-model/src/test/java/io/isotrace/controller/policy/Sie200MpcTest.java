package io.isotrace.controller.policy;

import io.isotrace.controller.policy.mpc.Sie200Mpc;
import io.isotrace.trace.record.SecurityState;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;

import static io.isotrace.controller.policy.mpc.Sie200Mpc.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SIE-200 MPC against the behaviour documented in QEMU's hw/misc/tz-mpc.c (after the SIE-200 TRM, DDI 0571):
 * reset values, LOCKDOWN, first-fault latching into INT_INFO1/2, SEC_RESP, auto-increment, Non-secure view.
 */
class Sie200MpcTest {
    private static final long BASE = 0x1000_0000L;

    private static Transaction access(long pa, SecurityState s, TransactionKind k, int requester) {
        Transaction t = new Transaction();
        t.pa = pa;
        t.ipa = pa;
        t.size = 4;
        t.security = s;
        t.kind = k;
        t.requester = requester;
        return t;
    }

    @Test
    void resetValues() {
        Sie200Mpc m = new Sie200Mpc(BASE, 1 << 20, 4096); // 256 blocks -> 8 LUT words
        assertEquals(0x100, m.read(CTRL, true), "CTRL resets with AUTOINC set");
        assertEquals(7, m.read(BLK_MAX, true), "BLK_MAX reads LUT words - 1");
        assertEquals(12 - 5, m.read(BLK_CFG, true), "block size = 2^(BLK_CFG+5)");
        assertEquals(0, m.read(BLK_IDX, true));
        assertEquals(0, m.read(INT_STAT, true));
        assertEquals(1, m.read(INT_EN, true), "INT_EN resets to 1");
        assertEquals(0, m.read(INT_INFO1, true));
        assertEquals(0, m.read(INT_INFO2, true));
        int[] id = {0x04, 0x00, 0x00, 0x00, 0x60, 0xB8, 0x1B, 0x00, 0x0D, 0xF0, 0x05, 0xB1};
        for (int i = 0; i < id.length; i++) {
            assertEquals(id[i], m.read(0xFD0 + 4 * i, true), "ID register at 0x" + Integer.toHexString(0xFD0 + 4 * i));
        }
        for (int w = 0; w < 8; w++) {
            assertEquals(0, m.read(BLK_LUT, true), "every block resets Secure");
        }
    }

    @Test
    void secureAndNonSecureBlocksAdmitOnlyTheirOwnState() {
        Sie200Mpc m = new Sie200Mpc(BASE, 1 << 20, 4096);
        m.write(BLK_IDX, 0, true);
        m.write(BLK_LUT, 0b10, true); // block 1 Non-secure
        CheckCost c = new CheckCost();
        assertEquals(Verdict.ALLOW, m.check(access(BASE + 0x1000, SecurityState.NON_SECURE, TransactionKind.READ, 0), c));
        assertEquals(Reason.MPC_BLOCKED, Verdict.reason(m.check(access(BASE + 0x1000, SecurityState.SECURE, TransactionKind.READ, 0), c)),
                "a Secure access to a Non-secure block is blocked too");
        assertEquals(Verdict.ALLOW, m.check(access(BASE, SecurityState.SECURE, TransactionKind.WRITE, 0), c));
        assertEquals(Reason.MPC_BLOCKED, Verdict.reason(m.check(access(BASE, SecurityState.NON_SECURE, TransactionKind.WRITE, 0), c)));
        assertEquals(Verdict.ALLOW, m.check(access(BASE - 8, SecurityState.NON_SECURE, TransactionKind.READ, 0), c),
                "addresses outside the guarded memory are not the MPC's");
    }

    @Test
    void onlyTheFirstBlockedAccessLatchesInfo() {
        Sie200Mpc m = new Sie200Mpc(BASE, 1 << 20, 4096);
        CheckCost c = new CheckCost();
        m.check(access(BASE + 0x2340, SecurityState.NON_SECURE, TransactionKind.READ, 0x42), c);
        assertEquals(1, m.read(INT_STAT, true));
        assertTrue(m.irq());
        assertEquals(0x2340, m.read(INT_INFO1, true), "INT_INFO1 holds the blocked address (offset in the memory)");
        assertEquals(0x42 | (1 << 16), m.read(INT_INFO2, true), "HMASTER = requester, HNONSEC = 1, CFG_NS = 0");
        m.check(access(BASE + 0x5000, SecurityState.NON_SECURE, TransactionKind.WRITE, 7), c);
        assertEquals(0x2340, m.read(INT_INFO1, true), "a second blocked access leaves the information alone");
        m.write(INT_CLEAR, 1, true);
        assertEquals(0, m.read(INT_STAT, true));
        assertFalse(m.irq());
        m.write(BLK_IDX, 0, true);
        m.write(BLK_LUT, 1 << 6, true); // block 6 NS
        m.check(access(BASE + 0x6008, SecurityState.SECURE, TransactionKind.READ, 3), c);
        assertEquals(0x6008, m.read(INT_INFO1, true), "after INT_CLEAR the next blocked access latches again");
        assertEquals(3 | (1 << 17), m.read(INT_INFO2, true), "Secure access (HNONSEC 0) to a NS block (CFG_NS 1)");
        m.write(INT_EN, 0, true);
        assertFalse(m.irq(), "the IRQ line is INT_STAT AND INT_EN");
        m.write(INT_CLEAR, 1, true);
        m.write(INT_SET, 1, true);
        assertEquals(1, m.read(INT_STAT, true), "INT_SET raises the status by software");
    }

    @Test
    void secRespChoosesBusErrorOrReadAsZero() {
        Sie200Mpc m = new Sie200Mpc(BASE, 1 << 20, 4096);
        CheckCost c = new CheckCost();
        Transaction t = access(BASE, SecurityState.NON_SECURE, TransactionKind.READ, 0);
        assertEquals(Response.RAZ_WI, Verdict.response(m.check(t, c)), "reset: SEC_RESP 0 = read-as-zero/write-ignored");
        m.write(CTRL, CTRL_SEC_RESP, true);
        assertEquals(Response.BUS_ERROR, Verdict.response(m.check(t, c)), "SEC_RESP 1 = bus error");
    }

    @Test
    void lockdownFreezesCtrlLutAndIntEnUntilReset() {
        Sie200Mpc m = new Sie200Mpc(BASE, 1 << 20, 4096);
        m.write(CTRL, CTRL_AUTOINC | CTRL_LOCKDOWN, true);
        m.write(CTRL, 0, true);
        assertEquals(CTRL_AUTOINC | CTRL_LOCKDOWN, m.read(CTRL, true), "CTRL is read-only in lockdown");
        m.write(BLK_IDX, 3, true);
        assertEquals(3, m.read(BLK_IDX, true), "BLK_IDX stays writable");
        m.write(BLK_LUT, -1, true);
        m.write(BLK_IDX, 3, true);
        assertEquals(0, m.read(BLK_LUT, true), "BLK_LUT is read-only in lockdown");
        m.write(INT_EN, 0, true);
        assertEquals(1, m.read(INT_EN, true), "INT_EN is read-only in lockdown");
        m.write(INT_SET, 1, true);
        m.write(INT_CLEAR, 1, true);
        assertEquals(0, m.read(INT_STAT, true), "the interrupt can still be cleared");
        m.reset();
        assertEquals(0x100, m.read(CTRL, true), "only reset leaves lockdown");
    }

    @Test
    void autoIncrementWrapsAndAppliesToReadsAndWrites() {
        Sie200Mpc m = new Sie200Mpc(BASE, 3 * 32 * 4096L, 4096); // 3 LUT words
        m.write(BLK_IDX, 2, true);
        m.write(BLK_LUT, 0xAAAA, true);
        assertEquals(0, m.read(BLK_IDX, true), "BLK_IDX wraps modulo the LUT words");
        m.write(BLK_IDX, 2, true);
        assertEquals(0xAAAA, m.read(BLK_LUT, true));
        assertEquals(0, m.read(BLK_IDX, true), "a read of BLK_LUT increments too");
        m.write(BLK_IDX, 7, true);
        assertEquals(1, m.read(BLK_IDX, true), "BLK_IDX writes are taken modulo the LUT words");
        m.write(CTRL, 0, true);
        m.read(BLK_LUT, true);
        assertEquals(1, m.read(BLK_IDX, true), "without AUTOINC the index stays");
    }

    @Test
    void nonSecureSeesOnlyIdRegisters() {
        Sie200Mpc m = new Sie200Mpc(BASE, 1 << 20, 4096);
        assertEquals(0, m.read(CTRL, false), "RAZ for Non-secure");
        assertEquals(0x60, m.read(0xFE0, false), "PIDR0 visible to Non-secure");
        m.write(CTRL, CTRL_LOCKDOWN, false);
        m.write(BLK_LUT, -1, false);
        assertEquals(0x100, m.read(CTRL, true), "Non-secure writes are ignored");
        m.write(BLK_IDX, 0, true);
        assertEquals(0, m.read(BLK_LUT, true));
    }
}
