package io.isotrace.trace.tools;

import io.isotrace.trace.queue.TraceReader;
import io.isotrace.trace.record.MemoryType;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.SecurityState;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;
import io.isotrace.trace.util.LongHashSet;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Summary counts over a trace: records by kind, exception level, security state, memory type and reply status;
 * bytes read and written; distinct 4 KiB IPA and PA pages; the time span. Accumulates record by record, so it serves
 * the {@code trace stats} command and any caller that streams transactions.
 */
public final class TraceStats {
    private final long[] byKind = new long[TransactionKind.values().length];
    private final long[] byEl = new long[4];
    private final long[] bySecurity = new long[SecurityState.values().length];
    private final long[] byMemoryType = new long[MemoryType.values().length];
    private final long[] byStatus = new long[ReplyStatus.values().length];
    private final LongHashSet ipaPages = new LongHashSet();
    private final LongHashSet paPages = new LongHashSet();
    private long records;
    private long bytesRead;
    private long bytesWritten;
    private long firstTimePs = Long.MAX_VALUE;
    private long lastTimePs = Long.MIN_VALUE;
    private long firstSeq = -1;
    private long lastSeq = -1;

    public void add(Transaction t) {
        records++;
        byKind[t.kind.ordinal()]++;
        byEl[t.el]++;
        bySecurity[t.security.ordinal()]++;
        byMemoryType[t.memoryType.ordinal()]++;
        byStatus[t.status.ordinal()]++;
        if (t.kind.reads()) {
            bytesRead += t.size;
        }
        if (t.kind.writes()) {
            bytesWritten += t.size;
        }
        ipaPages.add(t.ipa >>> 12);
        if (t.status != ReplyStatus.UNANSWERED) {
            paPages.add(t.pa >>> 12);
        }
        firstTimePs = Math.min(firstTimePs, t.timePs);
        lastTimePs = Math.max(lastTimePs, t.timePs);
        if (firstSeq < 0) {
            firstSeq = t.seq;
        }
        lastSeq = t.seq;
    }

    /** Reads every remaining record of {@code reader} that {@code filter} accepts. */
    public static TraceStats of(TraceReader reader, TraceFilter filter) {
        TraceStats s = new TraceStats();
        Transaction t = new Transaction();
        filter.seekStart(reader);
        while (filter.next(reader, t)) {
            s.add(t);
        }
        return s;
    }

    public long records() {
        return records;
    }

    public long count(TransactionKind k) {
        return byKind[k.ordinal()];
    }

    public long countEl(int el) {
        return byEl[el];
    }

    public long count(SecurityState s) {
        return bySecurity[s.ordinal()];
    }

    public long count(ReplyStatus s) {
        return byStatus[s.ordinal()];
    }

    public long count(MemoryType m) {
        return byMemoryType[m.ordinal()];
    }

    public long bytesRead() {
        return bytesRead;
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    public int distinctIpaPages() {
        return ipaPages.size();
    }

    public int distinctPaPages() {
        return paPages.size();
    }

    /** Issue time of the earliest record, or 0 when there is none. */
    public long firstTimePs() {
        return records == 0 ? 0 : firstTimePs;
    }

    public long lastTimePs() {
        return records == 0 ? 0 : lastTimePs;
    }

    public long firstSeq() {
        return firstSeq;
    }

    public long lastSeq() {
        return lastSeq;
    }

    /** The statistics as nested ordered maps (for JSON and text rendering); zero counts are left out. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", records);
        m.put("firstSeq", firstSeq);
        m.put("lastSeq", lastSeq);
        m.put("byKind", counts(TransactionKind.values(), byKind));
        Map<String, Long> el = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            if (byEl[i] != 0) {
                el.put("EL" + i, byEl[i]);
            }
        }
        m.put("byEl", el);
        m.put("bySecurity", counts(SecurityState.values(), bySecurity));
        m.put("byMemoryType", counts(MemoryType.values(), byMemoryType));
        m.put("byStatus", counts(ReplyStatus.values(), byStatus));
        m.put("bytesRead", bytesRead);
        m.put("bytesWritten", bytesWritten);
        m.put("distinctIpaPages", (long) ipaPages.size());
        m.put("distinctPaPages", (long) paPages.size());
        m.put("firstTimePs", firstTimePs());
        m.put("lastTimePs", lastTimePs());
        m.put("spanPs", lastTimePs() - firstTimePs());
        return m;
    }

    private static Map<String, Long> counts(Enum<?>[] names, long[] values) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (values[i] != 0) {
                m.put(names[i].name(), values[i]);
            }
        }
        return m;
    }
}
