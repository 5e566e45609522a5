package io.isotrace.cpu.difftest;

import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionSink;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Same program, arguments and input: the same output and the same transaction stream, byte for byte, for a busybox
 * pipeline of several processes (a SHA-256 over every field of every transaction). Needs busybox only.
 */
@Tag("reference")
class BusyboxDeterminismTest {
    @TempDir
    Path tmp;

    /** Hashes every recorded field of every transaction, and counts them. */
    static final class Digest implements TransactionSink {
        private final MessageDigest md;
        private final java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(128);
        long count;
        long childTransactions;

        Digest() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void accept(Transaction t) {
            b.clear();
            b.putLong(t.seq).putLong(t.timePs).putInt(t.requester).putLong(t.pc).putLong(t.va).putLong(t.ipa)
                    .putInt(t.size).putInt(t.kind.ordinal()).put((byte) (t.acquire ? 1 : 0))
                    .put((byte) (t.release ? 1 : 0)).putInt(t.el).putInt(t.security.ordinal()).putInt(t.asid)
                    .putInt(t.memoryType.ordinal()).putLong(t.pa).putInt(t.status.ordinal()).putLong(t.latencyPs)
                    .putInt(t.env);
            md.update(b.array(), 0, b.position());
            count++;
            if (t.va != t.ipa) {
                childTransactions++;
            }
        }

        String hex() {
            return HexFormat.of().formatHex(md.digest());
        }
    }

    @Test
    void twoRunsMakeTheSameOutputAndTransactions() throws Exception {
        Assumptions.assumeTrue(Tools.busyboxPresent(), Tools.busyboxMissing());
        Path fixture = BusyboxCases.fixture(tmp);
        GuestRun run = GuestRun.of("determinism", Tools.BUSYBOX).args(List.of("sh", "-c",
                "seq 1 2000 | sort -rn | head -n 5; x=$(cat a.txt | wc -l); echo $x; echo done | sha256sum"))
                .in(fixture).input("unused".getBytes(StandardCharsets.UTF_8));
        Digest d1 = new Digest();
        IsotraceRunner.Result r1 = IsotraceRunner.run(run, d1);
        Digest d2 = new Digest();
        IsotraceRunner.Result r2 = IsotraceRunner.run(run, d2);
        assertEquals(0, r1.outcome().exit(), r1.diagnostics());
        assertEquals(r1.outcome().out(), r2.outcome().out());
        assertTrue(r1.run().processes() >= 5, "processes: " + r1.run().processes());
        assertTrue(d1.count > 1_000_000, "transactions: " + d1.count);
        assertTrue(d1.childTransactions > 0, "child processes appear with VA != IPA");
        assertEquals(d1.count, r1.run().transactions());
        assertEquals(d1.count, d2.count);
        assertEquals(d1.hex(), d2.hex());
    }
}
