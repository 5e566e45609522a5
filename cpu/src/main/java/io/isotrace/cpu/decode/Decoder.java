package io.isotrace.cpu.decode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The compiled instruction tables. Encodings are tried most specific first (more fixed bits), the way Dynarmic
 * orders its table, and bucketed by the top 12 bits of the word so that a lookup scans only the few rows that can
 * match. An encoding whose decode function declines the word passes it to the next candidate.
 */
public final class Decoder {
    private static final int BUCKET_SHIFT = 20;
    private static final int BUCKETS = 1 << (32 - BUCKET_SHIFT);

    private final Encoding[][] buckets = new Encoding[BUCKETS][];
    private final List<Encoding> rows;
    private final Fields fields = new Fields();

    Decoder(List<Encoding> rows) {
        this.rows = List.copyOf(rows);
        List<Encoding> sorted = new ArrayList<>(rows);
        // Stable sort: among equally specific rows, table order decides (as decodetree's overlap groups do).
        sorted.sort(Comparator.comparingInt((Encoding e) -> -e.pattern().specificity()));
        // Each row goes into exactly the buckets whose top bits it can match: enumerate the subsets of its free
        // top bits (a row with k wildcards there lands in 2^k buckets), in sorted order, so buckets stay sorted.
        List<List<Encoding>> lists = new ArrayList<>(BUCKETS);
        for (int b = 0; b < BUCKETS; b++) {
            lists.add(new ArrayList<>());
        }
        for (Encoding e : sorted) {
            int fixed = e.pattern().mask() >>> BUCKET_SHIFT;
            int value = e.pattern().value() >>> BUCKET_SHIFT;
            int free = ~fixed & (BUCKETS - 1);
            int sub = free;
            while (true) {
                lists.get(value | sub).add(e);
                if (sub == 0) {
                    break;
                }
                sub = (sub - 1) & free;
            }
        }
        for (int b = 0; b < BUCKETS; b++) {
            buckets[b] = lists.get(b).toArray(new Encoding[0]);
        }
    }

    /** Every row, in table order. */
    public List<Encoding> rows() {
        return rows;
    }

    /**
     * Decodes {@code word} at {@code pc} into {@code out}. Returns the encoding that matched (which may be an
     * unimplemented one, leaving {@code out.op} at {@code Ops.UNIMPLEMENTED}), or null when the word is UNDEFINED
     * (then {@code out.op} is {@code Ops.UNDEFINED}).
     */
    public Encoding decode(int word, long pc, Insn out) {
        for (Encoding e : buckets[word >>> BUCKET_SHIFT]) {
            if (!e.pattern().matches(word)) {
                continue;
            }
            out.clear();
            out.word = word;
            out.pc = pc;
            out.encoding = e;
            if (!e.implemented()) {
                out.op = Ops.UNIMPLEMENTED;
                out.endsBlock = true;
                return e;
            }
            if (e.decode().decode(fields.reset(e.pattern(), word), out)) {
                return e;
            }
        }
        out.clear();
        out.word = word;
        out.pc = pc;
        out.op = Ops.UNDEFINED;
        out.endsBlock = true;
        return null;
    }
}
