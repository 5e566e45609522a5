package io.isotrace.trace.record;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordLayoutTest {
    @Test
    void everyFieldSurvivesEncodeAndDecodeOverItsWholeRange() {
        RandomTransactions gen = new RandomTransactions(42);
        Transaction in = new Transaction();
        Transaction out = new Transaction();
        byte[] buf = new byte[RecordLayout.RECORD_BYTES + 16];
        for (int i = 0; i < 100_000; i++) {
            gen.next(in, 0);
            assertNull(RecordLayout.checkFits(in), () -> in.toString());
            RecordLayout.encode(in, buf, 8);
            out.clear();
            assertNull(RecordLayout.decode(buf, 8, out));
            out.seq = in.seq;
            assertTrue(in.sameRecord(out), () -> "in  " + in + "\nout " + out);
        }
    }

    @Test
    void encodingWritesExactlyFortyEightBytes() {
        byte[] buf = new byte[RecordLayout.RECORD_BYTES + 2];
        buf[0] = 0x5A;
        buf[buf.length - 1] = 0x5A;
        Transaction t = new RandomTransactions(1).next(new Transaction(), 0);
        RecordLayout.encode(t, buf, 1);
        assertEquals(0x5A, buf[0]);
        assertEquals(0x5A, buf[buf.length - 1]);
    }

    @Test
    void kernelPcIsSignExtendedBack() {
        Transaction t = new Transaction();
        t.pc = 0xFFFF_8000_1234_5678L;
        byte[] buf = new byte[48];
        RecordLayout.encode(t, buf, 0);
        Transaction out = new Transaction();
        RecordLayout.decode(buf, 0, out);
        assertEquals(0xFFFF_8000_1234_5678L, out.pc);
    }

    @Test
    void valuesThatDoNotFitAreNamed() {
        Transaction t = new Transaction();
        t.pa = 1L << 48;
        assertTrue(RecordLayout.checkFits(t).startsWith("pa "));
        t.pa = 0;
        t.size = 128;
        assertTrue(RecordLayout.checkFits(t).startsWith("size "));
        t.size = 8;
        t.latencyPs = 1L << 32;
        assertTrue(RecordLayout.checkFits(t).startsWith("latencyPs "));
        t.latencyPs = 0;
        t.pc = 0x0100_0000_0000_0000L;
        assertTrue(RecordLayout.checkFits(t).startsWith("pc "));
        t.pc = 0;
        t.env = 70000;
        assertTrue(RecordLayout.checkFits(t).startsWith("env "));
        t.env = 0;
        assertNull(RecordLayout.checkFits(t));
    }

    @Test
    void theFastCheckAgreesWithTheExplainingOne() {
        RandomTransactions gen = new RandomTransactions(8);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(8);
        Transaction t = new Transaction();
        for (int i = 0; i < 200_000; i++) {
            gen.next(t, 0);
            // Push one field out of range now and then.
            switch (rnd.nextInt(12)) {
                case 0: t.pa = 1L << (48 + rnd.nextInt(15)); break;
                case 1: t.ipa = 1L << (56 + rnd.nextInt(7)); break;
                case 2: t.size = 128 + rnd.nextInt(1000); break;
                case 3: t.latencyPs = -1 - rnd.nextInt(5); break;
                case 4: t.env = -1; break;
                case 5: t.pc = 0x0080_0000_0000_0000L; break;
                case 6: t.timePs = -5; break;
                case 7: t.requester = 256; break;
                default: break;
            }
            assertEquals(RecordLayout.checkFits(t) == null, RecordLayout.fits(t), t::toString);
        }
    }

    @Test
    void unassignedKindCodeIsReportedAsCorrupt() {
        byte[] buf = new byte[48];
        RecordLayout.encode(new Transaction(), buf, 0);
        buf[31] = (byte) 0x0F; // kind code 15 in word 3, bits 59..56
        assertNotNull(RecordLayout.decode(buf, 0, new Transaction()));
    }
}
