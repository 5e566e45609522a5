package io.isotrace.trace.convert;

import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionKind;

/**
 * How a transaction becomes DRAM requests for the cycle-based simulators: one request per 64-byte line the access
 * touches, addressed to the line. Reads (data, fetch, walk, load-exclusive) read; writes (store, store-exclusive,
 * DC ZVA) write; an atomic read-modify-write reads and then writes; cache maintenance moves no data and is dropped;
 * so are accesses the controller refused, which never reach DRAM.
 */
public final class DramRequests {
    public static final int LINE_BYTES = 64;

    /** Which address a DRAM request uses. */
    public enum AddressSource {
        /** The controller's PA; falls back to the IPA on records no controller answered (identity in user mode). */
        PA,
        IPA
    }

    /** Receives one DRAM request. */
    @FunctionalInterface
    public interface Consumer {
        void request(long lineAddress, boolean write, long timePs);
    }

    private DramRequests() {
    }

    /** False for what reaches no memory: cache maintenance and refused accesses. */
    public static boolean movesData(Transaction t) {
        return t.kind != TransactionKind.CACHE_MAINT && t.status != ReplyStatus.DENIED
                && t.status != ReplyStatus.DECODE_ERROR;
    }

    /** The address memory sees: the PA a controller answered with, else (or when asked) the IPA. */
    public static long address(Transaction t, AddressSource source) {
        return source == AddressSource.PA && t.status == ReplyStatus.OK ? t.pa : t.ipa;
    }

    /** Emits the requests {@code t} makes; returns how many. */
    public static int expand(Transaction t, AddressSource source, Consumer out) {
        if (!movesData(t)) {
            return 0;
        }
        long addr = address(t, source);
        long first = addr & -LINE_BYTES;
        long last = (addr + Math.max(t.size, 1) - 1) & -LINE_BYTES;
        int n = 0;
        for (long line = first; Long.compareUnsigned(line, last) <= 0; line += LINE_BYTES) {
            if (t.kind.reads()) {
                out.request(line, false, t.timePs);
                n++;
            }
            if (t.kind.writes()) {
                out.request(line, true, t.timePs);
                n++;
            }
            if (line == last) {
                break; // guards against wrap-around at the top of the address space
            }
        }
        return n;
    }
}
