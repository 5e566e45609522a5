package io.isotrace.trace.record;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compact codec on its own: every field survives a batch round trip, for records far apart (long varints) and
 * for neighbours (the one- and two-byte forms real traces mostly take), and a batch cut short anywhere gives a
 * sentence, never an exception or a wrong record.
 */
class CompactCodecTest {
    /** A batch: records that are random, or small steps from the one before, in runs. */
    private static List<Transaction> batch(long seed, int n) {
        RandomTransactions far = new RandomTransactions(seed);
        SplittableRandom rnd = new SplittableRandom(seed + 1);
        List<Transaction> out = new ArrayList<>();
        Transaction prev = far.next(new Transaction(), 0);
        prev.timePs >>>= 8;
        for (int i = 0; i < n; i++) {
            Transaction t = new Transaction();
            if (rnd.nextInt(4) == 0) {
                far.next(t, i);
                t.timePs >>>= 8;
            } else {
                t.copyFrom(prev);
                t.seq = i;
                t.timePs += rnd.nextInt(20_000);
                t.va += rnd.nextInt(-300, 300);
                t.ipa = (t.ipa + rnd.nextInt(-300, 300)) & ((1L << 56) - 1);
                t.pa = (t.pa + rnd.nextInt(-300, 300)) & ((1L << 48) - 1);
                t.pc += 4L * rnd.nextInt(-20, 20);
                t.pc = (t.pc << 9) >> 9;
                t.latencyPs = rnd.nextLong(0, 1L << 16);
                if (rnd.nextBoolean()) {
                    t.kind = TransactionKind.values()[rnd.nextInt(TransactionKind.values().length)];
                    t.size = rnd.nextInt(128);
                }
            }
            assertNull(RecordLayout.checkFits(t));
            out.add(t);
            prev = t;
        }
        return out;
    }

    private static byte[] fixed(Transaction t) {
        byte[] b = new byte[RecordLayout.RECORD_BYTES];
        RecordLayout.encode(t, b, 0);
        return b;
    }

    @Test
    void everyFieldSurvivesABatchOfFarAndNearRecords() {
        for (long seed = 1; seed <= 50; seed++) {
            List<Transaction> recs = batch(seed, 200);
            CompactCodec enc = new CompactCodec();
            byte[] buf = new byte[recs.size() * CompactCodec.MAX_RECORD_BYTES];
            int end = 0;
            for (Transaction t : recs) {
                int before = end;
                end = enc.encode(t, buf, end);
                assertTrue(end - before <= CompactCodec.MAX_RECORD_BYTES);
            }
            CompactCodec dec = new CompactCodec();
            Transaction got = new Transaction();
            int pos = 0;
            for (int i = 0; i < recs.size(); i++) {
                assertNull(dec.decode(buf, pos, end, got), "seed " + seed + " record " + i);
                pos = dec.position();
                assertArrayEquals(fixed(recs.get(i)), fixed(got), "seed " + seed + " record " + i);
            }
            assertEquals(end, pos, "the batch is consumed exactly");
        }
    }

    @Test
    void neighboursTakeFewBytes() {
        List<Transaction> recs = batch(7, 2000);
        CompactCodec enc = new CompactCodec();
        byte[] buf = new byte[CompactCodec.MAX_RECORD_BYTES];
        int near = 0;
        long nearBytes = 0;
        Transaction prev = null;
        for (Transaction t : recs) {
            int n = enc.encode(t, buf, 0);
            if (prev != null && t.asid == prev.asid && t.env == prev.env) {
                near++;
                nearBytes += n;
            }
            prev = t;
        }
        assertTrue(near > 1000);
        assertTrue(nearBytes < near * 16L, "small steps stay small: " + (double) nearBytes / near + " bytes each");
    }

    @Test
    void aBatchCutShortAnywhereIsReportedNotMisread() {
        List<Transaction> recs = batch(11, 40);
        CompactCodec enc = new CompactCodec();
        byte[] buf = new byte[recs.size() * CompactCodec.MAX_RECORD_BYTES];
        int full = 0;
        List<Integer> boundaries = new ArrayList<>();
        for (Transaction t : recs) {
            boundaries.add(full);
            full = enc.encode(t, buf, full);
        }
        for (int cut = 0; cut < full; cut++) {
            CompactCodec dec = new CompactCodec();
            Transaction got = new Transaction();
            int pos = 0;
            String error = null;
            int decoded = 0;
            while (error == null) {
                error = dec.decode(buf, pos, cut, got);
                if (error == null) {
                    assertArrayEquals(fixed(recs.get(decoded)), fixed(got), "cut " + cut + " record " + decoded);
                    pos = dec.position();
                    decoded++;
                }
            }
            assertNotNull(error);
            // Exactly the records that lie wholly before the cut were decoded.
            int whole = 0;
            while (whole + 1 < boundaries.size() && boundaries.get(whole + 1) <= cut) {
                whole++;
            }
            assertEquals(whole, decoded, "cut at byte " + cut + ": " + error);
            assertTrue(error.startsWith("truncated") || error.startsWith("record runs past"), error);
        }
    }
}
