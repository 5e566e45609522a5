package io.isotrace.controller;

import io.isotrace.controller.env.Environments;
import io.isotrace.controller.env.TranslationCache;
import io.isotrace.controller.notify.Invalidations;
import io.isotrace.controller.policy.CheckCost;
import io.isotrace.controller.policy.Policy;
import io.isotrace.controller.policy.Reason;
import io.isotrace.controller.policy.Response;
import io.isotrace.controller.policy.Verdict;
import io.isotrace.controller.policy.gpc.GranuleProtection;
import io.isotrace.controller.policy.mpc.Sie200Mpc;
import io.isotrace.controller.policy.remap.EnvironmentRemapper;
import io.isotrace.controller.policy.tzc.Tzc400;
import io.isotrace.controller.regs.ControlFrame;
import io.isotrace.controller.regs.RegisterBlock;
import io.isotrace.controller.stats.ControllerStats;
import io.isotrace.controller.timing.CheckTiming;
import io.isotrace.controller.timing.FixedLatency;
import io.isotrace.controller.timing.MemoryTiming;
import io.isotrace.controller.violation.ViolationLog;
import io.isotrace.trace.port.InvalidationListener;
import io.isotrace.trace.port.PhysicalMemory;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;

import java.util.List;

/**
 * The isolation-enforcing memory controller: answers one transaction at a time, in place, without allocating.
 *
 * <p>Flow of {@link #answer}: an address in the register block goes to the block (decoded before translation);
 * otherwise the policy stages run in order (the remapper translates IPA to PA in the requester's active
 * environment, the filters check the PA), then the PA must lie in physical memory. The latency is the checks'
 * controller cycles, the table walk's memory reads, and, for an allowed access, the memory access itself, from the
 * {@link MemoryTiming} behind the controller. A refused access is counted, latched in the fault registers and
 * logged with its whole transaction.
 *
 * <p>Reply status: OK for allowed accesses; DENIED for a bus error (external abort, DECERR, granule protection
 * fault); DECODE_ERROR when nothing is mapped. A read-as-zero/write-ignored refusal completes with OK, as on the
 * bus (the requester sees zeros), and is visible in the violation log, the statistics and the fault registers.
 *
 * <p>Built by {@link ControllerBuilder} (or from a policy file by {@code io.isotrace.controller.config}).
 */
public final class Controller {
    private final PhysicalMemory memory;
    private final MemoryTiming timing;
    private final CheckTiming checkTiming;
    private final Policy[] stages;
    /** The stages after the remapper (all of them when there is none). */
    private final Policy[] filters;
    private final Environments envs;
    private final EnvironmentRemapper remapper;
    private final Sie200Mpc mpc;
    private final Tzc400 tzc;
    private final GranuleProtection gpc;
    private final RegisterBlock registers;
    private final Invalidations invalidations;
    private final ViolationLog violations;
    private final ControllerStats stats = new ControllerStats();
    private final CheckCost cost = new CheckCost();
    private final long regPs;
    /** Picoseconds for 0..255 controller cycles, so the hot path does not divide. */
    private final long[] cyclesPs = new long[256];
    private int lastVerdict;
    private final long memoryLimit;
    /**
     * With {@link FixedLatency} behind the controller, its two answers (index 0: reads, fetches, atomics; 1: pure
     * writes), asked once here: the latency depends on nothing else, so the hot path indexes instead of calling.
     */
    private final long[] fixedPs;
    /** By kind code: 1 when the kind writes without reading (the {@code write} flag of {@link MemoryTiming}). */
    private static final int[] WRITE_ONLY = new int[16];

    static {
        for (TransactionKind k : TransactionKind.values()) {
            WRITE_ONLY[k.code()] = k.writes() && !k.reads() ? 1 : 0;
        }
    }

    Controller(ControllerBuilder b) {
        this.memory = b.memory;
        this.timing = b.timing;
        this.checkTiming = b.checkTiming;
        this.stages = b.stages.toArray(new Policy[0]);
        this.envs = b.envs;
        this.remapper = b.remapper;
        this.mpc = b.mpc;
        this.tzc = b.tzc;
        this.gpc = b.gpc;
        this.invalidations = b.invalidations;
        this.violations = new ViolationLog(b.violationCapacity);
        this.registers = b.registers;
        this.regPs = checkTiming.clock().cyclesToPs(checkTiming.regCycles());
        this.memoryLimit = memory.limit();
        if (remapper != null && (stages.length == 0 || stages[0] != remapper)) {
            throw new IllegalStateException("the remapper must be the first stage");
        }
        this.filters = java.util.Arrays.copyOfRange(stages, remapper == null ? 0 : 1, stages.length);
        this.fixedPs = timing instanceof FixedLatency f
                ? new long[]{f.latencyPs(0, 8, false, 0, 0, false, 0), f.latencyPs(0, 8, true, 0, 0, false, 0)} : null;
        for (int i = 0; i < cyclesPs.length; i++) {
            cyclesPs[i] = checkTiming.clock().cyclesToPs(i);
        }
    }

    /**
     * Answers {@code t} in place: pa, status, latencyPs, env; for a register access also performs it through
     * {@code t.data}. Returns the verdict ({@link Verdict#ALLOW} or a packed refusal).
     *
     * <p>The allowed, non-register case is the hot path and is kept small (register accesses, walk-read timing and
     * refusals are out of line), so the JIT can inline the policy checks into it.
     */
    public int answer(Transaction t) {
        if (registers != null && registers.contains(t.ipa)) {
            return answerRegister(t);
        }
        CheckCost cost = this.cost;
        cost.clear();
        t.pa = t.ipa;
        t.env = 0;
        // The remapper, always the first stage when present, is called directly (a call the JIT binds statically
        // and inlines whatever else the stack holds); the filters after it through the Policy interface.
        int verdict = remapper != null ? remapper.check(t, cost) : Verdict.ALLOW;
        Policy[] st = filters;
        for (int i = 0; i < st.length && verdict == Verdict.ALLOW; i++) {
            verdict = st[i].check(t, cost);
        }
        // Unsigned: a negative last byte is outside memory too (what PhysicalMemory.contains checks).
        if (verdict == Verdict.ALLOW && Long.compareUnsigned(t.pa + Math.max(t.size, 1) - 1, memoryLimit) >= 0) {
            verdict = OUTSIDE_MEMORY;
        }
        long cycles = cost.cycles;
        long latency = cycles < cyclesPs.length ? cyclesPs[(int) cycles] : checkTiming.clock().cyclesToPs(cycles);
        if (cost.walkReads != 0) {
            latency = walkReads(t, latency);
        }
        if (verdict == Verdict.ALLOW) {
            TransactionKind k = t.kind;
            int writeOnly = WRITE_ONLY[k.code()];
            if (fixedPs != null) {
                latency += fixedPs[writeOnly]; // no branch on the kind
            } else {
                latency += timing.latencyPs(t.pa, t.size, writeOnly != 0, t.env, t.requester,
                        k == TransactionKind.IFETCH, t.timePs + latency);
            }
            t.latencyPs = latency;
            stats.latencyPsTotal += latency;
            // Store the status only when it changes: a reference store costs a GC write barrier.
            if (t.status != ReplyStatus.OK) {
                t.status = ReplyStatus.OK;
            }
            t.abort = false;
            stats.transactions++;
            stats.allowed++;
        } else {
            t.latencyPs = latency;
            stats.latencyPsTotal += latency;
            refused(t, verdict);
        }
        lastVerdict = verdict;
        return verdict;
    }

    private static final int OUTSIDE_MEMORY = Verdict.deny(Response.DECODE_ERROR, Reason.OUTSIDE_MEMORY);

    /** A register-block access (decoded from the IPA before any translation). */
    private int answerRegister(Transaction t) {
        cost.clear();
        t.pa = t.ipa;
        t.env = envs == null ? 0 : envs.activeEnv(t.requester);
        int verdict = registers.access(t);
        stats.registerAccesses++;
        t.latencyPs = regPs;
        stats.latencyPsTotal += regPs;
        if (verdict == Verdict.ALLOW) {
            t.status = ReplyStatus.OK;
            t.abort = false;
            stats.count(verdict);
        } else {
            refused(t, verdict);
        }
        lastVerdict = verdict;
        return verdict;
    }

    /** Adds the table walk's memory reads, each timed by the memory behind the controller. */
    private long walkReads(Transaction t, long latency) {
        stats.walkReads += cost.walkReads;
        if (fixedPs != null) {
            return latency + Math.min(cost.walkReads, CheckCost.MAX_READS) * fixedPs[0];
        }
        int reads = Math.min(cost.walkReads, CheckCost.MAX_READS);
        for (int i = 0; i < reads; i++) {
            latency += timing.latencyPs(cost.readPa[i], 16, false, t.env, t.requester, false, t.timePs + latency);
        }
        return latency;
    }

    /**
     * A refusal: the record says what the policy decided, {@link Transaction#abort} how the bus answered. A
     * read-as-zero / write-ignored refusal completes with OKAY on the bus (no abort) but is still a refusal in the
     * trace. Counted, latched in the fault registers, logged.
     */
    private void refused(Transaction t, int verdict) {
        switch (verdict & 3) {
            case 1 -> {
                t.status = ReplyStatus.DENIED;
                t.abort = true;
            }
            case 2 -> {
                t.status = ReplyStatus.DENIED;
                t.abort = false;
            }
            default -> {
                t.status = ReplyStatus.DECODE_ERROR;
                t.abort = true;
            }
        }
        stats.count(verdict);
        registers().control().latch(t, verdict);
        violations.record(t, verdict);
    }

    /** The verdict of the last {@link #answer} (the port uses it to serve RAZ/WI). */
    public int lastVerdict() {
        return lastVerdict;
    }

    public PhysicalMemory memory() {
        return memory;
    }

    public MemoryTiming timing() {
        return timing;
    }

    public CheckTiming checkTiming() {
        return checkTiming;
    }

    public List<Policy> stages() {
        return List.of(stages);
    }

    /** Stages in order, without allocating (the grant path). */
    public int stageCount() {
        return stages.length;
    }

    public Policy stage(int i) {
        return stages[i];
    }

    /** The environments, or null when the stack has no remapper (IPA = PA, environment 0). */
    public Environments environments() {
        return envs;
    }

    public EnvironmentRemapper remapper() {
        return remapper;
    }

    public TranslationCache cache() {
        return remapper == null ? null : remapper.cache();
    }

    public Sie200Mpc mpc() {
        return mpc;
    }

    public Tzc400 tzc() {
        return tzc;
    }

    public GranuleProtection gpc() {
        return gpc;
    }

    public RegisterBlock registers() {
        return registers;
    }

    public Invalidations invalidations() {
        return invalidations;
    }

    public void addInvalidationListener(InvalidationListener l) {
        invalidations.add(l);
    }

    public ViolationLog violations() {
        return violations;
    }

    public ControllerStats stats() {
        return stats;
    }
}
