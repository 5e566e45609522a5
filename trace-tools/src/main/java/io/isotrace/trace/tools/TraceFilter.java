package io.isotrace.trace.tools;

import io.isotrace.trace.queue.TraceReader;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which records a tool looks at: a sequence range, a set of kinds and an IPA range. Immutable; the test allocates
 * nothing.
 */
public final class TraceFilter {
    private final long fromSeq;
    private final long toSeq;
    private final boolean[] kinds = new boolean[16];
    private final long ipaLo;
    private final long ipaHi;

    /**
     * @param fromSeq first sequence number kept (inclusive)
     * @param toSeq   last sequence number kept (inclusive)
     * @param kinds   kinds kept; empty keeps every kind
     * @param ipaLo   lowest IPA kept (inclusive)
     * @param ipaHi   highest IPA kept (inclusive; an access is kept when its first byte is in range)
     */
    public TraceFilter(long fromSeq, long toSeq, Set<TransactionKind> kinds, long ipaLo, long ipaHi) {
        if (fromSeq > toSeq) {
            throw new IllegalArgumentException("--from " + fromSeq + " is after --to " + toSeq);
        }
        if (Long.compareUnsigned(ipaLo, ipaHi) > 0) {
            throw new IllegalArgumentException("IPA range is empty: low is above high");
        }
        this.fromSeq = fromSeq;
        this.toSeq = toSeq;
        for (TransactionKind k : kinds.isEmpty() ? EnumSet.allOf(TransactionKind.class) : kinds) {
            this.kinds[k.code()] = true;
        }
        this.ipaLo = ipaLo;
        this.ipaHi = ipaHi;
    }

    public static TraceFilter all() {
        return new TraceFilter(0, Long.MAX_VALUE, Set.of(), 0, -1L);
    }

    public long fromSeq() {
        return fromSeq;
    }

    public long toSeq() {
        return toSeq;
    }

    public boolean accepts(Transaction t) {
        return t.seq >= fromSeq && t.seq <= toSeq && kinds[t.kind.code()]
                && Long.compareUnsigned(t.ipa, ipaLo) >= 0 && Long.compareUnsigned(t.ipa, ipaHi) <= 0;
    }

    /** Moves {@code reader} to the start of the sequence range (a seek when it does not start at 0). */
    public void seekStart(TraceReader reader) {
        if (fromSeq > 0) {
            reader.seek(fromSeq);
        }
    }

    /**
     * Reads into {@code t} the next record of {@code reader} this filter accepts: true, or false at the end of the
     * trace or past the sequence range (records come in sequence order, so nothing later can match).
     */
    public boolean next(TraceReader reader, Transaction t) {
        while (reader.next(t)) {
            if (t.seq > toSeq) {
                return false;
            }
            if (accepts(t)) {
                return true;
            }
        }
        return false;
    }

    /** Parses {@code LO:HI} (hex with 0x, or decimal; both inclusive) into {lo, hi}. */
    public static long[] parseRange(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected LO:HI, got '" + text + "'");
        }
        return new long[]{parseAddress(text.substring(0, colon)), parseAddress(text.substring(colon + 1))};
    }

    /** Parses {@code 0x…} hex or decimal as an unsigned 64-bit address. */
    public static long parseAddress(String text) {
        String s = text.trim().replace("_", "");
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an address: '" + text + "'");
        }
    }
}
