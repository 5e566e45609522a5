package io.isotrace.controller.replay;

import io.isotrace.controller.Controller;
import io.isotrace.controller.env.Environments;
import io.isotrace.controller.regs.RegisterBlock;
import io.isotrace.trace.queue.TraceHeader;
import io.isotrace.trace.queue.TraceReader;
import io.isotrace.trace.queue.TraceWriter;
import io.isotrace.trace.record.ClockDomain;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a controller over a recorded trace: each record's request is answered again (its old reply forgotten) and
 * the answered record is written to a new trace with the same sequence number. The output header is the input's,
 * with the producer, the policy digest and the controller's clock added; nothing in it depends on the wall clock
 * or on paths, so the same trace and the same policy always give byte-identical output.
 *
 * <p>Register-block writes are answered but not performed (a trace records no data). With
 * {@code followRecordedEnvironments}, a record that was answered when recorded and names another environment
 * than its requester's active one switches the requester first: the recorded run's switches, replayed.
 *
 * <p>The loop reuses one {@link Transaction}; only violations (rare) reach code that may allocate.
 */
public final class ReplayEngine {
    private final Controller controller;
    private final String policyDigest;
    private boolean followRecordedEnvironments;

    public ReplayEngine(Controller controller, String policyDigest) {
        this.controller = controller;
        this.policyDigest = policyDigest;
    }

    public ReplayEngine followRecordedEnvironments(boolean on) {
        this.followRecordedEnvironments = on;
        return this;
    }

    /** The header of the answered trace: the input's, plus producer, policy digest and controller clock. */
    public TraceHeader outputHeader(TraceHeader in, String producer) {
        TraceHeader.Builder b = in.toBuilder().producer(producer).digest("policy", policyDigest);
        ClockDomain clk = controller.checkTiming().clock();
        if (in.clocks().size() < 4) {
            b.clock(clk);
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("controller.clockHz", Long.toString(clk.hz()));
        props.put("controller.memoryTiming", controller.timing().describe());
        props.put("controller.stack", String.join("+", controller.stages().stream().map(p -> p.name()).toList()));
        props.forEach(b::property);
        return b.build();
    }

    /** Answers every record of {@code in} into {@code out}; both stay open (the caller owns them). */
    public ReplayResult run(TraceReader in, TraceWriter out) {
        Transaction t = new Transaction();
        Environments envs = controller.environments();
        RegisterBlock regs = controller.registers();
        regs.setDryWrites(true);
        long records = 0;
        long switches = 0;
        long skipped = 0;
        long before = controller.violations().total();
        try {
            while (in.next(t)) {
                if (followRecordedEnvironments && envs != null && t.status != ReplyStatus.UNANSWERED
                        && t.env != envs.activeEnv(t.requester) && (t.env == Environments.NO_ENV || envs.exists(t.env))) {
                    envs.switchTo(t.requester, t.env);
                    switches++;
                }
                if (t.kind == TransactionKind.WRITE && regs.contains(t.ipa)) {
                    skipped++;
                }
                // No clearReply(): answer() sets every reply field (pa, status, latency, env, abort), and leaving
                // the recorded status in place spares a reference store (a GC write barrier) when it is unchanged.
                t.data = 0;
                controller.answer(t);
                out.append(t);
                records++;
            }
        } finally {
            regs.setDryWrites(false);
        }
        return new ReplayResult(records, controller.violations().total() - before, switches, skipped,
                in.isComplete(), controller.stats().toMap());
    }
}
