package io.isotrace.controller.env;

import io.isotrace.controller.Controller;
import io.isotrace.controller.ControllerBuilder;
import io.isotrace.controller.policy.Verdict;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.SecurityState;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The translation cache holds whole translations (PA, permissions, access rule), so a change must never leave a
 * stale one behind: map, unmap, protect (permissions and rule), destroy and switch interleaved at random with
 * accesses to a few hot pages, through a small cache that stays warm, against a plain list of the live mappings.
 */
class WarmCachePropertyTest {
    private static final long MEM = 1L << 36;
    private static final long[] SIZES = {0x1000, 0x2000, 1L << 21, 1L << 30};

    private static final class Ref {
        final int env;
        final long ipa;
        final long pa;
        final long bytes;
        int perms;
        int states;

        Ref(int env, long ipa, long pa, long bytes, int perms, int states) {
            this.env = env;
            this.ipa = ipa;
            this.pa = pa;
            this.bytes = bytes;
            this.perms = perms;
            this.states = states;
        }
    }


    private static AccessRule rule(int states) {
        return new AccessRule(states, 0xF, new long[]{-1, -1, -1, -1});
    }

    @Test
    void changesNeverLeaveAStaleTranslationInTheCache() {
        for (long seed = 1; seed <= 10; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            ControllerBuilder b = new ControllerBuilder().memory(new PhysicalMemory(MEM))
                    .registerBase(MEM - 0x10000).tablesBase(MEM - (256L << 20)).cache(16, 2);
            Environments envs = b.remapper(4, 8192);
            Controller c = b.build();
            int nEnv = 3;
            for (int e = 0; e < nEnv; e++) {
                envs.create(e, "e" + e, rule(0xF));
            }
            for (int r = 0; r < 4; r++) {
                envs.switchTo(r, r % nEnv);
            }
            List<Ref> ref = new ArrayList<>();
            // A few hot IPA windows, so accesses keep hitting cached pages across changes.
            long[] windows = {0x4000_0000L, 0x8000_0000L, 0x1_0000_0000L};
            Transaction t = new Transaction();
            long nextPa = 0x1_0000_0000L;
            int changes = 0;
            for (int op = 0; op < 30_000; op++) {
                int what = rnd.nextInt(40);
                int e = rnd.nextInt(nEnv);
                if (what == 0) {
                    long size = SIZES[rnd.nextInt(SIZES.length)];
                    long ipa = windows[rnd.nextInt(windows.length)] + ((long) rnd.nextInt(4) * size);
                    long align = Math.max(size, 1L << 21);
                    nextPa = (nextPa + align - 1) / align * align;
                    long pa = nextPa;
                    if (pa + size > MEM - (1L << 30)) {
                        continue;
                    }
                    boolean overlaps = ref.stream().anyMatch(m -> m.env == e && ipa < m.ipa + m.bytes && m.ipa < ipa + size);
                    int perms = rnd.nextInt(16);
                    int states = 1 + rnd.nextInt(15);
                    try {
                        envs.map(e, ipa, pa, size, perms, rule(states));
                        assertTrue(!overlaps, "mapped over a live mapping");
                        ref.add(new Ref(e, ipa, pa, size, perms, states));
                        nextPa = pa + size;
                        changes++;
                    } catch (ControlException x) {
                        assertTrue(overlaps, "refused: " + x.getMessage());
                    }
                } else if (what == 1 && !ref.isEmpty()) {
                    Ref m = ref.remove(rnd.nextInt(ref.size()));
                    envs.unmap(m.env, m.ipa, m.bytes);
                    changes++;
                } else if (what == 2 && !ref.isEmpty()) {
                    Ref m = ref.get(rnd.nextInt(ref.size()));
                    m.perms = rnd.nextInt(16);
                    boolean newRule = rnd.nextBoolean();
                    if (newRule) {
                        m.states = 1 + rnd.nextInt(15);
                    }
                    envs.protect(m.env, m.ipa, m.bytes, m.perms, newRule ? rule(m.states) : null);
                    changes++;
                } else if (what == 3) {
                    envs.switchTo(rnd.nextInt(4), rnd.nextInt(nEnv));
                } else if (what == 4 && rnd.nextInt(20) == 0) {
                    envs.destroy(e);
                    ref.removeIf(m -> m.env == e);
                    envs.create(e, "e" + e, rule(0xF));
                    for (int r = 0; r < 4; r++) {
                        if (envs.activeEnv(r) == Environments.NO_ENV) {
                            envs.switchTo(r, e);
                        }
                    }
                    changes++;
                } else {
                    t.clear();
                    t.requester = rnd.nextInt(4);
                    int env = envs.activeEnv(t.requester);
                    Ref target = ref.isEmpty() || rnd.nextInt(4) == 0 ? null : ref.get(rnd.nextInt(ref.size()));
                    long base = target != null ? target.ipa + (rnd.nextLong(target.bytes) & ~0xFFFL)
                            : windows[rnd.nextInt(windows.length)] + ((long) rnd.nextInt(16) << 12);
                    t.ipa = base + (rnd.nextInt(4096) & ~7);
                    t.size = 8;
                    t.kind = TransactionKind.values()[rnd.nextInt(TransactionKind.values().length)];
                    t.security = SecurityState.values()[rnd.nextInt(4)];
                    t.el = rnd.nextInt(4);
                    t.unprivileged = t.el == 0;
                    int v = c.answer(t);
                    Ref hit = null;
                    for (Ref m : ref) {
                        if (m.env == env && t.ipa >= m.ipa && t.ipa < m.ipa + m.bytes) {
                            hit = m;
                        }
                    }
                    String where = "seed " + seed + " op " + op + " " + t;
                    if (hit == null) {
                        assertEquals(ReplyStatus.DECODE_ERROR, t.status, where);
                        continue;
                    }
                    int need = ReferencePermissions.needed(t.kind);
                    boolean allowed = (hit.perms & need) == need
                            && (hit.states >>> t.security.code() & 1) == 1;
                    assertEquals(allowed, v == Verdict.ALLOW, where);
                    assertEquals(hit.pa + (t.ipa - hit.ipa), t.pa, where);
                }
            }
            assertTrue(changes > 300, "changes " + changes);
            assertTrue(c.cache().hits() > 100, "the cache stays warm: " + c.cache().hits() + " hits");
        }
    }
}
