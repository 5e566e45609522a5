package io.isotrace.trace.record;

import java.util.SplittableRandom;

/** Random transactions whose fields span their whole on-disk ranges, for round-trip and property tests. */
public final class RandomTransactions {
    private final SplittableRandom rnd;

    public RandomTransactions(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    public Transaction next(Transaction t, long seq) {
        t.clear();
        t.seq = seq;
        t.timePs = rnd.nextLong(0, Long.MAX_VALUE);
        t.clockDomain = rnd.nextInt(4);
        t.requester = rnd.nextInt(256);
        long pc = rnd.nextLong() & ((1L << 55) - 1);
        t.pc = rnd.nextBoolean() ? pc : (pc | 0xFF80_0000_0000_0000L); // both halves of the address space
        t.va = rnd.nextLong();
        t.ipa = rnd.nextLong() & ((1L << 56) - 1);
        t.size = rnd.nextInt(128);
        t.kind = TransactionKind.values()[rnd.nextInt(TransactionKind.values().length)];
        t.acquire = rnd.nextBoolean();
        t.release = rnd.nextBoolean();
        t.el = rnd.nextInt(4);
        t.security = SecurityState.values()[rnd.nextInt(4)];
        t.unprivileged = rnd.nextBoolean();
        t.asid = rnd.nextInt(65536);
        t.memoryType = MemoryType.values()[rnd.nextInt(MemoryType.values().length)];
        t.pa = rnd.nextLong() & ((1L << 48) - 1);
        t.status = ReplyStatus.values()[rnd.nextInt(4)];
        t.latencyPs = rnd.nextLong(0, 1L << 32);
        t.env = rnd.nextInt(65536);
        return t;
    }

    public int nextInt(int bound) {
        return rnd.nextInt(bound);
    }
}
