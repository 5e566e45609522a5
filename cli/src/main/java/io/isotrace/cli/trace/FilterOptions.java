package io.isotrace.cli.trace;

import io.isotrace.cli.UsageException;
import io.isotrace.trace.record.TransactionKind;
import io.isotrace.trace.tools.TraceFilter;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The record filters shared by the trace commands: by kind and IPA range here, by sequence number in
 * {@link SeqRangeOptions} (convert spells its range {@code --seq} because {@code --from/--to} name formats there).
 */
public final class FilterOptions {
    @Option(names = "--kind", paramLabel = "KIND", split = ",",
            description = "Only these kinds (READ, WRITE, IFETCH, PTW, ATOMIC, EXCL_LOAD, EXCL_STORE, CACHE_MAINT, "
                    + "ZERO_BLOCK, or short names R, W, X, RMW ...), comma-separated.")
    List<String> kinds = new ArrayList<>();

    @Option(names = "--ipa", paramLabel = "LO:HI", description = "Only accesses whose IPA is in LO..HI (inclusive; hex with 0x or decimal).")
    String ipa;

    public TraceFilter toFilter(long from, long to) {
        EnumSet<TransactionKind> set = EnumSet.noneOf(TransactionKind.class);
        for (String k : kinds) {
            TransactionKind kind = TransactionKind.parse(k.trim());
            if (kind == null) {
                throw new UsageException("--kind: unknown transaction kind '" + k + "'");
            }
            set.add(kind);
        }
        long lo = 0;
        long hi = -1L;
        if (ipa != null) {
            try {
                long[] r = TraceFilter.parseRange(ipa);
                lo = r[0];
                hi = r[1];
            } catch (IllegalArgumentException e) {
                throw new UsageException("--ipa: " + e.getMessage());
            }
        }
        try {
            return new TraceFilter(from, to, set, lo, hi);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
