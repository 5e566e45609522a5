package io.isotrace.controller.policy.remap;

import io.isotrace.controller.env.Environments;
import io.isotrace.controller.env.RuleTable;
import io.isotrace.controller.env.Translation;
import io.isotrace.controller.env.TranslationCache;
import io.isotrace.controller.policy.AccessNeeds;
import io.isotrace.controller.policy.CheckCost;
import io.isotrace.controller.policy.Policy;
import io.isotrace.controller.policy.Reason;
import io.isotrace.controller.policy.Response;
import io.isotrace.controller.policy.Verdict;
import io.isotrace.trace.record.Transaction;

/**
 * The environment remapper: translates the IPA in the requester's active environment to a PA and checks the
 * mapping's permissions (kind of access) and access rule (security state, effective exception level, requester).
 * Must be the first stage of a stack, since the stages after it filter the PA it produces.
 *
 * <p>Hot path: one cache probe; on a miss, one hash probe per block size the environment uses. Both hold the packed
 * {@link Translation} itself (PA, block size, permissions, rule), so nothing else is read. Nothing allocated.
 */
public final class EnvironmentRemapper implements Policy {
    private final Environments envs;
    private final RuleTable rules;
    private final TranslationCache cache;
    private final int hitCycles;
    private final int walkCycles;
    private final long tablesBase;
    /** What a refused (mapped but not permitted) access gets; unmapped addresses always get a decode error. */
    private Response blocked = Response.BUS_ERROR;

    public EnvironmentRemapper(Environments envs, TranslationCache cache, int hitCycles, int walkCycles, long tablesBase) {
        this.envs = envs;
        this.rules = envs.rules();
        this.cache = cache;
        this.hitCycles = hitCycles;
        this.walkCycles = walkCycles;
        this.tablesBase = tablesBase;
    }

    public void setBlockedResponse(Response r) {
        if (r == Response.ALLOW || r == Response.DECODE_ERROR) {
            throw new IllegalArgumentException("blocked response must be BUS_ERROR or RAZ_WI");
        }
        blocked = r;
    }

    public Response blockedResponse() {
        return blocked;
    }

    public TranslationCache cache() {
        return cache;
    }

    @Override
    public String name() {
        return "remap";
    }

    private static final int UNMAPPED = Verdict.deny(Response.DECODE_ERROR, Reason.UNMAPPED);
    private static final int CROSSES = Verdict.deny(Response.DECODE_ERROR, Reason.CROSSES_MAPPING);

    /**
     * The hot path, kept small enough for the JIT to inline into {@code Controller.answer}: the refusals and the
     * table walk are out of line.
     */
    @Override
    public int check(Transaction t, CheckCost cost) {
        int env = envs.activeEnv(t.requester);
        t.env = env;
        long ipa = t.ipa;
        if (env == Environments.NO_ENV || (ipa >>> 48) != 0) {
            return env == Environments.NO_ENV ? Verdict.deny(blocked, Reason.NO_ENVIRONMENT) : UNMAPPED;
        }
        long v = cache.lookup(env, ipa);
        if (v != Translation.NONE) {
            cost.cycles += hitCycles;
            cost.cacheHit = true;
        } else {
            v = walk(env, ipa, cost);
            if (v == Translation.NONE) {
                return UNMAPPED;
            }
        }
        // Blocks are aligned to their size, so the offset in the block is the IPA's low bits.
        long blockMask = Translation.mask(v);
        long off = ipa & blockMask;
        t.pa = Translation.blockPa(v) + off;
        if (off + Math.max(t.size, 1) > blockMask + 1) {
            return CROSSES;
        }
        int need = AccessNeeds.of(t.kind);
        int el = t.unprivileged ? 0 : t.el;
        if ((Translation.perms(v) & need) != need
                || !rules.admits(Translation.rule(v), t.security.code(), el, t.requester)) {
            return refusal(v, need, t.security.code(), el, t.requester);
        }
        return Verdict.ALLOW;
    }

    /** A cache miss: walk the table (counting its reads) and fill the cache. */
    private long walk(int env, long ipa, CheckCost cost) {
        cost.cycles += walkCycles;
        long v = envs.walk(env, ipa, cost, tablesBase);
        if (v != Translation.NONE) {
            cache.fill(env, ipa, v);
        }
        return v;
    }

    /** Which check refused a mapped access, in the documented order: kind, security state, EL, requester. */
    private int refusal(long v, int need, int state, int el, int requester) {
        if ((Translation.perms(v) & need) != need) {
            return Verdict.deny(blocked, Reason.PERMISSION);
        }
        int rule = Translation.rule(v);
        if (!rules.admitsState(rule, state)) {
            return Verdict.deny(blocked, Reason.SECURITY_STATE);
        }
        if (!rules.admitsEl(rule, el)) {
            return Verdict.deny(blocked, Reason.EXCEPTION_LEVEL);
        }
        return Verdict.deny(blocked, Reason.REQUESTER);
    }

    @Override
    public int pagePermissions(Transaction probe) {
        int env = envs.activeEnv(probe.requester);
        probe.env = env;
        if (env == Environments.NO_ENV) {
            return -1;
        }
        int id = envs.find(env, probe.ipa);
        if (id < 0) {
            return -1;
        }
        probe.pa = envs.mappingPa(id) + ((probe.ipa & ~0xFFFL) - envs.mappingIpa(id));
        int rule = envs.mappingRule(id);
        if (!rules.admitsState(rule, probe.security.code()) || !rules.admitsEl(rule, probe.unprivileged ? 0 : probe.el)
                || !rules.admitsRequester(rule, probe.requester)) {
            return 0;
        }
        return envs.mappingPerms(id);
    }
}
