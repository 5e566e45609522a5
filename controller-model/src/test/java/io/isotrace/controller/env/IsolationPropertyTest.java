package io.isotrace.controller.env;

import io.isotrace.controller.Controller;
import io.isotrace.controller.ControllerBuilder;
import io.isotrace.controller.policy.Verdict;
import io.isotrace.trace.port.PageGrant;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.SecurityState;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property tests over seeded random policies and transactions, checked against a reference model written here:
 * a plain list of what was successfully mapped, searched linearly, with the permission rules restated from the
 * documentation rather than taken from the controller's tables.
 */
class IsolationPropertyTest {
    private static final long MEM = 1L << 36;

    /** What the test believes was mapped. */
    record Ref(int env, long ipa, long pa, long bytes, int perms, int states, int els) {
    }


    private static final long[] SIZES = {0x1000, 0x3000, 1L << 21, 1L << 30, 1L << 32};

    @Test
    void randomPoliciesNeverLeakAndRefuseExactlyWhatTheReferenceForbids() {
        for (long s = 1; s <= 12; s++) {
            final long seed = s;
            SplittableRandom rnd = new SplittableRandom(seed);
            ControllerBuilder b = new ControllerBuilder().memory(new PhysicalMemory(MEM))
                    .registerBase(MEM - 0x10000).tablesBase(MEM - (256L << 20)).cache(64, 2);
            Environments envs = b.remapper(8, 4096);
            Controller c = b.build();
            int nEnv = 2 + rnd.nextInt(6);
            int[] states = new int[nEnv];
            int[] els = new int[nEnv];
            for (int e = 0; e < nEnv; e++) {
                states[e] = 1 + rnd.nextInt(15);
                els[e] = 1 + rnd.nextInt(15);
                envs.create(e, "e" + e, new AccessRule(states[e], els[e], new long[]{-1, -1, -1, -1}));
            }
            // One shared region between environments 0 and 1.
            long sharedLo = 0x8000_0000L;
            long sharedHi = sharedLo + (1L << 22);
            BitSet both = new BitSet();
            both.set(0);
            both.set(1);
            envs.share("s", sharedLo, sharedHi, both);
            List<Ref> ref = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < 300; i++) {
                int e = rnd.nextInt(nEnv);
                long size = SIZES[rnd.nextInt(SIZES.length)];
                long align = Math.min(size, 1L << 30);
                long ipa = (rnd.nextLong(1L << 38) / align) * align;
                long pa = rnd.nextInt(8) == 0 ? sharedLo + (rnd.nextLong(1L << 22) & ~0xFFFL)
                        : (rnd.nextLong(MEM - (1L << 33)) / align) * align;
                int perms = rnd.nextInt(16);
                try {
                    envs.map(e, ipa, pa, size, perms, null);
                    ref.add(new Ref(e, ipa, pa, size, perms, states[e], els[e]));
                } catch (ControlException x) {
                    refused++;
                    // The refusal must be justified by the reference model.
                    boolean ipaOverlap = ref.stream().anyMatch(r -> r.env == e && ipa < r.ipa + r.bytes && r.ipa < ipa + size);
                    boolean paConflict = ref.stream().anyMatch(r -> r.env != e && pa < r.pa + r.bytes && r.pa < pa + size
                            && !(Math.max(pa, r.pa) >= sharedLo && Math.min(pa + size, r.pa + r.bytes) <= sharedHi
                            && e <= 1 && r.env <= 1));
                    boolean outside = pa + size > MEM - (256L << 20) || ipa + size > MEM - (256L << 20) && ipa < MEM;
                    // A large range whose PA is only page aligned splits into pages and may not fit the table.
                    boolean split = x.error() == ControlError.TABLE_FULL
                            && Long.numberOfTrailingZeros(ipa | pa) < Long.numberOfTrailingZeros(Math.min(size, 1L << 30));
                    assertTrue(ipaOverlap || paConflict || outside || split, "seed " + seed + ": refused without reason: " + x.getMessage());
                }
            }
            assertTrue(ref.size() > 50 && refused > 0, "the generator exercises both outcomes");
            for (int r = 0; r < 8; r++) {
                envs.switchTo(r, r % nEnv);
            }
            Transaction t = new Transaction();
            for (int i = 0; i < 20_000; i++) {
                t.clear();
                t.requester = rnd.nextInt(8);
                int env = t.requester % nEnv;
                if (rnd.nextBoolean() && !ref.isEmpty()) {
                    Ref m = ref.get(rnd.nextInt(ref.size()));
                    t.ipa = m.ipa + (rnd.nextLong(m.bytes) & ~7L);
                } else {
                    t.ipa = rnd.nextLong(1L << 38) & ~7L;
                }
                t.size = 8;
                t.kind = TransactionKind.values()[rnd.nextInt(TransactionKind.values().length)];
                t.security = SecurityState.values()[rnd.nextInt(4)];
                t.el = rnd.nextInt(4);
                t.unprivileged = rnd.nextInt(4) == 0;
                int v = c.answer(t);
                Ref hit = null;
                for (Ref m : ref) {
                    if (m.env == env && t.ipa >= m.ipa && t.ipa < m.ipa + m.bytes) {
                        hit = m;
                    }
                }
                if (hit == null) {
                    assertEquals(ReplyStatus.DECODE_ERROR, t.status, "unmapped IPA 0x" + Long.toHexString(t.ipa));
                    continue;
                }
                int effEl = t.unprivileged ? 0 : t.el;
                int need = ReferencePermissions.needed(t.kind);
                boolean allowed = (hit.perms & need) == need
                        && (hit.states >>> t.security.code() & 1) == 1 && (hit.els >>> effEl & 1) == 1;
                assertEquals(allowed, v == Verdict.ALLOW, () -> "seed " + seed + " " + t);
                assertEquals(allowed ? ReplyStatus.OK : ReplyStatus.DENIED, t.status);
                assertEquals(hit.pa + (t.ipa - hit.ipa), t.pa, "the PA follows the mapping");
                // Isolation: the PA belongs to this environment (or is shared with it), never only to another.
                long pa = t.pa;
                boolean mine = ref.stream().anyMatch(r -> r.env == env && pa >= r.pa && pa < r.pa + r.bytes);
                assertTrue(mine, "PA 0x" + Long.toHexString(pa) + " is not environment " + env + "'s");
                for (Ref other : ref) {
                    if (other.env != env && pa >= other.pa && pa < other.pa + other.bytes) {
                        assertTrue(pa >= sharedLo && pa < sharedHi && env <= 1 && other.env <= 1,
                                "PA 0x" + Long.toHexString(pa) + " of environment " + other.env + " reached from " + env);
                    }
                }
            }
        }
    }

    @Test
    void notificationsNameExactlyTheChangedRangesAndRequesters() {
        for (long seed = 100; seed < 106; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            ControllerBuilder b = new ControllerBuilder().memory(new PhysicalMemory(MEM))
                    .registerBase(MEM - 0x10000).tablesBase(MEM - (256L << 20));
            Environments envs = b.remapper(4, 4096);
            Controller c = b.build();
            List<long[]> seen = new ArrayList<>();
            c.addInvalidationListener((mask, env, lo, hi) -> seen.add(new long[]{mask, env, lo, hi}));
            for (int e = 0; e < 4; e++) {
                envs.create(e, "e" + e, null);
            }
            int[] activeOf = new int[64];
            java.util.Arrays.fill(activeOf, -1);
            for (int r = 0; r < 64; r++) {
                if (rnd.nextInt(3) > 0) {
                    int e = rnd.nextInt(4);
                    envs.switchTo(r, e);
                    activeOf[r] = e;
                }
            }
            List<long[]> mapped = new ArrayList<>(); // env, ipa, bytes
            long nextPa = 0x1_0000_0000L;
            for (int op = 0; op < 200; op++) {
                seen.clear();
                int e = rnd.nextInt(4);
                long expectMask = 0;
                for (int r = 0; r < 64; r++) {
                    if (activeOf[r] == e) {
                        expectMask |= 1L << r;
                    }
                }
                long lo;
                long hi;
                if (mapped.isEmpty() || rnd.nextInt(3) == 0) {
                    long size = SIZES[rnd.nextInt(3)];
                    long ipa = ((long) rnd.nextInt(1 << 20) << 21);
                    try {
                        envs.map(e, ipa, nextPa, size, PageGrant.READ, null);
                    } catch (ControlException x) {
                        assertTrue(seen.isEmpty(), "a refused change notifies nobody");
                        continue;
                    }
                    nextPa += 1L << 30;
                    mapped.add(new long[]{e, ipa, size});
                    lo = ipa;
                    hi = ipa + size;
                } else {
                    long[] m = mapped.remove(rnd.nextInt(mapped.size()));
                    e = (int) m[0];
                    expectMask = 0;
                    for (int r = 0; r < 64; r++) {
                        if (activeOf[r] == e) {
                            expectMask |= 1L << r;
                        }
                    }
                    if (rnd.nextBoolean()) {
                        envs.unmap(e, m[1], m[2]);
                    } else {
                        envs.protect(e, m[1], m[2], PageGrant.WRITE, null);
                        mapped.add(m);
                    }
                    lo = m[1];
                    hi = m[1] + m[2];
                }
                if (expectMask == 0) {
                    assertTrue(seen.isEmpty(), "no requester runs in the environment: nobody to tell");
                } else {
                    assertEquals(1, seen.size(), "one notification per change");
                    assertEquals(expectMask, seen.get(0)[0], "exactly the requesters running in the environment");
                    assertEquals(e, seen.get(0)[1]);
                    assertEquals(lo, seen.get(0)[2], "exactly the changed range");
                    assertEquals(hi, seen.get(0)[3]);
                }
            }
        }
    }

    @Test
    void aSwitchNotifiesOnlyTheSwitchingRequesterOverBothEnvironmentsExtent() {
        ControllerBuilder b = new ControllerBuilder().memory(new PhysicalMemory(MEM)).registerBase(MEM - 0x10000)
                .tablesBase(MEM - (256L << 20));
        Environments envs = b.remapper(4, 64);
        Controller c = b.build();
        List<long[]> seen = new ArrayList<>();
        c.addInvalidationListener((mask, env, lo, hi) -> seen.add(new long[]{mask, env, lo, hi}));
        envs.create(0, "a", null);
        envs.create(1, "b", null);
        envs.map(0, 0x10_0000, 0x1000_0000, 0x1000, PageGrant.ALL, null);
        envs.map(1, 0x4000_0000L, 0x2_0000_0000L, 1L << 32, PageGrant.ALL, null);
        envs.switchTo(5, 0);
        seen.clear();
        envs.switchTo(5, 1);
        assertEquals(1, seen.size());
        assertEquals(1L << 5, seen.get(0)[0], "only requester 5");
        assertTrue(seen.get(0)[2] <= 0x10_0000 && seen.get(0)[3] >= 0x4000_0000L + (1L << 32),
                "the range covers every IPA whose translation changed for it");
        // The environment-tagged cache needs no flush: a translation cached before the switch still serves after.
        Transaction t = new Transaction();
        t.requester = 5;
        t.ipa = 0x4000_1000L;
        t.size = 4;
        c.answer(t);
        long hits = c.cache().hits();
        envs.switchTo(5, 0);
        envs.switchTo(5, 1);
        c.answer(t);
        assertEquals(hits + 1, c.cache().hits(), "switching back hits the cache");
        if (t.status != ReplyStatus.OK) {
            fail("the 4 GiB mapping translates: " + t);
        }
    }
}
