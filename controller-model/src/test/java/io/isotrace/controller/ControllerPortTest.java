package io.isotrace.controller;

import io.isotrace.controller.env.AccessRule;
import io.isotrace.controller.env.Environments;
import io.isotrace.controller.policy.Response;
import io.isotrace.controller.policy.mpc.Sie200Mpc;
import io.isotrace.trace.port.PageGrant;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.SecurityState;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lockstep port: data at the translated PA, grants with the stack's permissions, RAZ/WI, MPC notifications. */
class ControllerPortTest {
    private static final long MEM = 1L << 34;

    private static ControllerBuilder builder() {
        return new ControllerBuilder().memory(new PhysicalMemory(MEM)).registerBase(MEM - 0x10000)
                .tablesBase(MEM - (256L << 20));
    }

    @Test
    void dataMovesAtTheTranslatedPaAndGrantsCarryTheAllowedKinds() {
        ControllerBuilder b = builder();
        Environments envs = b.remapper(4, 64);
        Controller c = b.build();
        ControllerPort port = new ControllerPort(c);
        envs.create(1, "a", new AccessRule(1, 0b11, new long[]{-1, -1, -1, -1})); // NS, EL0/1
        envs.map(1, 0x40_0000, 0x1_2340_0000L, 0x2000, PageGrant.READ | PageGrant.EXECUTE, null);
        envs.switchTo(2, 1);
        c.memory().write(0x1_2340_0010L, 8, 0x1122334455667788L);
        Transaction t = new Transaction();
        t.requester = 2;
        t.ipa = 0x40_0010;
        t.size = 8;
        port.access(t);
        assertEquals(ReplyStatus.OK, t.status);
        assertEquals(0x1122334455667788L, t.data);
        assertEquals(1, t.env);
        t.kind = TransactionKind.WRITE;
        t.data = 5;
        port.access(t);
        assertEquals(ReplyStatus.DENIED, t.status, "no write permission");
        assertEquals(0x1122334455667788L, c.memory().read(0x1_2340_0010L, 8), "and memory is untouched");
        PageGrant g = new PageGrant();
        Transaction probe = new Transaction();
        probe.requester = 2;
        probe.ipa = 0x40_1abc;
        assertTrue(port.grant(probe, g));
        assertEquals(0x1_2340_1000L, g.pa);
        assertEquals(PageGrant.READ | PageGrant.EXECUTE, g.permissions);
        assertSame(c.memory().frame(0x1_2340_1000L), g.frame);
        probe.security = SecurityState.SECURE;
        assertFalse(port.grant(probe, g), "the rule does not admit Secure: nothing to grant");
        probe.security = SecurityState.NON_SECURE;
        probe.ipa = 0x40_2000;
        assertFalse(port.grant(probe, g), "unmapped");
    }

    @Test
    void readAsZeroWriteIgnoredIsDeniedWithoutAnAbort() {
        ControllerBuilder b = builder();
        Environments envs = b.remapper(2, 16);
        Controller c = b.build();
        c.remapper().setBlockedResponse(Response.RAZ_WI);
        envs.create(0, "a", null);
        envs.map(0, 0, 0x10_0000, 0x1000, PageGrant.READ, null);
        envs.switchTo(0, 0);
        c.memory().write(0x10_0000, 4, 0xAB);
        ControllerPort port = new ControllerPort(c);
        Transaction t = new Transaction();
        t.size = 4;
        t.kind = TransactionKind.WRITE;
        t.data = 0xFF;
        port.access(t);
        assertEquals(ReplyStatus.DENIED, t.status, "the policy refused it");
        assertFalse(t.abort, "but the bus answers OKAY: no external abort");
        assertEquals(0xAB, c.memory().read(0x10_0000, 4), "the write was ignored");
        assertEquals(1, c.violations().total(), "yet it is a violation");
        assertEquals(1, c.stats().razWi);
    }

    @Test
    void anMpcLutChangeNotifiesTheIpaRangesThatPointThere() {
        ControllerBuilder b = builder();
        Environments envs = b.remapper(4, 64);
        b.mpc(new Sie200Mpc(0x1000_0000L, 1 << 24, 1 << 16)); // 64 KiB blocks
        Controller c = b.build();
        envs.create(0, "a", null);
        envs.create(1, "b", null);
        java.util.BitSet both = new java.util.BitSet();
        both.set(0, 2);
        envs.share("block3", 0x1003_0000L, 0x1004_0000L, both);
        envs.map(0, 0x7000_0000L, 0x1002_0000L, 0x2_0000, PageGrant.ALL, null); // blocks 2 and 3
        envs.map(1, 0x100_0000, 0x1003_0000L, 0x1_0000, PageGrant.ALL, null);  // block 3
        envs.switchTo(0, 0);
        envs.switchTo(1, 1);
        List<long[]> seen = new ArrayList<>();
        c.addInvalidationListener((m, e, lo, hi) -> seen.add(new long[]{m, e, lo, hi}));
        c.mpc().write(Sie200Mpc.BLK_IDX, 0, true);
        c.mpc().write(Sie200Mpc.BLK_LUT, 1 << 3, true); // block 3 becomes Non-secure
        seen.sort((x, y) -> Long.compare(x[1], y[1]));
        assertEquals(2, seen.size());
        assertArrayEquals(new long[]{1, 0, 0x7001_0000L, 0x7002_0000L}, seen.get(0), "env a's second half, requester 0");
        assertArrayEquals(new long[]{2, 1, 0x100_0000, 0x101_0000}, seen.get(1), "env b's whole mapping, requester 1");
    }
}
