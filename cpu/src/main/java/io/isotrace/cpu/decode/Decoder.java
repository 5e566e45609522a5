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
        for (int b = 0; b < BUCKETS; b++) {
            int top = b << BUCKET_SHIFT;
            int topMask = ~0 << BUCKET_SHIFT;
            List<Encoding> candidates = new ArrayList<>();
            for (Encoding e : sorted) {
                int m = e.pattern().mask() & topMask;
                if ((top & m) == (e.pattern().value() & m)) {
                    candidates.add(e);
                }
            }
            buckets[b] = candidates.toArray(new Encoding[0]);
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
