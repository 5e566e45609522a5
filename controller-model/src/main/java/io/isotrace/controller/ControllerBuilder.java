package io.isotrace.controller;

import io.isotrace.controller.env.ControlError;
import io.isotrace.controller.env.Environments;
import io.isotrace.controller.env.TranslationCache;
import io.isotrace.controller.notify.Invalidations;
import io.isotrace.controller.policy.PaChangeListener;
import io.isotrace.controller.policy.Policy;
import io.isotrace.controller.policy.gpc.GranuleProtection;
import io.isotrace.controller.policy.mpc.Sie200Mpc;
import io.isotrace.controller.policy.remap.EnvironmentRemapper;
import io.isotrace.controller.policy.tzc.Tzc400;
import io.isotrace.controller.regs.ControlFrame;
import io.isotrace.controller.regs.RegisterBlock;
import io.isotrace.controller.timing.CheckTiming;
import io.isotrace.controller.timing.FixedLatency;
import io.isotrace.controller.timing.MemoryTiming;
import io.isotrace.trace.port.InvalidationListener;
import io.isotrace.trace.port.PhysicalMemory;

import java.util.ArrayList;
import java.util.List;

/**
 * Assembles a {@link Controller}: physical memory, timing, the policy stack in order, the register block, and the
 * wiring that turns every change of translation or protection into precise invalidations.
 */
public final class ControllerBuilder {
    /** 1 TiB of physical address space by default. */
    public static final long DEFAULT_MEMORY = 1L << 40;
    public static final long DEFAULT_REGISTER_BASE = DEFAULT_MEMORY - RegisterBlock.SIZE;
    /** The controller's private table memory: 256 MiB below the register block. */
    public static final long DEFAULT_TABLES_BASE = DEFAULT_MEMORY - (256L << 20);
    public static final long TABLES_SIZE = (256L << 20) - RegisterBlock.SIZE;

    PhysicalMemory memory;
    MemoryTiming timing = new FixedLatency(0);
    CheckTiming checkTiming = CheckTiming.defaults();
    long registerBase = DEFAULT_REGISTER_BASE;
    long tablesBase = DEFAULT_TABLES_BASE;
    int violationCapacity = 4096;
    int cacheEntries = 1024;
    int cacheWays = 4;
    Environments envs;
    EnvironmentRemapper remapper;
    Sie200Mpc mpc;
    Tzc400 tzc;
    GranuleProtection gpc;
    final List<Policy> stages = new ArrayList<>();
    final Invalidations invalidations = new Invalidations();
    RegisterBlock registers;

    public ControllerBuilder memory(PhysicalMemory m) {
        this.memory = m;
        return this;
    }

    public ControllerBuilder timing(MemoryTiming t) {
        this.timing = t;
        return this;
    }

    public ControllerBuilder checkTiming(CheckTiming t) {
        this.checkTiming = t;
        return this;
    }

    public ControllerBuilder registerBase(long base) {
        this.registerBase = base;
        return this;
    }

    public ControllerBuilder tablesBase(long base) {
        this.tablesBase = base;
        return this;
    }

    public ControllerBuilder violationCapacity(int n) {
        this.violationCapacity = n;
        return this;
    }

    public ControllerBuilder cache(int entries, int ways) {
        this.cacheEntries = entries;
        this.cacheWays = ways;
        return this;
    }

    public long registerBase() {
        return registerBase;
    }

    public long tablesBase() {
        return tablesBase;
    }

    /** Adds the environment remapper (it must be the first stage). Returns its environments, to populate. */
    public Environments remapper(int environments, int maxMappings) {
        if (!stages.isEmpty()) {
            throw new IllegalStateException("the remapper must be the first stage: the others filter the PA it produces");
        }
        long limit = memory().limit();
        envs = new Environments(environments, maxMappings, limit);
        remapper = new EnvironmentRemapper(envs, new TranslationCache(cacheEntries, cacheWays),
                checkTiming.hitCycles(), checkTiming.walkCycles(), tablesBase);
        stages.add(remapper);
        return envs;
    }

    public ControllerBuilder mpc(Sie200Mpc m) {
        this.mpc = m;
        stages.add(m);
        return this;
    }

    public ControllerBuilder tzc(Tzc400 t) {
        this.tzc = t;
        stages.add(t);
        return this;
    }

    public ControllerBuilder gpc(GranuleProtection g) {
        this.gpc = g;
        stages.add(g);
        return this;
    }

    /** The remapper stage, when one was added. */
    public EnvironmentRemapper remapperStage() {
        return remapper;
    }

    /** The environments, when a remapper was added. */
    public Environments environments() {
        return envs;
    }

    public PhysicalMemory memory() {
        if (memory == null) {
            memory = new PhysicalMemory(DEFAULT_MEMORY);
        }
        return memory;
    }

    /**
     * Names the IPA ranges that point into [paLo, paHi): one notification per contiguous IPA run of one
     * environment (a range mapped page by page is merged back into one run).
     */
    private void notifyIpaRanges(Environments e, long paLo, long paHi) {
        List<long[]> runs = new ArrayList<>();
        e.forEachIpaOf(paLo, paHi, (env, lo, hi) -> runs.add(new long[]{env, lo, hi}));
        runs.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long[] cur = null;
        for (long[] r : runs) {
            if (cur != null && cur[0] == r[0] && cur[2] >= r[1]) {
                cur[2] = Math.max(cur[2], r[2]);
                continue;
            }
            if (cur != null) {
                invalidations.notify(e.requestersOf((int) cur[0]), (int) cur[0], cur[1], cur[2]);
            }
            cur = r;
        }
        if (cur != null) {
            invalidations.notify(e.requestersOf((int) cur[0]), (int) cur[0], cur[1], cur[2]);
        }
    }

    /**
     * Wires and returns the controller. Environments may be populated before or after (the remapper reserves the
     * register block and the table memory as soon as this is called; populate after build to have those checks).
     */
    public Controller build() {
        memory();
        // With no policy this is still a controller (register block, timing, statistics), IPA = PA.
        ControlFrame control = new ControlFrame(envs, remapper, mpc, tzc, gpc, invalidations);
        registers = new RegisterBlock(registerBase, control);
        if (mpc != null) {
            registers.attach(RegisterBlock.MPC_FRAME, mpc);
        }
        if (tzc != null) {
            registers.attach(RegisterBlock.TZC_FRAME, tzc);
        }
        if (gpc != null) {
            registers.attach(RegisterBlock.GPC_FRAME, gpc);
        }
        PaChangeListener paChanged;
        if (envs != null) {
            envs.reserve("the controller's register block", registerBase, registerBase + RegisterBlock.SIZE,
                    ControlError.ONTO_REGISTER_BLOCK);
            envs.reserve("the controller's table memory", tablesBase, tablesBase + TABLES_SIZE,
                    ControlError.RESERVED_MEMORY);
            TranslationCache cache = remapper.cache();
            envs.setListener((mask, env, lo, hi, tablesChanged) -> {
                if (tablesChanged) {
                    cache.invalidate(env, lo, hi);
                }
                invalidations.notify(mask, env, lo, hi);
            });
            Environments e = envs;
            paChanged = (lo, hi) -> notifyIpaRanges(e, lo, hi);
        } else {
            paChanged = (lo, hi) -> invalidations.notify(InvalidationListener.ALL_REQUESTERS, 0, lo, hi);
        }
        if (mpc != null) {
            mpc.setChangeListener(paChanged);
        }
        if (tzc != null) {
            tzc.setChangeListener(paChanged);
        }
        if (gpc != null) {
            gpc.setChangeListener(paChanged);
        }
        return new Controller(this);
    }
}
