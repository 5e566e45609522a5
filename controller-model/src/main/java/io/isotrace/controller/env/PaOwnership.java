package io.isotrace.controller.env;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Which mappings point at which physical addresses: disjoint PA segments, each listing the mapping ids whose PA
 * range covers it. Used on the control path only: to refuse a mapping onto memory another environment owns
 * (unless a shared region says both may), and to turn a change of PA-side protection (MPC, TZC, GPT) into the exact
 * IPA ranges, environments and requesters it affects. Segments split where ranges start and end; cost is
 * O(log n + segments touched), independent of range size.
 */
final class PaOwnership {
    private static final class Segment {
        long end;
        int[] ids;
        int n;

        Segment(long end, int[] ids, int n) {
            this.end = end;
            this.ids = ids;
            this.n = n;
        }

        void add(int id) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
            }
            ids[n++] = id;
        }

        void remove(int id) {
            for (int i = 0; i < n; i++) {
                if (ids[i] == id) {
                    ids[i] = ids[--n];
                    return;
                }
            }
        }
    }

    private final TreeMap<Long, Segment> segments = new TreeMap<>();

    private void splitAt(long x) {
        Map.Entry<Long, Segment> e = segments.lowerEntry(x);
        if (e != null && e.getValue().end > x) {
            Segment s = e.getValue();
            segments.put(x, new Segment(s.end, Arrays.copyOf(s.ids, Math.max(1, s.n)), s.n));
            s.end = x;
        }
    }

    void add(long lo, long hi, int id) {
        splitAt(lo);
        splitAt(hi);
        long pos = lo;
        List<long[]> gaps = new ArrayList<>();
        for (Map.Entry<Long, Segment> e : segments.subMap(lo, true, hi, false).entrySet()) {
            if (e.getKey() > pos) {
                gaps.add(new long[]{pos, e.getKey()});
            }
            e.getValue().add(id);
            pos = e.getValue().end;
        }
        if (pos < hi) {
            gaps.add(new long[]{pos, hi});
        }
        for (long[] g : gaps) {
            segments.put(g[0], new Segment(g[1], new int[]{id}, 1));
        }
    }

    void remove(long lo, long hi, int id) {
        NavigableMap<Long, Segment> sub = segments.subMap(lo, true, hi, false);
        List<Long> empty = new ArrayList<>();
        for (Map.Entry<Long, Segment> e : sub.entrySet()) {
            e.getValue().remove(id);
            if (e.getValue().n == 0) {
                empty.add(e.getKey());
            }
        }
        empty.forEach(segments::remove);
    }

    /** Calls {@code visitor} with each mapping id overlapping [lo, hi) (an id may be visited more than once). */
    void forEachOverlap(long lo, long hi, java.util.function.IntConsumer visitor) {
        Map.Entry<Long, Segment> first = segments.lowerEntry(lo);
        if (first != null && first.getValue().end > lo) {
            Segment s = first.getValue();
            for (int i = 0; i < s.n; i++) {
                visitor.accept(s.ids[i]);
            }
        }
        for (Segment s : segments.subMap(lo, true, hi, false).values()) {
            for (int i = 0; i < s.n; i++) {
                visitor.accept(s.ids[i]);
            }
        }
    }
}
