package io.isotrace.controller.violation;

import io.isotrace.trace.record.Transaction;

import java.util.ArrayList;
import java.util.List;

/**
 * Every refused access, each with its full transaction: the most recent {@code capacity} are kept in a ring of
 * preallocated transactions (recording one allocates nothing), all are counted, and a listener may stream each out.
 */
public final class ViolationLog {
    private final Transaction[] ring;
    private final int[] verdicts;
    private long total;
    private ViolationListener listener;

    public ViolationLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("violation log capacity must be positive");
        }
        ring = new Transaction[capacity];
        verdicts = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            ring[i] = new Transaction();
        }
    }

    public void setListener(ViolationListener l) {
        listener = l;
    }

    public void record(Transaction t, int verdict) {
        int i = (int) (total % ring.length);
        ring[i].copyFrom(t);
        verdicts[i] = verdict;
        total++;
        if (listener != null) {
            listener.violation(t, verdict);
        }
    }

    /** Violations recorded since the start (including those no longer held). */
    public long total() {
        return total;
    }

    /** The violations still held, oldest first (copies). */
    public List<Violation> recent() {
        int held = (int) Math.min(total, ring.length);
        List<Violation> out = new ArrayList<>(held);
        for (long k = total - held; k < total; k++) {
            int i = (int) (k % ring.length);
            out.add(new Violation(ring[i], verdicts[i]));
        }
        return out;
    }

    public void clear() {
        total = 0;
    }
}
